import { StateEffect, StateField, type Range } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import type { Structure } from '../../shared/structure';

/** Line starts of headings, source lines and bylines, by kind. */
export interface LineStyles {
  heading: number[];
  meta: number[];
}

export const setLineStyles = StateEffect.define<LineStyles>();

export function lineStyles(structure: Structure | null): LineStyles {
  const styles: LineStyles = { heading: [], meta: [] };
  for (const line of structure?.lines ?? []) {
    if (line.kind === 'heading') styles.heading.push(line.start);
    else if (line.kind === 'source' || line.kind === 'byline' || line.kind === 'marker') {
      styles.meta.push(line.start);
    }
  }
  return styles;
}

const heading = Decoration.line({ class: 'cm-heading' });
const meta = Decoration.line({ class: 'cm-meta' });

/** Headings read as headings; sources, bylines and markers step back. */
export const lineStyleField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setLineStyles)) continue;
      const max = tr.state.doc.length;
      const ranges: Range<Decoration>[] = [
        ...effect.value.heading.filter((p) => p <= max).map((p) => heading.range(p)),
        ...effect.value.meta.filter((p) => p <= max).map((p) => meta.range(p)),
      ];
      next = Decoration.set(ranges, true);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});
