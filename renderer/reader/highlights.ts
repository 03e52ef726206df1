import { StateEffect, StateField, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import type { Category } from '../../shared/types';
import type { Span } from '../db/spans';
import { sortedDiff } from './sorted-diff';

export interface HighlightInput {
  annotations: readonly Span[];
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

function markOf(a: Span, colors: ReadonlyMap<string, string>, activeId: string | null) {
  const hues = a.categoryIds.flatMap((id) => {
    const c = colors.get(id);
    return c ? [c] : [];
  });
  const classes = ['cm-hl'];
  if (hues.length === 0) classes.push('cm-hl-bare');
  if (a.id === activeId) classes.push('cm-hl-active');
  return Decoration.mark({
    class: classes.join(' '),
    attributes: {
      'data-annotation': a.id,
      style: `background-image: ${highlightBackground(hues)}`,
    },
    annotation: a,
  });
}

const ranges = (
  list: readonly Span[],
  { colors, activeId }: HighlightInput,
  docLength: number,
): Range<Decoration>[] =>
  list.flatMap((a) => {
    const from = Math.min(a.start, docLength);
    const to = Math.min(a.end, docLength);
    return to <= from ? [] : [markOf(a, colors, activeId).range(from, to)];
  });

const byPlace = (a: Span, b: Span) =>
  a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const sameColors = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) =>
  a === b || (a.size === b.size && [...a].every(([id, c]) => b.get(id) === c));

/** More changes than this and one rebuild is cheaper than a patch. */
const PATCH_LIMIT = 500;

interface Drawn {
  input: HighlightInput;
  set: DecorationSet;
  /** The document length the marks were placed in: those past a head's end were left out. */
  length: number;
}

/**
 * The set after `next`: patched when a few annotations changed (a key press
 * adds, restyles or removes one of thousands, and makes another active), else
 * built again.
 */
function redraw(drawn: Drawn, next: HighlightInput, docLength: number): Drawn {
  const before = drawn.input;
  const diff =
    drawn.length === docLength && sameColors(before.colors, next.colors)
      ? sortedDiff(before.annotations, next.annotations, byPlace, PATCH_LIMIT)
      : null;
  if (!diff) {
    return {
      input: next,
      set: Decoration.set(ranges(next.annotations, next, docLength), true),
      length: docLength,
    };
  }
  const { removed, added } = diff;
  // The annotations that change between active and not are drawn again too.
  if (before.activeId !== next.activeId) {
    const kept = new Set(added);
    for (const id of [before.activeId, next.activeId]) {
      const a = id === null ? undefined : next.annotations.find((x) => x.id === id);
      if (a && !kept.has(a)) {
        removed.push(a);
        added.push(a);
      }
    }
  }
  if (removed.length === 0 && added.length === 0) return { ...drawn, input: next };
  const gone = new Set(removed);
  const set = drawn.set.update({
    add: ranges(added, next, docLength),
    sort: true,
    filter: (_from, _to, mark) => !gone.has((mark.spec as { annotation: Span }).annotation),
    filterFrom: Math.min(...removed.map((a) => a.start), docLength),
    filterTo: Math.max(...removed.map((a) => a.end), 0),
  });
  return { input: next, set, length: docLength };
}

const EMPTY: Drawn = {
  input: { annotations: [], colors: new Map(), activeId: null },
  set: Decoration.none,
  length: 0,
};

export const highlightField = StateField.define<Drawn>({
  create: () => EMPTY,
  update(value, tr) {
    let next =
      value.set === value.set.map(tr.changes)
        ? value
        : { ...value, set: value.set.map(tr.changes) };
    for (const effect of tr.effects) {
      if (effect.is(setHighlights)) next = redraw(next, effect.value, tr.state.doc.length);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field, (drawn) => drawn.set),
});

export const highlights: Extension = highlightField;

export function colorMap(categories: readonly Category[]): Map<string, string> {
  return new Map(categories.map((c) => [c.id, c.color]));
}

/** Annotations covering a position, innermost (shortest) first. */
export function annotationsAt<T extends Span>(annotations: readonly T[], pos: number): T[] {
  return annotations
    .filter((a) => a.start <= pos && pos < a.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}
