/**
 * The workbook read back by an independent reader (ExcelJS, a dev
 * dependency only): what a spreadsheet program would find in each cell.
 */
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CODEBOOK_CSV_COLUMNS } from '../../shared/codebook-csv';
import {
  annotationsToCsv,
  CSV_COLUMN_KINDS,
  CSV_COLUMNS,
  parseAnnotationsCsv,
} from '../../shared/csv';
import { annotationsWorkbook, DATE_FORMAT, MAX_CELL_TEXT } from './workbook';
import { fixtureInput } from './workbook-fixture';

/** The last column's letter: one column per CSV column (fewer than 27). */
const LAST_COLUMN = String.fromCharCode(64 + CSV_COLUMNS.length);

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

const rowValues = (ws: ExcelJS.Worksheet, n: number, width: number) =>
  Array.from({ length: width }, (_, i) => ws.getRow(n).getCell(i + 1));

/** "2026-11-22T21:00:05+08:00" → the wall-clock time a spreadsheet date holds (read as UTC). */
const wallClock = (local: string) => new Date(`${local.slice(0, 19)}Z`);

describe('annotations workbook, read back', () => {
  const input = fixtureInput(480);
  const bytes = annotationsWorkbook(input);
  const csvRows = parseAnnotationsCsv(annotationsToCsv(input));

  it('holds an Annotations sheet and a Codebook sheet, in that order', async () => {
    const wb = await read(await bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Annotations', 'Codebook']);
  });

  it('has the CSV header and, cell by cell, the CSV rows with their types', async () => {
    const ws = sheet(await read(await bytes), 'Annotations');
    expect(rowValues(ws, 1, CSV_COLUMNS.length).map((c) => c.value)).toEqual([...CSV_COLUMNS]);
    expect(ws.rowCount).toBe(csvRows.length + 1);
    csvRows.forEach((csv, r) => {
      const cells = rowValues(ws, r + 2, CSV_COLUMNS.length);
      CSV_COLUMNS.forEach((column, i) => {
        const cell = cells[i]!;
        const expected = csv[column];
        const where = `row ${r + 2} ${column}`;
        if (expected === '') {
          expect(cell.type, where).toBe(ExcelJS.ValueType.Null);
        } else if (CSV_COLUMN_KINDS[column] === 'number') {
          expect(cell.type, where).toBe(ExcelJS.ValueType.Number);
          expect(cell.value, where).toBe(Number(expected));
        } else if (CSV_COLUMN_KINDS[column] === 'date') {
          expect(cell.type, where).toBe(ExcelJS.ValueType.Date);
          expect((cell.value as Date).toISOString(), where).toBe(wallClock(expected).toISOString());
          expect(cell.numFmt, where).toBe(DATE_FORMAT);
        } else {
          expect(cell.type, where).toBe(ExcelJS.ValueType.String);
          expect(cell.value, where).toBe(expected);
        }
      });
    });
  });

  it('keeps "=…", "-…" and "@…" as plain text: no formula, no apostrophe', async () => {
    const ws = sheet(await read(await bytes), 'Annotations');
    const all = ws.getSheetValues().flat();
    expect(all).toContain('=SUM(A1:A9)');
    expect(all).toContain('-not a formula either');
    expect(all).toContain('@source');
    expect(all.some((v) => typeof v === 'string' && v.startsWith("'"))).toBe(false);
    ws.eachRow((row) =>
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)),
    );
    // And no <f> element anywhere in the file, whatever a reader makes of it.
    const files = unzipSync(await bytes);
    for (const [name, data] of Object.entries(files)) {
      if (name.endsWith('.xml')) expect(strFromU8(data), name).not.toMatch(/<f[ >]/);
    }
  });

  it('keeps an id of 18 digits and "1-5" as text, and Chinese as written', async () => {
    const ws = sheet(await read(await bytes), 'Annotations');
    const ids = ws.getColumn(1).values;
    expect(ids).toContain('123456789012345678');
    expect(ws.getColumn(6).values).toContain('1-5');
    expect(ws.getColumn(6).values).toContain('今年新增装机1.35亿千瓦');
    const value = ws.getRow(2).getCell(CSV_COLUMNS.indexOf('value') + 1);
    expect(value.value).toBe(135_000_000);
  });

  it('freezes the header row and filters it, on both sheets', async () => {
    const wb = await read(await bytes);
    const annotations = sheet(wb, 'Annotations');
    expect(annotations.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(annotations.autoFilter).toBe(`A1:${LAST_COLUMN}${csvRows.length + 1}`);
    const codebook = sheet(wb, 'Codebook');
    expect(codebook.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(codebook.autoFilter).toBe('A1:E4');
  });

  it('lists the codebook as the codebook CSV does, shortcuts as numbers', async () => {
    const ws = sheet(await read(await bytes), 'Codebook');
    expect(rowValues(ws, 1, 5).map((c) => c.value)).toEqual([...CODEBOOK_CSV_COLUMNS]);
    expect(rowValues(ws, 2, 5).map((c) => c.value)).toEqual([
      '事实声明',
      null,
      '#e15759',
      '可核实的事实',
      1,
    ]);
    // A subcategory names its parent; a description starting with "=" is text.
    expect(rowValues(ws, 3, 5).map((c) => c.value)).toEqual([
      'Statistic',
      '事实声明',
      '#4e79a7',
      '=a figure',
      2,
    ]);
  });

  it('writes the local time of another offset (UTC−5) as that wall clock', async () => {
    const ws = sheet(await read(await annotationsWorkbook(fixtureInput(-300))), 'Annotations');
    const created = ws.getRow(2).getCell(CSV_COLUMNS.indexOf('created_at') + 1).value as Date;
    expect(created.toISOString()).toBe('2026-11-22T08:00:05.000Z');
  });

  it('with nothing to export: the header alone, still filtered', async () => {
    const wb = await read(await annotationsWorkbook({ ...fixtureInput(), annotations: [] }));
    const ws = sheet(wb, 'Annotations');
    expect(ws.rowCount).toBe(1);
    expect(ws.autoFilter).toBe(`A1:${LAST_COLUMN}1`);
  });

  it('cuts a note longer than a cell may hold, and says so with "…"', async () => {
    const base = fixtureInput();
    const long = '长'.repeat(MAX_CELL_TEXT + 10);
    const annotations = base.annotations.map((a, i) => (i === 0 ? { ...a, note: long } : a));
    const ws = sheet(
      await read(await annotationsWorkbook({ ...base, annotations })),
      'Annotations',
    );
    const note = ws.getRow(2).getCell(CSV_COLUMNS.indexOf('note') + 1).value as string;
    expect(note.length).toBe(MAX_CELL_TEXT);
    expect(note.endsWith('…')).toBe(true);
  });
});
