import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAnnotationsCsv } from '../../shared/csv';
import { annotation, category, doc } from '../all-annotations/fixtures';
import { ClaimmarkDB } from '../db/db';
import { buildCsvExport } from './export-csv';
import { buildXlsxExport } from './export-xlsx';

let db: ClaimmarkDB;

beforeEach(async () => {
  db = new ClaimmarkDB(`xlsx-export-${crypto.randomUUID()}`);
  await db.open();
  await db.documents.bulkPut([
    doc('a', 'Alpha: "report"', '2026-01-02T00:00:00Z'),
    doc('b', '北京晚报', '2026-01-01T00:00:00Z'),
  ]);
  await db.texts.bulkPut([
    { docId: 'a', text: 'Alpha says the sky is green.' },
    { docId: 'b', text: '北京晚报：经济增长５％。' },
  ]);
  await db.categories.bulkPut([category('k', 'Claim', 0)]);
  await db.annotations.bulkPut([
    annotation('a1', 'a', 0, { end: 5, quote: 'Alpha', categoryIds: ['k'] }),
    annotation('b1', 'b', 5, { end: 9, quote: '经济增长', speaker: '新华社' }),
  ]);
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function annotationRows(bytes: Uint8Array): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = workbook.getWorksheet('Annotations');
  if (!ws) throw new Error('no Annotations sheet');
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('buildXlsxExport', () => {
  it('the library: the rows of the library CSV, named like it', async () => {
    const now = new Date(2026, 4, 6);
    const [xlsx, csv] = await Promise.all([
      buildXlsxExport(db, null, now),
      buildCsvExport(db, null, now),
    ]);
    expect(xlsx.fileName).toBe('claimmark-library-2026-05-06.xlsx');
    expect(xlsx.rows).toBe(2);
    const rows = await annotationRows(xlsx.bytes);
    expect(rows.slice(1).map((r) => r[0])).toEqual(
      parseAnnotationsCsv(csv.content).map((r) => r.annotation_id),
    );
    expect(rows[1]).toContain('经济增长');
  });

  it('one document: only its rows, the file named for its title', async () => {
    const xlsx = await buildXlsxExport(db, 'a', new Date(2026, 4, 6));
    expect(xlsx.fileName).toBe('Alpha report-2026-05-06.xlsx');
    const rows = await annotationRows(xlsx.bytes);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['a1']);
  });
});
