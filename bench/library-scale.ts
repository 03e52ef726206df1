/**
 * A big library (section 'library'): 2,000 short news documents and 200,000
 * annotations in the app's database, the newest document the one to reopen.
 * Timed from navigation start (ui-start.ts) to the Library list showing rows
 * and the newest document's text on screen with its count, next to a page
 * load that reads the document list raw from IndexedDB (raw-start.html) and
 * the same read inside a page already loaded; the JS heap after it; and
 * what one annotation change then costs the main thread.
 */
import type { Page } from '@playwright/test';
import { fmtMs, median, type Table } from './report';
import { longTaskLine, repeat, type Context } from './scenario-common';
import {
  armAtStart,
  countReadsInFlight,
  idleWindow,
  settle,
  withTail,
  noteKeystroke,
  SETTLE_MS,
  startChecks,
  startOnce,
  tagOnce,
  type ChangeRun,
} from './ui-start';
import { cpuProfileOf, traceOf } from './ui-views';
import type { ScaleLibraryInfo } from './api';
import { launch, openApp, openHarness } from './launch';

const DOCS = Number(process.env.BENCH_SCALE_DOCS ?? 2000);
const ANNOTATIONS = Number(process.env.BENCH_SCALE_ANNOTATIONS ?? 200_000);
/** How long the profile of a tag goes on after its counts show. */
const TAG_TAIL_MS = 5000;
const n = (x: number) => x.toLocaleString('en');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function changeLines(table: Table, label: string, runs: ChangeRun[]): void {
  table.detail(
    `${label}: main thread busy from the key until ${fmtMs(SETTLE_MS)} after (trace)`,
    fmtMs(median(runs.map((r) => r.busyMs))),
  );
  longTaskLine(
    table,
    runs.map((r) => r.probe),
  );
}

/** What bench/raw-start.html leaves in `window.rawStart`. */
interface RawStart {
  ms?: number;
  records?: number;
  error?: string;
}

/**
 * The baseline of a start: bench/raw-start.html loaded the way startOnce loads
 * the app (from a blank page), timed from navigation start to the frame that
 * shows the newest titles it read raw. A start pays for its page load as much
 * as for its reads, so the baseline does too.
 */
export async function rawStart(page: Page, docs: number): Promise<number> {
  await page.goto('about:blank');
  await page.goto('bench/raw-start.html');
  const handle = await page.waitForFunction(
    () => (window as unknown as { rawStart?: RawStart }).rawStart,
  );
  const r = (await handle.jsonValue()) as RawStart;
  if (r.error !== undefined || r.ms === undefined) throw new Error(`raw start: ${r.error}`);
  if (r.records !== docs)
    throw new Error(`the raw start found ${r.records} documents, not ${docs}`);
  return r.ms;
}

/** Loads the app at `appPath` and waits for the document it reopens to show. */
async function reopened(page: Page, appPath: string, sentinel: string): Promise<void> {
  await openApp(page, appPath);
  await page.locator('.cm-line', { hasText: sentinel }).first().waitFor();
}

