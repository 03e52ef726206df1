/**
 * Find in a document and across the library: plain substring search on
 * case- and width-folded text (see fold.ts), so it works for Chinese without
 * word boundaries and treats １２３ / 123, Ａ / a and ， / , alike. The fold
 * keeps length, so offsets in the folded text are offsets in the original.
 * Library texts are searched without folding them, through foldPattern,
 * which finds exactly the same matches.
 */
import { foldForSearch, foldQuery } from './fold';
import { isHigh, isLow } from './text';

/** A match: UTF-16 offsets in the ORIGINAL text, end exclusive. */
export interface Match {
  start: number;
  end: number;
}

export const DEFAULT_FIND_LIMIT = 10_000;
export const DEFAULT_LIMIT_PER_DOC = 50;
/** UTF-16 units of context shown on each side of a library hit. */
export const HIT_CONTEXT_CHARS = 30;

// The reader searches the same text again at every keystroke: keep its fold.
let lastText: string | null = null;
let lastFolded = '';

function foldedOf(text: string): string {
  if (text !== lastText) {
    lastFolded = foldForSearch(text).folded;
    lastText = text;
  }
  return lastFolded;
}

/** Non-overlapping matches of the folded query `q` in `folded`, in order, at most `limit`. */
function matchFolded(folded: string, q: string, limit: number): Match[] {
  const matches: Match[] = [];
  if (q.length === 0 || limit <= 0) return matches;
  let i = folded.indexOf(q);
  while (i !== -1 && matches.length < limit) {
    matches.push({ start: i, end: i + q.length });
    i = folded.indexOf(q, i + q.length);
  }
  return matches;
}

/**
 * All non-overlapping matches of `query` in `text` (case- and width-folded
 * comparison), in order, capped at `limit`. An empty query matches nothing.
 */
export function findAll(text: string, query: string, limit = DEFAULT_FIND_LIMIT): Match[] {
  const q = foldQuery(query);
  if (q.length === 0) return [];
  return matchFolded(foldedOf(text), q, limit);
}

const isSpace = (ch: string): boolean => /\s/.test(ch);

/**
 * One line of context around `text[start, end)`: up to `chars` units on each
 * side, never past a line break, never splitting a surrogate pair, with outer
 * white space trimmed and line breaks inside the match shown as spaces.
 * `matchStart` is where the match begins inside `context`.
 */
export function lineContext(
  text: string,
  start: number,
  end: number,
  chars = HIT_CONTEXT_CHARS,
): { context: string; matchStart: number } {
  let from = Math.max(0, start - chars);
  const lineStart = start === 0 ? 0 : text.lastIndexOf('\n', start - 1) + 1;
  from = Math.max(from, lineStart);
  if (from > 0 && from < start && isLow(text.charCodeAt(from))) from++;
  let to = Math.min(text.length, end + chars);
  const lineEnd = text.indexOf('\n', end);
  if (lineEnd !== -1) to = Math.min(to, lineEnd);
  if (to < text.length && to > end && isHigh(text.charCodeAt(to - 1))) to--;
  while (from < start && isSpace(text.charAt(from))) from++;
  while (to > end && isSpace(text.charAt(to - 1))) to--;
  const context = text.slice(from, to).replace(/[\r\n\t]/g, ' ');
  return { context, matchStart: start - from };
}

export interface LibraryHit {
  docId: string;
  kind: 'text' | 'quote' | 'note';
  /** Set for 'quote' and 'note' hits. */
  annotationId?: string;
  /** UTF-16 offsets in the document text ('text') or in the quote / note. */
  start: number;
  end: number;
  /** One line around the match, ~30 characters each side, match included. */
  context: string;
  /** Where the match begins inside `context` (always set by the search). */
  contextStart?: number;
}

export interface LibraryDoc {
  docId: string;
  text: string;
}

export interface LibraryAnnotation {
  id: string;
  docId: string;
  quote: string;
  note: string;
}

/** An annotation with its quote and note folded, as library search keeps it. */
export interface FoldedAnnotation extends LibraryAnnotation {
  foldedQuote: string;
  foldedNote: string;
}

export function foldAnnotation(a: LibraryAnnotation): FoldedAnnotation {
  return {
    id: a.id,
    docId: a.docId,
    quote: a.quote,
    note: a.note,
    foldedQuote: foldQuery(a.quote),
    foldedNote: foldQuery(a.note),
  };
}

function hit(
  docId: string,
  kind: LibraryHit['kind'],
  source: string,
  m: Match,
  annotationId?: string,
): LibraryHit {
  const { context, matchStart } = lineContext(source, m.start, m.end);
  const h: LibraryHit = { docId, kind, start: m.start, end: m.end, context };
  if (annotationId !== undefined) h.annotationId = annotationId;
  h.contextStart = matchStart;
  return h;
}

/**
 * At most `limit` matches of `pattern` (foldPattern of the query) in a
 * document's text, in order, into `hits`: the same matches as the folded
 * query in the folded text, found without folding the text.
 */
