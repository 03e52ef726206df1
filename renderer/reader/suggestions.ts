import { StateEffect, StateField, type Range } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import type { ClaimCandidate } from '../../shared/claims/detect';

/** "1.35亿千瓦 = 135,000,000 千瓦": how a figure was read, for the hover title. */
export function reading(c: ClaimCandidate): string {
  return c.quantities
    .map(
      (q) =>
        `${q.text} = ${q.value.toLocaleString('en-US', { maximumFractionDigits: 12 })}${q.unit ? ` ${q.unit}` : ''}`,
    )
    .join('\n');
}

export const setSuggestions = StateEffect.define<readonly ClaimCandidate[]>();

/** Suggested claims: a quiet dotted underline, under any highlight drawn over it. */
export const suggestionField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setSuggestions)) continue;
      const length = tr.state.doc.length;
      const ranges: Range<Decoration>[] = [];
      for (const c of effect.value) {
        if (c.end > length || c.end <= c.start) continue;
        const attributes = { title: reading(c), 'data-suggestion': `${c.start}` };
        ranges.push(Decoration.mark({ class: 'cm-suggestion', attributes }).range(c.start, c.end));
      }
      next = Decoration.set(ranges, true);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});
