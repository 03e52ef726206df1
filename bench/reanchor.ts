/**
 * Re-anchoring: 10,000 annotations on a 1 MB Chinese text after 100
 * scattered edits — shared/anchor.ts `reanchor` next to `indexOf` of each
 * quote, the groups of anchors that cost, and the app's replaceText with its
 * database writes next to the least such a replacement must write.
 */
import type { Page } from '@playwright/test';
import type { AnchorGroup } from './api';
import { launch, openHarness } from './launch';
import { startCpuProfile, summariseCpu, type CpuSummary } from './profile';
import { fmtMs, median, type Table } from './report';
import { collect, repeat, shares, type Context } from './scenario-common';

const REANCHOR_BYTES = 1024 * 1024;
const EDITS = 100;
const n = (x: number) => x.toLocaleString('en');

async function profiled(ctx: Context, page: Page, f: () => Promise<unknown>): Promise<CpuSummary> {
  const stop = await startCpuProfile(page);
  await f();
  return summariseCpu(await stop(), ctx.harnessBundle.path, ctx.harnessBundle.file);
}

async function reanchorAlone(ctx: Context, table: Table, page: Page): Promise<void> {
  ctx.progress('reanchor: generating the text, anchors and edits');
  const setup = await page.evaluate(([b, a, e]) => window.bench.setupReanchor(b, a, e), [
    REANCHOR_BYTES,
    ctx.annotations,
    EDITS,
  ] as const);
  const mb = (setup.bytes / 1024 / 1024).toFixed(1);
  table.section(
    `Re-anchor ${n(setup.anchors)} annotations after ${EDITS} scattered edits to a ${mb} MB Chinese text (harness page; shared/anchor.ts)`,
  );
  const k = setup.edits;
  table.detail(
    `text: ${n(setup.chars)} → ${n(setup.newChars)} UTF-16 units; edits: ${k.insertion} insertions, ` +
      `${k.deletion} deletions, ${k.replacement} replacements (${n(setup.removedChars)} chars out, ` +
      `${n(setup.insertedChars)} in); ${n(setup.touched)} quotes changed by an edit`,
    '',
  );
  ctx.progress('reanchor');
  const base = await repeat(ctx.reps, () => page.evaluate(() => window.bench.indexOfEach()));
  const run = (group: AnchorGroup, oldText: boolean) =>
    repeat(ctx.reps, () =>
      page.evaluate(([g, o]) => window.bench.reanchor(g, o), [group, oldText] as const),
    );
  const all = await run('all', true);
  table.row(
    `reanchor(newText, ${n(setup.anchors)} anchors, { oldText })`,
    all.map((r) => r.ms),
    { label: 'newText.indexOf(quote) for each quote', samples: base.map((r) => r.ms) },
  );
  const r = all[0];
  if (!r) throw new Error('no reanchor run');
  if (all.some((x) => x.kept !== r.kept || x.moved !== r.moved || x.orphaned !== r.orphaned))
    throw new Error('reanchor gave different results from run to run');
  const t = r.touched;
  for (const line of [
    `result: ${n(r.kept)} kept, ${n(r.moved)} moved (${n(r.fuzzy)} by fuzzy quote), ${n(r.orphaned)} orphaned`,
    `quotes no edit changed: ${n(r.untouched)}, of which ${n(r.untouchedRight)} placed where the edits moved them` +
      (r.untouchedKeptAtOld
        ? `; ${r.untouchedKeptAtOld} "kept" at their old offset, where the same characters happen to stand`
        : ''),
    `quotes an edit changed: ${n(setup.touched)} → ${t.kept + t.exact} found exactly, ${t.fuzzy} by fuzzy quote, ${t.orphaned} orphaned`,
    `baseline found ${n(base[0]?.found ?? 0)} of ${n(setup.anchors)} quotes somewhere (first occurrence, right or not)`,
  ])
    table.detail(line, '');
  const without = await run('all', false);
  table.detail('the same without oldText', fmtMs(median(without.map((x) => x.ms))));
  const groups: [AnchorGroup, string][] = [
    ['untouched', `alone: the ${n(setup.anchors - setup.touched)} anchors no edit changed`],
    ['touched', `alone: the ${n(setup.touched)} anchors an edit changed`],
    ['orphaned', `alone: the ${n(setup.orphaned)} of them that end orphaned`],
  ];
  for (const [group, label] of groups) {
    const times = (await run(group, true)).map((x) => x.ms);
    const each = group === 'orphaned' && setup.orphaned > 0 ? median(times) / setup.orphaned : 0;
    table.detail(label, fmtMs(median(times)) + (each ? ` (${fmtMs(each)} each)` : ''));
  }
  ctx.progress('reanchor: CPU profile');
  const cpu = await profiled(ctx, page, () =>
    page.evaluate(() => window.bench.reanchor('all', true)),
  );
  shares(
    table,
    'one reanchor run, JS CPU profile by function (self time)',
    cpu.totalMs,
    cpu.byFunction,
  );
}

