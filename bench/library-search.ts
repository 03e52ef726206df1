/**
 * Library search over 200 generated documents (about 20 MB): the
 * shared code (searchLibrary, a kept LibraryIndex) and the app's worker client
 * in the harness page, then Ctrl+Shift+F through the UI, each next to a plain
 * indexOf loop finding every occurrence in the same texts, quotes and notes.
 * A first search through the UI (ids search.ui.first, to the first results on
 * screen, and search.ui.complete, to the final count) is set against reading
 * every text of the same database once in the page, measured just before it.
 */
import type { Page } from '@playwright/test';
import { RARE_PHRASE, type SearchRun } from './api';
import { openHarness } from './launch';
import { fmtMs, median, type Table } from './report';
import {
  collect,
  longTaskLine,
  markLines,
  phaseLines,
  repeat,
  type Context,
} from './scenario-common';
import { searchThroughUi, type SearchStep } from './ui-search';
import { cpuProfileOf, librarySession, traceOf } from './ui-views';

export const LIBRARY_DOCS = Number(process.env.BENCH_LIBRARY_DOCS ?? 200);
export const LIBRARY_BYTES = 20 * 1024 * 1024;

interface Query {
  /** ASCII, so the table stays aligned. */
  label: string;
  query: string;
  /** What the baseline looks for: the query as the texts spell it (no folding). */
  needle: string;
}

const QUERIES: Query[] = [
  { label: 'rare phrase', query: RARE_PHRASE, needle: RARE_PHRASE },
  { label: 'common 2-character word', query: '经济', needle: '经济' },
  { label: 'full-width digits', query: '２０２３年１月', needle: '2023年1月' },
  { label: 'Latin, other case', query: 'yellow river', needle: 'Yellow River' },
];
/** The query typed first through the UI (as in the e2e test: a full-width digit). */
const FIRST = QUERIES[2] as Query;

const n = (x: number) => x.toLocaleString('en');
const BASE = 'indexOf loop, every occurrence';
const READ = 'read every text once from IndexedDB';

function found(label: string, app: SearchRun, base: SearchRun): string {
  return (
    `${label}: ${n(app.hits)} hits in ${n(app.docs)} documents (${n(app.textHits)} in texts; ` +
    `at most 50 per document) · indexOf: ${n(base.hits)} occurrences, ${n(base.docs)} documents`
  );
}

async function inHarness(ctx: Context, table: Table, page: Page) {
  const baselines = new Map<string, number[]>();
  const base = new Map<string, SearchRun>();
  for (const q of QUERIES) {
    const runs = await repeat(ctx.reps, () =>
      page.evaluate((s) => window.bench.searchIndexOf(s), q.needle),
    );
    baselines.set(
      q.query,
      runs.map((r) => r.ms),
    );
    base.set(q.query, runs[0]!);
  }
  const baseOf = (q: Query) => ({ label: BASE, samples: baselines.get(q.query) ?? [] });

  ctx.progress('search: searchLibrary, first search');
  const first = await repeat(ctx.reps, () =>
    page.evaluate((s) => window.bench.searchFirst(s), FIRST.query),
  );
  table.row(
    `searchLibrary, ${FIRST.label}: a first search (folds all)`,
    first.map((r) => r.ms),
    baseOf(FIRST),
  );
  const steps = collect(
    await repeat(ctx.reps, () =>
      page.evaluate((s) => window.bench.searchFirstSteps(s), FIRST.query),
    ),
  );
  for (const [step, values] of steps) table.detail(`step: ${step}`, fmtMs(median(values)));

  ctx.progress('search: kept LibraryIndex');
  const hints = new Map<string, string>();
  for (const q of QUERIES) {
    const runs = await repeat(ctx.reps, () =>
      page.evaluate((s) => window.bench.searchKept(s), q.query),
    );
    table.row(
      `LibraryIndex.search, ${q.label} (folded already)`,
      runs.map((r) => r.ms),
      baseOf(q),
    );
    const r = runs[0]!;
    table.detail(found('found', r, base.get(q.query)!), '');
    hints.set(q.query, `${r.hits} matches in ${r.docs} documents`);
  }

  ctx.progress('search: worker client');
  const worker = await repeat(ctx.reps, () =>
    page.evaluate((s) => window.bench.workerFirst(s), FIRST.query),
  );
  table.row(
    `worker client, ${FIRST.label}: new worker reading the database, every hit`,
    worker.map((r) => r.ms),
    baseOf(FIRST),
  );
  table.detail(
    'of which until the first hits arrived',
    fmtMs(median(worker.map((r) => r.firstMs))),
  );
  if (worker.some((r) => `${r.hits} matches in ${r.docs} documents` !== hints.get(FIRST.query)))
    throw new Error(`the worker reading the database found other hits for ${FIRST.query}`);
  for (const q of QUERIES) {
    const runs = await repeat(ctx.reps, () =>
      page.evaluate((s) => window.bench.workerSearch(s), q.query),
    );
    if (runs.some((r) => `${r.hits} matches in ${r.docs} documents` !== hints.get(q.query)))
      throw new Error(`the worker found other hits than LibraryIndex for ${q.query}`);
    table.row(
      `worker client search, ${q.label}`,
      runs.map((r) => r.ms),
      baseOf(q),
    );
  }
  await page.evaluate(() => window.bench.workerDispose());
  return { baselines, hints };
}

