/**
 * Sentence spans of Chinese and English prose, linear and allocation-light: a
 * sentence ends at 。！？!?… (with the closing quotes and brackets after it), at
 * a line break, or at a full stop before a space that is not an abbreviation's
 * ("Mr.", "U.S.", "Jan.", an initial). Own code rather than Intl.Segmenter:
 * the Segmenter splits "U.S. officials" and is several times slower on 1 MB.
 */

export interface Span {
  start: number;
  end: number;
}

const ENDS = new Set('。！？!?…'.split(''));
const CLOSERS = new Set('”’"\'」』）)】〕》'.split(''));
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st sr jr gen col lt sgt capt gov sen rep rev hon inc ltd co corp ' +
    'no vs etc al fig jan feb mar apr jun jul aug sep sept oct nov dec approx est dept univ'
  ).split(' '),
);
const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\u3000' || c === '\u00a0';

/** True when the "." at i ends a sentence, not an abbreviation, a decimal or an initial. */
function fullStop(text: string, i: number): boolean {
  const next = text[i + 1];
  if (next !== undefined && next !== '\n' && !isSpace(next) && !CLOSERS.has(next)) return false;
  let w = i;
  while (w > 0 && /[A-Za-z.]/.test(text[w - 1]!)) w--;
  const word = text.slice(w, i);
  if (/^[A-Z]$/.test(word) || /\.[A-Za-z]$/.test(word) || /^[A-Za-z]\.[A-Za-z]/.test(word)) {
    return false; // "J. Smith", "U.S.", "e.g."
  }
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  // A lower-case word after the stop continues the sentence ("approx. 40").
  let j = i + 1;
  while (j < text.length && (isSpace(text[j]) || CLOSERS.has(text[j]!))) j++;
  return !/[a-z]/.test(text[j] ?? '');
}

/** The sentences of `text`, trimmed of surrounding whitespace; empty ones skipped. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && (isSpace(text[s]) || text[s] === '\n' || text[s] === '\r')) s++;
    while (e > s && (isSpace(text[e - 1]) || text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') push(i + 1);
    else if (ENDS.has(c) || (c === '.' && fullStop(text, i))) {
      let e = i + 1;
      while (e < text.length && (ENDS.has(text[e]!) || CLOSERS.has(text[e]!))) e++;
      push(e);
      i = e - 1;
    }
  }
  push(text.length);
  return out;
}

/** Clauses of a sentence split at "；" / ";" (each with its mark). */
export function clauses(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let s = span.start;
  for (let i = span.start; i < span.end; i++) {
    if (text[i] !== '；' && text[i] !== ';') continue;
    out.push({ start: s, end: i + 1 });
    s = i + 1;
    while (s < span.end && isSpace(text[s])) s++;
  }
  if (s < span.end) out.push({ start: s, end: span.end });
  return out;
}
