/**
 * Reading annotations in the table's natural order, a bounded number at a
 * time: documents in table order, each through the [docId+start+end] index,
 * which hands a document's annotations out already in text order (ties by id).
 * So every read continues exactly where the one before stopped, and what has
 * been read is always the beginning of the table.
 */
import type { Annotation, DocumentRecord } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';

/** Where a read in table order stands: the document it is in, and the last annotation read of it. */
export interface ReadPosition {
  doc: number;
  after: Annotation | null;
}

export const START: ReadPosition = { doc: 0, after: null };

/** Up to `limit` annotations of one document, in text order, after `after` (from its start when null). */
async function readPage(
  db: ClaimmarkDB,
  docId: string,
  after: Annotation | null,
  limit: number,
): Promise<Annotation[]> {
  const index = () => db.annotations.where('[docId+start+end]');
  // Positions are numbers, so ±Infinity bound them (Dexie.maxKey twice would
  // be one object twice in a key, which IndexedDB refuses).
  const upper = [docId, Infinity, Infinity];
  if (!after)
    return index().between([docId, -Infinity, -Infinity], upper, true, true).limit(limit).toArray();
  const key = [docId, after.start, after.end];
  // A key range cannot start in the middle of equal keys, so annotations on
  // the very span of the last one read are taken apart (the index orders
  // them by id, as string comparison does).
  const ties = (await index().equals(key).toArray()).filter((a) => a.id > after.id);
  if (ties.length >= limit) return ties.slice(0, limit);
  const rest = await index()
    .between(key, upper, false, true)
    .limit(limit - ties.length)
    .toArray();
  return ties.concat(rest);
}

/**
 * The next (about) `limit` annotations in table order from `from`, and where
 * to go on from (null once every document is read). Call inside one read
 * transaction of the annotations to see a single state of the database.
 *
 * Without `sizes`, documents are read one after the other until `limit` is
 * reached. With `sizes` (how many annotations each document holds, counted or
 * guessed), as many documents as fit in `limit` are read at once, each in one
 * request, in one round trip; documents sized 0 are skipped. Sizes only plan
 * the reads: a document that holds `limit` or more is continued by the next
 * call (what was read of the documents after it is dropped, to keep the order).
 */
export async function readOn(
  db: ClaimmarkDB,
  documents: readonly DocumentRecord[],
  from: ReadPosition,
  limit: number,
  sizes?: readonly number[],
): Promise<{ annotations: Annotation[]; next: ReadPosition | null }> {
  const annotations: Annotation[] = [];
  let { doc, after } = from;
  if (sizes) {
    const size = (j: number) => sizes[j] ?? limit;
    if (!after) while (doc < documents.length && size(doc) === 0) doc++;
    if (doc >= documents.length) return { annotations, next: null };
    const group = [doc];
    let planned = size(doc);
    for (let j = doc + 1; j < documents.length && planned < limit; j++) {
      if (size(j) === 0) continue;
      if (planned + size(j) > limit) break;
      group.push(j);
      planned += size(j);
    }
    const pages = await Promise.all(
      group.map((j, i) =>
        readPage(db, (documents[j] as DocumentRecord).id, i === 0 ? after : null, limit),
      ),
    );
    let next: ReadPosition = { doc: (group[group.length - 1] as number) + 1, after: null };
    for (const [i, page] of pages.entries()) {
      for (const a of page) annotations.push(a);
      if (page.length >= limit) {
        next = { doc: group[i] as number, after: page[page.length - 1] ?? null };
        break;
      }
    }
    return { annotations, next: next.doc < documents.length ? next : null };
  }
  while (doc < documents.length && annotations.length < limit) {
    const wanted = limit - annotations.length;
    const page = await readPage(db, (documents[doc] as DocumentRecord).id, after, wanted);
    for (const a of page) annotations.push(a);
    if (page.length < wanted) {
      doc++;
      after = null;
    } else after = page[page.length - 1] ?? null;
  }
  return { annotations, next: doc < documents.length ? { doc, after } : null };
}
