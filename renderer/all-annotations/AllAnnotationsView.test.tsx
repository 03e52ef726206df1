// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseAnnotationsCsv } from '../../shared/csv';
import { db } from '../db/instance';
import { I18nProvider } from '../i18n/i18n';
import { AllAnnotationsView } from './AllAnnotationsView';
import { annotation, category, doc } from './fixtures';
import { fromStatisticsFilter } from './from-statistics';
import type * as TableSourceModule from './table-source';
import type { TableSourceOptions } from './table-source';

const saveText = vi.hoisted(() => vi.fn(async () => true));
vi.mock('../platform', () => ({ platform: { saveText } }));

// The view's reads, made small and held on demand, to see the table while it is still reading.
const reads = vi.hoisted(() => ({
  options: {} as Partial<TableSourceOptions>,
}));
vi.mock('./table-source', async (importOriginal) => {
  const original = await importOriginal<typeof TableSourceModule>();
  class Source extends original.TableSource {
    constructor(
      ...[db, publish, onError, , known]: ConstructorParameters<typeof original.TableSource>
    ) {
      super(db, publish, onError, reads.options, known);
    }
  }
  return { ...original, TableSource: Source };
});

const LONG =
  '内蒙古聚焦高质量发展,紧扣铸牢中华民族共同体意识工作主线,建设我国向北开放重要桥头堡,弘扬蒙古马精神,经济发展取得可喜成果。';
const TEXT = ['报告标题', LONG, '一、总体要求', LONG].join('\n');
const second = TEXT.indexOf(LONG, TEXT.indexOf('一、'));

beforeAll(async () => {
  // jsdom lays nothing out: give the table body a height and let it "scroll".
  Element.prototype.scrollTo = () => {};
  for (const [name, value] of [
    ['clientHeight', 360],
    ['clientWidth', 800],
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, value });
  }
  await db.categories.bulkPut([category('c1', 'Economy', 0), category('c2', 'Trade', 1, 'c1')]);
  await db.documents.bulkPut([
    doc('d1', '上海日报', '2026-01-01T00:00:00Z'),
    doc('d2', '北京晚报', '2026-01-02T00:00:00Z'),
  ]);
  await db.texts.bulkPut([
    { docId: 'd1', text: TEXT },
    { docId: 'd2', text: 'Beijing Evening News says growth is 5%.' },
  ]);
  await db.annotations.bulkPut([
    annotation('a1', 'd1', second, {
      end: second + 3,
      quote: LONG.slice(0, 3),
      categoryIds: ['c2'],
    }),
    annotation('a2', 'd1', 0, { end: 4, quote: '报告标题', status: 'false', speaker: 'Xinhua' }),
    annotation('a3', 'd2', 0, { end: 7, quote: 'Beijing', categoryIds: ['c1'], note: 'ＧＤＰ' }),
  ]);
});

afterEach(cleanup);
afterAll(() => db.delete());

/** The cells showing exactly this text. */
const cells = (text: string) => screen.getAllByRole('cell').filter((c) => c.textContent === text);
const count = () => screen.getByTestId('all-annotations-count').textContent;
const rowIds = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[5]?.textContent);

