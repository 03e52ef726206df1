import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteDocument } from '../library/library-actions';
import { compact, COMPACT_CHUNK } from './compaction';
import { freshDatabases } from './fresh-db';
import { annotationAt } from './annotation-at';
import { withStep } from './shifts';

const note = (id: string, start: number) => annotationAt(id, 'd', start);

const freshDb = freshDatabases('compaction-test');

/**
 * A document of `count` annotations (ids `prefix0`…, 10 apart) behind one
 * step, its compaction started and held after its first chunk until
 * `release` is called.
 */
async function heldCompaction(prefix: string, count: number) {
  const db = freshDb();
  await db.open();
  await db.annotations.bulkAdd(
    Array.from({ length: count }, (_, i) => note(`${prefix}${i}`, i * 10)),
  );
  await db.shifts.put(withStep('d', undefined, [[0, 5]]));
  let release!: () => void;
  let reached!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const atPause = new Promise<void>((resolve) => (reached = resolve));
  let first = true;
  const running = compact(db, 'd', () => {
    if (!first) return Promise.resolve();
    first = false;
    reached();
    return released;
  });
  await atPause;
  return { db, running, release };
}

describe('compaction', () => {
  it('rewrites a document of several chunks and drops its steps', async () => {
    const db = freshDb();
    await db.open();
    const n = COMPACT_CHUNK * 2 + 10;
    await db.annotations.bulkAdd(Array.from({ length: n }, (_, i) => note(`a${i}`, i * 10)));
    await db.shifts.put(withStep('d', undefined, [[0, 5]]));

    expect(await compact(db, 'd')).toBe(n);

    expect((await db.shifts.get('d'))?.steps).toEqual([]);
    expect((await db.annotations.get('a7'))?.start).toBe(75);
  });

  it('goes on after a replacement between its chunks, through the newer step', async () => {
    const { db, running, release } = await heldCompaction('a', COMPACT_CHUNK + 10);
    await db.shifts.put(withStep('d', await db.shifts.get('d'), [[5, 8]]));
    release();
    await running;

    expect((await db.shifts.get('d'))?.steps).toEqual([]);
    const all = await db.annotations.toArray();
    expect(all.every((a) => a.start === Number(a.id.slice(1)) * 10 + 8)).toBe(true);
  });

  it('does not take a document made again under the same id for the one it began on', async () => {
    const { db, running, release } = await heldCompaction('old', COMPACT_CHUNK + 50);
    // Deleted, then back under its id (a merge, a restore) and its text replaced once: generation 1 again.
    await deleteDocument(db, 'd');
    await db.annotations.bulkAdd(Array.from({ length: 10 }, (_, i) => note(`new${i}`, i * 10)));
    await db.shifts.put(withStep('d', undefined, [[0, 7]]));
    release();
    await running;

    expect((await db.annotations.get('new3'))?.start).toBe(37);
  });
});
