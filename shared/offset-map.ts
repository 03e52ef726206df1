/**
 * Where each character of a reflowed text came from in the original, and
 * line/column positions in the original: what exports and the reflow switch
 * need, apart from the reflow rules themselves (reflow.ts).
 */
import { isHigh, isLow } from './text';

/** Kept text as runs [reflowedStart, originalStart, length, ...], increasing in both. */
export interface OffsetMap {
  runs: number[];
  reflowedLength: number;
  originalLength: number;
}

export function identityMap(length: number): OffsetMap {
  return { runs: length > 0 ? [0, 0, length] : [], reflowedLength: length, originalLength: length };
}

/** Index of the last record (of `stride` numbers) whose field `field` is <= pos, or -1. */
function lastAtOrBefore(a: readonly number[], stride: number, field: number, pos: number): number {
  let lo = 0;
  let hi = a.length / stride - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid * stride + field]! <= pos) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}

/** Position in the original of a reflowed position (UTF-16); an inserted space gives its newline. */
export function toOriginal(map: OffsetMap, reflowedPos: number): number {
  const { runs } = map;
  if (runs.length === 0) return 0;
  const k = Math.max(0, lastAtOrBefore(runs, 3, 0, reflowedPos)) * 3;
  return runs[k + 1]! + Math.min(Math.max(0, reflowedPos - runs[k]!), runs[k + 2]!);
}

/** Nearest reflowed position of an original position; removed characters give where they were. */
export function toReflowed(map: OffsetMap, originalPos: number): number {
  const { runs } = map;
  const k = lastAtOrBefore(runs, 3, 1, originalPos) * 3;
  return k < 0 ? 0 : runs[k]! + Math.min(originalPos - runs[k + 1]!, runs[k + 2]!);
}

/** Offsets at which the lines of `text` start: pass them to lineColumn for many positions. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column (in code points) of a UTF-16 position in the original text. */
export function lineColumn(
  original: string,
  pos: number,
  starts: readonly number[] = lineStarts(original),
): { line: number; column: number } {
  const p = Math.max(0, Math.min(original.length, pos));
  const line = lastAtOrBefore(starts, 1, 0, p) + 1;
  let column = 1;
  for (let i = starts[line - 1] ?? 0; i < p; i++, column++) {
    if (isHigh(original.charCodeAt(i)) && i + 1 < p && isLow(original.charCodeAt(i + 1))) i++;
  }
  return { line, column };
}
