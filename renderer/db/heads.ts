import type { DocumentText } from '../../shared/types';

/**
 * The start of a long text, kept apart so that opening the document shows its
 * first screen without waiting for the whole text: a 10 MB text takes about
 * 30 ms to read and 40 ms more to lay out, its first 32 K characters a few.
 */
export interface DocumentHead {
  docId: string;
  /** A prefix of the stored text, never ending inside a surrogate pair. */
  head: string;
}

export const HEADS_TABLE = 'heads';
/** UTF-16 units in a head: many screens of text at any window size. */
export const HEAD_CHARS = 32 * 1024;
/** A text shorter than this is read whole as fast as its head would be. */
export const HEAD_FROM_CHARS = 8 * HEAD_CHARS;

/** The head a stored text gets, or null when it is short enough to read whole. */
export function headOf({ docId, text }: DocumentText): DocumentHead | null {
  if (text.length < HEAD_FROM_CHARS) return null;
  const last = text.charCodeAt(HEAD_CHARS - 1);
  const cut = last >= 0xd800 && last <= 0xdbff ? HEAD_CHARS - 1 : HEAD_CHARS;
  return { docId, head: text.slice(0, cut) };
}

export function isDocumentHead(value: unknown): value is DocumentHead {
  const v = value as Partial<DocumentHead> | null;
  return !!v && typeof v.docId === 'string' && typeof v.head === 'string';
}
