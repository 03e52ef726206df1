import { useRef } from 'react';
import type { Annotation } from '../../shared/types';

/**
 * True when two lists draw the same highlights: the same annotations in the
 * same places with the same categories. A keystroke in a note changes none of
 * that, and with 20,000 annotations rebuilding every highlight (and the
 * suggestions around them) for it kept the main thread busy for 400 ms a key.
 */
export function sameSpans(
  a: readonly Annotation[] | undefined,
  b: readonly Annotation[] | undefined,
): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y) return false;
    if (x.id !== y.id || x.start !== y.start || x.end !== y.end) return false;
    if (x.categoryIds.length !== y.categoryIds.length) return false;
    for (let k = 0; k < x.categoryIds.length; k++)
      if (x.categoryIds[k] !== y.categoryIds[k]) return false;
  }
  return true;
}

/** The list as last drawn, for as long as it draws the same highlights. */
export function useStableSpans(
  list: readonly Annotation[] | undefined,
): readonly Annotation[] | undefined {
  const drawn = useRef(list);
  // Replacing only on a real change is idempotent, so doing it during render is safe.
  if (!sameSpans(drawn.current, list)) drawn.current = list;
  return drawn.current;
}
