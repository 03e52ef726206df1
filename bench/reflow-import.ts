/**
 * Reflow: importing a generated 10 MB hard-wrapped Chinese file, in
 * the app's pipeline (harness) and through the UI, next to a plain UTF-8
 * decode; the steps one at a time; where the UI import's time goes.
 */
import type { Check } from './api';
import { launch, openHarness } from './launch';
import { startCpuProfile, summariseCpu, type CpuSummary } from './profile';
import { fmtMs, median, type Table } from './report';
import { collect, longTaskLine, phaseLines, repeat, shares, type Context } from './scenario-common';
import { traceUiImport } from './import-text';
import { importThroughUi } from './ui';

/** The hard-wrapped file, and what reflow should make of it. */
export interface WrappedSample {
  name: string;
  path: string;
  size: string;
  /** The start of its first paragraph, to recognise it on screen. */
  sentinel: string;
  sha256: string;
  /** Paragraphs and stand-alone lines the generator wrapped. */
  paragraphs: number;
  /** True when reflow() (in Node) gives the generator's paragraphs back exactly. */
  restored: boolean;
}

const n = (x: number) => x.toLocaleString('en');
const PLAIN = "plain decode: new TextDecoder('utf-8').decode";

/** The app's pipeline in the harness; returns the plain decodes and the bare-view baseline. */
async function pipeline(ctx: Context, table: Table, w: WrappedSample) {
  const session = await launch(ctx.origin, ctx.probeScript);
  try {
    const { page } = session;
    await openHarness(page);
    await page.evaluate((name) => window.bench.load(name, 'utf-8'), w.name);
    table.section(
      `Reflow and import of a ${w.size} hard-wrapped Chinese file (harness page: importFiles + runDecodeJob inline, on-disk IndexedDB)`,
    );
    ctx.progress('reflow: pipeline');
    const decode = await repeat(ctx.reps, () =>
      page.evaluate((m) => window.bench.plainDecode(m), w.name),
    );
    const app = await repeat(ctx.reps, () =>
      page.evaluate((m) => window.bench.appImport(m), w.name),
    );
    for (const r of app) {
      if (r.kind !== 'added' || r.sha256 !== w.sha256 || r.reflow?.paragraphs !== w.paragraphs)
        throw new Error(`import of ${w.name} gave ${JSON.stringify({ ...r, ms: undefined })}`);
    }
    table.row(
      `import ${w.size} hard-wrapped UTF-8, reflowed (app pipeline)`,
      app.map((r) => r.ms),
      { label: PLAIN, samples: decode },
    );
    const info = app[0]?.reflow;
    table.detail(
      `reflowed ${n(info?.lines ?? 0)} non-empty lines into ${n(info?.paragraphs ?? 0)} paragraphs ` +
        `(the generator's paragraphs ${w.restored ? 'restored exactly' : 'NOT restored exactly'})`,
      '',
    );
    table.detail(
      'of which decode job (decode + SHA-256 + reflow)',
      fmtMs(median(app.map((r) => r.decodeMs))),
    );
    const steps = collect(
      await repeat(ctx.reps, () => page.evaluate((m) => window.bench.reflowSteps(m), w.name)),
    );
    for (const [step, values] of steps) table.detail(`step: ${step}`, fmtMs(median(values)));
    const shows = await repeat(ctx.reps, () =>
      page.evaluate((m) => window.bench.baselineImport(m, 'utf-8', true), w.name),
    );
    if (session.problems.length) throw new Error(session.problems.join('\n'));
    return { decode, shows };
  } finally {
    await session.close();
  }
}

export async function reflowAndImport(ctx: Context, table: Table, w: WrappedSample): Promise<void> {
  const { decode, shows } = await pipeline(ctx, table, w);

  table.section(
    'Import of the hard-wrapped file through the UI (production build; fresh profile each time; "change" event → reader shows the reflowed text)',
  );
  ctx.progress('reflow: UI import');
  const notice: Check = {
    name: 'notice',
    selector: '.notice-info',
    text: `into ${w.paragraphs} paragraphs`, // the app prints the bare number
    visibleIn: '.notices',
  };
  const runs = await repeat(ctx.uiReps, () =>
    importThroughUi(ctx.origin, ctx.probeScript, w.path, w.sentinel, { extra: [notice] }),
  );
  const probes = runs.map((r) => r.probe);
  table.row(
    `import ${w.size} hard-wrapped through the UI`,
    probes.map((p) => p.done ?? NaN),
    { label: PLAIN, samples: decode },
  );
  phaseLines(table, probes);
  longTaskLine(table, probes);
  table.detail(
    'wall time seen from Node (setFiles → shown)',
    fmtMs(median(runs.map((r) => r.wallMs))),
  );
  table.detail(
    'for comparison: TextDecoder + put + bare CodeMirror showing the file unreflowed',
    fmtMs(median(shows)),
  );
  await traceUiImport(ctx, table, w.path, w.sentinel, 'hard-wrapped', [notice]);

  ctx.progress('reflow: CPU profile of a UI import (unminified build)');
  let cpu: CpuSummary | null = null;
  const during = async (p: Parameters<typeof startCpuProfile>[0]) => {
    const stop = await startCpuProfile(p);
    return async () =>
      void (cpu = await summariseCpu(await stop(), ctx.profileBundle.path, ctx.profileBundle.file));
  };
  await importThroughUi(ctx.origin, ctx.probeScript, w.path, w.sentinel, {
    during,
    extra: [notice],
    appPath: 'profile/',
  });
  const c = cpu as CpuSummary | null;
  if (c) {
    table.detail('One UI import, page main thread (the decode worker is not in it):', '');
    shares(table, 'JS CPU profile by module', c.totalMs, c.byModule);
    shares(table, 'JS CPU profile by function (self time)', c.totalMs, c.byFunction);
  }
}
