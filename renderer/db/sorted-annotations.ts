import type { Annotation } from '../../shared/types';

import { byPosition } from './spans';

export { byPosition };

/** Where `a` is or would go in a list sorted by position. */
function indexOf(list: readonly Annotation[], a: Annotation): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byPosition(list[mid]!, a) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Past this many changes one sort is cheaper than placing each. */
const SPLICE_LIMIT = 64;

/**
 * A new sorted list: `list` without `removed` (records as they are in it) and
 * with `added`. A key press changes one record of ten thousand; placing it by
 * binary search costs a copy, where sorting them all again cost 5 ms.
 */
export function withChanges(
  list: readonly Annotation[],
  removed: readonly Annotation[],
  added: readonly Annotation[],
): Annotation[] {
  if (removed.length + added.length > SPLICE_LIMIT) {
    const gone = new Set(removed);
    return [...list.filter((a) => !gone.has(a)), ...added].sort(byPosition);
  }
  const next = list.slice();
  for (const a of removed) {
    const i = indexOf(next, a);
    if (next[i] === a) next.splice(i, 1);
  }
  for (const a of added) next.splice(indexOf(next, a), 0, a);
  return next;
}
