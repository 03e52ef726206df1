import type { IndexableType } from 'dexie';
import type { Annotation } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';

/**
 * Annotations (and dismissed suggestions) whose document is gone. The app no
 * longer writes such records, but a library used by an older version may hold
 * some; they are reported at start and deleted only when the analyst says so.
 */
export async function strayAnnotations(db: ClaimmarkDB): Promise<Annotation[]> {
  // This runs at every start, so it never reads every annotation (200,000
  // took seconds) nor walks the docId index key by key (a 'nextunique' cursor
  // steps over every entry: 3 s). A stray's docId lies between two documents'
  // ids (in key order, as primaryKeys() gives them): ask each gap for one key.
  const ids = await db.documents.toCollection().primaryKeys();
  const gaps: { lower: IndexableType | null; upper: IndexableType | null }[] = [];
  for (let i = 0; i <= ids.length; i++)
    gaps.push({ lower: ids[i - 1] ?? null, upper: ids[i] ?? null });
  const inGap = (g: (typeof gaps)[number]) => {
    const where = db.annotations.where('docId');
    if (g.lower === null && g.upper === null) return db.annotations.toCollection();
    if (g.lower === null) return where.below(g.upper);
    if (g.upper === null) return where.above(g.lower);
    return where.between(g.lower, g.upper, false, false);
  };
  const found: Annotation[] = [];
  // In slices, each its own transaction: the start's own reads get their turn between them.
  for (let i = 0; i < gaps.length; i += GAPS_PER_READ) {
    const slice = gaps.slice(i, i + GAPS_PER_READ);
    const hits = await db.transaction('r', db.annotations, () =>
      Promise.all(slice.map((g) => inGap(g).limit(1).primaryKeys())),
    );
    const occupied = slice.filter((_, k) => (hits[k]?.length ?? 0) > 0);
    for (const g of occupied) found.push(...(await inGap(g).toArray()));
  }
  return found;
}

/** Gaps asked per transaction. */
const GAPS_PER_READ = 100;

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