async function replaceWithDatabase(ctx: Context, table: Table, page: Page): Promise<void> {
  ctx.progress('reanchor: replaceText with the database');
  const seeds: number[] = [];
  const seeded = async <T>(f: () => Promise<T>): Promise<T> => {
    seeds.push(await page.evaluate(() => window.bench.seedReplace()));
    return f();
  };
  const replaced = await repeat(ctx.reps, () =>
    seeded(() => page.evaluate(() => window.bench.replaceText())),
  );
  const least = await repeat(ctx.reps, () =>
    seeded(() => page.evaluate(() => window.bench.replaceBaseline())),
  );
  for (const x of replaced)
    if (x.kind !== 'replaced') throw new Error(`replaceText gave ${x.kind}`);
  table.row(
    `replaceText: ${n(ctx.annotations)} annotations, with the database writes (app)`,
    replaced.map((x) => x.ms),
    { label: 'decode + indexOf each + one transaction (text, bulkPut)', samples: least },
    `replace.${ctx.annotations / 1000}k`,
  );
  const report = replaced[0]?.report;
  table.detail(
    `report: ${n(report?.kept ?? 0)} kept, ${n(report?.moved ?? 0)} moved, ${n(report?.orphaned ?? 0)} orphaned`,
    '',
  );
  const written = replaced[0]?.written ?? NaN;
  if (replaced.some((x) => x.written !== written))
    throw new Error('replaceText wrote a different number of records from run to run');
  table.detail(
    `annotation records written: ${n(written)}; the rest left as stored, read through the shift step ` +
      `(the baseline writes all ${n(ctx.annotations)})`,
    '',
  );
  const rewritten = replaced[0]?.compaction.rewritten ?? NaN;
  table.detail(
    `afterwards, in the background (not in the figure; the document is in use meanwhile): ` +
      `compaction rewrote ${n(rewritten)} records at their new places`,
    fmtMs(median(replaced.map((x) => x.compaction.ms))),
  );
  table.detail(
    '  replaceText and its compaction together, for comparison with the baseline',
    fmtMs(median(replaced.map((x) => x.ms + x.compaction.ms))),
  );
  const misplaced = replaced.reduce((sum, x) => sum + x.misplaced, 0);
  if (misplaced > 0)
    throw new Error(`${misplaced} annotations were not on their quote after replaceText`);
  const steps = collect(
    await repeat(ctx.reps, () => seeded(() => page.evaluate(() => window.bench.replaceSteps()))),
  );
  for (const [step, values] of steps) table.detail(`step: ${step}`, fmtMs(median(values)));
  table.detail(
    `seeding before each run (not timed): document + ${n(ctx.annotations)} annotations`,
    fmtMs(median(seeds)),
  );
  ctx.progress('reanchor: CPU profile of replaceText');
  await page.evaluate(() => window.bench.seedReplace());
  const cpu = await profiled(ctx, page, () => page.evaluate(() => window.bench.replaceText()));
  shares(table, 'one replaceText run, JS CPU profile by module', cpu.totalMs, cpu.byModule);
  shares(table, 'the same run by function (self time)', cpu.totalMs, cpu.byFunction);
}

export async function reanchorAfterEdits(ctx: Context, table: Table): Promise<void> {
  const session = await launch(ctx.origin, ctx.probeScript);
  try {
    const { page } = session;
    await openHarness(page);
    await reanchorAlone(ctx, table, page);
    await replaceWithDatabase(ctx, table, page);
    if (session.problems.length) throw new Error(session.problems.join('\n'));
  } finally {
    await session.close();
  }
}
