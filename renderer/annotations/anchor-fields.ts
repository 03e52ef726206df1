import { figureRecords } from '../../shared/claims/link';
import { findQuantities } from '../../shared/claims/quantity';
import { contextAround } from '../../shared/text';
import type { Annotation } from '../../shared/types';

/**
 * What an annotation keeps of the text it sits on: its quote and context, and
 * the figures in the quote (offsets into the quote) and what the claim index
 * keeps of them. Every path that places an
 * annotation (create, reattach, re-anchor, reflow) goes through here, so the
 * figures never fall behind the quote.
 */
export function anchorFields(
  text: string,
  start: number,
  end: number,
): Pick<Annotation, 'quote' | 'prefix' | 'suffix' | 'quantities' | 'claimFigures'> {
  const context = contextAround(text, start, end);
  const quantities = findQuantities(context.quote);
  return { ...context, quantities, claimFigures: figureRecords(context.quote, quantities) };
}
