import 'fake-indexeddb/auto';
import Dexie, { type ObservabilitySet } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/types';
import { deleteDocument } from '../library/library-actions';
import type { ClaimmarkDB } from './db';
import { freshDatabases } from './fresh-db';
import { annotationAt as note } from './annotation-at';
import { withStep } from './shifts';
import { singleKeys } from './store-follower';

const freshDb = freshDatabases('shifts-middleware-test');

/** Document a: annotations at 10, 20, 30; from 20 on they moved by +5 (one step). Document b: at 15, unmoved. */
async function shifted(): Promise<ClaimmarkDB> {
  const db = freshDb();
  await db.open();
  await db.annotations.bulkAdd([note('a1', 'a', 10), note('a2', 'a', 20), note('a3', 'a', 30)]);
  await db.annotations.add(note('b1', 'b', 15));
  await db.shifts.put(
    withStep('a', undefined, [
      [10, 10],
      [20, 25],
      [30, 35],
    ]),
  );
  return db;
}

const spans = (list: (Annotation | undefined)[]) => list.map((a) => [a?.id, a?.start, a?.end]);

function rawGet(db: ClaimmarkDB, id: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const read = db.backendDB().transaction('annotations').objectStore('annotations').get(id);
    read.onsuccess = () => resolve(read.result as Record<string, unknown>);
    read.onerror = () => reject(read.error);
  });
}

describe('the shifts middleware', () => {
  it('gives every read the current places: get, bulkGet, a query, a cursor', async () => {
    const db = await shifted();
    const now = [
      ['a1', 10, 12],
      ['a2', 25, 27],
      ['a3', 35, 37],
    ];
    expect(spans([await db.annotations.get('a2')])).toEqual([now[1]]);
    expect(spans(await db.annotations.bulkGet(['a1', 'a2', 'a3']))).toEqual(now);
    expect(spans(await db.annotations.where('docId').equals('a').sortBy('start'))).toEqual(now);
    const walked: Annotation[] = [];
    await db.annotations
      .where('docId')
      .equals('a')
      .each((a) => walked.push(a));
    expect(spans(walked.sort((x, y) => x.start - y.start))).toEqual(now);
    expect(spans([await db.annotations.get('b1')])).toEqual([['b1', 15, 17]]);
  });

  it('answers the position index from the records: a span, a range over documents, keys, a count', async () => {
    const db = await shifted();
    const index = () => db.annotations.where('[docId+start+end]');
    expect((await index().equals(['a', 25, 27]).first())?.id).toBe('a2');
    expect(await index().equals(['a', 20, 22]).first()).toBeUndefined();
    expect(await index().between(['a', 24, 0], ['a', Infinity, Infinity]).primaryKeys()).toEqual([
      'a2',
      'a3',
    ]);
    expect(await index().between(['a', 0, 0], ['b', Infinity, Infinity]).primaryKeys()).toEqual([
      'a1',
      'a2',
      'a3',
      'b1',
    ]);
    expect(await index().between(['a', 0, 0], ['a', 30, 0]).count()).toBe(2);
    await expect(
      index()
        .equals(['a', 25, 27])
        .each(() => {}),
    ).rejects.toThrow(/cursor/);
  });

  it('stamps what it writes with the generation, and a change read, changed and written moves once', async () => {
    const db = await shifted();
    await db.transaction('rw', db.annotations, async () => {
      await db.annotations
        .where('docId')
        .equals('a')
        .modify((a) => void (a.note = 'checked'));
      // bulkUpdate reads through Dexie's transaction cache, which modify filled.
      await db.annotations.bulkUpdate([{ key: 'a2', changes: { status: 'supported' } }]);
    });
    const a2 = await db.annotations.get('a2');
    expect([a2?.start, a2?.note, a2?.status]).toEqual([25, 'checked', 'supported']);
    expect(a2).not.toHaveProperty('gen');
    expect(await rawGet(db, 'a2')).toMatchObject({ start: 25, end: 27, gen: 1 });
    // b has no step: its records are stored as they are.
    await db.annotations.update('b1', { note: 'seen' });
    expect(await rawGet(db, 'b1')).not.toHaveProperty('gen');
  });

  it('leaves orphans where they were last found', async () => {
    const db = await shifted();
    // An orphan stored before the step is not moved by it.
    const orphan = { ...note('a4', 'a', 40), orphaned: true };
    await db.shifts.delete('a');
    await db.annotations.add(orphan);
    await db.shifts.put(withStep('a', undefined, [[40, 50]]));
    expect(await db.annotations.get('a4')).toEqual(orphan);
  });
});

describe('the shifts middleware, as Dexie without it', () => {
  it('sends a put to IndexedDB before a read asked for after it', async () => {
    const db = await shifted();
    const read = await db.transaction('rw', db.annotations, async () => {
      const put = db.annotations.put({ ...note('a2', 'a', 25), note: 'new' });
      const got = await db.annotations.get('a2');
      await put;
      return got;
    });
    expect([read?.note, read?.start]).toEqual(['new', 25]);
  });

  it('reports a deleted document as its annotations deleted, not as every annotation changed', async () => {
    const db = await shifted();
    const seen: ObservabilitySet[] = [];
    const listener = (parts: ObservabilitySet) => seen.push(parts);
    Dexie.on('storagemutated', listener);
    try {
      await deleteDocument(db, 'a');
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      Dexie.on('storagemutated').unsubscribe(listener);
    }
    const part = `idb://${db.name}/annotations/`;
    const reports = seen.filter((p) => p[part]);
    expect(reports.length).toBeGreaterThan(0);
    for (const p of reports) {
      const keys = new Set<string>();
      expect(singleKeys(p[part], keys)).toBe(true);
      expect([...keys].sort()).toEqual(['a1', 'a2', 'a3']);
    }
  });
});
