/**
 * Merging an imported codebook (CSV or `.qdc`) into the library's codebook.
 *
 * Categories are matched by name: trimmed, case-sensitive, Chinese names as
 * they are. Nothing is ever deleted, so a category in use always stays.
 * - A new name is added. New categories come after every existing one in
 *   `order` (so keys 1–9 of the existing codebook do not move), in the file's
 *   tree order: each new top-level category followed by its new subcategories,
 *   then new subcategories of existing categories. A subcategory hangs under
 *   its parent through `parentId`, wherever the parent sits in `order`.
 * - An existing name gets the file's colour when the file gives one, the
 *   file's description when it is not blank (a blank cell never erases a
 *   description), and the file's parent (top level included: the file's
 *   structure wins).
 * - Two levels at most: a parent that is itself a subcategory is replaced by
 *   its own parent; an existing category that still has subcategories the
 *   file does not place elsewhere stays at the top level instead of moving
 *   under another. Such choices are reported in `warnings`.
 */
import { codebookTree, normalizeColor } from './codebook-csv';
import type { CodebookEntry } from './codebook-csv';
import type { Category } from './types';

/** A category the merge adds: the file's entry plus the id, parent id and order it gets. */
export type NewCategory = CodebookEntry & { id: string; parentId: string | null; order: number };

export interface MergePlan {
  /** New categories, in `order`. `color` is null when the file gives none (see `applyMergePlan`). */
  add: NewCategory[];
  update: { id: string; patch: Partial<Pick<Category, 'color' | 'description' | 'parentId'>> }[];
  /** Entries of the file that match an existing category and change nothing. */
  unchanged: number;
  /** What the merge did differently from what the file says, for the user to read. */
  warnings?: string[];
}

export interface MergeOptions {
  /** Id for a new category; `crypto.randomUUID()` unless given (tests pass a counter). */
  newId?: () => string;
}

const quoted = (s: string): string => `"${s}"`;

/** Plans the merge of `incoming` into `existing`; see the module comment. */
export function planMerge(
  existing: Category[],
  incoming: CodebookEntry[],
  options: MergeOptions = {},
): MergePlan {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const warnings: string[] = [];
  const tree = codebookTree(existing);
  const local = new Map<string, Category>();
  const localParent = new Map<string, Category | null>();
  for (const { category, parent } of tree) {
    const name = category.name.trim();
    if (!local.has(name)) local.set(name, category);
    localParent.set(category.id, parent);
  }

  // The file's entries, trimmed, first occurrence of a name wins.
  const file = new Map<string, CodebookEntry>();
  for (const e of incoming) {
    const name = e.name.trim();
    if (name === '') continue;
    if (file.has(name)) {
      warnings.push(`${quoted(name)} appears twice in the file; the first one was used`);
      continue;
    }
    const color = e.color === null ? null : normalizeColor(e.color);
    const parent = e.parent?.trim() || null;
    file.set(name, {
      name,
      parent: parent === name ? null : parent,
      color,
      description: e.description,
    });
  }

  /** An entry's parent by name as the file says, else as the library says; undefined if unknown. */
  const parentOf = (name: string): string | null | undefined => {
    const inFile = file.get(name);
    if (inFile) return inFile.parent;
    const there = local.get(name);
    return there ? (localParent.get(there.id)?.name.trim() ?? null) : undefined;
  };

  /** The top-level name an entry ends up under, or null. */
  const parentName = (entry: CodebookEntry): string | null => {
    const p = entry.parent;
    if (p === null) return null;
    const up = parentOf(p);
    if (up === null) return p;
    if (up === undefined) {
      warnings.push(
        `The parent ${quoted(p)} of ${quoted(entry.name)} is unknown; added at the top`,
      );
      return null;
    }
    if (up !== entry.name && parentOf(up) === null) {
      warnings.push(
        `${quoted(entry.name)} was placed under ${quoted(up)}, as ${quoted(p)} is a subcategory`,
      );
      return up;
    }
    warnings.push(`${quoted(entry.name)} was placed at the top: its parent ${quoted(p)} is nested`);
    return null;
  };

  const target = new Map<string, string | null>();
  for (const entry of file.values()) target.set(entry.name, parentName(entry));

  // Existing categories that keep subcategories the file does not move elsewhere stay on top.
  for (const [name, parent] of target) {
    const category = local.get(name);
    if (!category || parent === null) continue;
    const kept = tree.filter(
      (n) => n.parent?.id === category.id && target.get(n.category.name.trim()) === undefined,
    );
    if (kept.length === 0) continue;
    target.set(name, localParent.get(category.id)?.name.trim() ?? null);
    warnings.push(
      `${quoted(name)} stays where it is rather than moving under ${quoted(parent)}: ` +
        `it has subcategories (${kept.map((n) => quoted(n.category.name)).join(', ')}), ` +
        'and a codebook has two levels at most',
    );
  }

  // New categories in tree order; ids first, so parents and updates can refer to them.
  const fresh = [...file.values()].filter((e) => !local.has(e.name));
  const ordered = [
    ...fresh
      .filter((e) => target.get(e.name) === null)
      .flatMap((top) => [top, ...fresh.filter((e) => target.get(e.name) === top.name)]),
    ...fresh.filter((e) => {
      const p = target.get(e.name);
      return p !== null && p !== undefined && local.has(p);
    }),
  ];
  const ids = new Map(ordered.map((e) => [e.name, newId()]));
  const idOf = (name: string | null | undefined): string | null =>
    name == null ? null : (local.get(name)?.id ?? ids.get(name) ?? null);

  let order = existing.reduce((max, c) => Math.max(max, c.order), -1);
  const add = ordered.map((e): NewCategory => ({
    ...e,
    parent: target.get(e.name) ?? null,
    id: ids.get(e.name) ?? newId(),
    parentId: idOf(target.get(e.name)),
    order: ++order,
  }));

  const update: MergePlan['update'] = [];
  let unchanged = 0;
  for (const entry of file.values()) {
    const category = local.get(entry.name);
    if (!category) continue;
    const patch: MergePlan['update'][number]['patch'] = {};
    if (entry.color !== null && entry.color !== normalizeColor(category.color)) {
      patch.color = entry.color;
    }
    if (entry.description.trim() !== '' && entry.description !== category.description) {
      patch.description = entry.description;
    }
    const parentId = idOf(target.get(entry.name));
    if (parentId !== category.parentId) patch.parentId = parentId;
    if (Object.keys(patch).length) update.push({ id: category.id, patch });
    else unchanged++;
  }
  return { add, update, unchanged, warnings };
}

/**
 * The codebook after `plan`: existing categories patched, new ones appended
 * with `colorFor(i)` (i counting new categories without a colour) where the
 * file gives no colour.
 */
export function applyMergePlan(
  existing: Category[],
  plan: MergePlan,
  colorFor: (index: number) => string,
): Category[] {
  const patches = new Map(plan.update.map((u) => [u.id, u.patch]));
  let uncoloured = 0;
  return [
    ...existing.map((c) => ({ ...c, ...patches.get(c.id) })),
    ...plan.add.map((e): Category => ({
      id: e.id,
      name: e.name,
      parentId: e.parentId,
      color: e.color ?? colorFor(uncoloured++),
      description: e.description,
      order: e.order,
    })),
  ];
}
