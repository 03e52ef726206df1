import { StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import type { ClaimCandidate } from '../../shared/claims/detect';
import { sortedDiff } from './sorted-diff';

// One formatter for every figure: toLocaleString with options builds a new one
// per call, and a long text has tens of thousands of figures.
const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 12 });

/** "1.35亿千瓦 = 135,000,000 千瓦": how a figure was read, for the hover title. */
export function reading(c: ClaimCandidate): string {
  return c.quantities
    .map((q) => `${q.text} = ${number.format(q.value)}${q.unit ? ` ${q.unit}` : ''}`)
    .join('\n');
}

export const setSuggestions = StateEffect.define<readonly ClaimCandidate[]>();

/** Each candidate's mark, made once: a list shown again reuses them. */
const marks = new WeakMap<ClaimCandidate, Decoration>();
function markOf(c: ClaimCandidate): Decoration {
  let mark = marks.get(c);
  if (!mark) {
    const attributes = { title: reading(c), 'data-suggestion': `${c.start}` };
    mark = Decoration.mark({ class: 'cm-suggestion', attributes, candidate: c });
    marks.set(c, mark);
  }
  return mark;
}

/** More changes than this and one rebuild is cheaper than an update. */
const UPDATE_LIMIT = 500;

const byPlace = (a: ClaimCandidate, b: ClaimCandidate) => a.start - b.start || a.end - b.end;

/**
 * What changed between two lists of candidates in text order (a tag hides the
 * one it covers, an undo shows it again); null when too much changed.
 */
export const changesBetween = (
  before: readonly ClaimCandidate[],
  after: readonly ClaimCandidate[],
) => sortedDiff(before, after, byPlace, UPDATE_LIMIT);

interface Shown {
  list: readonly ClaimCandidate[];
  set: DecorationSet;
}

const inText = (c: ClaimCandidate, length: number) => c.end <= length && c.start < c.end;

function build(list: readonly ClaimCandidate[], length: number): DecorationSet {
  return Decoration.set(
    list.filter((c) => inText(c, length)).map((c) => markOf(c).range(c.start, c.end)),
    true,
  );
}

/**
 * Suggested claims: a quiet dotted underline, under any highlight drawn over
 * it. A key press changes a candidate or two of thousands, and only those are
 * taken out or put in; drawing every candidate again cost seconds in a long text.
 */
export const suggestionField = StateField.define<Shown>({
  create: () => ({ list: [], set: Decoration.none }),
  update(value, tr) {
    let next = value;
    for (const effect of tr.effects) {
      if (!effect.is(setSuggestions) || effect.value === next.list) continue;
      const length = tr.state.doc.length;
      const diff = changesBetween(next.list, effect.value);
      if (!diff) {
        next = { list: effect.value, set: build(effect.value, length) };
        continue;
      }
      const gone = new Set(diff.removed);
      const froms = diff.removed.map((c) => c.start);
      const set = next.set.update({
        add: diff.added
          .filter((c) => inText(c, length))
          .map((c) => markOf(c).range(c.start, c.end)),
        sort: true,
        filter: (_from, _to, mark) =>
          !gone.has((mark.spec as { candidate?: ClaimCandidate }).candidate!),
        filterFrom: froms.length ? Math.min(...froms) : 0,
        filterTo: froms.length ? Math.max(...diff.removed.map((c) => c.end)) : 0,
      });
      next = { list: effect.value, set };
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field, (shown) => shown.set),
});
