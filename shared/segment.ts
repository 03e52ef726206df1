/**
 * Sentence snap and word selection with Intl.Segmenter.
 *
 * Node 20's Intl.Segmenter is quadratic on long strings (DESIGN.md), so these
 * never segment a whole document: only the line holding the position, capped
 * at a few thousand characters each side. A sentence or a word therefore never
 * crosses a line break ("\n"), which in a reflowed text is a paragraph end.
 * Positions are UTF-16 offsets (what CodeMirror uses).
 */
import { isHigh, isLow } from './text';

/** Characters of the line taken on each side of the position for a sentence. */
export const SENTENCE_WINDOW = 2000;
/** Characters of the line taken on each side of the position for a word. */
export const WORD_WINDOW = 200;

export interface Range {
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(granularity: 'sentence' | 'word', locale: string | undefined): Intl.Segmenter {
  const key = `${granularity}|${locale ?? ''}`;
  let s = segmenters.get(key);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, s);
  }
  return s;
}

const isSpace = (ch: string): boolean => /\s/.test(ch);

/** The part of the line holding `pos` that lies within `cap` units of it. */
function lineWindow(text: string, pos: number, cap: number): Range {
  const lineStart = pos === 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1;
  const next = text.indexOf('\n', pos);
  const lineEnd = next === -1 ? text.length : next;
  let start = Math.max(lineStart, pos - cap);
  let end = Math.min(lineEnd, pos + cap);
  if (start > lineStart && isLow(text.charCodeAt(start))) start--;
  if (end < lineEnd && isHigh(text.charCodeAt(end - 1))) end++;
  return { start, end };
}

/** The segment of `granularity` holding `pos`, segmenting only a window around it. */
function segmentAt(
  text: string,
  pos: number,
  cap: number,
  granularity: 'sentence' | 'word',
  locale: string | undefined,
): (Range & { wordLike: boolean }) | null {
  const win = lineWindow(text, pos, cap);
  if (win.start >= win.end) return null;
  const found = segmenter(granularity, locale)
    .segment(text.slice(win.start, win.end))
    .containing(pos - win.start);
  if (!found) return null;
  const start = win.start + found.index;
  return { start, end: start + found.segment.length, wordLike: found.isWordLike === true };
}

/**
 * The sentence containing `pos` (the character at `pos`; at the end of a line
 * or of the text, the one before it), without leading or trailing white
 * space. Works for Chinese (。！？, closing quotes stay with their sentence)
 * and English. On a blank line, or a line of white space, an empty range at
 * `pos`.
 */
export function sentenceAt(text: string, pos: number, locale?: string): Range {
  let p = Math.max(0, Math.min(text.length, Math.floor(pos)));
  if ((p === text.length || text.charCodeAt(p) === 10) && p > 0 && text.charCodeAt(p - 1) !== 10) {
    p--;
  }
  const empty = { start: p, end: p };
  if (p >= text.length || text.charCodeAt(p) === 10) return empty;
  const found = segmentAt(text, p, SENTENCE_WINDOW, 'sentence', locale);
  if (!found) return empty;
  let { start, end } = found;
  while (end > start && isSpace(text.charAt(end - 1))) end--;
  while (start < end && isSpace(text.charAt(start))) start++;
  return start < end ? { start, end } : empty;
}

/**
 * The word containing the character at `pos`, as Intl.Segmenter's word
 * granularity sees it: a dictionary word for Chinese (经济, 增长), a Latin
 * word (with its apostrophe: "don't"), a number ("5.2"). Null when `pos` is
 * on white space, punctuation or a line break, or outside the text.
 */
export function wordAt(text: string, pos: number, locale?: string): Range | null {
  const p = Math.floor(pos);
  if (p < 0 || p >= text.length || text.charCodeAt(p) === 10) return null;
  const found = segmentAt(text, p, WORD_WINDOW, 'word', locale);
  if (!found || !found.wordLike) return null;
  return { start: found.start, end: found.end };
}
