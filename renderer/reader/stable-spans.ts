import { useRef } from 'react';
import { sameSpans, type Span } from '../db/spans';

/**
 * The list as last drawn, for as long as it draws the same highlights (see
 * sameSpans). A keystroke in a note changes none of them, and with 20,000
 * annotations rebuilding every highlight (and the suggestions around them)
 * for it kept the main thread busy for 400 ms a key. The same holds when an
 * opening document's records arrive after its spans record was painted.
 */
export function useStableSpans<T extends Span>(
  list: readonly T[] | undefined,
): readonly T[] | undefined {
  const drawn = useRef(list);
  // Replacing only on a real change is idempotent, so doing it during render is safe.
  if (!sameSpans(drawn.current, list)) drawn.current = list;
  return drawn.current;
}
