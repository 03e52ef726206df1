import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/types';
import { highlightField, setHighlights, type HighlightInput } from './highlights';

const TEXT = '国家统计局今日发布数据显示，去年全国粮食总产量达到13908亿斤。'.repeat(20);
const colors = new Map([
  ['c1', '#d33'],
  ['c2', '#36c'],
]);

function annotation(i: number, categoryIds = ['c1']): Annotation {
  return {
    id: `a${String(i).padStart(3, '0')}`,
    docId: 'd',
    start: i * 7,
    end: i * 7 + 5 + (i % 3) * 4,
    quote: '',
    prefix: '',
    suffix: '',
    categoryIds,
    note: '',
    status: 'unverified',
    speaker: '',
    evidence: '',
    createdAt: '',
    updatedAt: '',
  };
}
const LIST = Array.from({ length: 80 }, (_, i) => annotation(i));

/** What the reader draws: every mark with its place, classes and style. */
function drawn(state: EditorState): string[] {
  const out: string[] = [];
  state.field(highlightField).set.between(0, state.doc.length, (from, to, mark) => {
    const spec = mark.spec as { class: string; attributes: Record<string, string> };
    out.push(
      `${from}-${to} ${spec.class} ${spec.attributes['data-annotation']} ${spec.attributes.style}`,
    );
  });
  // A patched set keeps added marks in a layer of their own: the order of a walk is not the text's.
  return out.sort();
}

const show = (state: EditorState, input: HighlightInput) =>
  state.update({ effects: setHighlights.of(input) }).state;
const fresh = (input: HighlightInput) =>
  show(EditorState.create({ doc: TEXT, extensions: [highlightField] }), input);

describe('highlights drawn after each key press', () => {
  it('are exactly those a fresh drawing gives: added, restyled, deleted, made active, recoloured', () => {
    let state = fresh({ annotations: LIST, colors, activeId: null });
    const added = annotation(200);
    added.start = 11;
    added.end = 19;
    const withAdded = [...LIST, added].sort((a, b) => a.start - b.start || a.end - b.end);
    const restyled = withAdded.map((a) => (a === added ? { ...a, categoryIds: ['c1', 'c2'] } : a));
    const steps: HighlightInput[] = [
      { annotations: withAdded, colors, activeId: added.id },
      { annotations: restyled, colors, activeId: added.id },
      { annotations: LIST, colors, activeId: null },
      { annotations: LIST, colors, activeId: 'a010' },
      { annotations: LIST.filter((a) => a.id !== 'a010'), colors, activeId: 'a011' },
      { annotations: LIST, colors: new Map([...colors, ['c1', '#0a0']]), activeId: 'a011' },
    ];
    for (const input of steps) {
      state = show(state, input);
      expect(drawn(state)).toEqual(drawn(fresh(input)));
    }
    expect(drawn(state).filter((m) => m.includes('cm-hl-active'))).toHaveLength(1);
  });
});
