import type { Annotation } from '../../shared/types';

/** What the reader needs of an annotation to paint its highlight. */
export type Span = Pick<Annotation, 'id' | 'start' | 'end' | 'categoryIds'>;

/**
 * One document's highlights as one record, in text order: what an open
 * paints before its annotations are read. 10,000 annotations read as records
 * took 300 ms of IndexedDB; these columns come back in a few. Orphaned
 * annotations have no highlight and are not here. Ids are joined into one
 * string rather than kept as 10,000 strings (or arrays of them): cloning one
 * string is a tenth of the work, and a key press rewrites the record.
 */
export interface SpansRecord {
  docId: string;
  /** Bumped when the columns change meaning: a record of another format is not used. */
  format: typeof SPANS_FORMAT;
  /** The annotations' ids, each followed by ROW. */
  ids: string;
  starts: Int32Array;
  ends: Int32Array;
  /** Each annotation's category ids joined by CELL, each followed by ROW. */
  categoryIds: string;
  /**
   * The ids of the orphaned annotations (no highlight), each followed by ROW:
   * with them the record gives the document's whole count, which its library
   * row shows before the records are read.
   */
  orphans: string;
}

export const SPANS_FORMAT = 3;
const ROW = '\n';
const CELL = '\t';

/** Text order, as the [docId+start+end] index gives it (ties by id, the primary key). */
export function byPosition(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const placed = (a: Annotation) => !a.orphaned;
const plain = (id: string) => !id.includes(ROW) && !id.includes(CELL);

/** Null when an id holds a separator (no app-made id does): such a document is read as records. */
export function spansRecordOf(
  docId: string,
  spans: readonly Span[],
  orphans: readonly string[] = [],
): SpansRecord | null {
  const cell = (c: string) => c !== '' && plain(c);
  if (!spans.every((s) => plain(s.id) && s.categoryIds.every(cell))) return null;
  if (!orphans.every(plain)) return null;
  const sorted = [...spans].sort(byPosition);
  return {
    docId,
    format: SPANS_FORMAT,
    ids: sorted.map((s) => s.id + ROW).join(''),
    starts: Int32Array.from(sorted, (s) => s.start),
    ends: Int32Array.from(sorted, (s) => s.end),
    categoryIds: sorted.map((s) => s.categoryIds.join(CELL) + ROW).join(''),
    orphans: orphans.map((id) => id + ROW).join(''),
  };
}

/** The record of these annotations (any order; orphans by id only). */
export function spansRecordOfAnnotations(
  docId: string,
  annotations: readonly Annotation[],
): SpansRecord | null {
  const mine = annotations.filter((a) => a.docId === docId);
  return spansRecordOf(
    docId,
    mine.filter(placed),
    mine.filter((a) => !placed(a)).map((a) => a.id),
  );
}

const rows = (joined: string) => joined.split(ROW).slice(0, -1);

export function spansOf(record: SpansRecord): Span[] {
  const ids = rows(record.ids);
  const categories = rows(record.categoryIds);
  return ids.map((id, i) => ({
    id,
    start: record.starts[i]!,
    end: record.ends[i]!,
    categoryIds: categories[i] ? categories[i].split(CELL) : [],
  }));
}

/** By its tag, not instanceof: a copy made in another realm (a test's DOM) is one too. */
const isInt32Array = (x: unknown): x is Int32Array =>
  Object.prototype.toString.call(x) === '[object Int32Array]';

/** A stored value is a record of this format, whole (an older or damaged one is not). */
export function isSpansRecord(value: unknown): value is SpansRecord {
  const r = value as Partial<SpansRecord> | undefined;
  if (!r || r.format !== SPANS_FORMAT || typeof r.docId !== 'string') return false;
  if (typeof r.ids !== 'string' || typeof r.categoryIds !== 'string') return false;
  if (typeof r.orphans !== 'string') return false;
  if (!isInt32Array(r.starts) || !isInt32Array(r.ends)) return false;
  const n = r.starts.length;
  return r.ends.length === n && rows(r.ids).length === n && rows(r.categoryIds).length === n;
}

/** What a write leaves of a document's entries: those it did not write or delete. */
function untouched<T>(
  entries: readonly T[],
  idOf: (entry: T) => string,
  written: readonly Annotation[],
  deleted: ReadonlySet<string>,
): T[] {
  const replaced = new Set<string>(deleted);
  for (const a of written) replaced.add(a.id);
  return entries.filter((e) => !replaced.has(idOf(e)));
}

/**
 * A document's spans after some of its annotations were written (as they
 * are now) and others deleted (by id). A written annotation that is orphaned,
 * or belongs to another document, leaves it.
 */
export function withWrites(
  docId: string,
  spans: readonly Span[],
  written: readonly Annotation[],
  deleted: ReadonlySet<string>,
): Span[] {
  const added = written.filter((a) => a.docId === docId && placed(a)).map(spanOf);
  return [...untouched(spans, (s) => s.id, written, deleted), ...added].sort(byPosition);
}

export const orphansOf = (record: SpansRecord): string[] => rows(record.orphans);

/** How many annotations the record's document has: its highlights and its orphans. */
export function countOf(record: SpansRecord): number {
  let orphans = 0;
  for (let i = record.orphans.indexOf(ROW); i !== -1; i = record.orphans.indexOf(ROW, i + 1))
    orphans++;
  return record.starts.length + orphans;
}

/** A document's orphans (by id) after some of its annotations were written and others deleted. */
export function orphansWithWrites(
  docId: string,
  orphans: readonly string[],
  written: readonly Annotation[],
  deleted: ReadonlySet<string>,
): string[] {
  const added = written.filter((a) => a.docId === docId && !placed(a)).map((a) => a.id);
  return [...untouched(orphans, (id) => id, written, deleted), ...added];
}

/** The same ids, in any order. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const held = new Set(a);
  return b.every((id) => held.has(id));
}

const spanOf = (a: Annotation): Span => ({
  id: a.id,
  start: a.start,
  end: a.end,
  categoryIds: a.categoryIds,
});

/** The same highlights: the same annotations in the same places with the same categories. */
export function sameSpans(a: readonly Span[] | undefined, b: readonly Span[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y) return false;
    if (x.id !== y.id || x.start !== y.start || x.end !== y.end) return false;
    if (x.categoryIds.length !== y.categoryIds.length) return false;
    for (let k = 0; k < x.categoryIds.length; k++)
      if (x.categoryIds[k] !== y.categoryIds[k]) return false;
  }
  return true;
}
