/**
 * The text of the document just imported, held until the reader has read it
 * back: the reader shows it at once instead of waiting for a second 10 MB read
 * of what was just written. Only one text is held, and only until the stored
 * copy arrives, so it can never stand in for a text changed since.
 */
let handed: { docId: string; text: string } | null = null;

/** Called once the transaction that stored `text` has committed. */
export function handOverText(docId: string, text: string): void {
  handed = { docId, text };
}

export function handedText(docId: string | null): string | undefined {
  return docId !== null && handed?.docId === docId ? handed.text : undefined;
}

/**
 * The head of a long text (heads.ts), read at start in place of the whole
 * text (last-document.ts), so the first frame draws it; held, like a handed
 * text, only until the stored text has been read.
 */
let handedHeadOf: { docId: string; head: string } | null = null;

export function handOverHead(docId: string, head: string): void {
  handedHeadOf = { docId, head };
}

export function handedHead(docId: string | null): string | undefined {
  return docId !== null && handedHeadOf?.docId === docId ? handedHeadOf.head : undefined;
}

/** The document is left before its text was read: a later open reads its own head. */
export function releaseHead(docId: string): void {
  if (handedHeadOf?.docId === docId) handedHeadOf = null;
}

/** The stored copy has been read: from now on it is the one shown. */
export function releaseText(docId: string): void {
  if (handed?.docId === docId) handed = null;
  if (handedHeadOf?.docId === docId) handedHeadOf = null;
}
