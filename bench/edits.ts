/**
 * Deterministic edits for the re-anchoring benchmark: `count` insertions,
 * deletions and replacements of a few to a few dozen characters, scattered
 * over a text (one in each equal slice of it), and what they do to positions.
 * Pure TypeScript, so Node and the browser harness agree.
 */
import { prng } from './generate';

export interface Edit {
  /** Position in the old text (UTF-16). */
  at: number;
  /** Characters removed from `at` (0 for an insertion). */
  remove: number;
  /** Characters put in their place ('' for a deletion). */
  insert: string;
  kind: 'insertion' | 'deletion' | 'replacement';
}

/** Chinese clauses an editor adds or swaps in (corrections, attributions, updates). */
const PHRASES = (
  '据悉，|记者从有关部门获悉，|截至发稿时，|（更正：原稿数据有误）|业内人士指出，|' +
  '另据初步统计，|相关负责人在接受采访时表示，|这一数字较此前公布的有所上调。|' +
  '（完）|此前有报道称，|编者按：|与去年同期相比，|专家提醒，|多位受访者认为，'
).split('|');

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

function phrase(rng: () => number, length: number): string {
  let s = '';
  while (s.length < length) s += PHRASES[Math.floor(rng() * PHRASES.length)] ?? '';
  return s.slice(0, length);
}

/** Sorted, non-overlapping edits, one in each of `count` equal slices of the text. */
export function scatterEdits(text: string, count: number, seed = 99): Edit[] {
  const rng = prng(seed);
  const len = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const slot = Math.floor(text.length / count);
  const edits: Edit[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng();
    const kind = r < 0.35 ? 'insertion' : r < 0.65 ? 'deletion' : 'replacement';
    const remove = kind === 'insertion' ? 0 : kind === 'deletion' ? len(3, 40) : len(2, 30);
    let at = i * slot + Math.floor(rng() * (slot - remove - 1));
    if (isHigh(text.charCodeAt(at - 1))) at++; // never between the halves of a pair
    let removed = remove;
    if (isHigh(text.charCodeAt(at + removed - 1))) removed++;
    const insert = kind === 'deletion' ? '' : phrase(rng, len(kind === 'insertion' ? 3 : 2, 40));
    edits.push({ at, remove: removed, insert, kind });
  }
  return edits;
}

/** The text after the edits (made on the old text's positions). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const e of edits) {
    parts.push(text.slice(from, e.at), e.insert);
    from = e.at + e.remove;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** True when an edit changes the quote text[start, end) itself (an insertion strictly inside counts). */
export function touches(edits: readonly Edit[], start: number, end: number): boolean {
  return edits.some((e) =>
    e.remove === 0 ? e.at > start && e.at < end : e.at < end && e.at + e.remove > start,
  );
}

/** Where an untouched quote starting at `start` is in the new text (an insertion at `start` goes before it). */
export function shifted(edits: readonly Edit[], start: number): number {
  let pos = start;
  for (const e of edits) {
    if (e.at > start) break;
    pos += e.insert.length - e.remove;
  }
  return pos;
}
