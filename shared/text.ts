/**
 * Small text utilities shared by the decoder, the reader and the CSV export.
 *
 * Positions inside the app are UTF-16 code units (what JavaScript strings and
 * CodeMirror use); exported positions are Unicode code points (what Python and
 * most analysis tools count). The helpers here convert between the two.
 */
import { CONTEXT_CHARS } from './types';

/** UTF-16 surrogate halves: a character outside the BMP (𠀀, emoji) is one of each. */
export const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
export const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** True when a surrogate pair starts at UTF-16 index `i`. */
function pairAt(s: string, i: number): boolean {
  return isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1));
}

/** CRLF and lone CR become LF. */
export function normalizeNewlines(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

/** SHA-256 of the UTF-8 bytes of `text`, as 64 lower-case hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  return sha256OfBytes(new TextEncoder().encode(text));
}

/** SHA-256 of bytes, as 64 lower-case hex digits. */
export async function sha256OfBytes(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Bytes UTF-8 takes for text[from, to), without encoding it; `to` is not inside a surrogate pair. */
export function utf8Length(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * Length in Unicode code points: a surrogate pair counts once, a lone surrogate
 * once. The regex engine finds the pairs about four times faster than a loop
 * over the code units (4 ms against 15 on a 10 MB text, which has none).
 */
export function codePointLength(s: string): number {
  return s.length - (s.match(PAIRS)?.length ?? 0);
}

/**
 * Converts UTF-16 offsets into `text` to code-point offsets, in one pass over
 * the text: O(n + k log k) for n code units and k offsets. Results come back in
 * the order of the input. Offsets are clamped to [0, text.length]; an offset
 * that falls between the two halves of a surrogate pair counts that pair (it is
 * the number of code points that begin before the offset).
 */
export function toCodePointOffsets(text: string, utf16Offsets: readonly number[]): number[] {
  const result = new Array<number>(utf16Offsets.length).fill(0);
  const targets = utf16Offsets.map((o) => Math.max(0, Math.min(text.length, o)));
  const order = targets.map((_, i) => i).sort((a, b) => (targets[a] ?? 0) - (targets[b] ?? 0));
  let unit = 0;
  let points = 0;
  for (const i of order) {
    const target = targets[i] ?? 0;
    while (unit < target) {
      unit += pairAt(text, unit) ? 2 : 1;
      points++;
    }
    result[i] = points;
  }
  return result;
}

export interface QuoteContext {
  quote: string;
  prefix: string;
  suffix: string;
}

/**
 * The quote `text[start, end)` with up to `chars` UTF-16 units of context on
 * each side (fewer at the edges of the text). A cut never separates the two
 * halves of a surrogate pair: the context is one unit shorter instead.
 */
export function contextAround(
  text: string,
  start: number,
  end: number,
  chars: number = CONTEXT_CHARS,
): QuoteContext {
  const s = Math.max(0, Math.min(text.length, start));
  const e = Math.max(s, Math.min(text.length, end));
  let from = Math.max(0, s - chars);
  if (from > 0 && pairAt(text, from - 1)) from++;
  let to = Math.min(text.length, e + chars);
  if (to < text.length && pairAt(text, to - 1)) to--;
  return {
    quote: text.slice(s, e),
    prefix: text.slice(from, s),
    suffix: text.slice(e, to),
  };
}
