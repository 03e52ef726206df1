/**
 * The All annotations table as pure data in the page: the app's
 * renderer/all-annotations/table-model.ts (buildRows, filterAnnotations,
 * columnKeys + sortAnnotations) on the library of harness-library.ts, next to
 * a plain filter loop and Array.prototype.sort of the same row objects; and
 * the reads the view makes, with what the UI should then show.
 */
import { CLAIM_STATUSES, type Annotation, type ClaimStatus } from '../shared/types';
import { ClaimmarkDB } from '../renderer/db/db';
import {
  buildRows,
  columnKeys,
  filterAnnotations,
  sortAnnotations,
  type AnnotationFilter,
  type Column,
  type TableRow,
} from '../renderer/all-annotations/table-model';
import { TABLE_STATUS, TABLE_TEXT, type BenchApi, type TableOp, type TableRun } from './api';
import { currentLibrary } from './harness-library';
import { ms } from './harness-common';

/** The collator the view makes for an English UI (AllAnnotationsView.tsx). */
const COLLATORS = {
  en: new Intl.Collator('en', { numeric: true }),
  zh: new Intl.Collator('zh', { numeric: true }),
};

let rows: TableRow[] | null = null;
let byQuote: { from: TableRow[]; sorted: TableRow[] } | null = null;

/** The rows sorted by quote, descending, made once (the order the UI run filters in). */
function sortedByQuote(all: TableRow[]): TableRow[] {
  if (byQuote?.from !== all) {
    const keys = columnKeys(all, 'quote', { collator: COLLATORS.en });
    byQuote = {
      from: all,
      sorted: sortAnnotations(all, { column: 'quote', direction: 'desc' }, keys),
    };
  }
  return byQuote.sorted;
}

function built(): TableRow[] {
  if (!rows) {
    const lib = currentLibrary();
    rows = buildRows(
      lib.annotations,
      lib.docs.map((d) => d.record),
      lib.categories,
    );
  }
  return rows;
}

const FILTERS: Partial<Record<TableOp, AnnotationFilter>> = {
  'filter-category': { categoryIds: ['c0'] },
  'filter-status': { statuses: [TABLE_STATUS] },
  'filter-text': { text: TABLE_TEXT },
};
const SORTS: Partial<Record<TableOp, [Column, keyof typeof COLLATORS]>> = {
  'sort-quote': ['quote', 'en'],
  'sort-quote-zh': ['quote', 'zh'],
  'sort-document': ['document', 'en'],
  'sort-status': ['status', 'en'],
};

const statusRank = Object.fromEntries(CLAIM_STATUSES.map((s, i) => [s, i])) as Record<
  ClaimStatus,
  number
>;

/** How the baseline compares two rows for a column. */
function plainCompare(
  column: Column,
  collator: Intl.Collator,
): (x: TableRow, y: TableRow) => number {
  if (column === 'document') return (x, y) => collator.compare(x.docTitle, y.docTitle);
  if (column === 'status')
    return (x, y) => statusRank[x.annotation.status] - statusRank[y.annotation.status];
  return (x, y) => collator.compare(x.annotation.quote, y.annotation.quote);
}

/** The plain-JavaScript version of each operation, on the same row objects. */
function baseline(op: TableOp, all: TableRow[]): TableRow[] {
  const lib = currentLibrary();
  const a = (r: TableRow): Annotation => r.annotation;
  switch (op) {
    case 'build': {
      const titles = new Map(lib.docs.map((d) => [d.record.id, d.record.title]));
      return lib.annotations.map((x, index) => ({
        index,
        annotation: x,
        docTitle: titles.get(x.docId) ?? '',
        categories: [],
        categoryCodes: [],
        search: '',
        speaker: x.speaker,
      }));
    }
    case 'filter-category': {
      const ids = new Set([
        'c0',
        ...lib.categories.filter((c) => c.parentId === 'c0').map((c) => c.id),
      ]);
      return all.filter((r) => a(r).categoryIds.some((id) => ids.has(id)));
    }
    case 'filter-status':
      return all.filter((r) => a(r).status === TABLE_STATUS);
    case 'filter-text':
      return all.filter((r) => {
        const x = a(r);
        const t = TABLE_TEXT;
        return (
          x.quote.includes(t) ||
          x.note.includes(t) ||
          x.speaker.includes(t) ||
          x.evidence.includes(t) ||
          r.docTitle.includes(t)
        );
      });
    case 'sort-quote':
    case 'sort-quote-zh':
    case 'sort-document':
    case 'sort-status': {
      const [column, locale] = SORTS[op] ?? ['quote', 'en'];
      return [...all].sort(plainCompare(column, COLLATORS[locale]));
    }
  }
}

