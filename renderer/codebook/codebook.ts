import type { Category } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';

/** Colours offered to new categories, picked to differ from the defaults. */
const PALETTE = [
  '#0f9d9a',
  '#d6457a',
  '#7a8b2d',
  '#8a63d2',
  '#c7782a',
  '#4b7bd1',
  '#a0522d',
  '#2e9e6e',
];

export async function addCategory(db: ClaimmarkDB, name: string): Promise<Category> {
  return db.transaction('rw', db.categories, async () => {
    const all = await db.categories.orderBy('order').toArray();
    const used = new Set(all.map((c) => c.color.toLowerCase()));
    const category: Category = {
      id: crypto.randomUUID(),
      name,
      parentId: null,
      color: PALETTE.find((c) => !used.has(c)) ?? PALETTE[all.length % PALETTE.length] ?? '#888888',
      description: '',
      order: (all.at(-1)?.order ?? -1) + 1,
    };
    await db.categories.add(category);
    return category;
  });
}

export async function updateCategory(
  db: ClaimmarkDB,
  id: string,
  patch: Partial<Pick<Category, 'name' | 'color' | 'description'>>,
): Promise<void> {
  await db.categories.update(id, patch);
}

/** Swaps a category with its neighbour; keys 1–9 follow the new order. */
export async function moveCategory(db: ClaimmarkDB, id: string, delta: -1 | 1): Promise<void> {
  await db.transaction('rw', db.categories, async () => {
    const all = await db.categories.orderBy('order').toArray();
    const index = all.findIndex((c) => c.id === id);
    const other = all[index + delta];
    const self = all[index];
    if (!self || !other) return;
    await db.categories.bulkPut([
      { ...self, order: other.order },
      { ...other, order: self.order },
    ]);
  });
}

export function countUsage(db: ClaimmarkDB, id: string): Promise<number> {
  return db.annotations.where('categoryIds').equals(id).count();
}

/**
 * Deletes a category and takes it off every annotation that used it, in one
 * transaction. The annotations stay, even when this leaves them uncategorised.
 */
export async function deleteCategory(
  db: ClaimmarkDB,
  id: string,
  now = new Date(),
): Promise<number> {
  return db.transaction('rw', db.categories, db.annotations, async () => {
    const users = await db.annotations.where('categoryIds').equals(id).toArray();
    const stamp = now.toISOString();
    await db.annotations.bulkPut(
      users.map((a) => ({
        ...a,
        categoryIds: a.categoryIds.filter((c) => c !== id),
        updatedAt: stamp,
      })),
    );
    await db.categories.delete(id);
    return users.length;
  });
}