export async function libraryScale(ctx: Context, table: Table): Promise<void> {
  ctx.progress(`library: making and seeding ${n(DOCS)} documents, ${n(ANNOTATIONS)} annotations`);
  const session = await launch(ctx.origin, ctx.probeScript);
  try {
    const { page } = session;
    await countReadsInFlight(page);
    await openApp(page); // seeds the codebook
    await openHarness(page);
    const info: ScaleLibraryInfo = await page.evaluate(
      ([d, a]) => window.bench.makeScaleLibrary(d, a),
      [DOCS, ANNOTATIONS] as const,
    );
    const seed = await page.evaluate(() => window.bench.seedScaleLibrary());
    const { newest } = info;
    table.section(
      `A big library: ${n(info.docs)} documents (${mb(info.bytes)} of UTF-8, ${n(info.englishDocs)} English), ` +
        `${n(info.annotations)} annotations; a fresh page load each time (production build)`,
    );
    table.detail(
      `not timed: seeding: documents, texts and bytes ${fmtMs(seed.docsMs)}; annotations ${fmtMs(seed.annotationsMs)}`,
      '',
    );

    ctx.progress('library: the reads of a start, each alone');
    const reads = await page.evaluate(([id, r]) => window.bench.startReads(id, 20, r), [
      newest.docId,
      ctx.reps,
    ] as const);

    ctx.progress('library: start through the UI, and the baseline');
    await armAtStart(page, startChecks(newest, newest.annotations));
    // Each start next to its baselines measured just before it, so all meet the same load.
    const raw: number[] = [];
    const inPage: number[] = [];
    const starts = await repeat(Math.max(ctx.reps, ctx.uiReps), async () => {
      await openHarness(page);
      const r = await page.evaluate(() => window.bench.rawDocumentList());
      if (r.records !== info.docs)
        throw new Error(`the raw read found ${r.records} documents, not ${info.docs}`);
      inPage.push(r.ms);
      raw.push(await rawStart(page, info.docs));
      return startOnce(page);
    });
    const probes = starts.map((s) => s.probe);
    table.row(
      `start → Library rows + newest document open (${n(newest.annotations)} annotations) and counted`,
      starts.map((s) => s.ms),
      {
        label: `a page load that reads the ${n(info.docs)} document records raw (open + getAll) and lists 30`,
        samples: raw.slice(1),
      },
      `library.${DOCS}.open`,
    );
    table.detail(
      `the same read raw inside a page already loaded (the baseline before session 10)`,
      fmtMs(median(inPage.slice(1))),
    );
    const at = (f: (s: (typeof starts)[number]) => number) => fmtMs(median(starts.map(f)));
    table.detail(
      'HTML received (navigation timing responseEnd)',
      at((s) => s.responseEnd),
    );
    table.detail(
      'DOMContentLoaded done',
      at((s) => s.domContentLoaded),
    );
    const since = (key: string) => (s: (typeof starts)[number]) =>
      s.armedAt + (s.probe.marks[key] ?? NaN);
    table.detail('first Library rows shown at', at(since('list')));
    table.detail("newest document's row counted at", at(since('row')));
    table.detail("newest document's text on screen at", at(since('text')));
    table.detail('annotation panel counted at', at(since('count')));
    longTaskLine(table, probes);
    for (const [k, v] of Object.entries(reads)) table.detail(`read alone: ${k}`, fmtMs(v));
    table.detail(
      'JS heap used after the start / after a full GC',
      `${mb(median(starts.map((s) => s.heapUsed)))} / ${mb(median(starts.map((s) => s.heapRetained)))}`,
    );

    // Before any change: the start's checks expect the seeded count.
    ctx.progress('library: where a start goes');
    table.detail('Where the time of one start goes (one run each; profiling slows it down):', '');
    await startOnce(page, '', traceOf(table, 'start'));
    await startOnce(page, 'profile/', cpuProfileOf(ctx, table, 'start'));

    ctx.progress('library: one annotation change');
    table.section('One annotation change in the newest document of that library');
    // A fresh load of the production build: the newest document is reopened.
    await reopened(page, '', newest.sentinel);
    let total = newest.annotations;
    const tags = await repeat(ctx.uiReps, async (i) => {
      await settle(page);
      return tagOnce(page, 40 + 20 * (i + 1), ++total);
    });
    table.row(
      'select 6 characters, press 1 → its library row and the panel count it',
      tags.map((t) => t.probe.done ?? NaN),
    );
    changeLines(table, 'tag', tags);
    const notes = await repeat(ctx.uiReps, async () => {
      await settle(page);
      return noteKeystroke(page);
    });
    changeLines(table, 'one keystroke in its note', notes);
    const idle = await repeat(ctx.uiReps, async () => {
      await settle(page);
      return idleWindow(page);
    });
    table.detail(
      `the same ${fmtMs(SETTLE_MS)} with no key pressed: main thread busy`,
      fmtMs(median(idle)),
    );
    ctx.progress('library: where a tag and a keystroke go');
    await reopened(page, 'profile/', newest.sentinel);
    // Another span than the timed tags' (the same one again would only add a category).
    await tagOnce(
      page,
      30,
      ++total,
      withTail(
        cpuProfileOf(ctx, table, `the first tag after a start, and ${fmtMs(TAG_TAIL_MS)} after`),
        TAG_TAIL_MS,
      ),
    );
    await settle(page, 240);
    await noteKeystroke(
      page,
      withTail(
        cpuProfileOf(ctx, table, `one keystroke in its note, and ${fmtMs(SETTLE_MS)} after`),
        SETTLE_MS,
      ),
    );

    if (session.problems.length) throw new Error(session.problems.join('\n'));
  } finally {
    await session.close();
  }
}
