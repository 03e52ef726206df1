// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../shared/types';
import { db } from '../db/instance';
import { annotation as makeAnnotation, category } from '../all-annotations/fixtures';
import { AnnotationPanel } from './AnnotationPanel';

// The same builders as the All annotations tests: one document, spans four characters long.
const annotation = (id: string, start: number, extra: Partial<Annotation>): Annotation =>
  makeAnnotation(id, 'd1', start, extra);

// Longer than a summary keeps (120 characters); the CSS clamps it to two lines besides.
const LONG_QUOTE =
  '内蒙古聚焦高质量发展，紧扣铸牢中华民族共同体意识工作主线，建设我国向北开放重要桥头堡，弘扬蒙古马精神，经济发展取得可喜成果，全区地区生产总值增长百分之五点八，增速居全国前列，煤炭消费比重持续下降，新能源装机规模突破一亿千瓦。'.repeat(
    2,
  );

const categories = [category('c1', 'Statistic 数据', 0), category('c2', 'Target 目标', 1)];
const annotations = [
  annotation('a1', 0, {
    quote: '增长5.8%',
    categoryIds: ['c1', 'c2'],
    note: '核对统计公报\n第二行不应出现',
    status: 'disputed',
  }),
  annotation('a2', 10, { quote: LONG_QUOTE, categoryIds: ['c2'], note: '\n  数字待核  ' }),
  annotation('a3', 20, { quote: 'grew by 5.8 percent', categoryIds: ['c1'], speaker: 'Xinhua' }),
];

beforeAll(() => {
  // jsdom lays nothing out: give the panel a height so the virtualiser renders rows.
  Element.prototype.scrollTo = () => {};
  for (const [name, value] of [
    ['clientHeight', 800],
    ['clientWidth', 320],
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, value });
  }
});
afterEach(cleanup);
afterAll(() => db.delete());

/** The panel with the selection kept the way the workspace keeps it. */
function Harness({ initial = null }: { initial?: string | null }) {
  const [activeId, setActiveId] = useState<string | null>(initial);
  return (
    <AnnotationPanel
      annotations={annotations}
      orphans={[]}
      onReattach={vi.fn()}
      categories={categories}
      activeId={activeId}
      onSelect={(a) => setActiveId(a.id)}
      onDeselect={() => setActiveId(null)}
      onEdit={vi.fn()}
      onEditDone={vi.fn()}
      onToggleCategory={vi.fn()}
      onDelete={vi.fn()}
    />
  );
}

const panel = () => screen.getByRole('region', { name: 'Annotations' });
const items = () => within(panel()).getAllByRole('listitem');
const item = (text: string) => {
  const found = items().find((li) => li.textContent?.includes(text));
  if (!found) throw new Error(`no row with ${text}`);
  return found;
};
const toggleOf = (li: HTMLElement) => within(li).getAllByRole('button')[0] as HTMLElement;
const expanded = () =>
  items().filter((li) => toggleOf(li).getAttribute('aria-expanded') === 'true');

describe('AnnotationPanel', () => {
  it('shows every row as a summary while nothing is selected', () => {
    render(<Harness />);
    expect(items()).toHaveLength(3);
    expect(expanded()).toHaveLength(0);
    expect(within(panel()).queryAllByRole('textbox')).toHaveLength(0);

    const first = item('增长5.8%');
    expect(toggleOf(first).textContent).toBe('增长5.8%');
    expect(first.textContent).toContain('Statistic 数据');
    expect(first.textContent).toContain('Target 目标');
    expect(first.textContent).toContain('Disputed');
    // The note's first line only.
    expect(first.textContent).toContain('核对统计公报');
    expect(first.textContent).not.toContain('第二行');
    expect(within(first).queryByLabelText('Note')).toBeNull();
    expect(within(first).queryByLabelText('Status')).toBeNull();
    expect(within(first).queryByRole('button', { name: 'Remove Statistic 数据' })).toBeNull();
    // The summary describes the row's button, for screen readers.
    const described = toggleOf(first).getAttribute('aria-describedby');
    expect(described && document.getElementById(described)?.textContent).toContain('Disputed');

    // A blank first line is skipped; a long quote ends in an ellipsis.
    const second = item('数字待核');
    expect(second.querySelector('.summary-note')?.textContent).toBe('数字待核');
    expect(toggleOf(second).textContent?.endsWith('…')).toBe(true);
    expect(Array.from(toggleOf(second).textContent ?? '')).toHaveLength(120);
    expect(toggleOf(second).getAttribute('title')).toBe(LONG_QUOTE);
    expect(second.textContent).toContain('Unverified');

    // No note, no note line.
    expect(item('grew by 5.8 percent').querySelector('.summary-note')).toBeNull();
  });

  it('expands the selected row into the editor, and only that one', () => {
    render(<Harness initial="a1" />);
    const first = item('增长5.8%');
    expect(first.getAttribute('aria-current')).toBe('true');
    expect(toggleOf(first).getAttribute('aria-expanded')).toBe('true');
    const controls = toggleOf(first).getAttribute('aria-controls');
    expect(controls && document.getElementById(controls)).toBeTruthy();
    expect((within(first).getByLabelText('Note') as HTMLTextAreaElement).value).toBe(
      '核对统计公报\n第二行不应出现',
    );
    expect((within(first).getByLabelText('Status') as HTMLSelectElement).value).toBe('disputed');
    within(first).getByLabelText('Speaker / source');
    within(first).getByLabelText('Evidence');
    within(first).getByRole('button', { name: 'Remove Statistic 数据' });
    within(first).getByRole('button', { name: 'Delete annotation' });
    expect(within(panel()).getAllByLabelText('Note')).toHaveLength(1);
    expect(expanded()).toEqual([first]);
  });

  it('a click on a folded row selects it and folds the one open before', () => {
    render(<Harness initial="a1" />);
    fireEvent.click(toggleOf(item('grew by 5.8 percent')));
    const third = item('grew by 5.8 percent');
    expect(expanded()).toEqual([third]);
    expect(third.getAttribute('aria-current')).toBe('true');
    expect((within(third).getByLabelText('Speaker / source') as HTMLInputElement).value).toBe(
      'Xinhua',
    );
    expect(within(panel()).getAllByLabelText('Note')).toHaveLength(1);
    expect(within(item('增长5.8%')).queryByLabelText('Note')).toBeNull();

    // Anywhere on the summary will do, not only the quote.
    fireEvent.click(within(item('数字待核')).getByText('Target 目标'));
    expect(expanded()).toEqual([item('数字待核')]);
    expect(within(panel()).getAllByLabelText('Note')).toHaveLength(1);

    // The open row's button folds it again.
    fireEvent.click(toggleOf(item('数字待核')));
    expect(expanded()).toHaveLength(0);
    expect(within(panel()).queryAllByLabelText('Note')).toHaveLength(0);
  });

  it('a click inside the editor does not fold or reselect the row', () => {
    const onSelect = vi.fn();
    render(
      <AnnotationPanel
        annotations={annotations}
        orphans={[]}
        onReattach={vi.fn()}
        categories={categories}
        activeId="a3"
        onSelect={onSelect}
        onDeselect={vi.fn()}
        onEdit={vi.fn()}
        onEditDone={vi.fn()}
        onToggleCategory={vi.fn()}
        onDelete={vi.fn()}
      />,
    );
    fireEvent.click(within(item('grew by 5.8 percent')).getByLabelText('Status'));
    expect(onSelect).not.toHaveBeenCalled();
    fireEvent.click(toggleOf(item('增长5.8%')));
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect.mock.calls[0]?.[0]).toMatchObject({ id: 'a1' });
  });
});