export function searchText(
  docId: string,
  text: string,
  pattern: RegExp,
  limit: number,
  hits: LibraryHit[],
): void {
  pattern.lastIndex = 0;
  for (let n = 0; n < limit; n++) {
    const m = pattern.exec(text);
    if (!m) return;
    hits.push(hit(docId, 'text', text, { start: m.index, end: m.index + m[0].length }));
  }
}

/**
 * At most `limit` hits of the folded query `q` in one document's annotations
 * (the first match in each quote, then in each note), in the order given, into `hits`.
 */
export function searchAnnotations(
  docId: string,
  annotations: readonly FoldedAnnotation[],
  q: string,
  limit: number,
  hits: LibraryHit[],
): void {
  let count = 0;
  for (const a of annotations) {
    if (count >= limit) return;
    const [inQuote] = matchFolded(a.foldedQuote, q, 1);
    if (inQuote) {
      hits.push(hit(docId, 'quote', a.quote, inQuote, a.id));
      count++;
    }
    if (count >= limit) return;
    const [inNote] = matchFolded(a.foldedNote, q, 1);
    if (inNote) {
      hits.push(hit(docId, 'note', a.note, inNote, a.id));
      count++;
    }
  }
}

/**
 * Folded documents and annotations kept between searches, so that a new
 * query costs only the scans. Documents are refolded only when their text
 * changes. (The app's library search, renderer/search/search-engine.ts,
 * keeps the texts as they are and searches them with foldPattern instead;
 * the tests hold its results to this index's.)
 */
export class LibraryIndex {
  private order: string[] = [];
  private docs = new Map<string, { text: string; folded: string }>();
  private annotations = new Map<string, FoldedAnnotation>();
  private byDoc = new Map<string, FoldedAnnotation[]>();

  /** Replaces the documents (search order = array order). */
  setDocuments(docs: readonly LibraryDoc[]): void {
    this.updateDocuments(
      docs.map((d) => d.docId),
      docs,
    );
  }

  /**
   * Sets the documents to `order`, taking the text of each from `changed`
   * when it is there and keeping the stored text otherwise; ids with no text
   * either way are left out.
   */
  updateDocuments(order: readonly string[], changed: readonly LibraryDoc[]): void {
    const incoming = new Map(changed.map((d) => [d.docId, d.text]));
    const next = new Map<string, { text: string; folded: string }>();
    for (const docId of order) {
      if (next.has(docId)) continue;
      const old = this.docs.get(docId);
      const text = incoming.get(docId) ?? old?.text;
      if (text === undefined) continue;
      next.set(
        docId,
        old && old.text === text ? old : { text, folded: foldForSearch(text).folded },
      );
    }
    this.docs = next;
    this.order = [...next.keys()];
  }

  /** Replaces the annotations; unchanged ones keep their fold. */
  setAnnotations(annotations: readonly LibraryAnnotation[]): void {
    const next = new Map<string, FoldedAnnotation>();
    const byDoc = new Map<string, FoldedAnnotation[]>();
    for (const a of annotations) {
      const old = this.annotations.get(a.id);
      const folded =
        old && old.docId === a.docId && old.quote === a.quote && old.note === a.note
          ? old
          : foldAnnotation(a);
      next.set(a.id, folded);
      const list = byDoc.get(a.docId);
      if (list) list.push(folded);
      else byDoc.set(a.docId, [folded]);
    }
    this.annotations = next;
    this.byDoc = byDoc;
  }

  /**
   * Hits grouped by document, documents in the order given: first at most
   * `limitPerDoc` matches in the text, in order, then at most `limitPerDoc`
   * annotation hits (the first match in each quote, then in each note).
   * Annotations of documents not in the index come last, grouped the same way.
   */
  search(query: string, limitPerDoc = DEFAULT_LIMIT_PER_DOC): LibraryHit[] {
    const q = foldQuery(query);
    const hits: LibraryHit[] = [];
    if (q.length === 0 || limitPerDoc <= 0) return hits;
    for (const docId of this.order) {
      const doc = this.docs.get(docId);
      if (!doc) continue;
      for (const m of matchFolded(doc.folded, q, limitPerDoc)) {
        hits.push(hit(docId, 'text', doc.text, m));
      }
      searchAnnotations(docId, this.byDoc.get(docId) ?? [], q, limitPerDoc, hits);
    }
    for (const [docId, list] of this.byDoc) {
      if (!this.docs.has(docId)) searchAnnotations(docId, list, q, limitPerDoc, hits);
    }
    return hits;
  }
}

/**
 * Searches every document's text and every annotation's quote and note (see
 * LibraryIndex.search for the order and limits). Folds everything once per
 * call; keep a LibraryIndex to search the same library repeatedly.
 */
export function searchLibrary(
  docs: readonly LibraryDoc[],
  annotations: readonly LibraryAnnotation[],
  query: string,
  limitPerDoc = DEFAULT_LIMIT_PER_DOC,
): LibraryHit[] {
  if (foldQuery(query).length === 0) return [];
  const index = new LibraryIndex();
  index.setDocuments(docs);
  index.setAnnotations(annotations);
  return index.search(query, limitPerDoc);
}
