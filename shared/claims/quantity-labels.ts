/**
 * Numbers that are labels, not amounts: ordinals (第二), ranks (前20), list
 * markers (一、, （三）, "1."), page and issue numbers, English dates.
 */
import { EN_LABEL_WORDS, EN_MONTHS } from './quantity-lexicon';
import { isLatinLetter, type Tail } from './quantity-tail';

/** One of the characters of `set`; the empty string (past either end) is none of them. */
export function oneOf(set: string, ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && set.includes(ch);
}

export function wordEnd(text: string, p: number): number {
  let q = p;
  while (q < text.length && isLatinLetter(text.charCodeAt(q))) q++;
  return q;
}

/** Ordinals, list markers, ranks, page numbers, dates: numbers that are not amounts. */
export function isLabel(
  text: string,
  s: { start: number; end: number; tail: Tail },
  chinese: boolean,
): boolean {
  const kind = s.tail.kind;
  if (kind === 'time' || kind === 'veto' || kind === 'alnum') return true;
  const before = text[s.start - 1] ?? '';
  const after = text[s.end] ?? '';
  if (before === '第') return true;
  if (before === '前' && (s.tail.unit === '' || s.tail.unit === '名' || s.tail.unit === '位')) {
    return true;
  }
  if (s.tail.unit === '') {
    if (oneOf('(（', before) && oneOf(')）', after)) return true;
    if (lineStart(text, s.start) && oneOf('、.．)）', after)) return true;
    if (chinese && after === '、') return true;
  }
  const prevWord = wordBefore(text, s.start);
  if (prevWord === '#' || EN_LABEL_WORDS.has(prevWord) || EN_MONTHS.has(prevWord)) return true;
  if (
    after === ' ' &&
    EN_MONTHS.has(text.slice(s.end + 1, wordEnd(text, s.end + 1)).toLowerCase())
  ) {
    return true;
  }
  return false;
}

function lineStart(text: string, p: number): boolean {
  for (let q = p - 1; q >= 0 && p - q < 8; q--) {
    const c = text[q] ?? '';
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t' && c !== '\u3000' && c !== '(' && c !== '（') return false;
  }
  return p < 8;
}

/** The lower-cased word (with a trailing dot) just before p, past one space. */
function wordBefore(text: string, p: number): string {
  let e = p;
  if (text[e - 1] === ' ') e--;
  if (text[e - 1] === '#') return '#';
  let s = e;
  if (text[s - 1] === '.') s--;
  while (s > 0 && e - s < 14 && isLatinLetter(text.charCodeAt(s - 1))) s--;
  return text.slice(s, e).toLowerCase();
}
