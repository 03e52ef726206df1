import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/types';
import { ClaimmarkDB } from './db';
import { DocumentAnnotations } from './document-annotations';

const STAMP = '2026-12-01T00:00:00.000Z';
function annotation(id: string, docId: string, start: number, note = ''): Annotation {
  return {
    id,
    docId,
    start,
    end: start + 3,
    quote: 'abc',
    prefix: '',
    suffix: '',
    categoryIds: ['c1'],
    note,
    status: 'unverified',
    speaker: '',
    evidence: '',
    createdAt: STAMP,
    updatedAt: STAMP,
  };
}

let db: ClaimmarkDB;
let model: DocumentAnnotations | null = null;
let published: Annotation[][];

/** The model's list once it has read every change so far. */
async function settled(): Promise<Annotation[]> {
  await model?.idle();
  return published.at(-1) ?? [];
}
const summary = (list: Annotation[]) =>
  list.map((a) => `${a.id}@${a.start}${a.note ? `:${a.note}` : ''}`);

beforeEach(async () => {
  db = new ClaimmarkDB(`doc-annotations-${crypto.randomUUID()}`);
  await db.open();
  await db.annotations.bulkAdd([
    annotation('a', 'd1', 10),
    annotation('b', 'd1', 2),
    annotation('x', 'd2', 0),
  ]);
  published = [];
  model = new DocumentAnnotations(db, 'd1', (list) => published.push(list));
});

afterEach(() => {
  model?.close();
  db.close();
});

describe('the open document’s annotations in memory', () => {
  it('are read once, in text order', async () => {
    expect(summary(await settled())).toEqual(['b@2', 'a@10']);
  });

  it('follow an edit, an addition and a deletion, reading only what changed', async () => {
    await settled();
    await db.annotations.put({ ...annotation('a', 'd1', 10), note: 'checked' });
    await db.annotations.add(annotation('c', 'd1', 5));
    await db.annotations.delete('b');
    expect(summary(await settled())).toEqual(['c@5', 'a@10:checked']);
  });

  it('take no notice of a change to another document', async () => {
    await settled();
    const before = published.length;
    await db.annotations.put({ ...annotation('x', 'd2', 0), note: 'elsewhere' });
    await db.annotations.add(annotation('y', 'd2', 4));
    await settled();
    expect(published.length).toBe(before);
  });

  it('see an annotation moved into or out of the document', async () => {
    await settled();
    await db.annotations.put(annotation('x', 'd1', 7));
    await db.annotations.put(annotation('a', 'd2', 10));
    expect(summary(await settled())).toEqual(['b@2', 'x@7']);
  });

  it('follow bulk changes: a range delete, a modify, a clear', async () => {
    await settled();
    await db.annotations
      .where('docId')
      .equals('d1')
      .modify((a) => {
        a.note = 'bulk';
      });
    expect(summary(await settled())).toEqual(['b@2:bulk', 'a@10:bulk']);
    await db.annotations.where('docId').equals('d1').delete();
    expect(summary(await settled())).toEqual([]);
    await db.annotations.bulkAdd([annotation('n', 'd1', 1)]);
    expect(summary(await settled())).toEqual(['n@1']);
    await db.annotations.clear();
    expect(summary(await settled())).toEqual([]);
  });

  it('stop after close', async () => {
    await settled();
    model?.close();
    const before = published.length;
    await db.annotations.add(annotation('late', 'd1', 0));
    await settled();
    expect(published.length).toBe(before);
  });
});
