import { reanchorInOrder, type AnchorOutcome } from '../../shared/anchor';
import { sameData } from '../../shared/same-data';
import { anchorFields } from '../annotations/anchor-fields';
import type { Annotation } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';

export interface AnchorReport {
  kept: number;
  moved: number;
  orphaned: number;
}

/** Records per bulkPut: IndexedDB's cost is per record, and a thousand keep each request short. */
export const WRITE_CHUNK = 1000;

/**
 * The record to write for a stored annotation after re-anchoring, or null
 * when it would be the stored record again, field by field (the same place,
 * quote, context, figures and orphan state): that one is not written.
 */
export function rewritten(text: string, a: Annotation, o: AnchorOutcome): Annotation | null {
  let next: Annotation;
  if (o.status === 'orphaned') next = { ...a, orphaned: true };
  else {
    const { orphaned: _, ...rest } = a;
    next = { ...rest, start: o.start, end: o.end, ...anchorFields(text, o.start, o.end) };
  }
  return sameData(next, a) ? null : next;
}

/**
 * Finds a document's annotations again in its new text and writes back those
 * that changed, in chunks. Call it inside a transaction over `annotations`: it
 * reads them there, so an edit made meanwhile is not overwritten by a stale
 * copy, and a failing chunk aborts the whole change, so the text and the
 * annotations stay as they were.
 */
export async function reanchorStored(
  db: ClaimmarkDB,
  docId: string,
  text: string,
  oldText: string,
): Promise<AnchorOutcome[]> {
  const annotations = await db.annotations.where('docId').equals(docId).toArray();
  const outcomes = new Array<AnchorOutcome>(annotations.length);
  const writes: Promise<unknown>[] = [];
  const write = (chunk: Annotation[]): void => {
    const put = db.annotations.bulkPut(chunk);
    // Should a later step throw, the aborted transaction fails this put too:
    // that is the same failure, not one more to report.
    put.catch(() => {});
    writes.push(put);
  };
  let chunk: Annotation[] = [];
  // Each chunk goes to IndexedDB as soon as it is full, without waiting for it:
  // the database writes it while the next annotations are still being found.
  for (const { index, outcome } of reanchorInOrder(text, annotations, { oldText })) {
    outcomes[index] = outcome;
    const next = rewritten(text, annotations[index]!, outcome);
    if (next) chunk.push(next);
    if (chunk.length === WRITE_CHUNK) {
      write(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) write(chunk);
  await Promise.all(writes);
  return outcomes;
}
