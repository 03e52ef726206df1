import type { Annotation } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';

/**
 * Annotations (and dismissed suggestions) whose document is gone. The app no
 * longer writes such records, but a library used by an older version may hold
 * some; they are reported at start and deleted only when the analyst says so.
 */
export async function strayAnnotations(db: ClaimmarkDB): Promise<Annotation[]> {
  return db.transaction('r', db.documents, db.annotations, async () => {
    const docs = new Set((await db.documents.toCollection().primaryKeys()).map(String));
    // The docId index's distinct keys, one step per document: a filter over
    // every record kept IndexedDB and the main thread busy for seconds at each
    // start with 100,000 annotations, just when the analyst opens a view.
    const used = await db.annotations.orderBy('docId').uniqueKeys();
    const missing = used.filter((id) => !docs.has(String(id)));
    return missing.length === 0 ? [] : db.annotations.where('docId').anyOf(missing).toArray();
  });
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
