/**
 * The All annotations table with 100,000 annotations over the
 * library of 200 documents: the table model in the harness page next to a
 * plain filter loop and Array.prototype.sort of the same row objects; then
 * the view through the UI (open, sort by a header, tick a status, type).
 */
import type { Page } from '@playwright/test';
import { TABLE_STATUS, TABLE_TEXT, type TableExpectation, type TableOp } from './api';
import { LIBRARY_BYTES, LIBRARY_DOCS } from './library-search';
import { openHarness } from './launch';
import { fmtMs, median, type Table } from './report';
import { collect, longTaskLine, markLines, repeat, type Context } from './scenario-common';
import { tableThroughUi, type TableStep, type TableUiRun } from './ui-table';
import { cpuProfileOf, librarySession, traceOf } from './ui-views';

const ANNOTATIONS = Number(process.env.BENCH_TABLE_ANNOTATIONS ?? 100_000);
const n = (x: number) => x.toLocaleString('en');
/** The size in the figures' ids: table.100k.first-rows at the default size. */
const SIZE = ANNOTATIONS % 1000 === 0 ? `${ANNOTATIONS / 1000}k` : String(ANNOTATIONS);

const OPS: { op: TableOp; label: string; base: string }[] = [
  { op: 'build', label: 'buildRows (once per data load)', base: 'map to plain row objects' },
  {
    op: 'filter-category',
    label: 'filterAnnotations: a category (+ 2 subcategories)',
    base: 'plain filter loop, categoryIds.some',
  },
  {
    op: 'filter-status',
    label: `filterAnnotations: status ${TABLE_STATUS}`,
    base: 'plain filter loop',
  },
  {
    op: 'filter-text',
    label: 'filterAnnotations: text (a 2-character word)',
    base: 'plain filter loop, 5 fields includes',
  },
  {
    op: 'sort-quote',
    label: 'sort by quote: columnKeys + sortAnnotations',
    base: 'sort, Intl.Collator compare',
  },
  {
    op: 'sort-document',
    label: 'sort by document: columnKeys + sortAnnotations',
    base: 'sort, Intl.Collator compare',
  },
  {
    op: 'sort-status',
    label: 'sort by status: columnKeys + sortAnnotations',
    base: 'sort, rank comparator',
  },
  {
    op: 'sort-quote-zh',
    label: "sort by quote, 'zh' collator (a Chinese UI)",
    base: "sort, 'zh' Intl.Collator",
  },
];

async function model(ctx: Context, table: Table, page: Page): Promise<Map<TableOp, number[]>> {
  const baselines = new Map<TableOp, number[]>();
  for (const { op, label, base } of OPS) {
    ctx.progress(`table: ${op}`);
    const app = await repeat(ctx.reps, () => page.evaluate((o) => window.bench.tableRun(o), op));
    const plain = await repeat(ctx.reps, () =>
      page.evaluate((o) => window.bench.tableBaseline(o), op),
    );
    baselines.set(
      op,
      plain.map((r) => r.ms),
    );
    table.row(
      label,
      app.map((r) => r.ms),
      { label: base, samples: plain.map((r) => r.ms) },
    );
    const r = app[0]!;
    const p = plain[0]!;
    if (op.startsWith('filter') && r.rows !== p.rows)
      throw new Error(`${op}: the model kept ${r.rows} rows, the plain loop ${p.rows}`);
    if (op.startsWith('filter')) table.detail(`rows kept: ${n(r.rows)} of ${n(ANNOTATIONS)}`, '');
    for (const [step, values] of collect(app.map((x) => x.steps)))
      table.detail(`step: ${step}`, fmtMs(median(values)));
    if (r.differ !== undefined && r.differ > 0)
      table.detail(
        `${n(r.differ)} adjacent rows in an order the baseline's comparator would swap (the keys compare per character at base strength)`,
        '',
      );
  }
  return baselines;
}

const done = (runs: TableUiRun[], f: (r: TableUiRun) => { done: number | null }) =>
  runs.map((r) => f(r).done ?? NaN);

