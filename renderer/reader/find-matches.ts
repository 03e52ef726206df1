import { StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import type { Match } from '../../shared/find';

export const setFindMatches = StateEffect.define<{ matches: readonly Match[]; current: number }>();

const match = Decoration.mark({ class: 'cm-find' });
const current = Decoration.mark({ class: 'cm-find cm-find-current' });

/** Every match of the find bar, the current one stronger. */
export const findField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setFindMatches)) continue;
      const max = tr.state.doc.length;
      next = Decoration.set(
        effect.value.matches
          .filter((m) => m.end <= max && m.end > m.start)
          .map((m, i) => (i === effect.value.current ? current : match).range(m.start, m.end)),
        true,
      );
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});
