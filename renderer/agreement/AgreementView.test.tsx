// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../shared/types';
import { db } from '../db/instance';
import { AgreementView } from './AgreementView';

const TEXT = '0123456789';
let n = 0;
const mark = (
  createdBy: string,
  start: number,
  end: number,
  categoryIds: string[],
): Annotation => ({
  id: `a${n++}`,
  docId: 'd1',
  start,
  end,
  quote: TEXT.slice(start, end),
  prefix: '',
  suffix: '',
  categoryIds,
  note: '',
  createdAt: '',
  updatedAt: '',
  createdBy,
  status: 'unverified',
  speaker: '',
  evidence: '',
});

beforeAll(async () => {
  await db.categories.bulkPut(
    ['c1', 'c2'].map((id, order) => ({
      id,
      name: id === 'c1' ? '数据 Statistic' : 'Unused',
      parentId: null,
      color: '#3366aa',
      description: '',
      order,
    })),
  );
  await db.documents.put({
    id: 'd1',
    sha256: 'x',
    title: '新闻',
    fileName: 'd1.txt',
    encoding: 'utf-8',
    bom: false,
    length: 10,
    addedAt: '',
    reflow: null,
  });
  await db.texts.put({ docId: 'd1', text: TEXT });
  await db.annotations.bulkPut([mark('Li', 0, 4, ['c1']), mark('Wang', 2, 6, ['c1'])]);
});
afterEach(cleanup);
afterAll(() => db.delete());

describe('AgreementView', () => {
  it('shows the figures per category, "—" with the reason where undefined, and opens a disagreement', async () => {
    const onOpen = vi.fn();
    render(<AgreementView onOpen={onOpen} />);
    expect(await screen.findByRole('region', { name: 'Agreement' })).toBeTruthy();
    const row = (await screen.findByRole('rowheader', { name: '数据 Statistic' })).closest('tr')!;
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
    // κ 1/6 = 0.167, 6 of 10 characters alike.
    expect(cells.slice(1)).toEqual(['0.167', '60 %']);
    const unused = screen.getByRole('rowheader', { name: 'Unused' }).closest('tr')!;
    const dash = unused.querySelector('td')!;
    expect(dash.textContent).toBe('—');
    expect(dash.getAttribute('title')).toMatch(/nobody marked/);

    expect(screen.getByText('Overlapping, different extent · 新闻')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open in the reader: 0123' }));
    expect(onOpen).toHaveBeenCalledWith({ docId: 'd1', annotationId: 'a0' });

    // One coder left: nothing to compare.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Wang' }));
    expect(await screen.findByText('Choose two or more coders.')).toBeTruthy();
  });
});