function ui(
  table: Table,
  runs: TableUiRun[],
  x: TableExpectation,
  reads: TableExpectation[],
  base: Map<TableOp, number[]>,
) {
  const opens = runs.map((r) => r.open);
  table.row(
    'click "All annotations" → first rows on screen',
    runs.map((r) => r.firstRowsMs),
    {
      label: `read all ${n(x.total)} annotation rows (IndexedDB)`,
      samples: reads.map((e) => e.annotationsReadMs),
    },
    `table.${SIZE}.first-rows`,
  );
  markLines(table, opens, {
    rows: 'a row shown at',
    'first row': 'the first row (natural order) shown at',
  });
  table.row(
    'click "All annotations" → rows and count shown',
    done(runs, (r) => r.open),
    {
      label: "the view's reads alone (IndexedDB)",
      samples: reads.map((e) => e.readMs),
    },
    `table.${SIZE}.complete`,
  );
  markLines(table, opens, { count: 'count shown at' });
  longTaskLine(table, opens);
  table.detail(
    'sections found (all 200 texts read) after the click, wall time from Node',
    fmtMs(median(runs.map((r) => r.sectionsWallMs))),
  );
  const rows: [string, (r: TableUiRun) => { done: number | null }, TableOp, string][] = [
    [
      'click the Quote header → first row changes',
      (r) => r.sortAsc,
      'sort-quote',
      'plain collator sort',
    ],
    ['click it again (descending)', (r) => r.sortDesc, 'sort-quote', 'plain collator sort'],
    [
      `tick status ${TABLE_STATUS} → count ${n(x.status)}`,
      (r) => r.status,
      'filter-status',
      'plain filter loop',
    ],
    [
      `type a 2-character word → count ${n(x.statusAndText)}`,
      (r) => r.text,
      'filter-text',
      'plain filter loop',
    ],
  ];
  for (const [label, f, op, baseLabel] of rows) {
    table.row(label, done(runs, f), { label: baseLabel, samples: base.get(op) ?? [] });
    longTaskLine(
      table,
      runs.map((r) => f(r) as TableUiRun['open']),
    );
  }
}

export async function annotationTable(ctx: Context, table: Table): Promise<void> {
  ctx.progress(
    `table: making and seeding ${LIBRARY_DOCS} documents, ${n(ANNOTATIONS)} annotations`,
  );
  const lib = await librarySession(
    ctx.origin,
    ctx.probeScript,
    LIBRARY_DOCS,
    LIBRARY_BYTES,
    ANNOTATIONS,
  );
  try {
    const { page } = lib.session;
    const { info, seed } = lib;
    table.section(
      `All annotations table: ${n(info.annotations)} annotations over ${n(info.docs)} documents ` +
        `(harness page; renderer/all-annotations/table-model.ts, the 'en' collator of an English UI)`,
    );
    table.detail(
      `not timed: seeding the app's database: documents, texts and bytes ${fmtMs(seed.docsMs)}; ` +
        `${n(info.annotations)} annotations in chunks of 1,000 ${fmtMs(seed.annotationsMs)} ` +
        `(${((seed.annotationsMs * 1000) / info.annotations).toFixed(0)} µs each)`,
      '',
    );
    const base = await model(ctx, table, page);

    table.section(
      `All annotations through the UI (production build, the seeded library; fresh page load each time; text typed: ${TABLE_TEXT})`,
    );
    ctx.progress('table: through the UI');
    const expectations: TableExpectation[] = [];
    const runs = await repeat(ctx.uiReps, async () => {
      await openHarness(page);
      const x = await page.evaluate(() => window.bench.tableReads());
      expectations.push(x);
      if (x.firstQuote === x.firstAsc || x.firstAsc === x.firstDesc)
        throw new Error('sorting would not change the first row: the probe could not see it');
      return tableThroughUi(page, x);
    });
    const x = expectations[0]!;
    ui(table, runs, x, expectations.slice(1), base);
    ctx.progress('table: traces and CPU profiles');
    table.detail('Where the time goes (one run each):', '');
    const steps: [TableStep, string][] = [
      ['open', 'open the table'],
      ['sortAsc', 'click the Quote header'],
      ['status', `tick ${TABLE_STATUS}`],
    ];
    for (const [step, title] of steps) {
      await tableThroughUi(page, x, { step, during: traceOf(table, title) });
      await tableThroughUi(page, x, {
        step,
        appPath: 'profile/',
        during: cpuProfileOf(ctx, table, title),
      });
    }
    if (lib.session.problems.length) throw new Error(lib.session.problems.join('\n'));
  } finally {
    await lib.session.close();
  }
}
