import { describe, expect, it } from 'vitest';
import { expandCategories } from './category-match';
import { annotation, category, doc } from './fixtures';
import { rankStrings, rankTexts } from './ranks';
import {
  buildRows,
  columnKeys,
  filterAnnotations,
  sortAnnotations,
  type AnnotationFilter,
  type Column,
  type SortState,
  type TableRow,
} from './table-model';

const categories = [
  category('pol', 'Politics', 0),
  category('elec', 'Elections', 1, 'pol'),
  category('poll', 'Polls', 2, 'elec'),
  category('eco', 'Economy', 3),
  category('trade', 'Trade', 4, 'eco'),
];
const documents = [
  doc('sh', '上海日报', '2026-01-01T00:00:00Z'),
  doc('bj', '北京晚报', '2026-01-03T00:00:00Z'),
  doc('gz', '广州日报', '2026-01-02T00:00:00Z'),
  doc('empty', 'No annotations', '2026-01-04T00:00:00Z'),
];
const annotations = [
  annotation('a1', 'sh', 50, { categoryIds: ['pol'], status: 'supported', speaker: 'Li Qiang' }),
  annotation('a2', 'sh', 10, { categoryIds: ['elec'], quote: '经济增长５％', note: 'Check GDP' }),
  annotation('a3', 'bj', 30, { categoryIds: ['trade', 'pol'], status: 'false', speaker: '新华社' }),
  annotation('a4', 'bj', 5, {
    categoryIds: ['poll'],
    status: 'disputed',
    evidence: 'HTTPS://x.org',
  }),
  annotation('a5', 'gz', 0, { categoryIds: [], status: 'opinion', speaker: 'li qiang' }),
  annotation('a6', 'gz', 7, { categoryIds: ['eco', 'missing'] }),
  annotation('ghost', 'deleted-doc', 0),
];

const rows = buildRows(annotations, documents, categories);
const ids = (list: readonly TableRow[]) => list.map((r) => r.annotation.id);
const filter = (f: AnnotationFilter, sections?: ReadonlyMap<string, string>) =>
  ids(filterAnnotations(rows, f, { categories, sections }));
const zh = new Intl.Collator('zh', { numeric: true });
const en = new Intl.Collator('en', { numeric: true });
const sortBy = (column: Column, direction: SortState['direction'] = 'asc', collator = zh) => {
  const keys = columnKeys(rows, column, { collator });
  return ids(sortAnnotations(rows, { column, direction }, keys));
};

