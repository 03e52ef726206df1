import { describe, expect, it } from 'vitest';
import { findQuantities } from '../../shared/claims/quantity';
import { FigureCache, parseBound } from './figures';
import { annotation, doc } from './fixtures';
import { TableLinks, type LinkSummaries } from './links';
import {
  buildRows,
  columnKeys,
  filterAnnotations,
  sortAnnotations,
  type AnnotationFilter,
  type TableRow,
} from './table-model';

const documents = [
  doc('nm', '内蒙古日报', '2026-01-01T00:00:00Z'),
  doc('xh', '新华社', '2026-01-02T00:00:00Z'),
];
const annotations = [
  annotation('port', 'nm', 0, { quote: '今年全区港口吞吐量达到3.2亿吨' }),
  annotation('power', 'nm', 40, { quote: '新能源装机达到1.35亿千瓦' }),
  annotation('plain', 'nm', 80, { quote: '经济发展取得可喜成果' }),
  annotation('same', 'xh', 0, { quote: '全区港口吞吐量达到3.2亿吨' }),
  annotation('other', 'xh', 30, { quote: '全区港口吞吐量达到2.9亿吨' }),
  annotation('share', 'xh', 60, { quote: '占比6.4%' }),
  // Stored figures win over reading the quote again.
  annotation('stored', 'xh', 90, {
    quote: '约五百人',
    quantities: [{ start: 1, end: 3, text: '五百', value: 500, unit: '人' }],
  }),
];
const rows = buildRows(annotations, documents, [], new FigureCache());
const ids = (list: readonly TableRow[]) => list.map((r) => r.annotation.id);
const filter = (f: AnnotationFilter, links?: LinkSummaries) =>
  ids(filterAnnotations(rows, f, { categories: [], links }));
const collator = new Intl.Collator('zh', { numeric: true });

async function linked(): Promise<LinkSummaries> {
  let out: LinkSummaries = new Map();
  await new TableLinks(async () => {}).update(
    rows.map((r) => r.annotation),
    (links) => (out = links),
    () => false,
  );
  return out;
}

describe('the Value column', () => {
  it('shows the first figure as written with its reading', () => {
    const power = rows.find((r) => r.annotation.id === 'power')?.figure;
    expect(power).toMatchObject({ text: '1.35亿千瓦', value: 135_000_000, unit: '千瓦' });
    expect(power?.reading).toBe('135,000,000 千瓦');
    expect(rows.find((r) => r.annotation.id === 'plain')?.figure).toBeNull();
    expect(rows.find((r) => r.annotation.id === 'stored')?.figure?.reading).toBe('500 人');
  });

  it('reads a range as one figure from its first end', () => {
    const [row] = buildRows([annotation('r', 'nm', 0, { quote: '招聘3至5万人' })], documents, []);
    expect(row?.figure).toMatchObject({ text: '3至5万人', value: 30_000, unit: '人' });
    expect(row?.figure?.reading).toBe('30,000–50,000 人');
  });

  it('sorts by numeric value, rows without a figure last in both directions', () => {
    const keys = columnKeys(rows, 'value', { collator });
    const sort = (direction: 'asc' | 'desc') =>
      ids(sortAnnotations(rows, { column: 'value', direction }, keys));
    // 6.4 % < 500 人 < 1.35亿 < 2.9亿 < 3.2亿 (ties in natural order).
    expect(sort('asc')).toEqual(['share', 'stored', 'power', 'other', 'port', 'same', 'plain']);
    expect(sort('desc')).toEqual(['port', 'same', 'other', 'power', 'stored', 'share', 'plain']);
  });

  it('reads a figure once per annotation and again only when its quote changes', () => {
    const cache = new FigureCache();
    const first = buildRows(annotations, documents, [], cache);
    const again = buildRows(
      annotations.map((a) => (a.id === 'share' ? { ...a, quote: '占比7.5%' } : { ...a })),
      documents,
      [],
      cache,
    );
    const figure = (list: TableRow[], id: string) =>
      list.find((r) => r.annotation.id === id)?.figure;
    expect(figure(again, 'power')).toBe(figure(first, 'power'));
    expect(figure(again, 'share')?.value).toBe(7.5);
  });
});