describe('AllAnnotationsView', () => {
  it('lists, filters, sorts and opens annotations', async () => {
    const onOpen = vi.fn();
    render(<AllAnnotationsView onOpen={onOpen} />);
    await waitFor(() => expect(count()).toBe('3 of 3 annotations'));
    expect(rowIds()).toEqual(['报告标题', LONG.slice(0, 3), 'Beijing']);

    // Sections arrive once the texts are read.
    await waitFor(() =>
      expect(screen.getAllByRole('cell', { name: '一、总体要求' })).toHaveLength(1),
    );

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'gdp' } });
    await waitFor(() => expect(count()).toBe('1 of 3 annotations'));
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '' } });
    await waitFor(() => expect(count()).toBe('3 of 3 annotations'));

    const header = screen.getByRole('columnheader', { name: 'Document' });
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');

    const status = screen.getByRole('columnheader', { name: 'Status' });
    fireEvent.click(within(status).getByRole('button'));
    expect(rowIds()).toEqual([LONG.slice(0, 3), 'Beijing', '报告标题']);

    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0]?.getAttribute('tabindex')).toBe('0');
    rows[0]?.focus();
    fireEvent.keyDown(rows[0] as HTMLElement, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByRole('row')[2]));
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith('d2', 'a3');
    fireEvent.click(screen.getAllByRole('row')[3] as HTMLElement);
    expect(onOpen).toHaveBeenLastCalledWith('d1', 'a2');
  });

  it('speaks Chinese and sorts titles by pinyin in a Chinese UI', async () => {
    render(
      <I18nProvider language="zh">
        <AllAnnotationsView onOpen={() => {}} />
      </I18nProvider>,
    );
    await waitFor(() => expect(count()).toBe('3 / 3 条标注'));
    const header = screen.getByRole('columnheader', { name: '文档' });
    fireEvent.click(within(header).getByRole('button'));
    const titles = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[0]?.textContent);
    // 北京 (běi) before 上海 (shàng); within a document, text order.
    expect(titles).toEqual(['北京晚报', '上海日报', '上海日报']);
    expect(screen.getByRole('button', { name: '导出这些行（CSV）' })).toBeTruthy();
  });

  it('shows, sorts and filters by value, and by claims repeated or conflicting elsewhere', async () => {
    const extra = [
      annotation('v1', 'd1', 10, { quote: '全区港口吞吐量达到3.2亿吨' }),
      annotation('v2', 'd2', 10, { quote: '全区港口吞吐量达到3.2亿吨' }),
      annotation('v3', 'd2', 30, { quote: '全区港口吞吐量达到2.9亿吨' }),
      annotation('v4', 'd2', 50, { quote: '装机达到1.35亿千瓦' }),
    ];
    await db.annotations.bulkPut(extra);
    try {
      render(<AllAnnotationsView onOpen={() => {}} />);
      await waitFor(() => expect(count()).toBe('7 of 7 annotations'));
      const cell = cells('1.35亿千瓦 135,000,000 千瓦')[0];
      expect(cell?.getAttribute('title')).toBe('1.35亿千瓦 = 135,000,000 千瓦');

      const value = screen.getByRole('columnheader', { name: 'Value' });
      fireEvent.click(within(value).getByRole('button'));
      fireEvent.click(within(value).getByRole('button'));
      expect(value.getAttribute('aria-sort')).toBe('descending');
      // Largest first; the quotes without a figure stay at the end.
      expect(rowIds().slice(0, 4)).toEqual(
        [extra[0], extra[1], extra[2], extra[3]].map((a) => a?.quote),
      );

      fireEvent.change(screen.getByRole('textbox', { name: 'Smallest value' }), {
        target: { value: '3亿' },
      });
      await waitFor(() => expect(count()).toBe('2 of 7 annotations'));
      fireEvent.change(screen.getByRole('textbox', { name: 'Smallest value' }), {
        target: { value: '' },
      });
      await waitFor(() => expect(count()).toBe('7 of 7 annotations'));

      // The claims are linked across documents once the table shows.
      await waitFor(() => expect(cells('1 doc · differs in 1')).toHaveLength(1));
      const links = screen.getByRole('combobox', { name: 'Other documents' });
      fireEvent.change(links, { target: { value: 'conflicting' } });
      await waitFor(() => expect(count()).toBe('2 of 7 annotations'));
      expect(rowIds()).toEqual(['全区港口吞吐量达到3.2亿吨', '全区港口吞吐量达到2.9亿吨']);
      const conflict = cells('differs in 1');
      expect(conflict).toHaveLength(1);
      expect(conflict[0]?.getAttribute('title')).toBe('Another figure in: 上海日报');
      fireEvent.change(links, { target: { value: 'repeated' } });
      await waitFor(() => expect(count()).toBe('2 of 7 annotations'));
      expect(cells('1 doc').map((c) => c.getAttribute('title'))).toEqual(['Repeated in: 上海日报']);
    } finally {
      await db.annotations.bulkDelete(extra.map((a) => a.id));
    }
  });

  it('starts from a filter given from outside and exports exactly its rows', async () => {
    const { rerender } = render(
      <AllAnnotationsView initialFilter={{ categoryIds: ['c1'] }} onOpen={() => {}} />,
    );
    // A category covers its subcategories.
    await waitFor(() => expect(count()).toBe('2 of 3 annotations'));
    rerender(
      <AllAnnotationsView
        initialFilter={fromStatisticsFilter({ categoryIds: ['c1'] })}
        onOpen={() => {}}
      />,
    );
    await waitFor(() => expect(count()).toBe('1 of 3 annotations'));

    fireEvent.click(screen.getByRole('button', { name: 'Export these rows (CSV)' }));
    await waitFor(() => expect(saveText).toHaveBeenCalledTimes(1));
    const [fileName, content, filter] = saveText.mock.calls[0] as unknown as [
      string,
      string,
      unknown,
    ];
    expect(fileName).toMatch(/^claimmark-annotations-\d{4}-\d\d-\d\d\.csv$/);
    expect(filter).toEqual({ name: 'CSV', extensions: ['csv'] });
    expect(parseAnnotationsCsv(content).map((r) => r.annotation_id)).toEqual(['a3']);

    fireEvent.click(screen.getByRole('checkbox', { name: 'False' }));
    await waitFor(() => expect(count()).toBe('0 of 3 annotations'));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(count()).toBe('3 of 3 annotations'));
  });

  it('shows the first rows while the rest is read, and sorts and filters them all once read', async () => {
    // 60 more rows in a document added before the others, so they come first.
    await db.documents.put(doc('d0', '早报', '2025-12-31T00:00:00Z'));
    await db.texts.put({ docId: 'd0', text: '早报\n'.padEnd(700, '文') });
    const many = Array.from({ length: 60 }, (_, i) =>
      annotation(`m${i}`, 'd0', i * 10, {
        quote: `${i % 3 === 0 ? '增长' : '下降'} ${String(59 - i).padStart(2, '0')}`,
      }),
    );
    await db.annotations.bulkPut([...many].reverse());
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    reads.options = { firstRows: 10, chunkRows: 20, pause: () => held };
    try {
      render(<AllAnnotationsView onOpen={() => {}} />);
      await waitFor(() => expect(count()).toBe('Loading… 10 of 63 annotations read'));
      expect(rowIds()).toEqual(many.slice(0, 10).map((a) => a.quote));
      const exportButton = screen.getByRole('button', { name: 'Export these rows (CSV)' });
      expect((exportButton as HTMLButtonElement).disabled).toBe(true);

      // Sorted and filtered before the rest is read: among the rows read so far, and said so.
      const quote = screen.getByRole('columnheader', { name: 'Quote' });
      fireEvent.click(within(quote).getByRole('button'));
      fireEvent.change(screen.getByRole('searchbox'), { target: { value: '增长' } });
      await waitFor(() => expect(count()).toBe('4 of the 10 read so far · loading 63…'));
      expect(screen.getByText('Sorted among the rows read so far')).toBeTruthy();
      expect(rowIds()).toEqual(['增长 50', '增长 53', '增长 56', '增长 59']);

      release();
      await waitFor(() => expect(count()).toBe('20 of 63 annotations'));
      const expected = many
        .map((a) => a.quote)
        .filter((q) => q.startsWith('增长'))
        .sort();
      expect(rowIds()).toEqual(expected);
      expect(screen.queryByText('Sorted among the rows read so far')).toBeNull();
      expect((exportButton as HTMLButtonElement).disabled).toBe(false);
      const exportsBefore = saveText.mock.calls.length;
      fireEvent.click(exportButton);
      await waitFor(() => expect(saveText).toHaveBeenCalledTimes(exportsBefore + 1), {
        timeout: 5000,
      });
      const [, content] = saveText.mock.calls.at(-1) as unknown as [string, string];
      // The CSV lists the same rows by document and position.
      expect(parseAnnotationsCsv(content).map((r) => r.annotation_id)).toEqual(
        many.filter((a) => a.quote.startsWith('增长')).map((a) => a.id),
      );
    } finally {
      release();
      reads.options = {};
      await db.annotations.bulkDelete(many.map((a) => a.id));
      await db.documents.delete('d0');
      await db.texts.delete('d0');
    }
  });

  it('shows, once everything is read, what was added, deleted and edited while it was reading', async () => {
    await db.documents.put(doc('d0', '早报', '2025-12-31T00:00:00Z'));
    const early = Array.from({ length: 8 }, (_, i) =>
      annotation(`m${i}`, 'd0', i * 10, { quote: `早报 ${i}` }),
    );
    await db.annotations.bulkPut(early);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    reads.options = { firstRows: 3, chunkRows: 3, pause: () => held };
    try {
      render(<AllAnnotationsView onOpen={() => {}} />);
      await waitFor(() => expect(count()).toBe('Loading… 3 of 11 annotations read'));
      expect(rowIds()).toEqual(['早报 0', '早报 1', '早报 2']);

      // Rows on screen and rows not read yet change, one goes, one comes (in the last document).
      await db.annotations.update('m0', { quote: '改过的引文' });
      await db.annotations.delete('m1');
      await db.annotations.update('m6', { quote: '读取前改的' });
      await db.annotations.put(annotation('n1', 'd2', 10, { quote: '新加的' }));

      release();
      await waitFor(() => expect(count()).toBe('11 of 11 annotations'));
      expect(rowIds()).toEqual([
        '改过的引文',
        '早报 2',
        '早报 3',
        '早报 4',
        '早报 5',
        '读取前改的',
        '早报 7',
        '报告标题',
        LONG.slice(0, 3),
        'Beijing',
        '新加的',
      ]);
    } finally {
      release();
      reads.options = {};
      await db.annotations.bulkDelete([...early.map((a) => a.id), 'n1']);
      await db.documents.delete('d0');
    }
  });
});