describe('buildRows', () => {
  it('lists annotations in library order, then by position, and skips unknown documents', () => {
    expect(ids(rows)).toEqual(['a2', 'a1', 'a5', 'a6', 'a4', 'a3']);
    expect(rows.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps categories in codebook order and drops unknown ones', () => {
    const a3 = rows.find((r) => r.annotation.id === 'a3');
    expect(a3?.categories.map((c) => c.id)).toEqual(['pol', 'trade']);
    const a6 = rows.find((r) => r.annotation.id === 'a6');
    expect(a6?.categories.map((c) => c.id)).toEqual(['eco']);
  });
});

describe('filterAnnotations', () => {
  it('returns the very same array for an empty filter', () => {
    expect(filterAnnotations(rows, {}, { categories })).toBe(rows);
    expect(filterAnnotations(rows, { text: '  ', statuses: [], docIds: [] }, { categories })).toBe(
      rows,
    );
  });

  it('lets a category match its subcategories, at any depth', () => {
    expect([...expandCategories(['pol'], categories)].sort()).toEqual(['elec', 'pol', 'poll']);
    expect(filter({ categoryIds: ['pol'] })).toEqual(['a2', 'a1', 'a4', 'a3']);
    expect(filter({ categoryIds: ['elec'] })).toEqual(['a2', 'a4']);
    expect(filter({ categoryIds: ['trade'] })).toEqual(['a3']);
    expect(filter({ categoryIds: ['eco', 'poll'] })).toEqual(['a6', 'a4', 'a3']);
  });

  it('filters by status, any of those chosen', () => {
    expect(filter({ statuses: ['false', 'opinion'] })).toEqual(['a5', 'a3']);
    expect(filter({ statuses: ['unverified'] })).toEqual(['a2', 'a6']);
  });

  it('filters by document and combines every part with AND', () => {
    expect(filter({ docIds: ['gz', 'bj'] })).toEqual(['a5', 'a6', 'a4', 'a3']);
    expect(filter({ docIds: ['bj'], categoryIds: ['pol'], statuses: ['false'] })).toEqual(['a3']);
  });

  it('matches text in quote, note, speaker, evidence and title, ignoring Latin case', () => {
    expect(filter({ text: 'check gdp' })).toEqual(['a2']);
    expect(filter({ text: 'https://X.ORG' })).toEqual(['a4']);
    expect(filter({ text: '新华社' })).toEqual(['a3']);
    expect(filter({ text: '晚报' })).toEqual(['a4', 'a3']);
    expect(filter({ text: '  LI QIANG ' })).toEqual(['a1', 'a5']);
    expect(filter({ text: '经济增长' })).toEqual(['a2']);
  });

  it('folds full-width and half-width forms alike', () => {
    expect(filter({ text: '增长5%' })).toEqual(['a2']); // stored as 增长５％
    expect(filter({ text: 'ＣＨＥＣＫ　ＧＤＰ' })).toEqual(['a2']);
    expect(filter({ speaker: 'ＬＩ' })).toEqual(['a1', 'a5']);
  });

  it('does not match across the boundary between two fields', () => {
    // a2: quote ends "５％", note starts "Check".
    expect(filter({ text: '％check' })).toEqual([]);
  });

  it('filters by part of the speaker', () => {
    expect(filter({ speaker: 'Qiang' })).toEqual(['a1', 'a5']);
    expect(filter({ speaker: 'xinhua' })).toEqual([]);
  });

  it('filters by exact section once sections are known', () => {
    const sections = new Map([
      ['a1', 'Economy'],
      ['a2', 'Economy and trade'],
      ['a3', ''],
    ]);
    expect(filter({ section: 'Economy' }, sections)).toEqual(['a1']);
    expect(filter({ section: '' }, sections)).toEqual(['a3']);
    expect(filter({ section: 'Economy' })).toEqual([]);
  });

  it('keeps the order of the rows it is given', () => {
    const reversed = [...rows].reverse();
    const out = filterAnnotations(reversed, { categoryIds: ['pol'] }, { categories });
    expect(ids(out)).toEqual(['a3', 'a4', 'a1', 'a2']);
  });
});

describe('sortAnnotations', () => {
  it('sorts Chinese titles by pinyin with the zh collator, stable within a document', () => {
    // 北京 běi < 广州 guǎng < 上海 shàng
    expect(sortBy('document')).toEqual(['a4', 'a3', 'a5', 'a6', 'a2', 'a1']);
    // The en collator does not order Han by pinyin.
    expect(sortBy('document', 'asc', en)).not.toEqual(sortBy('document'));
    // Descending reverses the documents but keeps each document's rows in text order.
    expect(sortBy('document', 'desc')).toEqual(['a2', 'a1', 'a5', 'a6', 'a4', 'a3']);
  });

  it('sorts by status in the order of the scale, ties in natural order', () => {
    expect(sortBy('status')).toEqual(['a2', 'a6', 'a1', 'a4', 'a3', 'a5']);
    expect(sortBy('status', 'desc')).toEqual(['a5', 'a3', 'a4', 'a1', 'a2', 'a6']);
  });

  it('sorts by categories in codebook order, rows without any first', () => {
    expect(sortBy('categories')).toEqual(['a5', 'a1', 'a3', 'a2', 'a4', 'a6']);
  });

  it('sorts speakers with the collator, empty first', () => {
    const out = sortBy('speaker', 'asc', en);
    expect(out.slice(0, 3)).toEqual(['a2', 'a6', 'a4']);
    expect(out.slice(3)).toEqual(['li qiang', 'Li Qiang', '新华社'].map(speakerId));
  });

  it('sorts by section when given the sections', () => {
    const sections = new Map([
      ['a1', 'b'],
      ['a2', 'a'],
      ['a3', 'b'],
    ]);
    const keys = columnKeys(rows, 'section', { collator: en, sections });
    const out = ids(sortAnnotations(rows, { column: 'section', direction: 'asc' }, keys));
    expect(out).toEqual(['a5', 'a6', 'a4', 'a2', 'a1', 'a3']);
  });

  it('with no sort returns natural order', () => {
    const shuffled = [rows[3], rows[0], rows[5], rows[1]] as TableRow[];
    expect(ids(sortAnnotations(shuffled, null, null))).toEqual(['a2', 'a1', 'a6', 'a3']);
  });

  it('sorts a filtered subset with the keys of all rows', () => {
    const keys = columnKeys(rows, 'document', { collator: zh });
    const subset = filterAnnotations(rows, { statuses: ['unverified', 'false'] }, { categories });
    const out = sortAnnotations(subset, { column: 'document', direction: 'asc' }, keys);
    expect(ids(out)).toEqual(['a3', 'a6', 'a2']);
  });
});

function speakerId(name: string): string {
  return annotations.find((a) => a.speaker === name)?.id ?? '?';
}

describe('rankStrings', () => {
  const sample = ['上海', '北京', 'beta', 'Alpha', '广州', 'alpha', '第10版', '第2版', '', '北京'];

  it('ranks values in the collator order (numeric), equal values alike', () => {
    const ranks = rankStrings(sample, zh);
    const order = [...sample.keys()].sort((a, b) => (ranks[a] ?? 0) - (ranks[b] ?? 0) || a - b);
    const byCollator = [...sample.keys()].sort(
      (a, b) => zh.compare(sample[a] ?? '', sample[b] ?? '') || a - b,
    );
    expect(order).toEqual(byCollator);
    expect(ranks[1]).toBe(ranks[9]);
    expect(ranks[7]).toBeLessThan(ranks[6] ?? 0); // 第2版 before 第10版
  });

  it('ranks texts character by character in the collator primary order', () => {
    const base = new Intl.Collator('zh', { sensitivity: 'base' });
    const chars = '北京上海广州深圳中国经济增长发展改革abcXYZ0123 ，。,.％%';
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16;
    const values = Array.from({ length: 3000 }, () =>
      Array.from({ length: 1 + (next() % 10) }, () => chars[next() % chars.length]).join(''),
    );
    const ranks = rankTexts(values, zh);
    for (let i = 1; i < values.length; i++) {
      const a = values[i - 1] as string;
      const b = values[i] as string;
      expect(Math.sign((ranks[i - 1] ?? 0) - (ranks[i] ?? 0)), `${a} vs ${b}`).toBe(
        Math.sign(base.compare(a, b)),
      );
    }
    // Pinyin order, case ignored (a tie), accents ignored.
    const r = rankTexts(['上海', '北京', 'Apple', 'apple', 'résumé', 'resume'], zh);
    expect(r[1]).toBeLessThan(r[0] ?? 0);
    expect(r[2]).toBe(r[3]);
    expect(r[4]).toBe(r[5]);
  });
});
