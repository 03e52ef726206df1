/**
 * How a category filter picks rows:
 *
 * - `any` (the default): rows carrying one of the categories or one of their
 *   subcategories;
 * - `exact`: rows carrying one of the categories itself, as the Statistics
 *   bars count them;
 * - `together`: rows taking part in a co-occurrence of all the categories, as
 *   the Statistics matrix counts them (shared/stats.ts `coOccurrence`): the
 *   categories are on the row itself, or on the row and on other annotations
 *   of the same document whose spans share a character with it (orphans and
 *   empty spans overlap nothing). With one category, rows carrying it.
 */
import type { Category } from '../../shared/types';
import type { TableRow } from './table-model';

export type CategoryMatch = 'any' | 'exact' | 'together';

/** The given categories and all their descendants. */
export function expandCategories(
  ids: readonly string[],
  categories: readonly Category[],
): Set<string> {
  const children = new Map<string, string[]>();
  for (const c of categories) {
    if (c.parentId === null) continue;
    const list = children.get(c.parentId);
    if (list) list.push(c.id);
    else children.set(c.parentId, [c.id]);
  }
  const out = new Set<string>();
  const stack = [...ids];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

function hasAny(codes: readonly number[], chosen: Uint8Array): boolean {
  for (let i = 0; i < codes.length; i++) if (chosen[codes[i] as number] === 1) return true;
  return false;
}

/** A `together` filter uses the first this many categories (one bit each). */
const MAX_TOGETHER = 30;

/**
 * A test for rows (built once per filter), or null when `ids` is empty.
 * Category positions stand in for ids: no string hashing per row. `categories`
 * must be the array the rows were built with.
 */
export function categoryMatcher(
  rows: readonly TableRow[],
  ids: readonly string[] | undefined,
  match: CategoryMatch,
  categories: readonly Category[],
): ((row: TableRow) => boolean) | null {
  if (!ids?.length) return null;
  if (match !== 'together') {
    const chosen = match === 'any' ? expandCategories(ids, categories) : new Set(ids);
    const flags = Uint8Array.from(categories, (c) => (chosen.has(c.id) ? 1 : 0));
    return (row) => hasAny(row.categoryCodes, flags);
  }
  const wanted = [...new Set(ids)].slice(0, MAX_TOGETHER);
  const bits = Int32Array.from(categories, (c) => {
    const i = wanted.indexOf(c.id);
    return i < 0 ? 0 : 1 << i;
  });
  const full = (1 << wanted.length) - 1;
  const own = new Map<TableRow, number>();
  for (const row of rows) {
    let mask = 0;
    for (const code of row.categoryCodes) mask |= bits[code] as number;
    if (mask !== 0) own.set(row, mask);
  }
  const near = neighbourMasks(own);
  return (row) => {
    const mask = own.get(row) ?? 0;
    return mask !== 0 && ((mask | (near.get(row) ?? 0)) & full) === full;
  };
}

/** For each row, the categories (bits) of the rows whose spans overlap it in the same document. */
function neighbourMasks(own: ReadonlyMap<TableRow, number>): Map<TableRow, number> {
  const byDoc = new Map<string, TableRow[]>();
  for (const row of own.keys()) {
    const a = row.annotation;
    if (a.orphaned || !(a.start < a.end)) continue;
    const list = byDoc.get(a.docId);
    if (list) list.push(row);
    else byDoc.set(a.docId, [row]);
  }
  const near = new Map<TableRow, number>();
  const add = (row: TableRow, mask: number) => near.set(row, (near.get(row) ?? 0) | mask);
  for (const spans of byDoc.values()) {
    spans.sort((x, y) => x.annotation.start - y.annotation.start);
    let active: TableRow[] = [];
    for (const row of spans) {
      const { start } = row.annotation;
      active = active.filter((other) => other.annotation.end > start);
      for (const other of active) {
        add(other, own.get(row) ?? 0);
        add(row, own.get(other) ?? 0);
      }
      active.push(row);
    }
  }
  return near;
}
