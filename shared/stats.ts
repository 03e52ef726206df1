/**
 * Counting for the Statistics view: annotations per category, per any key,
 * and a category co-occurrence matrix. Pure; no storage, no DOM.
 *
 * Orphaned annotations (text changed, quote not found again) are still the
 * analyst's work: they count in every total (per category, per status, per
 * document) and for categories they carry together on the same annotation.
 * Their stored position is stale, so they never overlap another annotation.
 */
import type { Annotation } from './types';

export interface CategoryCount {
  categoryId: string;
  count: number;
}

/** How many items share each key, in order of first appearance. */
export function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/**
 * categoryId → number of annotations carrying it (an id repeated on one
 * annotation counts once). Orphans included; annotations without a category
 * add nothing.
 */
export function countByCategory(
  annotations: readonly Pick<Annotation, 'categoryIds' | 'orphaned'>[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of annotations) {
    for (const id of new Set(a.categoryIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

interface Span {
  start: number;
  end: number;
  cats: number[];
}

/**
 * Spans in order of start. A typed-array sort of `start * n + index` keys is
 * several times faster than `Array.prototype.sort` with a comparator on
 * 100,000 objects; the comparator is the fallback when keys would lose
 * precision.
 */
function sortByStart(spans: Span[]): Span[] {
  const n = spans.length;
  let max = 0;
  for (const s of spans) if (s.start > max) max = s.start;
  if (
    !Number.isSafeInteger((max + 1) * n) ||
    spans.some((s) => !Number.isInteger(s.start) || s.start < 0)
  )
    return spans.slice().sort((x, y) => x.start - y.start);
  const keys = new Float64Array(n);
  spans.forEach((s, i) => (keys[i] = s.start * n + i));
  keys.sort();
  return Array.from(keys, (key) => spans[key % n] as Span);
}

type Positioned = Pick<Annotation, 'docId' | 'start' | 'end' | 'categoryIds' | 'orphaned'>;

/**
 * A symmetric k × k matrix over `categoryIds` (k = its length, rows and
 * columns in its order; categories not listed are ignored).
 *
 * - Diagonal `m[i][i]`: annotations carrying category i (orphans included),
 *   the same figure as `countByCategory`.
 * - Off-diagonal `m[i][j]` (i ≠ j): the number of *units* in which i and j
 *   co-occur, where a unit is
 *   1. one annotation carrying both i and j (orphans included), or
 *   2. one unordered pair of distinct annotations A, B in the same document,
 *      neither orphaned, whose spans share at least one character
 *      (`max(startA, startB) < min(endA, endB)`, ends exclusive: touching
 *      spans, end == start, do not overlap; empty spans overlap nothing),
 *      with i on one and j on the other.
 *   A unit counts at most once for a pair {i, j}, however the categories are
 *   spread over A and B. Two overlapping annotations that both carry only i
 *   add nothing (the diagonal counts annotations, not overlaps).
 *
 * Cost: O(n log n) to sort each document's spans plus O(overlapping pairs ×
 * categories per annotation²), with a sweep over spans sorted by start; no
 * all-pairs comparison.
 */
export function coOccurrence(
  annotations: readonly Positioned[],
  categoryIds: readonly string[],
): number[][] {
  const k = categoryIds.length;
  const index = new Map<string, number>();
  categoryIds.forEach((id, i) => {
    if (!index.has(id)) index.set(id, i);
  });
  const cells = new Float64Array(k * k);
  /** Each pair counted once per unit: the unit's stamp marks cells already bumped. */
  const stamp = new Float64Array(k * k);
  let unit = 0;
  const bump = (i: number, j: number): void => {
    if (i === j) return;
    const cell = i < j ? i * k + j : j * k + i;
    if (stamp[cell] === unit) return;
    stamp[cell] = unit;
    cells[cell] = (cells[cell] ?? 0) + 1;
  };

  const byDoc = new Map<string, Span[]>();
  for (const a of annotations) {
    const cats: number[] = [];
    for (const id of a.categoryIds) {
      const i = index.get(id);
      if (i !== undefined && !cats.includes(i)) cats.push(i);
    }
    if (cats.length === 0) continue;
    unit++;
    for (const i of cats) {
      cells[i * k + i] = (cells[i * k + i] ?? 0) + 1;
      for (const j of cats) bump(i, j);
    }
    if (a.orphaned || !(a.start < a.end)) continue;
    let spans = byDoc.get(a.docId);
    if (!spans) byDoc.set(a.docId, (spans = []));
    spans.push({ start: a.start, end: a.end, cats });
  }

  for (const spans of byDoc.values()) {
    // Spans begun earlier that may still cover the current start.
    const active: Span[] = [];
    for (const b of sortByStart(spans)) {
      let kept = 0;
      for (const a of active) {
        if (a.end <= b.start) continue; // ended before b begins: gone for good
        active[kept++] = a;
        // a.start <= b.start < a.end, and b is not empty: they overlap.
        unit++;
        for (const i of a.cats) for (const j of b.cats) bump(i, j);
      }
      active.length = kept;
      active.push(b);
    }
  }

  const matrix: number[][] = [];
  for (let i = 0; i < k; i++) {
    const row: number[] = [];
    for (let j = 0; j < k; j++) row.push(cells[i <= j ? i * k + j : j * k + i] ?? 0);
    matrix.push(row);
  }
  return matrix;
}

/** `countByCategory` as a list in the order of `categoryIds` (zeros included). */
export function categoryCounts(
  annotations: readonly Pick<Annotation, 'categoryIds' | 'orphaned'>[],
  categoryIds: readonly string[],
): CategoryCount[] {
  const counts = countByCategory(annotations);
  return categoryIds.map((categoryId) => ({ categoryId, count: counts.get(categoryId) ?? 0 }));
}
