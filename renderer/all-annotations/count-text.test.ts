import { describe, expect, it } from 'vitest';
import { countText } from './count-text';
import { viewStrings } from './strings';
import type { TableData } from './table-source';

const data = (rows: number, loading: TableData['loading']): TableData => ({
  rows: Array.from({ length: rows }) as TableData['rows'],
  documents: [],
  categories: [],
  loading,
});

describe('the count above the table', () => {
  const en = viewStrings('en');
  const zh = viewStrings('zh');

  it('says how far the first read has come, in English and Chinese', () => {
    const reading = data(1200, { read: 1200, stored: 100_000 });
    expect(countText(en, reading, 1200, {})).toBe('Loading… 1,200 of 100,000 annotations read');
    expect(countText(zh, reading, 1200, {})).toBe('正在载入… 已读取 1,200 / 100,000 条标注');
    expect(countText(en, data(150, { read: 150, stored: null }), 150, {})).toBe(
      'Loading… 150 of … annotations read',
    );
  });

  it('says a filter applies to the rows read so far', () => {
    // 1,500 read, 1,200 of them in the table yet: the filter went over those.
    const reading = data(1200, { read: 1500, stored: 100_000 });
    expect(countText(en, reading, 31, { text: '增长' })).toBe(
      '31 of the 1,200 read so far · loading 100,000…',
    );
    expect(countText(zh, reading, 31, { text: '增长' })).toBe(
      '已读取的 1,200 条中有 31 条 · 共 100,000 条，载入中…',
    );
  });

  it('counts shown of all once everything is read', () => {
    expect(countText(en, data(100_000, null), 31, { text: '增长' })).toBe(
      '31 of 100000 annotations',
    );
    expect(countText(zh, data(4, null), 3, {})).toBe('3 / 4 条标注');
    expect(countText(en, undefined, 0, {})).toBe('Loading annotations…');
  });
});
