// @vitest-environment jsdom
import { EditorView } from '@codemirror/view';
import { cleanup, render } from '@testing-library/react';
import { createRef, StrictMode, type ReactElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Category } from '../../shared/types';
import type { Span } from '../db/spans';
import { highlightField } from './highlights';
import { Reader, type ReaderHandle } from './Reader';

beforeAll(() => {
  // jsdom lays nothing out; CodeMirror measures through these.
  const rect = new DOMRect(0, 0, 0, 0);
  const rects = Object.assign([] as DOMRect[], { item: () => null });
  Range.prototype.getClientRects = () => rects as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => rect;
  Element.prototype.scrollIntoView = () => {};
});
afterEach(cleanup);

const categories: Category[] = [
  { id: 'c1', name: 'Statistic 数据', color: '#d33', order: 0 } as Category,
];
const text = '经'.repeat(100) + '济'.repeat(400);
const head = text.slice(0, 100);
const spans: Span[] = [
  { id: 'in-head', start: 10, end: 20, categoryIds: ['c1'] },
  { id: 'across', start: 90, end: 120, categoryIds: ['c1'] },
  { id: 'past-head', start: 300, end: 320, categoryIds: ['c1'] },
];

function reader(shown: string, whole: boolean, handle = createRef<ReaderHandle>(), docId = 'd') {
  return (
    <Reader
      docId={docId}
      text={shown}
      whole={whole}
      annotations={spans}
      categories={categories}
      activeId={null}
      suggestions={[]}
      lineStyles={{ heading: [], meta: [] }}
      onActivate={() => {}}
      handle={handle}
    />
  );
}

const viewIn = (container: HTMLElement) => {
  const editor = container.querySelector<HTMLElement>('.cm-editor');
  const view = editor && EditorView.findFromDOM(editor);
  if (!view) throw new Error('no editor');
  return view;
};

const marks = (view: EditorView) => {
  const found: string[] = [];
  view.state.field(highlightField).set.between(0, view.state.doc.length, (from, to) => {
    found.push(`${from}-${to}`);
  });
  return found;
};

const busy = (container: HTMLElement) =>
  container.querySelector('.reader-host')?.getAttribute('aria-busy');

describe('Reader: a head first, then the whole text', () => {
  it('appends the rest to the same view and then draws the highlights past the head', () => {
    const r = render(reader(head, false));
    const first = viewIn(r.container);
    expect(first.state.doc.toString()).toBe(head);
    expect(marks(first)).toEqual(['10-20', '90-100']);
    expect(busy(r.container)).toBe('true');

    r.rerender(reader(text, true));
    const after = viewIn(r.container);
    expect(after).toBe(first);
    expect(after.state.doc.toString()).toBe(text);
    expect(marks(after)).toEqual(['10-20', '90-120', '300-320']);
    expect(busy(r.container)).toBe('false');
  });

  it('keeps one editor under StrictMode', () => {
    const strict = (el: ReactElement) => <StrictMode>{el}</StrictMode>;
    const r = render(strict(reader(head, false)));
    r.rerender(strict(reader(text, true)));
    expect(r.container.querySelectorAll('.cm-editor')).toHaveLength(1);
    expect(marks(viewIn(r.container))).toEqual(['10-20', '90-120', '300-320']);
  });

  it('reveals a highlight past the head once the rest is in, unless a later reveal came first', () => {
    const handle = createRef<ReaderHandle>();
    const r = render(reader(head, false, handle));
    handle.current?.reveal(spans[2]!);
    expect(viewIn(r.container).state.selection.main.from).toBe(0);
    r.rerender(reader(text, true, handle));
    expect(viewIn(r.container).state.selection.main.from).toBe(300);

    const again = render(reader(head, false, handle, 'other'));
    handle.current?.reveal(spans[2]!);
    handle.current?.reveal(spans[0]!);
    again.rerender(reader(text, true, handle, 'other'));
    expect(viewIn(again.container).state.selection.main.from).toBe(10);
  });

  it('makes a new view for a text that is not the rest of the head, or another document', () => {
    const handle = createRef<ReaderHandle>();
    const r = render(reader(head, false, handle));
    const first = viewIn(r.container);
    handle.current?.scrollTo(400);
    r.rerender(reader(text, true, handle, 'another'));
    const second = viewIn(r.container);
    expect(second).not.toBe(first);
    // What waited for the first document's text is not done to the second.
    expect(second.state.selection.main.from).toBe(0);

    const changed = '变' + text.slice(1);
    r.rerender(reader(head, false, handle, 'another'));
    r.rerender(reader(changed, true, handle, 'another'));
    expect(viewIn(r.container).state.doc.toString()).toBe(changed);
  });

  it('draws a head holding CRs again instead of appending at the wrong place', () => {
    const withCr = 'x\r\n'.repeat(50) + 'tail'.repeat(50);
    const r = render(reader(withCr.slice(0, 100), false));
    r.rerender(reader(withCr, true));
    expect(viewIn(r.container).state.doc.length).toBe(withCr.replace(/\r\n/g, '\n').length);
  });
});