export async function librarySearch(ctx: Context, table: Table): Promise<void> {
  ctx.progress(
    `search: making and seeding ${LIBRARY_DOCS} documents, ${n(ctx.annotations)} annotations`,
  );
  const lib = await librarySession(
    ctx.origin,
    ctx.probeScript,
    LIBRARY_DOCS,
    LIBRARY_BYTES,
    ctx.annotations,
  );
  try {
    const { page } = lib.session;
    const { info } = lib;
    table.section(
      `Library search: ${n(info.docs)} documents, ${(info.bytes / 2 ** 20).toFixed(1)} MB UTF-8 ` +
        `(${n(info.chars)} UTF-16 units, ${info.englishDocs} in English), ${n(info.annotations)} annotations ` +
        '(harness page; shared/find.ts, renderer/search/library-search.ts)',
    );
    table.detail(
      `queries: ${QUERIES.map((q) => `${q.label} "${q.query}"`).join(', ')}; ` +
        `the baseline looks for ${QUERIES.filter((q) => q.needle !== q.query)
          .map((q) => `"${q.needle}"`)
          .join(' and ')} as the texts spell them`,
      '',
    );
    table.detail(
      `not timed: generating the library ${fmtMs(info.ms)}; seeding the app's database: ` +
        `documents, texts and bytes ${fmtMs(lib.seed.docsMs)}, annotations ${fmtMs(lib.seed.annotationsMs)}`,
      '',
    );
    const { baselines, hints } = await inHarness(ctx, table, page);

    table.section(
      `Library search through the UI (production build, the seeded library; fresh page load each time)`,
    );
    const steps = (qs: Query[]): SearchStep[] =>
      qs.map((q) => ({ query: q.query, hint: hints.get(q.query) ?? '' }));
    const next = steps(QUERIES.filter((q) => q !== FIRST));
    const all = [steps([FIRST])[0]!, ...next];
    all.forEach((s, i) => {
      if (i > 0 && s.hint === all[i - 1]?.hint)
        throw new Error(
          `two queries in a row give "${s.hint}": the probe could not tell them apart`,
        );
    });
    ctx.progress('search: through the UI');
    // Each UI run right after a baseline read, so that both see the same load on the machine.
    const paired = await repeat(ctx.uiReps, async () => {
      await openHarness(page);
      const read = await page.evaluate(() => window.bench.searchReadTexts());
      return { read, run: await searchThroughUi(page, all[0]!, next) };
    });
    const runs = paired.map((p) => p.run);
    const firsts = runs.map((r) => r.first);
    const readBase = { label: READ, samples: paired.map((p) => p.read.ms) };
    table.row(
      `Ctrl+Shift+F, type ${FIRST.label} → first results shown`,
      firsts.map((p) => p.marks['first hits'] ?? NaN),
      readBase,
      'search.ui.first',
    );
    table.row(
      `Ctrl+Shift+F, type ${FIRST.label} → "${hints.get(FIRST.query)}" shown`,
      firsts.map((p) => p.done ?? NaN),
      readBase,
      'search.ui.complete',
    );
    const read = paired[0]?.read;
    table.detail(
      `the baseline: db.texts.toArray() in the page on the seeded database (${n(read?.texts ?? 0)} texts, ` +
        `${n(read?.units ?? 0)} UTF-16 units); the ${BASE} over the same texts in memory: ` +
        fmtMs(median(baselines.get(FIRST.query) ?? [])),
      '',
    );
    table.detail(
      `the search must read every annotation too (${n(read?.annotations ?? 0)}): db.annotations.toArray() after the texts`,
      fmtMs(median(paired.map((p) => p.read.annotationsMs))),
    );
    table.detail(
      `${hints.get(FIRST.query)}; result buttons in the DOM: ${n(runs[0]?.buttons[0] ?? 0)}`,
      '',
    );
    markLines(table, firsts, { panel: 'panel shown at' });
    phaseLines(table, firsts);
    table.detail(
      'read-only transactions on the texts store in the window (the worker reads the library)',
      String(median(firsts.map((p) => p.counts['texts read'] ?? 0))),
    );
    longTaskLine(table, firsts);
    const others = QUERIES.filter((q) => q !== FIRST);
    others.forEach((q, i) => {
      const probes = runs.map((r) => r.next[i]!);
      table.row(
        `type ${q.label} (panel open) → results shown`,
        probes.map((p) => p.done ?? NaN),
        { label: BASE, samples: baselines.get(q.query) ?? [] },
      );
      table.detail(
        `${hints.get(q.query)}; result buttons in the DOM: ${n(runs[0]?.buttons[i + 1] ?? 0)}`,
        '',
      );
      longTaskLine(table, probes);
    });
    const common = QUERIES[1] as Query;
    ctx.progress('search: trace and CPU profile');
    table.detail(`Where the time goes (one run each, typing the ${common.label}):`, '');
    await searchThroughUi(page, all[0]!, next, {
      step: common.query,
      during: traceOf(table, 'trace'),
    });
    await searchThroughUi(page, all[0]!, next, {
      appPath: 'profile/',
      step: common.query,
      during: cpuProfileOf(ctx, table, 'CPU profile'),
    });
    await searchThroughUi(page, all[0]!, next, {
      step: FIRST.query,
      during: traceOf(table, `Ctrl+Shift+F and the ${FIRST.label}`),
    });
    // The first search shares the window's thread with the app still opening: say with what.
    await searchThroughUi(page, all[0]!, next, {
      appPath: 'profile/',
      step: FIRST.query,
      during: cpuProfileOf(ctx, table, `Ctrl+Shift+F and the ${FIRST.label}, CPU profile`),
    });
    await openHarness(page);
    if (lib.session.problems.length) throw new Error(lib.session.problems.join('\n'));
  } finally {
    await lib.session.close();
  }
}
