import { describe, expect, it } from 'vitest';
import { annotation, category, doc } from './fixtures';
import { fromStatisticsFilter } from './from-statistics';
import { buildRows, filterAnnotations, type AnnotationFilter, type TableRow } from './table-model';

const categories = [
  category('A', 'A', 0),
  category('A1', 'A child', 1, 'A'),
  category('B', 'B', 2),
];
const span = (
  id: string,
  docId: string,
  start: number,
  end: number,
  ids: string[],
  orphaned = false,
) => annotation(id, docId, start, { end, categoryIds: ids, orphaned });
const annotations = [
  span('x1', 'd', 0, 10, ['A']),
  span('x2', 'd', 5, 15, ['B']), // overlaps x1
  span('x3', 'd', 20, 30, ['A', 'B']), // both on one annotation
  span('x4', 'd', 30, 40, ['B']), // touches x3 only
  span('x5', 'd', 50, 60, ['A'], true), // an orphan overlaps nothing
  span('x6', 'd', 50, 60, ['B']),
  span('x7', 'd', 70, 80, ['A']),
  span('x8', 'd', 72, 75, ['A']), // overlaps x7, but only A on both
  span('x9', 'e', 0, 10, ['B']), // same place, another document
  span('x10', 'd', 6, 6, ['B']), // empty: overlaps nothing
  span('x11', 'd', 1, 3, ['A1']), // a subcategory
];
const documents = [doc('d', 'D', '2026-01-01T00:00:00Z'), doc('e', 'E', '2026-01-02T00:00:00Z')];
const rows = buildRows(annotations, documents, categories);
const ids = (list: readonly TableRow[]) => list.map((r) => r.annotation.id).sort();
const filter = (f: AnnotationFilter) => ids(filterAnnotations(rows, f, { categories }));

describe('category matching', () => {
  it('any: the categories and their subcategories', () => {
    expect(filter({ categoryIds: ['A'] })).toEqual(['x1', 'x11', 'x3', 'x5', 'x7', 'x8']);
  });

  it('exact: the categories themselves', () => {
    expect(filter({ categoryIds: ['A'], categoryMatch: 'exact' })).toEqual([
      'x1',
      'x3',
      'x5',
      'x7',
      'x8',
    ]);
  });

  it('together: on one annotation, or on annotations whose spans share a character', () => {
    expect(filter({ categoryIds: ['A', 'B'], categoryMatch: 'together' })).toEqual([
      'x1',
      'x2',
      'x3',
    ]);
    expect(filter({ categoryIds: ['A'], categoryMatch: 'together' })).toEqual(
      filter({ categoryIds: ['A'], categoryMatch: 'exact' }),
    );
    // A category nobody carries: nothing is together with it.
    expect(filter({ categoryIds: ['A', 'gone'], categoryMatch: 'together' })).toEqual([]);
  });

  it('together looks for partners among all rows, then applies the other filters', () => {
    const f: AnnotationFilter = { categoryIds: ['A', 'B'], categoryMatch: 'together' };
    expect(filter({ ...f, text: 'quote x1' })).toEqual(['x1']);
  });
});

describe('fromStatisticsFilter', () => {
  it('turns a bar or a diagonal cell into an exact category filter', () => {
    expect(fromStatisticsFilter({ categoryIds: ['A'] })).toEqual({
      categoryIds: ['A'],
      categoryMatch: 'exact',
    });
    expect(filter(fromStatisticsFilter({ categoryIds: ['A'] }))).not.toContain('x11');
  });

  it('turns an off-diagonal cell into a together filter', () => {
    const f = fromStatisticsFilter({ categoryIds: ['A', 'B'], docId: 'd' });
    expect(f).toEqual({ categoryIds: ['A', 'B'], categoryMatch: 'together', docIds: ['d'] });
    expect(filter(f)).toEqual(['x1', 'x2', 'x3']);
  });

  it('maps a status and a document', () => {
    expect(fromStatisticsFilter({ status: 'false', docId: 'e' })).toEqual({
      statuses: ['false'],
      docIds: ['e'],
    });
    expect(fromStatisticsFilter({})).toEqual({});
  });
});
