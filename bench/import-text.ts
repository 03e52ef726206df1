/** Import measurements (pipeline and UI) and the baselines that need only the harness. */
import type { Page } from '@playwright/test';
import type { Check } from './api';
import { launch, openHarness } from './launch';
import { startTrace, summariseTrace } from './profile';
import { fmtMs, median, type Table } from './report';
import { collect, longTaskLine, phaseLines, repeat, shares, type Context } from './scenario-common';
import { importThroughUi } from './ui';
import { cpuProfileOf } from './ui-views';

/** Baselines that need only the harness, and the app's import pipeline without UI. */
export async function pipelineAndBaselines(ctx: Context, table: Table) {
  const session = await launch(ctx.origin, ctx.probeScript);
  try {
    const { page } = session;
    await openHarness(page);
    for (const s of ctx.samples)
      await page.evaluate(([n, l]) => window.bench.load(n, l), [s.name, s.label] as const);
    table.section(
      'Import through the app pipeline (harness page: importFiles + runDecodeJob inline, on-disk IndexedDB)',
    );
    for (const s of ctx.samples) {
      ctx.progress(`pipeline: ${s.title}`);
      const base = await repeat(ctx.reps, () =>
        page.evaluate(([n, l]) => window.bench.baselineImport(n, l, false), [
          s.name,
          s.label,
        ] as const),
      );
      const app = await repeat(ctx.reps, () =>
        page.evaluate((n) => window.bench.appImport(n), s.name),
      );
      for (const r of app) {
        if (r.kind !== 'added' || r.encoding !== s.label || r.sha256 !== ctx.expectedSha256)
          throw new Error(`import of ${s.name} gave ${JSON.stringify({ ...r, ms: undefined })}`);
      }
      table.row(
        `import ${s.size} ${s.title} (app pipeline)`,
        app.map((r) => r.ms),
        { label: 'TextDecoder + one Dexie put', samples: base },
      );
      table.detail(
        'of which decode job (decode + SHA-256)',
        fmtMs(median(app.map((r) => r.decodeMs))),
      );
      const steps = collect(
        await repeat(ctx.reps, () => page.evaluate((n) => window.bench.importSteps(n), s.name)),
      );
      for (const [step, values] of steps) table.detail(`step: ${step}`, fmtMs(median(values)));
    }
    ctx.progress('baselines: bare CodeMirror');
    const ref = ctx.reference;
    const bare = await repeat(ctx.reps, () =>
      page.evaluate((n) => window.bench.bareRender(n, 0), ref.name),
    );
    const marked = await repeat(ctx.reps, () =>
      page.evaluate(([n, c]) => window.bench.bareRender(n, c), [
        ref.name,
        ctx.annotations,
      ] as const),
    );
    const scroll = await repeat(ctx.reps, () =>
      page.evaluate(([n, p, t]) => window.bench.bareScroll(n, p, t), [
        ref.name,
        ref.middle,
        ref.middleSnippet,
      ] as const),
    );
    const tag = await repeat(ctx.reps, () =>
      page.evaluate(([n, c]) => window.bench.bareTag(n, c), [ref.name, ctx.annotations] as const),
    );
    if (session.problems.length) throw new Error(session.problems.join('\n'));
    return { bare, marked, scroll, tag };
  } finally {
    await session.close();
  }
}

export async function importThroughTheUi(ctx: Context, table: Table): Promise<void> {
  table.section(
    'Import through the UI (production build; fresh profile each time; "change" event → reader shows the text)',
  );
  // Each file's baseline is taken right before its imports, not minutes before
  // with the pipeline's: taken that far apart, they moved by half between runs.
  const harness = await launch(ctx.origin, ctx.probeScript);
  try {
    await openHarness(harness.page);
    for (const s of ctx.samples)
      await harness.page.evaluate(([n, l]) => window.bench.load(n, l), [s.name, s.label] as const);
    for (const s of ctx.samples) {
      ctx.progress(`UI import: ${s.title}`);
      const shows = await repeat(ctx.reps, () =>
        harness.page.evaluate(([n, l]) => window.bench.baselineImport(n, l, true), [
          s.name,
          s.label,
        ] as const),
      );
      if (harness.problems.length) throw new Error(harness.problems.join('\n'));
      const runs = await repeat(ctx.uiReps, () =>
        importThroughUi(ctx.origin, ctx.probeScript, s.path, ctx.reference.sentinel),
      );
      const probes = runs.map((r) => r.probe);
      table.row(
        `import ${s.size} ${s.title} through the UI`,
        probes.map((p) => p.done ?? NaN),
        {
          label: 'TextDecoder + put + bare CodeMirror shown',
          samples: shows,
        },
        `import.ui.${s.label.replace('-', '')}`,
      );
      phaseLines(table, probes);
      longTaskLine(table, probes);
      table.detail(
        'wall time seen from Node (setFiles → shown)',
        fmtMs(median(runs.map((r) => r.wallMs))),
      );
    }
  } finally {
    await harness.close();
  }
  const last = ctx.samples[ctx.samples.length - 1];
  if (last) await traceUiImport(ctx, table, last.path, ctx.reference.sentinel, last.title);
  const first = ctx.samples[0];
  if (first) {
    ctx.progress(`CPU profile: UI import ${first.title}`);
    await importThroughUi(ctx.origin, ctx.probeScript, first.path, ctx.reference.sentinel, {
      during: cpuProfileOf(ctx, table, `One ${first.title} import`),
      appPath: 'profile/',
    });
  }
}

/** One traced UI import: self time per trace event on the page's main thread and in the worker. */
export async function traceUiImport(
  ctx: Context,
  table: Table,
  path: string,
  sentinel: string,
  title: string,
  extra: Check[] = [],
): Promise<void> {
  ctx.progress(`trace: UI import ${title}`);
  let main: ReturnType<typeof summariseTrace> | null = null;
  let worker: ReturnType<typeof summariseTrace> | null = null;
  const during = async (p: Page) => {
    const stop = await startTrace(p);
    return async () => {
      const events = await stop();
      main = summariseTrace(events);
      worker = summariseTrace(events, 'DedicatedWorker thread');
    };
  };
  await importThroughUi(ctx.origin, ctx.probeScript, path, sentinel, { during, extra });
  table.detail(
    `Where the time of one ${title} import goes (one traced run, self time per trace event):`,
    '',
  );
  const m = main as ReturnType<typeof summariseTrace> | null;
  const w = worker as ReturnType<typeof summariseTrace> | null;
  if (m) shares(table, 'page main thread', m.totalMs, m.byEvent);
  if (w) shares(table, 'decode worker thread', w.totalMs, w.byEvent);
}
