/**
 * A counting filter in front of `approx-string-match`, so that a fuzzy search
 * of a whole text reads only the few places where a match can be. A substring
 * within k edits of a pattern of m UTF-16 units is at most m + k units long
 * and keeps at least m − k of the pattern's units unchanged; so the window of
 * m + k units that starts where it starts holds at least m − k of them
 * (counted with repeats). Windows that hold fewer cannot start a match.
 */
import search from 'approx-string-match';

export type Match = ReturnType<typeof search>[number];

/** Per UTF-16 unit: window count minus pattern count; zero between calls. */
let balance: Int32Array | null = null;

/**
 * Ranges [from, to) of `text` that together hold every substring within
 * `maxErrors` edits of `pattern`, merged and in order; each match lies
 * wholly inside one of them.
 */
export function candidateRegions(
  text: string,
  pattern: string,
  maxErrors: number,
): [number, number][] {
  const m = pattern.length;
  const n = text.length;
  const need = m - maxErrors;
  if (need <= 0 || m === 0) return n > 0 ? [[0, n]] : [];
  const span = m + maxErrors;
  const c = (balance ??= new Int32Array(65536));
  for (let i = 0; i < m; i++) c[pattern.charCodeAt(i)]!--;
  // `held`: units of the window that a pattern unit is still waiting for.
  let held = 0;
  for (let j = 0; j < Math.min(span, n); j++) {
    const x = text.charCodeAt(j);
    if (c[x]! < 0) held++;
    c[x]!++;
  }
  const regions: [number, number][] = [];
  let last: [number, number] | null = null;
  for (let s = 0; s < n; s++) {
    if (held >= need) {
      const end = Math.min(n, s + span);
      if (last && s <= last[1]) last[1] = end;
      else regions.push((last = [s, end]));
    }
    const out = text.charCodeAt(s);
    c[out]!--;
    if (c[out]! < 0) held--;
    if (s + span < n) {
      const x = text.charCodeAt(s + span);
      if (c[x]! < 0) held++;
      c[x]!++;
    }
  }
  // The window is empty now: only the pattern's own counts are left to undo.
  for (let i = 0; i < m; i++) c[pattern.charCodeAt(i)]!++;
  return regions;
}

/**
 * Exactly what `search(text, pattern, maxErrors)` gives — the lowest-cost
 * matches, in order — reading only the candidate regions. A region holds
 * every match that could start or end in it, so each match is found there
 * with the same errors and the same (longest) start.
 */
export function searchAnywhere(text: string, pattern: string, maxErrors: number): Match[] {
  const regions = candidateRegions(text, pattern, maxErrors);
  let covered = 0;
  for (const [from, to] of regions) covered += to - from;
  // When the filter leaves most of the text, one pass over it is cheaper than many.
  if (covered > text.length / 2) return search(text, pattern, maxErrors);
  let found: Match[] = [];
  for (const [from, to] of regions) {
    const here = search(text.slice(from, to), pattern, maxErrors);
    const fewest = found[0]?.errors ?? Infinity;
    const errors = here[0]?.errors ?? Infinity;
    if (errors > fewest) continue;
    const shifted = here.map((x) => ({ ...x, start: x.start + from, end: x.end + from }));
    if (errors < fewest) found = shifted;
    else found.push(...shifted);
  }
  return found;
}
