import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAnnotationsCsv } from '../../shared/csv';
import { ClaimmarkDB } from '../db/db';
import { buildRowsCsv } from './export-rows';
import { annotation, category, doc } from './fixtures';

let db: ClaimmarkDB;

beforeEach(async () => {
  db = new ClaimmarkDB(`all-annotations-${crypto.randomUUID()}`);
  await db.open();
  await db.documents.bulkPut([
    doc('a', 'Alpha', '2026-01-02T00:00:00Z'),
    doc('b', 'Beta', '2026-01-01T00:00:00Z'),
    doc('c', 'Gamma (no text stored)', '2026-01-03T00:00:00Z'),
  ]);
  await db.texts.bulkPut([
    { docId: 'a', text: 'Alpha says the sky is green.' },
    { docId: 'b', text: '北京晚报：经济增长５％。' },
  ]);
  await db.categories.bulkPut([category('k', 'Claim', 0)]);
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('buildRowsCsv', () => {
  it('exports exactly the annotations given, reading only their documents', async () => {
    const chosen = [
      annotation('a1', 'a', 0, { end: 5, quote: 'Alpha', categoryIds: ['k'], status: 'false' }),
      annotation('b1', 'b', 5, { end: 9, quote: '经济增长', speaker: '新华社' }),
    ];
    // Document c has no text: exporting rows of a and b must not need it.
    await db.annotations.bulkPut([...chosen, annotation('c1', 'c', 0), annotation('a2', 'a', 6)]);
    const csv = await buildRowsCsv(db, chosen, new Date(2026, 4, 6));
    expect(csv.fileName).toBe('claimmark-annotations-2026-05-06.csv');
    expect(csv.rows).toBe(2);
    const rows = parseAnnotationsCsv(csv.content);
    // Ordered by document (library order: b was added first), then position.
    expect(rows.map((r) => r.annotation_id)).toEqual(['b1', 'a1']);
    expect(rows[0]).toMatchObject({ quote: '经济增长', speaker: '新华社', start: '5', end: '9' });
    expect(rows[1]).toMatchObject({
      categories: 'Claim',
      status: 'false',
      document_title: 'Alpha',
    });
  });

  it('leaves out annotations of documents no longer in the library', async () => {
    const csv = await buildRowsCsv(db, [annotation('x', 'gone', 0), annotation('a1', 'a', 0)]);
    expect(csv.rows).toBe(1);
    expect(parseAnnotationsCsv(csv.content).map((r) => r.annotation_id)).toEqual(['a1']);
  });

  it('writes just the header for no rows', async () => {
    const csv = await buildRowsCsv(db, []);
    expect(csv.rows).toBe(0);
    expect(parseAnnotationsCsv(csv.content)).toEqual([]);
  });
});
