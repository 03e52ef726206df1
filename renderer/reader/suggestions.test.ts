import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { detectClaims, type ClaimCandidate } from '../../shared/claims/detect';
import { changesBetween, reading, setSuggestions, suggestionField } from './suggestions';

const TEXT = Array.from(
  { length: 40 },
  (_, i) => `第${i + 1}段：去年全省粮食产量达到${1000 + i}万吨，比上年增长${(i % 9) + 1}.5%。`,
).join('\n');
const ALL = detectClaims(TEXT);

/** What the reader underlines: [from, to, title] of every suggestion mark. */
function drawn(state: EditorState): [number, number, string][] {
  const out: [number, number, string][] = [];
  state.field(suggestionField).set.between(0, state.doc.length, (from, to, mark) => {
    const attributes = (mark.spec as { attributes?: Record<string, string> }).attributes;
    out.push([from, to, attributes?.title ?? '']);
  });
  // A patched set keeps added marks in a layer of their own: the order of a walk is not the text's.
  return out.sort();
}

const show = (state: EditorState, list: readonly ClaimCandidate[]) =>
  state.update({ effects: setSuggestions.of(list) }).state;

describe('suggestion underlines', () => {
  it('are found in the sample text (the tests below need several)', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(40);
  });

  it('after hiding and showing candidates, are exactly those a fresh drawing gives', () => {
    let state = EditorState.create({ doc: TEXT, extensions: [suggestionField] });
    state = show(state, ALL);
    const steps = [
      ALL.filter((_, i) => i !== 7), // a tag covers one
      ALL.filter((_, i) => i !== 7 && i !== 8 && i !== 30),
      ALL.filter((_, i) => i !== 30), // an undo brings two back
      ALL.slice(5),
      ALL,
    ];
    for (const list of steps) {
      state = show(state, list);
      const fresh = show(EditorState.create({ doc: TEXT, extensions: [suggestionField] }), list);
      expect(drawn(state)).toEqual(drawn(fresh));
      expect(drawn(state)).toHaveLength(list.length);
    }
  });

  it('title each figure as it was read', () => {
    const c = ALL[0]!;
    expect(reading(c)).toBe('1000万吨 = 10,000,000 吨\n1.5% = 1.5 %');
  });
});

describe('changesBetween', () => {
  it('names what a new list hides and shows again', () => {
    const before = ALL.filter((_, i) => i !== 3);
    const after = ALL.filter((_, i) => i !== 10 && i !== 11);
    expect(changesBetween(before, after)).toEqual({
      removed: [ALL[10], ALL[11]],
      added: [ALL[3]],
    });
  });

  it('gives up when most of the list changed, so the field draws it whole', () => {
    const many = detectClaims(TEXT.repeat(20));
    expect(changesBetween(many, [])).toBeNull();
  });
});
