/**
 * Re-anchoring annotations after the text of a document changed, the way
 * Hypothesis does it: by position where the quote is still there, else by
 * exact quote (chosen among several by prefix/suffix context, then nearness),
 * else by fuzzy quote (Myers' bit-parallel matcher from `approx-string-match`),
 * else the annotation becomes an orphan. Nothing is dropped.
 *
 * All offsets are UTF-16 code units, end exclusive. Pure: no Node, no DOM.
 */
import search from 'approx-string-match';
import { searchAnywhere, type Match } from './approx-regions';
import { codePointLength, isHigh, isLow } from './text';

export interface AnchorInput {
  id: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

export type AnchorOutcome =
  | { id: string; status: 'kept'; start: number; end: number }
  | { id: string; status: 'moved'; start: number; end: number; how: 'exact' | 'fuzzy' }
  | { id: string; status: 'orphaned' };

export interface ReanchorOptions {
  /** The text the anchors were made on: lets unchanged leading/trailing text map exactly. */
  oldText?: string;
}

/** Characters searched on each side of the expected position (plus the quote's length). */
export const SEARCH_WINDOW = 2000;
/** Quotes of at most this many code points must match exactly (CJK words are 2–4). */
export const EXACT_ONLY_MAX = 4;
/** Quotes of at most this many code points are "short": one error, and context required. */
export const SHORT_QUOTE_MAX = 10;
/** Fraction of a longer quote's code points that fuzzy matching may get wrong. */
export const FUZZY_ERROR_RATE = 0.25;
/** A fuzzy match must keep this much of the quote: 1 − errors / max(quote, match) length. */
export const MIN_SIMILARITY = 0.75;
/** Context characters (prefix + suffix) that must agree before a short quote may move. */
export const SHORT_QUOTE_CONTEXT = 8;
/** Context characters that must agree before a placement is trusted to predict the next shift. */
const TRUSTED_CONTEXT = 16;
/** Above this many exact hits of the quote's pieces, the whole-text fuzzy search scans everything. */
const MAX_PIECE_HITS = 2000;

/** Errors (in UTF-16 units) a fuzzy match of `quote` may have: 0 for ≤ 4 code points, 1 up to 10. */
export function maxErrorsFor(quote: string): number {
  const n = codePointLength(quote);
  if (n <= EXACT_ONLY_MAX) return 0;
  if (n <= SHORT_QUOTE_MAX) return 1;
  return Math.floor(n * FUZZY_ERROR_RATE);
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
  /** Characters of stored prefix and suffix that agree with the text around the candidate. */
  context: number;
  /** True when the whole stored prefix and suffix agree. */
  perfect: boolean;
  distance: number;
}

/** Length of the common suffix of `prefix` and the text before `pos`. */
function prefixAgreement(text: string, pos: number, prefix: string): number {
  const max = Math.min(prefix.length, pos);
  let n = 0;
  while (n < max && text.charCodeAt(pos - 1 - n) === prefix.charCodeAt(prefix.length - 1 - n)) n++;
  return n;
}

/** Length of the common prefix of `suffix` and the text from `pos`. */
function suffixAgreement(text: string, pos: number, suffix: string): number {
  const max = Math.min(suffix.length, text.length - pos);
  let n = 0;
  while (n < max && text.charCodeAt(pos + n) === suffix.charCodeAt(n)) n++;
  return n;
}

/** What one search is about: the new text, the anchor, and where its quote is expected. */
interface Query {
  text: string;
  a: AnchorInput;
  expected: number;
}

function candidate({ text, a, expected }: Query, start: number, end: number, errors: number) {
  const before = prefixAgreement(text, start, a.prefix);
  const after = suffixAgreement(text, end, a.suffix);
  return {
    start,
    end,
    errors,
    context: before + after,
    perfect: before === a.prefix.length && after === a.suffix.length,
    distance: Math.abs(start - expected),
  };
}

/** Fewest errors, then most context, then nearest to the expected position, then earliest. */
function better(x: Candidate, y: Candidate): boolean {
  if (x.errors !== y.errors) return x.errors < y.errors;
  if (x.context !== y.context) return x.context > y.context;
  if (x.distance !== y.distance) return x.distance < y.distance;
  return x.start < y.start;
}

function best(cands: readonly Candidate[], ok: (c: Candidate) => boolean): Candidate | null {
  let top: Candidate | null = null;
  for (const c of cands) if (ok(c) && (top === null || better(c, top))) top = c;
  return top;
}

/** Exact occurrences of the quote starting in [from, to]. */
function exactIn(s: Query, from: number, to: number): Candidate[] {
  const { text } = s;
  const q = s.a.quote;
  const hay = text.slice(from, Math.min(text.length, to + q.length));
  const out: Candidate[] = [];
  for (let i = hay.indexOf(q); i >= 0; i = hay.indexOf(q, i + 1)) {
    out.push(candidate(s, from + i, from + i + q.length, 0));
  }
  return out;
}

/** Lowest-cost fuzzy matches of the quote in text[from, to), never splitting a surrogate pair. */
function fuzzyIn(s: Query, from: number, to: number, budget: number): Candidate[] {
  return fuzzyCandidates(s, from, search(s.text.slice(from, to), s.a.quote, budget));
}

/** Candidates from matches found in the text from `from` on. */
function fuzzyCandidates(s: Query, from: number, matches: readonly Match[]): Candidate[] {
  const { text } = s;
  return matches.map((m) => {
    let start = from + m.start;
    let end = from + m.end;
    if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start--;
    if (end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end++;
    return candidate(s, start, end, m.errors);
  });
}

/**
 * The lowest-cost fuzzy matches in the whole text, found by filter-then-verify:
 * cut the quote into budget + 1 pieces; a match with at most `budget` errors
 * contains one piece unchanged (pigeonhole), so only the regions around exact
 * hits of a piece are searched. When the pieces are too common, the whole
 * text is searched instead, past a counting filter (approx-regions.ts).
 */
function fuzzyEverywhere(s: Query, budget: number): Candidate[] {
  const { text } = s;
  const q = s.a.quote;
  const size = Math.floor(q.length / (budget + 1));
  const regions: [number, number][] = [];
  for (let p = 0; p <= budget && size > 0; p++) {
    const off = p * size;
    const piece = q.slice(off, p === budget ? q.length : off + size);
    for (let i = text.indexOf(piece); i >= 0; i = text.indexOf(piece, i + 1)) {
      if (regions.length >= MAX_PIECE_HITS) {
        return fuzzyCandidates(s, 0, searchAnywhere(text, q, budget));
      }
      const at = i - off; // where the quote would start
      regions.push([Math.max(0, at - budget), Math.min(text.length, at + q.length + budget)]);
    }
  }
  let found: Candidate[] = [];
  const verify = (from: number, to: number): void => {
    const here = fuzzyIn(s, from, to, budget);
    const fewest = found[0]?.errors ?? Infinity;
    const errors = here[0]?.errors ?? Infinity;
    if (errors < fewest) found = here;
    else if (errors === fewest) found.push(...here);
  };
  let [from, to] = [0, -1];
  for (const [f, t] of regions.sort((x, y) => x[0] - y[0])) {
    if (f > to) {
      if (to >= 0) verify(from, to);
      from = f;
    }
    to = Math.max(to, t);
  }
  if (to >= 0) verify(from, to);
  return found;
}

type Placement = Pick<Candidate, 'start' | 'end' | 'context'> & { how: 'kept' | 'exact' | 'fuzzy' };
type Found = Placement | null;

/** Steps 2–3 for one anchor whose quote is not at its old position. */
function findQuote(s: Query): Found {
  const { text, a, expected } = s;
  const q = a.quote;
  const short = codePointLength(q) <= SHORT_QUOTE_MAX;
  const needed = Math.min(SHORT_QUOTE_CONTEXT, a.prefix.length + a.suffix.length);
  const supported = (c: Candidate): boolean => !short || c.context >= needed;
  const place = (c: Candidate, how: 'exact' | 'fuzzy'): Placement => ({ ...c, how });
  const reach = SEARCH_WINDOW + q.length;
  const lo = Math.max(0, expected - reach);
  const hi = Math.min(text.length, expected + reach);

  // Exact, near: a candidate with all its context agreeing beats anything farther away.
  const near = best(exactIn(s, lo, hi), (c) => c.perfect);
  if (near) return place(near, 'exact');
  // Exact, anywhere: most context, then nearness.
  const anywhere = best(exactIn(s, 0, text.length), supported);
  if (anywhere) return place(anywhere, 'exact');

  // Fuzzy: the window around the expected position first, the whole text last.
  const budget = maxErrorsFor(q);
  if (budget === 0) return null;
  const acceptable = (c: Candidate): boolean =>
    supported(c) && 1 - c.errors / Math.max(q.length, c.end - c.start) >= MIN_SIMILARITY;
  const end = Math.min(text.length, hi + q.length);
  const windowed = best(fuzzyIn(s, lo, end, budget), acceptable);
  if (windowed) return place(windowed, 'fuzzy');
  if (lo === 0 && end === text.length) return null;
  const whole = best(fuzzyEverywhere(s, budget), acceptable);
  return whole ? place(whole, 'fuzzy') : null;
}

/** The common trailing text of old and new (not overlapping their common leading text). */
function commonTail(oldText: string, newText: string): number {
  const max = Math.min(oldText.length, newText.length);
  let head = 0;
  while (head < max && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  const [o, n] = [oldText.length - 1, newText.length - 1];
  let tail = 0;
  while (tail < max - head && oldText.charCodeAt(o - tail) === newText.charCodeAt(n - tail)) tail++;
  return tail;
}

/** One anchor; `delta` is the shift predicted by its neighbours, `certain` a known one. */
function locate(text: string, a: AnchorInput, delta: number, certain: number | null): Found {
  const q = a.quote;
  if (q.length === 0) return null;
  const valid = Number.isInteger(a.start) && a.start >= 0;
  if (valid && certain !== null) {
    const [start, context] = [a.start + certain, a.prefix.length + a.suffix.length];
    return { start, end: start + q.length, how: certain === 0 ? 'kept' : 'exact', context };
  }
  const atOld =
    valid && text.startsWith(q, a.start)
      ? candidate({ text, a, expected: a.start }, a.start, a.start + q.length, 0)
      : null;
  // The shift of the neighbours predicts the place; the same characters at the
  // old offset win only if their context agrees at least as well.
  const shifted = a.start + delta;
  if (valid && delta !== 0 && shifted >= 0 && text.startsWith(q, shifted)) {
    const c = candidate({ text, a, expected: shifted }, shifted, shifted + q.length, 0);
    if (!atOld || c.context > atOld.context) {
      return { start: shifted, end: shifted + q.length, how: 'exact', context: c.context };
    }
  }
  if (atOld)
    return { start: a.start, end: a.start + q.length, how: 'kept', context: atOld.context };
  const from = valid ? a.start : 0;
  return findQuote({ text, a, expected: Math.max(0, Math.min(text.length, from + delta)) });
}

/**
 * Re-anchors each annotation in `newText`. Every input gets exactly one outcome,
 * in input order: kept (quote still at its old position), moved (found by exact
 * or fuzzy quote; see the thresholds above) or orphaned.
 *
 * Anchors are visited in order of their old position, and the shift found for
 * one predicts where to look for the next, so after scattered edits most quotes
 * are confirmed with a few comparisons. With `oldText`, anchors in the common
 * leading and trailing text are mapped directly.
 */
export function reanchor(
  newText: string,
  anchors: readonly AnchorInput[],
  options: ReanchorOptions = {},
): AnchorOutcome[] {
  const out: AnchorOutcome[] = anchors.map((a) => ({ id: a.id, status: 'orphaned' }));
  const { oldText } = options;
  const tailFrom = oldText === undefined ? Infinity : oldText.length - commonTail(oldText, newText);
  const shift = newText.length - (oldText?.length ?? 0);
  const key = (a: AnchorInput): number => (Number.isFinite(a.start) ? a.start : 0);
  const order = anchors.map((a, i) => ({ a, i })).sort((x, y) => key(x.a) - key(y.a));
  let delta = 0;
  for (const { a, i } of order) {
    let certain: number | null = null;
    if (oldText !== undefined && a.start >= tailFrom && a.end <= oldText.length) {
      // Unchanged trailing text: the anchor moves by the change in length, nothing else.
      if (a.quote.length > 0 && oldText.startsWith(a.quote, a.start)) certain = shift;
    }
    const p = locate(newText, a, delta, certain);
    if (!p) continue;
    if (p.context >= Math.min(TRUSTED_CONTEXT, a.prefix.length + a.suffix.length)) {
      delta = p.start - (Number.isFinite(a.start) ? a.start : 0);
    }
    out[i] =
      p.how === 'kept'
        ? { id: a.id, status: 'kept', start: p.start, end: p.end }
        : { id: a.id, status: 'moved', start: p.start, end: p.end, how: p.how };
  }
  return out;
}

/** Counts for the report shown after re-anchoring ("128 kept, 9 moved, 2 orphaned"). */
export function summarise(outcomes: readonly AnchorOutcome[]): {
  kept: number;
  moved: number;
  orphaned: number;
} {
  const counts = { kept: 0, moved: 0, orphaned: 0 };
  for (const o of outcomes) counts[o.status]++;
  return counts;
}
