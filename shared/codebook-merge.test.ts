import { describe, expect, it } from 'vitest';
import type { CodebookEntry } from './codebook-csv';
import { applyMergePlan, planMerge } from './codebook-merge';
import type { MergePlan } from './codebook-merge';
import type { Category } from './types';

const cat = (
  id: string,
  name: string,
  order: number,
  parentId: string | null = null,
  extra: Partial<Category> = {},
): Category => ({ id, name, order, parentId, color: '#336699', description: '', ...extra });

const entry = (
  name: string,
  parent: string | null = null,
  extra: Partial<CodebookEntry> = {},
): CodebookEntry => ({ name, parent, color: null, description: '', ...extra });

const counter = () => {
  let n = 0;
  return () => `new-${++n}`;
};

const plan = (existing: Category[], incoming: CodebookEntry[]): MergePlan =>
  planMerge(existing, incoming, { newId: counter() });

const merged = (existing: Category[], incoming: CodebookEntry[]): Category[] =>
  applyMergePlan(existing, plan(existing, incoming), (i) => `#00000${i}`);

/** name → parent name, for reading results. */
const parents = (categories: Category[]): Record<string, string | null> => {
  const byId = new Map(categories.map((c) => [c.id, c]));
  return Object.fromEntries(
    categories.map((c) => [
      c.name,
      c.parentId === null ? null : (byId.get(c.parentId)?.name ?? '?'),
    ]),
  );
};

const EXISTING: Category[] = [
  cat('s', 'Statistic 数据', 0, null, { color: '#e0a100', description: 'numbers' }),
  cat('s1', '增长率', 1, 's'),
  cat('t', 'Target 目标', 2, null, { color: '#2f8fd8' }),
  cat('u', 'Used 使用中', 3, null, { description: 'in use by 40 annotations' }),
];

