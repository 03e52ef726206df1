import type { ClaimStatus } from '../../shared/types';
import type { AnnotationFilter } from './table-model';

/** What a Statistics bar or cell asks for (renderer/stats `AnnotationFilter`, by shape). */
export interface StatisticsSelection {
  /** One category (a bar, a diagonal cell) or two (an off-diagonal cell). */
  categoryIds?: string[];
  status?: ClaimStatus;
  docId?: string;
}

/**
 * The table filter showing exactly the annotations a Statistics bar or cell
 * counts: a category bar counts the category itself (not its subcategories);
 * a matrix cell counts annotations carrying both categories or overlapping
 * one that carries the other.
 */
export function fromStatisticsFilter(selection: StatisticsSelection): AnnotationFilter {
  const filter: AnnotationFilter = {};
  const ids = selection.categoryIds ?? [];
  if (ids.length > 0) {
    filter.categoryIds = [...ids];
    filter.categoryMatch = new Set(ids).size > 1 ? 'together' : 'exact';
  }
  if (selection.status) filter.statuses = [selection.status];
  if (selection.docId) filter.docIds = [selection.docId];
  return filter;
}
