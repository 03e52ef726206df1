import { maybeReflow, reflow, type OffsetMap } from '../../shared/reflow';
import { codePointLength } from '../../shared/text';
import type { ReflowInfo } from '../../shared/types';

/** What the reader shows, and how to get back to the file's own text. */
export interface PreparedText {
  display: string;
  /** The display text's length in code points (as the document record keeps it), counted where it is prepared (a worker, for a big file). */
  length: number;
  /** Present only when the display text is a reflow of `original`. */
  original: { text: string; map: OffsetMap } | null;
  reflow: ReflowInfo | null;
}

/**
 * 'auto' reflows only text detected as hard-wrapped (import); 'on' and 'off'
 * follow a choice the user made for this document.
 */
export function prepareText(original: string, mode: 'auto' | 'on' | 'off'): PreparedText {
  const reflowed = mode === 'off' ? null : mode === 'on' ? reflow(original) : maybeReflow(original);
  if (!reflowed || reflowed.text === original)
    return { display: original, length: codePointLength(original), original: null, reflow: null };
  return {
    display: reflowed.text,
    length: codePointLength(reflowed.text),
    original: { text: original, map: reflowed.map },
    reflow: { lines: reflowed.lines, paragraphs: reflowed.paragraphs },
  };
}
