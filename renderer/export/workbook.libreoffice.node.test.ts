/**
 * A second reader: LibreOffice Calc, headless, converts the workbook to CSV
 * (UTF-8, every sheet). What it writes is what an analyst sees on opening
 * the file. Skips, saying why, where LibreOffice is not installed (Debian:
 * `apt-get install libreoffice-calc`).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../shared/csv';
import { sofficeConvert, sofficeMissing } from '../../shared/test-support/node/soffice';
import { annotationsWorkbook } from './workbook';
import { fixtureInput } from './workbook-fixture';

const missing = sofficeMissing('libreoffice-calc');
if (missing) console.log(`[workbook.libreoffice] skipped: ${missing}`);

/** Calc's CSV filter: comma, double quote, UTF-8 (76), … , -1 = one file per sheet. */
const FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

const dir = mkdtempSync(join(tmpdir(), 'claimmark-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Converts the workbook; returns each sheet's rows, keyed by the sheet name in the file name. */
async function convert(bytes: Uint8Array): Promise<Map<string, string[][]>> {
  const file = join(dir, 'export.xlsx');
  writeFileSync(file, bytes);
  const out = join(dir, 'csv');
  sofficeConvert(file, FILTER, out);
  const sheets = new Map<string, string[][]>();
  for (const name of readdirSync(out)) {
    const text = readFileSync(join(out, name), 'utf8');
    const sheet = name.replace(/^export-?/, '').replace(/\.csv$/, '') || 'first';
    sheets.set(sheet, Papa.parse<string[]>(text, { skipEmptyLines: true }).data);
  }
  return sheets;
}

describe.skipIf(missing !== null)('the workbook as LibreOffice Calc reads it', () => {
  const converted = annotationsWorkbook(fixtureInput(480)).then(convert);
  const column = (row: string[] | undefined, name: (typeof CSV_COLUMNS)[number]) =>
    row?.[CSV_COLUMNS.indexOf(name)];

  it('finds both sheets with their headers', async () => {
    const sheets = await converted;
    expect(sheets.get('Annotations')?.[0]).toEqual([...CSV_COLUMNS]);
    expect(sheets.get('Codebook')?.[0]).toEqual([
      'name',
      'parent',
      'color',
      'description',
      'shortcut',
    ]);
  }, 240_000);

  it('shows Chinese text, a leading "=" and digits as written, figures as numbers, times as dates', async () => {
    const rows = (await converted).get('Annotations') ?? [];
    const zh = rows.find((r) => r[0] === 'a-zh');
    expect(column(zh, 'quote')).toBe('今年新增装机1.35亿千瓦');
    expect(column(zh, 'note')).toBe('核对：国家能源局公报');
    expect(column(zh, 'start')).toBe('8');
    expect(column(zh, 'value')).toBe('135000000');
    expect(column(zh, 'created_at')).toBe('2026-11-22 21:00:05');
    expect(column(zh, 'updated_at')).toBe('2026-11-23 09:30:00');

    // Not a formula (it would show its result), not 1.23457E+17, no apostrophe.
    const formula = rows.find((r) => r[0] === '123456789012345678');
    expect(column(formula, 'quote')).toBe('=SUM(A1:A9)');
    expect(column(formula, 'note')).toBe('-not a formula either');
    const range = rows.find((r) => r[0] === 'a-range');
    expect(column(range, 'quote')).toBe('1-5');
    expect(column(range, 'evidence')).toBe('@source');
  }, 240_000);

  it('reads the codebook sheet', async () => {
    const rows = (await converted).get('Codebook') ?? [];
    expect(rows.slice(1)).toEqual([
      ['事实声明', '', '#e15759', '可核实的事实', '1'],
      ['Statistic', '事实声明', '#4e79a7', '=a figure', '2'],
      ['Opinion', '', '#59a14f', '', '3'],
    ]);
  }, 240_000);
});
