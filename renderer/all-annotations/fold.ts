/**
 * Search folding for this view, shared with Find: case and full-width/half-width
 * forms fold alike (１２３ = 123, Ａ = a, ， = ,); CJK is kept.
 */
import { foldForSearch as foldText, foldQuery as foldTyped } from '../../shared/fold';

/** Folds a text that is searched. */
export const foldForSearch = (text: string): string => foldText(text).folded;

/** Characters folded in one go by `foldAll`. */
const CHUNK = 1 << 20;

/**
 * Folds many texts at once (done once per data load). The fold keeps every
 * length, so the texts are joined, folded in a few large pieces and cut apart
 * again: far cheaper than one fold per short text.
 */
export function foldAll(texts: readonly string[]): string[] {
  const out: string[] = new Array<string>(texts.length);
  let from = 0;
  while (from < texts.length) {
    let to = from;
    let size = 0;
    while (to < texts.length && (to === from || size + (texts[to] as string).length <= CHUNK)) {
      size += (texts[to] as string).length;
      to++;
    }
    const folded = foldForSearch(texts.slice(from, to).join(''));
    for (let i = from, at = 0; i < to; i++) {
      const length = (texts[i] as string).length;
      out[i] = folded.slice(at, at + length);
      at += length;
    }
    from = to;
  }
  return out;
}

/** Folds what the user typed, trimmed; '' means "no text filter". */
export const foldQuery = (query: string): string => foldTyped(query.trim());
