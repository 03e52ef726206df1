import { StateEffect, StateField, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import type { Annotation, Category } from '../../shared/types';

export interface HighlightInput {
  annotations: readonly Annotation[];
  colors: ReadonlyMap<string, string>;
  activeId: string | null;
}

export const setHighlights = StateEffect.define<HighlightInput>();

/** Translucent so overlapping highlights add up and the text stays legible. */
const tint = (color: string) => `color-mix(in srgb, ${color} var(--hl-strength), transparent)`;

/** One band per category, stacked top to bottom, so every tag of a span shows. */
export function highlightBackground(colors: string[]): string {
  if (colors.length === 0) return 'none';
  if (colors.length === 1)
    return `linear-gradient(${tint(colors[0] ?? '')}, ${tint(colors[0] ?? '')})`;
  const step = 100 / colors.length;
  const stops = colors.map((c, i) => `${tint(c)} ${i * step}% ${(i + 1) * step}%`);
  return `linear-gradient(to bottom, ${stops.join(', ')})`;
}

function build(
  { annotations, colors, activeId }: HighlightInput,
  docLength: number,
): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  for (const a of annotations) {
    const from = Math.min(a.start, docLength);
    const to = Math.min(a.end, docLength);
    if (to <= from) continue;
    const hues = a.categoryIds.flatMap((id) => {
      const c = colors.get(id);
      return c ? [c] : [];
    });
    const classes = ['cm-hl'];
    if (hues.length === 0) classes.push('cm-hl-bare');
    if (a.id === activeId) classes.push('cm-hl-active');
    ranges.push(
      Decoration.mark({
        class: classes.join(' '),
        attributes: {
          'data-annotation': a.id,
          style: `background-image: ${highlightBackground(hues)}`,
        },
      }).range(from, to),
    );
  }
  return Decoration.set(ranges, true);
}

export const highlightField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (effect.is(setHighlights)) next = build(effect.value, tr.state.doc.length);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export const highlights: Extension = highlightField;

export function colorMap(categories: readonly Category[]): Map<string, string> {
  return new Map(categories.map((c) => [c.id, c.color]));
}

/** Annotations covering a position, innermost (shortest) first. */
export function annotationsAt(annotations: readonly Annotation[], pos: number): Annotation[] {
  return annotations
    .filter((a) => a.start <= pos && pos < a.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}