export const tableApi: Pick<BenchApi, 'tableRun' | 'tableBaseline' | 'tableReads'> = {
  async tableRun(op) {
    if (op === 'build') {
      const lib = currentLibrary();
      const docs = lib.docs.map((d) => d.record);
      const t0 = performance.now();
      const out = buildRows(lib.annotations, docs, lib.categories);
      const elapsed = ms(t0);
      rows = out;
      return { ms: elapsed, rows: out.length, steps: {} };
    }
    const all = built();
    const filter = FILTERS[op];
    if (filter) {
      const context = { categories: currentLibrary().categories };
      const t0 = performance.now();
      const out = filterAnnotations(all, filter, context);
      const elapsed = ms(t0);
      const t1 = performance.now();
      filterAnnotations(sortedByQuote(all), filter, context);
      const label = 'the same on the rows sorted by quote (as the view filters after a sort)';
      return { ms: elapsed, rows: out.length, steps: { [label]: ms(t1) } };
    }
    const [column, locale] = SORTS[op] ?? ['quote', 'en'];
    const collator = COLLATORS[locale];
    const t0 = performance.now();
    const keys = columnKeys(all, column, { collator });
    const keysMs = ms(t0);
    const t1 = performance.now();
    const out = sortAnnotations(all, { column, direction: 'asc' }, keys);
    const sortMs = ms(t1);
    const t2 = performance.now();
    sortAnnotations(all, { column, direction: 'desc' }, keys);
    const descMs = ms(t2);
    const compare = plainCompare(column, collator);
    let differ = 0;
    for (let i = 1; i < out.length; i++) if (compare(out[i - 1]!, out[i]!) > 0) differ++;
    const run: TableRun = {
      ms: keysMs + sortMs,
      rows: out.length,
      steps: {
        [`columnKeys(rows, '${column}') (once per column and data load)`]: keysMs,
        'sortAnnotations, ascending, keys ready': sortMs,
        'sortAnnotations, descending, keys ready (second click)': descMs,
      },
      differ,
    };
    return run;
  },

  async tableBaseline(op) {
    const all = built();
    const t0 = performance.now();
    const out = baseline(op, all);
    return { ms: ms(t0), rows: out.length, steps: {} };
  },

  async tableReads() {
    const db = new ClaimmarkDB();
    try {
      await db.open();
      const t0 = performance.now();
      const [annotations, documents, categories] = await Promise.all([
        db.annotations.toArray(),
        db.documents.toArray(),
        db.categories.orderBy('order').toArray(),
      ]);
      const readMs = ms(t0);
      // Again alone: what the first rows on screen are measured against. Read
      // second, as warm as the app's own reads after this page, never colder.
      const t1 = performance.now();
      const again = await db.annotations.toArray();
      const annotationsReadMs = ms(t1);
      if (again.length !== annotations.length)
        throw new Error('the annotations changed between two reads');
      const all = buildRows(annotations, documents, categories);
      const context = { categories };
      const status = filterAnnotations(all, { statuses: [TABLE_STATUS] }, context);
      const both = filterAnnotations(all, { statuses: [TABLE_STATUS], text: TABLE_TEXT }, context);
      const keys = columnKeys(all, 'quote', { collator: COLLATORS.en });
      const asc = sortAnnotations(all, { column: 'quote', direction: 'asc' }, keys);
      const desc = sortAnnotations(all, { column: 'quote', direction: 'desc' }, keys);
      const quote = (r: TableRow | undefined) => r?.annotation.quote.trim() ?? '';
      return {
        readMs,
        annotationsReadMs,
        total: all.length,
        status: status.length,
        statusAndText: both.length,
        firstQuote: quote(all[0]),
        firstAsc: quote(asc[0]),
        firstDesc: quote(desc[0]),
      };
    } finally {
      db.close();
    }
  },
};
