import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/types';
import { annotation as fixture } from '../all-annotations/fixtures';
import { ClaimmarkDB } from './db';
import { DocumentAnnotations } from './document-annotations';
import { aroundMutate } from './mutate-spy';
import { isSpansRecord, orphansOf, spansOf, spansRecordOf, type Span } from './spans';

/** A three-character annotation in the first category. */
const annotation = (id: string, docId: string, start: number, extra: Partial<Annotation> = {}) =>
  fixture(id, docId, start, { end: start + 3, categoryIds: ['c1'], ...extra });

let db: ClaimmarkDB;
beforeEach(() => {
  db = new ClaimmarkDB(`spans-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** The stored record of a document as `id@start[cats]`, or null without one. */
async function stored(docId: string): Promise<string[] | null> {
  const r: unknown = await db.spans.get(docId);
  if (r === undefined) return null;
  if (!isSpansRecord(r)) throw new Error('a damaged spans record');
  return spansOf(r).map((s) => `${s.id}@${s.start}[${s.categoryIds.join(',')}]`);
}

/** The orphans a document's stored record names, in any order. */
async function storedOrphans(docId: string): Promise<string[] | null> {
  const r: unknown = await db.spans.get(docId);
  return isSpansRecord(r) ? orphansOf(r).sort() : null;
}

/** What a first open writes: the record of the document's annotations as they are. */
async function opened(docId: string): Promise<Span[] | null> {
  let early: Span[] | null = null;
  const model = new DocumentAnnotations(
    db,
    docId,
    () => {},
    (e) => {
      throw e;
    },
    (spans) => (early = spans),
  );
  await model.loaded;
  await model.idle();
  model.close();
  return early;
}

describe('the spans record', () => {
  it('round-trips a list in text order, ties by id', () => {
    const spans: Span[] = [
      { id: 'b', start: 5, end: 9, categoryIds: ['x'] },
      { id: 'a', start: 5, end: 9, categoryIds: [] },
      { id: 'c', start: 1, end: 2, categoryIds: ['x', 'y'] },
    ];
    const record = spansRecordOf('d', spans);
    expect(record && isSpansRecord(record)).toBe(true);
    expect(spansOf(record!).map((s) => s.id)).toEqual(['c', 'a', 'b']);
    expect(spansOf(record!)).toEqual([spans[2], spans[1], spans[0]]);
    expect(spansOf(spansRecordOf('d', [])!)).toEqual([]);
  });

  it('is not made for ids that hold its separators, so nothing is read back wrong', () => {
    expect(spansRecordOf('d', [{ id: 'a\nb', start: 1, end: 2, categoryIds: [] }])).toBeNull();
    expect(spansRecordOf('d', [{ id: 'a', start: 1, end: 2, categoryIds: ['x\ty'] }])).toBeNull();
    expect(spansRecordOf('d', [{ id: 'a', start: 1, end: 2, categoryIds: [''] }])).toBeNull();
  });

  it('is made by the first open, without orphans, and shown by the next before any record', async () => {
    await db.annotations.bulkPut([
      annotation('a2', 'd1', 20),
      annotation('a1', 'd1', 10),
      annotation('o', 'd1', 0, { orphaned: true }),
      annotation('x', 'd2', 0),
    ]);
    expect(await stored('d1')).toBeNull();
    expect(await opened('d1')).toBeNull();
    expect(await stored('d1')).toEqual(['a1@10[c1]', 'a2@20[c1]']);
    expect(await storedOrphans('d1')).toEqual(['o']);
    expect((await opened('d1'))?.map((s) => s.id)).toEqual(['a1', 'a2']);
    expect(await stored('d2')).toBeNull();
  });

  describe('kept in step by every write', () => {
    beforeEach(async () => {
      await db.annotations.bulkPut([annotation('a1', 'd1', 10), annotation('b1', 'd2', 10)]);
      await opened('d1');
      await opened('d2');
    });

    it('a tag, a second category, an orphaned and a deleted annotation', async () => {
      await db.annotations.put(annotation('a0', 'd1', 2));
      expect(await stored('d1')).toEqual(['a0@2[c1]', 'a1@10[c1]']);
      await db.annotations.update('a0', { categoryIds: ['c1', 'c2'] });
      expect(await stored('d1')).toEqual(['a0@2[c1,c2]', 'a1@10[c1]']);
      await db.annotations.update('a1', { orphaned: true });
      expect(await stored('d1')).toEqual(['a0@2[c1,c2]']);
      await db.annotations.delete('a0');
      expect(await stored('d1')).toEqual([]);
      expect(await stored('d2')).toEqual(['b1@10[c1]']);
    });

    it('names its orphans, so that the count is whole: orphaned, placed again, deleted', async () => {
      await db.annotations.bulkPut([annotation('o1', 'd1', 30), annotation('o2', 'd1', 40)]);
      await db.annotations.update('o1', { orphaned: true });
      await db.annotations.update('o2', { orphaned: true });
      expect(await storedOrphans('d1')).toEqual(['o1', 'o2']);
      expect(await stored('d1')).toEqual(['a1@10[c1]']);
      // Reattached: a highlight again, no longer an orphan.
      await db.annotations.put(annotation('o1', 'd1', 5));
      expect(await storedOrphans('d1')).toEqual(['o2']);
      expect(await stored('d1')).toEqual(['o1@5[c1]', 'a1@10[c1]']);
      await db.annotations.delete('o2');
      expect(await storedOrphans('d1')).toEqual([]);
      expect(await storedOrphans('d2')).toEqual([]);
    });

    it('a document deleted with its annotations, and a library cleared', async () => {
      await db.annotations.where('docId').equals('d1').delete();
      expect(await stored('d1')).toEqual([]);
      expect(await stored('d2')).toEqual(['b1@10[c1]']);
      await db.annotations.clear();
      expect(await stored('d2')).toBeNull();
    });

    it('several writes in one transaction (a replaced text, in chunks) all reach it', async () => {
      await db.transaction('rw', db.annotations, async () => {
        await db.annotations.bulkPut([annotation('a1', 'd1', 11), annotation('a2', 'd1', 20)]);
        await db.annotations.bulkPut([annotation('a3', 'd1', 30)]);
        await db.annotations.delete('a2');
        await db.annotations.put(annotation('b1', 'd2', 12));
      });
      expect(await stored('d1')).toEqual(['a1@11[c1]', 'a3@30[c1]']);
      expect(await stored('d2')).toEqual(['b1@12[c1]']);
    });

    it('goes back with a transaction that fails', async () => {
      await expect(
        db.transaction('rw', db.annotations, async () => {
          await db.annotations.put(annotation('a9', 'd1', 90));
          throw new Error('the write after it failed');
        }),
      ).rejects.toThrow('the write after it failed');
      expect(await stored('d1')).toEqual(['a1@10[c1]']);
    });

    it('a bulk write where some records are refused keeps only the stored ones', async () => {
      await expect(
        db.annotations.bulkAdd([annotation('a1', 'd1', 50), annotation('a5', 'd1', 5)]),
      ).rejects.toThrow();
      // bulkAdd stores what it can: a5 is in, the duplicate a1 stays as it was.
      expect(await stored('d1')).toEqual(['a5@5[c1]', 'a1@10[c1]']);
    });
  });

  it('a note, status or speaker written leaves the record as it is; a moved highlight rewrites it', async () => {
    let rewrites = 0;
    // Below the spans middleware, so it sees the record's writes.
    db.use(aroundMutate('spans', (req, down) => (rewrites++, down(req)), 0));
    await db.annotations.bulkPut([annotation('a1', 'd1', 10), annotation('a2', 'd1', 20)]);
    await opened('d1');
    rewrites = 0;
    await db.annotations.update('a1', { note: '核对原文' });
    await db.annotations.update('a1', { status: 'supported', speaker: '国家统计局' });
    expect(rewrites).toBe(0);
    await db.annotations.update('a2', { start: 5, end: 8, note: 'moved' });
    expect(rewrites).toBe(1);
    expect(await stored('d1')).toEqual(['a2@5[c1]', 'a1@10[c1]']);
    await db.annotations.update('a1', { categoryIds: ['c1', 'c2'] });
    expect(await stored('d1')).toEqual(['a2@5[c1]', 'a1@10[c1,c2]']);
    expect(rewrites).toBe(2);
  });

  it('a document that was never opened gets no record from writes', async () => {
    await db.annotations.put(annotation('a1', 'd1', 10));
    await db.annotations.delete('a1');
    expect(await stored('d1')).toBeNull();
  });

  it('a key press before the records are read leaves the painted spans, then shows with them', async () => {
    await db.annotations.bulkPut([annotation('a1', 'd1', 10), annotation('a2', 'd1', 20)]);
    await opened('d1');
    let read!: () => void;
    const lists: string[][] = [];
    let early: Span[] = [];
    const model = new DocumentAnnotations(
      db,
      'd1',
      (list) => lists.push(list.map((a) => a.id)),
      () => {},
      (spans) => (early = spans),
      new Promise<void>((r) => (read = r)),
    );
    await expect.poll(() => early.length).toBe(2);
    const tagged = annotation('a0', 'd1', 2);
    const preview = model.preview([{ before: null, after: tagged }]);
    // Published now, a list of the one new annotation would replace the two painted.
    expect(lists).toEqual([]);
    read();
    await model.loaded;
    await model.idle();
    expect(lists.at(-1)).toEqual(['a0', 'a1', 'a2']);
    await db.annotations.put(tagged);
    preview?.settle([{ before: null, after: tagged }]);
    await model.idle();
    expect(lists.at(-1)).toEqual(['a0', 'a1', 'a2']);
    model.close();
  });

  it('gives the whole count, orphans too, before any record is read', async () => {
    await db.annotations.bulkPut([
      annotation('a1', 'd1', 10),
      annotation('o1', 'd1', 0, { orphaned: true }),
      annotation('o2', 'd1', 0, { orphaned: true }),
    ]);
    await opened('d1');
    let counted: number | null = null;
    const model = new DocumentAnnotations(
      db,
      'd1',
      () => {},
      () => {},
      (_, count) => (counted = count),
      new Promise<void>(() => {}),
    );
    await expect.poll(() => counted).toBe(3);
    model.close();
  });

  it('a record of the format before orphans were named is not used, and is made again', async () => {
    await db.annotations.put(annotation('a1', 'd1', 10));
    const { orphans: _, ...older } = spansRecordOf('d1', [
      { id: 'a1', start: 10, end: 13, categoryIds: ['c1'] },
    ])!;
    await db.spans.put({ ...older, format: 2 } as never);
    expect(await opened('d1')).toBeNull();
    expect(await stored('d1')).toEqual(['a1@10[c1]']);
  });

  it('a record that disagrees with the annotations is shown, then made again', async () => {
    await db.annotations.put(annotation('a1', 'd1', 10));
    await db.spans.put(spansRecordOf('d1', [{ id: 'gone', start: 1, end: 2, categoryIds: [] }])!);
    expect((await opened('d1'))?.map((s) => s.id)).toEqual(['gone']);
    await expect.poll(() => stored('d1')).toEqual(['a1@10[c1]']);
  });
});
