import type { ClaimmarkDB } from './db';
import { countOf, isSpansRecord } from './spans';

/**
 * How many annotations one document has: from its spans record, else its
 * keys in the docId index. Read in a live query, this is watched by that
 * record or by those keys (and by writes into the document), not, as a
 * count() is, by every deletion in the library.
 */
export async function annotationCountOf(db: ClaimmarkDB, docId: string): Promise<number> {
  // A document opened once has a spans record, kept in step with its
  // annotations by every write: one key watched, and no set of 10,000 keys
  // built for the live query to watch (25 ms as a 10,000-annotation document opened).
  const record: unknown = await db.spans.get(docId);
  if (isSpansRecord(record) && record.docId === docId) return countOf(record);
  return (await db.annotations.where('docId').equals(docId).primaryKeys()).length;
}

/**
 * Every speaker named so far, in index order, without the empty one: a seek
 * from each name to the next in the speaker index. uniqueKeys() (a
 * 'nextunique' cursor) steps over every annotation instead: 5–8 s with
 * 200,000 of them, against a few ms.
 */
export async function speakerNames(db: ClaimmarkDB): Promise<string[]> {
  const names: string[] = [];
  let next = await db.annotations.orderBy('speaker').limit(1).keys();
  while (next.length > 0) {
    const name = String(next[0]);
    if (name) names.push(name);
    next = await db.annotations.where('speaker').above(name).limit(1).keys();
  }
  return names;
}