describe('the value filter', () => {
  it('keeps the rows with a figure', () => {
    expect(filter({ hasFigure: true })).toEqual([
      'port',
      'power',
      'same',
      'other',
      'share',
      'stored',
    ]);
  });

  it('keeps exactly the rows whose figure is in the range, bounds included', () => {
    expect(filter({ valueMin: 3e8 })).toEqual(['port', 'same']);
    expect(filter({ valueMin: 2.9e8, valueMax: 3.2e8 })).toEqual(['port', 'same', 'other']);
    expect(filter({ valueMax: 500 })).toEqual(['share', 'stored']);
    expect(filter({ valueMin: 1e9 })).toEqual([]);
  });

  it('filters by the exact unit, combined with the range', () => {
    expect(filter({ unit: '吨' })).toEqual(['port', 'same', 'other']);
    expect(filter({ unit: '吨', valueMax: 3e8 })).toEqual(['other']);
    expect(filter({ unit: '%' })).toEqual(['share']);
  });

  it('reads the bounds typed as numbers or Chinese amounts', () => {
    expect(parseBound('1亿')).toBe(1e8);
    expect(parseBound('3.2万')).toBe(32_000);
    expect(parseBound(' 1,000 ')).toBe(1000);
    expect(parseBound('-2.5')).toBe(-2.5);
    expect(parseBound('')).toBeUndefined();
    expect(parseBound('abc')).toBeUndefined();
    expect(filter({ valueMin: parseBound('3亿') })).toEqual(['port', 'same']);
  });
});

describe('repeated and conflicting claims', () => {
  it('counts the other documents that repeat a claim or give another figure', async () => {
    const links = await linked();
    expect(links.get('port')).toMatchObject({ repeatedIn: ['xh'], conflictsWith: ['xh'] });
    expect(links.get('same')).toMatchObject({ repeatedIn: ['nm'], conflictsWith: [] });
    expect(links.get('other')).toMatchObject({ repeatedIn: [], conflictsWith: ['nm'] });
    expect(links.get('power')).toMatchObject({ repeatedIn: [], conflictsWith: [] });
  });

  it('keeps exactly the linked rows', async () => {
    const links = await linked();
    expect(filter({ links: 'repeated' }, links)).toEqual(['port', 'same']);
    expect(filter({ links: 'conflicting' }, links)).toEqual(['port', 'other']);
    // Not linked yet: nothing matches rather than everything.
    expect(filter({ links: 'repeated' })).toEqual([]);
  });

  it('sorts conflicts first when descending, unlinked rows last', async () => {
    const links = await linked();
    const keys = columnKeys(rows, 'links', { collator, links });
    const out = ids(sortAnnotations(rows, { column: 'links', direction: 'desc' }, keys));
    expect(out).toEqual(['port', 'other', 'same', 'power', 'plain', 'share', 'stored']);
  });

  it('follows a changed quote without linking the library again', async () => {
    const table = new TableLinks(async () => {});
    let out: LinkSummaries = new Map();
    const publish = (links: LinkSummaries) => (out = links);
    const list = rows.map((r) => r.annotation);
    await table.update(list, publish, () => false);
    expect(filter({ links: 'conflicting' }, out)).toEqual(['port', 'other']);
    // "other" now repeats the figure: no conflict is left, the repeat is counted.
    const edited = list.map((a) =>
      a.id === 'other' ? { ...a, quote: '全区港口吞吐量达到3.2亿吨', quantities: undefined } : a,
    );
    expect(findQuantities('全区港口吞吐量达到3.2亿吨')).toHaveLength(1);
    await table.update(edited, publish, () => false);
    expect(out.get('port')).toMatchObject({ repeatedIn: ['xh'], conflictsWith: [] });
    expect(out.get('other')).toMatchObject({ repeatedIn: ['nm'], conflictsWith: [] });
    // A removed annotation is dropped, and its partner no longer counts it.
    await table.update(
      edited.filter((a) => a.id !== 'same' && a.id !== 'other'),
      publish,
      () => false,
    );
    expect(out.has('same')).toBe(false);
    expect(out.get('port')).toMatchObject({ repeatedIn: [], conflictsWith: [] });
  });
});
