import { countOf, isSpansRecord, spansOf, type Span } from './spans';

/**
 * The spans record of the document a start reopens, read with its text as
 * the app's code runs (app/last-document.ts): its highlights and the panel's
 * count are drawn in the text's first frame, and its model takes the record
 * instead of asking for it again behind that frame's work. Held until the
 * model has it; any later open reads its own.
 */
let handed: {
  docId: string;
  record: unknown;
  read?: { spans: Span[]; count: number } | null;
} | null = null;

export function handOverSpans(docId: string, record: unknown): void {
  handed = { docId, record };
}

/**
 * The highlights of the record handed over for `docId`, and its count of
 * annotations (orphans too), without taking it; null when none is.
 */
export function handedSpans(docId: string | null): { spans: Span[]; count: number } | null {
  if (!handed || handed.docId !== docId) return null;
  const { record } = handed;
  handed.read ??= isSpansRecord(record) ? { spans: spansOf(record), count: countOf(record) } : null;
  return handed.read;
}

/** The record handed over for `docId` (its value may be undefined: it has none). */
export function handedSpansRecord(docId: string): { record: unknown } | null {
  return handed?.docId === docId ? handed : null;
}

/** The model's own state holds the highlights now: the handed record is no longer needed. */
export function releaseSpans(docId: string): void {
  if (handed?.docId === docId) handed = null;
}