describe('planMerge', () => {
  it('adds everything to an empty library, parents first, with fresh ids and orders', () => {
    const p = plan([], [entry('子', '父', { color: '#ff0000' }), entry('父'), entry('Other')]);
    expect(p.add).toEqual([
      {
        name: '父',
        parent: null,
        color: null,
        description: '',
        id: 'new-1',
        parentId: null,
        order: 0,
      },
      {
        name: '子',
        parent: '父',
        color: '#ff0000',
        description: '',
        id: 'new-2',
        parentId: 'new-1',
        order: 1,
      },
      {
        name: 'Other',
        parent: null,
        color: null,
        description: '',
        id: 'new-3',
        parentId: null,
        order: 2,
      },
    ]);
    expect(p.update).toEqual([]);
    expect(p.unchanged).toBe(0);
    expect(p.warnings).toEqual([]);
  });

  it('adds new names after the existing ones, children under their parent, keys unmoved', () => {
    const result = merged(EXISTING, [
      entry('New top'),
      entry('New child', 'Statistic 数据'),
      entry('New grandchild', 'New top'),
    ]);
    expect(result.slice(0, 4)).toEqual(EXISTING);
    expect(result.slice(4).map((c) => [c.name, c.order])).toEqual([
      ['New top', 4],
      ['New grandchild', 5],
      ['New child', 6],
    ]);
    expect(parents(result)).toMatchObject({
      'New child': 'Statistic 数据',
      'New grandchild': 'New top',
    });
    expect(result.slice(4).map((c) => c.color)).toEqual(['#000000', '#000001', '#000002']);
  });

  it('updates colour, description and parent from the file when given', () => {
    const p = plan(EXISTING, [
      entry('Statistic 数据', null, { color: '#ABCDEF', description: 'numbers, "rates"\n数字' }),
      entry('增长率'),
      entry('Target 目标', 'Statistic 数据'),
    ]);
    expect(p.update).toEqual([
      { id: 's', patch: { color: '#abcdef', description: 'numbers, "rates"\n数字' } },
      { id: 's1', patch: { parentId: null } },
      { id: 't', patch: { parentId: 's' } },
    ]);
    expect(p.add).toEqual([]);
  });

  it('keeps the colour when the file gives none and never erases a description', () => {
    const p = plan(EXISTING, [
      entry('Statistic 数据', null, { description: '' }),
      entry('Used 使用中', null, { description: '  ', color: '#336699' }),
      entry('增长率', 'Statistic 数据'),
    ]);
    expect(p).toEqual({ add: [], update: [], unchanged: 3, warnings: [] });
  });

  it('never deletes: categories missing from the file stay as they are', () => {
    const result = merged(EXISTING, [entry('Only this')]);
    expect(result.slice(0, EXISTING.length)).toEqual(EXISTING);
    expect(result.map((c) => c.name)).toContain('Used 使用中');
  });

  it('matches names trimmed and case-sensitive; Chinese names as they are', () => {
    const p = plan(EXISTING, [
      entry('  Target 目标 ', null, { color: '#000000' }),
      entry('target 目标'),
      entry('增长率 '),
      entry('增长'),
    ]);
    expect(p.update.map((u) => u.id)).toEqual(['t', 's1']);
    expect(p.add.map((e) => e.name)).toEqual(['target 目标', '增长']);
  });

  it('moves an existing category under a new parent, referring to the new id', () => {
    const p = plan(EXISTING, [entry('Target 目标', '目标类'), entry('目标类')]);
    expect(p.add).toMatchObject([{ name: '目标类', id: 'new-1', order: 4 }]);
    expect(p.update).toEqual([{ id: 't', patch: { parentId: 'new-1' } }]);
  });

  it('keeps an existing category with subcategories the file does not place at the top', () => {
    const p = plan(EXISTING, [entry('Statistic 数据', 'Target 目标'), entry('Target 目标')]);
    expect(p.update).toEqual([]);
    expect(p.unchanged).toBe(2);
    expect(p.warnings).toEqual([
      '"Statistic 数据" stays where it is rather than moving under "Target 目标": it has ' +
        'subcategories ("增长率"), and a codebook has two levels at most',
    ]);
  });

  it('moves it when the file also moves its subcategories', () => {
    const result = merged(EXISTING, [
      entry('Statistic 数据', 'Target 目标'),
      entry('增长率', 'Target 目标'),
      entry('Target 目标'),
    ]);
    expect(parents(result)).toMatchObject({
      'Statistic 数据': 'Target 目标',
      增长率: 'Target 目标',
    });
  });

  it('never builds a third level from entries that describe one', () => {
    const result = merged(EXISTING, [
      entry('Deep', '增长率'),
      entry('A'),
      entry('B', 'A'),
      entry('C', 'B'),
    ]);
    expect(parents(result)).toMatchObject({ Deep: 'Statistic 数据', B: 'A', C: 'A' });
    const p = plan(EXISTING, [entry('Deep', '增长率')]);
    expect(p.warnings).toEqual([
      '"Deep" was placed under "Statistic 数据", as "增长率" is a subcategory',
    ]);
  });

  it('adds a category with an unknown parent at the top, with a warning', () => {
    const p = plan([], [entry('Lost', 'Nowhere')]);
    expect(p.add).toMatchObject([{ name: 'Lost', parent: null, parentId: null }]);
    expect(p.warnings).toEqual(['The parent "Nowhere" of "Lost" is unknown; added at the top']);
  });

  it('uses the first of two entries with the same name', () => {
    const p = plan(
      [],
      [entry('A', null, { color: '#111111' }), entry(' A', null, { color: '#222222' })],
    );
    expect(p.add).toMatchObject([{ name: 'A', color: '#111111' }]);
    expect(p.warnings).toEqual(['"A" appears twice in the file; the first one was used']);
  });

  it('gives new categories UUIDs by default', () => {
    const p = planMerge([], [entry('A')]);
    expect(p.add[0]?.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
