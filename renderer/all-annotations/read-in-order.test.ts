import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/types';
import { ClaimmarkDB } from '../db/db';
import { byPosition, tableOrder } from './build-rows';
import { annotation, doc } from './fixtures';
import { START, readOn, type ReadPosition } from './read-in-order';

// Twelve small documents, one large one, one empty; added in another order than their ids.
const documents = [
  ...Array.from({ length: 12 }, (_, i) =>
    doc(
      `small-${String(11 - i).padStart(2, '0')}`,
      `Small ${i}`,
      `2026-01-${String(i + 1).padStart(2, '0')}T00:00:00Z`,
    ),
  ),
  // Between the small ones, so a read of several documents can meet it mid-way.
  doc('big', 'Big', '2026-01-06T12:00:00Z'),
  doc('empty', 'Empty', '2026-01-15T00:00:00Z'),
];
const stored: Annotation[] = [
  ...documents
    .filter((d) => d.id.startsWith('small'))
    .flatMap((d, i) =>
      Array.from({ length: i % 3 }, (_, k) => annotation(`${d.id}-${k}`, d.id, 30 - k * 10)),
    ),
  ...Array.from({ length: 23 }, (_, k) =>
    annotation(`big-${String(k).padStart(2, '0')}`, 'big', (k % 7) * 5, { end: (k % 7) * 5 + 3 }),
  ),
];

let db: ClaimmarkDB;
beforeAll(async () => {
  db = new ClaimmarkDB(`read-in-order-${crypto.randomUUID()}`);
  await db.documents.bulkPut(documents);
  await db.annotations.bulkPut(stored);
});
afterAll(() => db.close());

const order = tableOrder(documents);
/** Every annotation in table order, as one sort of them all gives it. */
const expected = order
  .flatMap((d) => stored.filter((a) => a.docId === d.id).sort(byPosition))
  .map((a) => a.id);

/** Reads from the start to the end, `limit` at a time; the ids and each call's size. */
async function readAll(limit: number, sizes?: readonly number[]) {
  const ids: string[] = [];
  const calls: number[] = [];
  let at: ReadPosition | null = START;
  while (at) {
    const from: ReadPosition = at;
    const step = await db.transaction('r', db.annotations, () =>
      readOn(db, order, from, limit, sizes),
    );
    ids.push(...step.annotations.map((a) => a.id));
    calls.push(step.annotations.length);
    at = step.next;
    expect(calls.length).toBeLessThan(100);
  }
  return { ids, calls };
}

describe('reading annotations in table order, a part at a time', () => {
  it('reads one document after another up to the limit, ties on one span included', async () => {
    const { ids, calls } = await readAll(4);
    expect(ids).toEqual(expected);
    expect(calls.slice(0, -1).every((n) => n === 4)).toBe(true);
  });

  it('reads as many documents at once as their counts let fit in the limit', async () => {
    const sizes = order.map((d) => stored.filter((a) => a.docId === d.id).length);
    const { ids, calls } = await readAll(5, sizes);
    expect(ids).toEqual(expected);
    expect(Math.max(...calls)).toBeLessThanOrEqual(5);
    // Small documents share reads: fewer than one read per document and the big one's pages.
    const smallWithRows = sizes.filter((n, i) => n > 0 && order[i]?.id !== 'big').length;
    expect(calls.length).toBeLessThan(smallWithRows + Math.ceil(23 / 5));
  });

  it('stays in order when the sizes are guessed wrong', async () => {
    for (const sizes of [order.map(() => 1), order.map(() => 50)]) {
      const { ids } = await readAll(5, sizes);
      expect(ids).toEqual(expected);
    }
  });
});
