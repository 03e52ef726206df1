import { describe, expect, it } from 'vitest';
import type { Annotation, Category } from '../../shared/types';
import { codebookOrder, computeStats } from './compute';

const cat = (id: string, order: number, parentId: string | null = null): Category => ({
  id,
  name: id,
  parentId,
  color: '#336699',
  description: '',
  order,
});

type A = Pick<Annotation, 'docId' | 'start' | 'end' | 'categoryIds' | 'orphaned' | 'status'>;
const ann = (
  docId: string,
  start: number,
  end: number,
  categoryIds: string[],
  status: A['status'] = 'unverified',
): A => ({
  docId,
  start,
  end,
  categoryIds,
  status,
});

describe('codebookOrder', () => {
  it('puts subcategories after their parent, each level by order', () => {
    const order = codebookOrder([
      cat('b', 2),
      cat('b1', 5, 'b'),
      cat('a', 1),
      cat('a2', 4, 'a'),
      cat('a1', 3, 'a'),
      cat('lost', 0, 'gone'),
    ]);
    expect(order.map((r) => `${r.depth}${r.category.id}`)).toEqual([
      '0lost',
      '0a',
      '1a1',
      '1a2',
      '0b',
      '1b1',
    ]);
  });
});

describe('computeStats', () => {
  const categories = [cat('统计', 1), cat('claim', 2), cat('unused', 3)];
  const stats = computeStats(
    [
      ann('d1', 0, 5, ['统计', 'claim'], 'supported'),
      ann('d1', 3, 8, ['claim']),
      ann('d2', 0, 5, []),
      ann('d2', 0, 5, ['deleted-category'], 'false'),
    ],
    categories,
    [
      { id: 'd1', title: 'Beta' },
      { id: 'd2', title: 'Alpha' },
    ],
  );

  it('counts per category, document and status', () => {
    expect(stats.total).toBe(4);
    expect(stats.documents).toBe(2);
    expect(stats.uncategorised).toBe(2);
    expect(stats.categories.map((r) => r.count)).toEqual([1, 2, 0]);
    expect(stats.perDocument.map((d) => [d.title, d.count])).toEqual([
      ['Alpha', 2],
      ['Beta', 2],
    ]);
    expect(Object.fromEntries(stats.perStatus.map((s) => [s.status, s.count]))).toEqual({
      unverified: 2,
      supported: 1,
      disputed: 0,
      false: 1,
      opinion: 0,
    });
  });

  it('builds the matrix over the categories in use only', () => {
    expect(stats.matrixCategories.map((c) => c.id)).toEqual(['统计', 'claim']);
    // 统计–claim: on the first annotation, and again where it overlaps the second.
    expect(stats.matrix).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});
