// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Annotation, Category, DocumentRecord } from '../../shared/types';
import { db } from '../db/instance';
import { serializeSvg } from './save-chart';
import { StatisticsView } from './StatisticsView';

const category = (id: string, name: string, order: number): Category => ({
  id,
  name,
  parentId: null,
  color: '#3366aa',
  description: '',
  order,
});

const doc = (id: string, title: string): DocumentRecord => ({
  id,
  sha256: `sha-${id}`,
  title,
  fileName: `${id}.txt`,
  encoding: 'utf-8',
  bom: false,
  length: 100,
  addedAt: '2026-01-01T00:00:00.000Z',
  reflow: null,
});

let n = 0;
const annotation = (
  docId: string,
  start: number,
  end: number,
  categoryIds: string[],
): Annotation => ({
  id: `a${n++}`,
  docId,
  start,
  end,
  quote: '',
  prefix: '',
  suffix: '',
  categoryIds,
  note: '',
  createdAt: '',
  updatedAt: '',
  status: 'unverified',
  speaker: '',
  evidence: '',
});

beforeAll(async () => {
  await db.categories.bulkPut([category('c1', 'Statistic 数据', 1), category('c2', 'Claim', 2)]);
  await db.documents.bulkPut([
    doc('d1', '一篇很长很长很长很长很长很长很长很长很长很长很长很长的新闻标题'),
    doc('d2', 'Short'),
  ]);
  await db.annotations.bulkPut([
    ...Array.from({ length: 12 }, (_, i) => annotation('d1', i * 10, i * 10 + 5, ['c1'])),
    annotation('d1', 2, 20, ['c2']),
    annotation('d2', 0, 5, ['c1', 'c2']),
  ]);
});

afterEach(cleanup);
afterAll(() => db.delete());

describe('StatisticsView', () => {
  it('opens the annotations behind a bar or a cell', async () => {
    const onOpen = vi.fn();
    render(<StatisticsView docId="d1" onOpenAnnotations={onOpen} />);

    const bar = await screen.findByRole('button', { name: 'Statistic 数据: 13 annotations' });
    expect(bar.getAttribute('tabindex')).toBe('0');
    fireEvent.click(bar);
    expect(onOpen).toHaveBeenLastCalledWith({ categoryIds: ['c1'] });

    // c1–c2: annotation in d2, and the c2 span [2, 20) overlapping two c1 spans.
    const cell = screen.getByRole('button', { name: 'Statistic 数据 and Claim: 3 co-occurrences' });
    fireEvent.keyDown(cell, { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith({ categoryIds: ['c1', 'c2'] });

    const docBar = screen.getByRole('button', { name: /^一篇很长.*: 13 annotations$/ });
    fireEvent.keyDown(docBar, { key: ' ' });
    expect(onOpen).toHaveBeenLastCalledWith({ docId: 'd1' });
    expect(within(docBar).getByText(/…$/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Unverified: 14 annotations' }));
    expect(onOpen).toHaveBeenLastCalledWith({ status: 'unverified' });
  });

  it('narrows to the current document and adds it to the filter', async () => {
    const onOpen = vi.fn();
    render(<StatisticsView docId="d1" onOpenAnnotations={onOpen} />);
    await screen.findByRole('button', { name: 'Statistic 数据: 13 annotations' });
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'document' } });
    const bar = await screen.findByRole('button', { name: 'Statistic 数据: 12 annotations' });
    fireEvent.click(bar);
    expect(onOpen).toHaveBeenLastCalledWith({ categoryIds: ['c1'], docId: 'd1' });
    expect(screen.queryByText('Annotations per document')).toBeNull();
  });

  it('splits the annotations by coder', async () => {
    await db.annotations.bulkPut([
      { ...annotation('d2', 10, 12, ['c2']), createdBy: '王芳' },
      { ...annotation('d1', 60, 62, ['c2']), createdBy: '王芳' },
    ]);
    render(<StatisticsView docId={null} onOpenAnnotations={() => {}} />);
    const table = await screen.findByRole('region', { name: 'By coder' });
    const row = (name: string) =>
      [...within(table).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td')].map(
        (td) => td.textContent,
      );
    // 王芳: 2 annotations in 2 documents, none in c1, both in c2.
    expect(row('王芳')).toEqual(['2', '2', '0', '2']);
    expect(row('(no name)')).toEqual(['14', '2', '13', '2']);
    await db.annotations.bulkDelete([`a${n - 1}`, `a${n - 2}`]);
  });

  it('serialises a chart as a standalone SVG', async () => {
    render(<StatisticsView docId={null} onOpenAnnotations={() => {}} />);
    await screen.findByRole('button', { name: 'Claim: 2 annotations' });
    const svg = document.querySelector('svg');
    if (!svg) throw new Error('no chart');
    const text = serializeSvg(svg);
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('Statistic 数据');
    expect(text).not.toMatch(/class=|tabindex=/);
  });
});
