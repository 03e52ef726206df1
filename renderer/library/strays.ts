import type { Annotation } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';

/**
 * Annotations (and dismissed suggestions) whose document is gone. The app no
 * longer writes such records, but a library used by an older version may hold
 * some; they are reported at start and deleted only when the analyst says so.
 */
export async function strayAnnotations(db: ClaimmarkDB): Promise<Annotation[]> {
  const docs = new Set((await db.documents.toCollection().primaryKeys()).map(String));
  // The docIds annotations name, from the index alone: reading every record
  // at each start (10,000 of them: half a second of the window's thread, as
  // it opens) to find what is nearly always nothing.
  const named = (await db.annotations.orderBy('docId').uniqueKeys()).map(String);
  const missing = named.filter((docId) => !docs.has(docId));
  if (missing.length === 0) return [];
  return db.annotations.where('docId').anyOf(missing).sortBy('id');
}

/** Deletes these strays (and every dismissal of a missing document), in one transaction. */
export async function deleteStrays(db: ClaimmarkDB, ids: readonly string[]): Promise<number> {
  return db.transaction('rw', db.annotations, db.dismissals, db.documents, async () => {
    const docs = new Set((await db.documents.toCollection().primaryKeys()).map(String));
    const still = (await db.annotations.bulkGet([...ids])).filter(
      (a): a is Annotation => a !== undefined && !docs.has(a.docId),
    );
    await db.annotations.bulkDelete(still.map((a) => a.id));
    await db.dismissals.filter((d) => !docs.has(d.docId)).delete();
    return still.length;
  });
}
