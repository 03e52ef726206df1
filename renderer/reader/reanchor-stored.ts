import { reanchor, type AnchorOutcome } from '../../shared/anchor';
import { anchorFields } from '../annotations/anchor-fields';
import type { Annotation } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';

export interface AnchorReport {
  kept: number;
  moved: number;
  orphaned: number;
}

/**
 * Finds a document's annotations again in its new text and writes them back.
 * Call it inside a transaction over `annotations`: it reads them there, so an
 * edit made meanwhile is not overwritten by a stale copy.
 */
export async function reanchorStored(
  db: ClaimmarkDB,
  docId: string,
  text: string,
  oldText: string,
): Promise<AnchorOutcome[]> {
  const annotations = await db.annotations.where('docId').equals(docId).toArray();
  const found = reanchor(text, annotations, { oldText });
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const placed = found.flatMap((o): Annotation[] => {
    const a = byId.get(o.id);
    if (!a) return [];
    if (o.status === 'orphaned') return [{ ...a, orphaned: true }];
    const { orphaned: _, ...rest } = a;
    return [{ ...rest, start: o.start, end: o.end, ...anchorFields(text, o.start, o.end) }];
  });
  await db.annotations.bulkPut(placed);
  return found;
}
