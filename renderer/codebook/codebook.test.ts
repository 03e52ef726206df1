import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation, Category } from '../../shared/types';
import { ClaimmarkDB } from '../db/db';
import { seedDefaults } from '../db/defaults';
import { addCategory, countUsage, deleteCategory, moveCategory, setClaimKind } from './codebook';
import { AnnotationStore } from '../annotations/store';

let db: ClaimmarkDB;

beforeEach(async () => {
  db = new ClaimmarkDB(`codebook-test-${crypto.randomUUID()}`);
  await db.open();
});

afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(db.name);
});

const ordered = (): Promise<Category[]> => db.categories.orderBy('order').toArray();
const names = async (): Promise<string[]> => (await ordered()).map((c) => c.name);

function annotation(id: string, categoryIds: string[]): Annotation {
  return {
    id,
    docId: 'doc',
    start: 0,
    end: 1,
    quote: 'q',
    prefix: '',
    suffix: '',
    categoryIds,
    note: `note ${id}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    status: 'unverified',
    speaker: '',
    evidence: '',
  };
}

describe('addCategory', () => {
  it('appends after the defaults with a colour of its own', async () => {
    await seedDefaults(db);
    const before = await ordered();

    const added = await addCategory(db, 'Forecast 预测');

    const after = await ordered();
    expect(after.map((c) => c.name)).toEqual([...before.map((c) => c.name), 'Forecast 预测']);
    expect(after.at(-1)).toEqual(added);
    expect(added.order).toBeGreaterThan(before.at(-1)!.order);
    expect(added.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(before.map((c) => c.color)).not.toContain(added.color);
  });

  it('starts an empty codebook at order 0 and keeps appending', async () => {
    const a = await addCategory(db, 'A');
    const b = await addCategory(db, 'B');
    const c = await addCategory(db, 'C');
    expect(a.order).toBe(0);
    expect(await names()).toEqual(['A', 'B', 'C']);
    expect(new Set([a.color, b.color, c.color]).size).toBe(3);
  });

  it('appends at the end even after categories were deleted from the middle', async () => {
    await addCategory(db, 'A');
    const b = await addCategory(db, 'B');
    await addCategory(db, 'C');
    await deleteCategory(db, b.id);
    await addCategory(db, 'D');
    expect(await names()).toEqual(['A', 'C', 'D']);
  });

  it('does not give a new category the colour of one already in the codebook', async () => {
    // Picking by count alone would give C the colour B still shows after A is deleted.
    const a = await addCategory(db, 'A');
    await addCategory(db, 'B');
    await deleteCategory(db, a.id);
    await addCategory(db, 'C');
    const colours = (await ordered()).map((c) => c.color);
    expect(new Set(colours).size).toBe(colours.length);
  });
});

describe('moveCategory', () => {
  it('swaps a category with its neighbour, so the number keys follow the new order', async () => {
    await seedDefaults(db);
    const [stat, target] = await ordered();

    await moveCategory(db, target!.id, -1);
    expect(await names()).toEqual([
      'Target 目标',
      'Statistic 数据',
      'Policy 政策措施',
      'Attribution 引述',
      'Assessment 评价',
    ]);

    await moveCategory(db, stat!.id, 1);
    expect(await names()).toEqual([
      'Target 目标',
      'Policy 政策措施',
      'Statistic 数据',
      'Attribution 引述',
      'Assessment 评价',
    ]);
    const orders = (await ordered()).map((c) => c.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('leaves the first and last categories in place when moved past the ends', async () => {
    await seedDefaults(db);
    const all = await ordered();
    await moveCategory(db, all[0]!.id, -1);
    await moveCategory(db, all.at(-1)!.id, 1);
    expect(await ordered()).toEqual(all);
  });

  it('keeps name, colour and description of the moved categories', async () => {
    await seedDefaults(db);
    const [first, second] = await ordered();
    await moveCategory(db, first!.id, 1);
    expect(await db.categories.get(first!.id)).toEqual({ ...first, order: second!.order });
    expect(await db.categories.get(second!.id)).toEqual({ ...second, order: first!.order });
  });
});

describe('countUsage and deleteCategory', () => {
  beforeEach(async () => {
    await db.categories.bulkAdd([
      {
        id: 'stat',
        name: 'Statistic',
        color: '#e0a100',
        description: '',
        order: 0,
        parentId: null,
      },
      { id: 'policy', name: 'Policy', color: '#3aa65b', description: '', order: 1, parentId: null },
      {
        id: 'quote',
        name: 'Attribution',
        color: '#b05cc6',
        description: '',
        order: 2,
        parentId: null,
      },
    ]);
    await db.annotations.bulkAdd([
      annotation('a1', ['stat']),
      annotation('a2', ['stat', 'policy']),
      annotation('a3', ['policy']),
      annotation('a4', ['quote', 'stat', 'policy']),
    ]);
  });

  it('countUsage counts the annotations that use a category', async () => {
    expect(await countUsage(db, 'stat')).toBe(3);
    expect(await countUsage(db, 'policy')).toBe(3);
    expect(await countUsage(db, 'quote')).toBe(1);
    expect(await countUsage(db, 'nobody')).toBe(0);
  });

  it('takes the category off every annotation that used it, keeps the annotations, and returns the count', async () => {
    const removed = await deleteCategory(db, 'stat', new Date('2026-02-03T04:05:06Z'));

    expect(removed).toBe(3);
    expect(await db.categories.get('stat')).toBeUndefined();
    expect((await ordered()).map((c) => c.id)).toEqual(['policy', 'quote']);

    const all = await db.annotations.orderBy('id').toArray();
    expect(all.map((a) => [a.id, a.categoryIds])).toEqual([
      ['a1', []],
      ['a2', ['policy']],
      ['a3', ['policy']],
      ['a4', ['quote', 'policy']],
    ]);
    // Changed annotations are stamped; the untouched one is left as it was.
    expect(all.find((a) => a.id === 'a2')?.updatedAt).toBe('2026-02-03T04:05:06.000Z');
    expect(await db.annotations.get('a3')).toEqual(annotation('a3', ['policy']));
    // Everything else about the changed ones is kept.
    expect(all.find((a) => a.id === 'a4')?.note).toBe('note a4');

    expect(await countUsage(db, 'stat')).toBe(0);
    expect(await countUsage(db, 'policy')).toBe(3);
  });

  it('returns 0 and changes no annotation for an unused category', async () => {
    await db.categories.add({
      id: 'unused',
      name: 'Unused',
      color: '#000000',
      description: '',
      order: 3,
      parentId: null,
    });
    const before = await db.annotations.toArray();
    expect(await deleteCategory(db, 'unused')).toBe(0);
    expect(await db.annotations.toArray()).toEqual(before);
    expect(await db.categories.count()).toBe(3);
  });

  it('changes nothing when the deletion fails part-way (one transaction)', async () => {
    const annotationsBefore = await db.annotations.toArray();
    const categoriesBefore = await ordered();
    vi.spyOn(db.categories, 'delete').mockImplementation(() => {
      throw new Error('disk went away');
    });

    await expect(deleteCategory(db, 'stat')).rejects.toThrow('disk went away');

    vi.restoreAllMocks();
    expect(await db.annotations.toArray()).toEqual(annotationsBefore);
    expect(await ordered()).toEqual(categoriesBefore);
  });
});

describe('setClaimKind', () => {
  const kinds = async () => (await ordered()).map((c) => [c.name, c.claimKind ?? null]);

  it('maps the default codebook, moves a kind to another category in one undo step', async () => {
    await seedDefaults(db);
    expect(await kinds()).toEqual([
      ['Statistic 数据', 'statistic'],
      ['Target 目标', 'target'],
      ['Policy 政策措施', null],
      ['Attribution 引述', 'attribution'],
      ['Assessment 评价', null],
    ]);
    const store = new AnnotationStore(db);
    const policy = (await ordered())[2]!;
    await setClaimKind(db, policy.id, 'target', store);
    expect((await kinds()).map(([, k]) => k)).toEqual([
      'statistic',
      null,
      'target',
      'attribution',
      null,
    ]);
    await store.undo();
    expect((await kinds()).map(([, k]) => k)).toEqual([
      'statistic',
      'target',
      null,
      'attribution',
      null,
    ]);
  });
});
