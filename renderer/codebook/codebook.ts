import type { Category, ClaimKind } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';
import { writeChanges } from '../annotations/store';
import type { Change } from '../annotations/undo';

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

/** The first palette colour not in use yet (cycling when all are). */
export function nextColor(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()));
  return PALETTE.find((c) => !taken.has(c)) ?? PALETTE[used.length % PALETTE.length] ?? '#888888';
}

/** Where codebook edits are recorded: the shared undo history, or nowhere. */
export interface ChangeRecorder {
  commitChanges(label: string, changes: Change[]): Promise<void>;
}

async function commit(
  db: ClaimmarkDB,
  label: string,
  changes: Change[],
  recorder?: ChangeRecorder,
) {
  if (changes.length === 0) return;
  if (recorder) await recorder.commitChanges(label, changes);
  else await db.transaction('rw', db.annotations, db.categories, () => writeChanges(db, changes));
}

const cat = (before: Category | null, after: Category | null): Change => ({
  table: 'categories',
  before,
  after,
});

export async function addCategory(
  db: ClaimmarkDB,
  name: string,
  recorder?: ChangeRecorder,
  parentId: string | null = null,
): Promise<Category> {
  const all = await db.categories.orderBy('order').toArray();
  const category: Category = {
    id: crypto.randomUUID(),
    name,
    parentId,
    color: nextColor(all.map((c) => c.color)),
    description: '',
    order: (all.at(-1)?.order ?? -1) + 1,
  };
  await commit(db, 'add-category', [cat(null, category)], recorder);
  return category;
}

export async function updateCategory(
  db: ClaimmarkDB,
  id: string,
  patch: Partial<Pick<Category, 'name' | 'color' | 'description' | 'parentId'>>,
  recorder?: ChangeRecorder,
): Promise<void> {
  const before = await db.categories.get(id);
  if (!before) return;
  await commit(db, 'edit-category', [cat(before, { ...before, ...patch })], recorder);
}

/**
 * Makes `id` the category suggested claims of `kind` are accepted into (null: none).
 * A kind has one category, so the one that had it gives it up, in the same undo step.
 */
export async function setClaimKind(
  db: ClaimmarkDB,
  id: string,
  kind: ClaimKind | null,
  recorder?: ChangeRecorder,
): Promise<void> {
  const all = await db.categories.toArray();
  const without = ({ claimKind: _, ...rest }: Category): Category => rest;
  const changes = all.flatMap((c) => {
    if (c.id === id) {
      if ((c.claimKind ?? null) === kind) return [];
      return [cat(c, kind ? { ...c, claimKind: kind } : without(c))];
    }
    return kind && c.claimKind === kind ? [cat(c, without(c))] : [];
  });
  await commit(db, 'claim-kind', changes, recorder);
}

/** Swaps a category with its neighbour; keys 1–9 follow the new order. */
export async function moveCategory(
  db: ClaimmarkDB,
  id: string,
  delta: -1 | 1,
  recorder?: ChangeRecorder,
): Promise<void> {
  const all = await db.categories.orderBy('order').toArray();
  const index = all.findIndex((c) => c.id === id);
  const other = all[index + delta];
  const self = all[index];
  if (!self || !other) return;
  await commit(
    db,
    'move-category',
    [cat(self, { ...self, order: other.order }), cat(other, { ...other, order: self.order })],
    recorder,
  );
}

export function countUsage(db: ClaimmarkDB, id: string): Promise<number> {
  return db.annotations.where('categoryIds').equals(id).count();
}

/**
 * Deletes a category (and makes its subcategories top-level) and takes it off
 * every annotation that used it, in one transaction. The annotations stay,
 * even when this leaves them uncategorised.
 */
export async function deleteCategory(
  db: ClaimmarkDB,
  id: string,
  now = new Date(),
  recorder?: ChangeRecorder,
): Promise<number> {
  const category = await db.categories.get(id);
  if (!category) return 0;
  const users = await db.annotations.where('categoryIds').equals(id).toArray();
  const children = await db.categories.filter((c) => c.parentId === id).toArray();
  const stamp = now.toISOString();
  const changes: Change[] = [
    ...users.map((a): Change => ({
      before: a,
      after: { ...a, categoryIds: a.categoryIds.filter((c) => c !== id), updatedAt: stamp },
    })),
    ...children.map((c) => cat(c, { ...c, parentId: null })),
    cat(category, null),
  ];
  await commit(db, 'delete-category', changes, recorder);
  return users.length;
}
