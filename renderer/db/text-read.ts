/**
 * Says when a document's text has come out of IndexedDB, as the read answers
 * rather than after React has drawn it: its annotation records wait for the
 * text's read (one request at a time), not for the reader built around it,
 * which at a start put them 130 ms later and the library row's count with them.
 */
let last: string | null = null;
const waiting = new Map<string, (() => void)[]>();

export function textRead(docId: string): void {
  last = docId;
  for (const resolve of waiting.get(docId) ?? []) resolve();
  waiting.delete(docId);
}

/** Resolves once `docId`'s text has been read (at once if it was the last read). */
export function whenTextRead(docId: string): Promise<void> {
  if (last === docId) return Promise.resolve();
  return new Promise((resolve) => waiting.set(docId, [...(waiting.get(docId) ?? []), resolve]));
}

/** Stops waiting for `docId` (its document was closed first). */
export function forgetTextRead(docId: string): void {
  waiting.delete(docId);
}
