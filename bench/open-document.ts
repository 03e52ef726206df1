/** Opening a document with many annotations through the UI, scrolling it, and profiles of an open. */
import { startCpuProfile, startTrace, summariseCpu, summariseTrace } from './profile';
import { fmtMs, median, type Table } from './report';
import {
  longTaskLine,
  markLines,
  phaseLines,
  repeat,
  shares,
  type Context,
} from './scenario-common';
import { armAtStart, startOnce } from './ui-start';
import {
  jumpThroughList,
  openChecks,
  openThroughUi,
  scrollThroughView,
  seededSession,
  editThroughKeyboard,
  tagThroughKeyboard,
} from './ui';

export async function openAndScroll(
  ctx: Context,
  table: Table,
  baselines: { bare: number[]; marked: number[]; scroll: number[]; tag: number[] },
): Promise<void> {
  const n = ctx.annotations.toLocaleString('en');
  ctx.progress(`open: seeding ${n} annotations`);
  const open = await seededSession(
    ctx.origin,
    ctx.probeScript,
    ctx.reference.name,
    ctx.annotations,
    ctx.reps,
  );
  try {
    const { page } = open.session;
    table.section(
      `Open a ${ctx.samples[0]?.size ?? ''} document carrying ${n} annotations (production build; click in the library → …)`,
    );
    ctx.progress('open: through the UI');
    const runs = await repeat(ctx.uiReps, () => openThroughUi(open, ctx.annotations));
    const probes = runs.map((r) => r.probe);
    table.row(
      'open: text, highlights and count shown',
      probes.map((p) => p.done ?? NaN),
      {
        label: `bare CodeMirror + app highlight field, ${n} marks`,
        samples: baselines.marked,
      },
      'open.10k',
    );
    table.row(
      'open: text shown',
      probes.map((p) => p.marks['text'] ?? NaN),
      {
        label: 'bare CodeMirror showing the text',
        samples: baselines.bare,
      },
    );
    markLines(table, probes, {
      highlights: 'highlights drawn at',
      count: 'annotation count shown at',
    });
    table.detail(
      'the whole text in the reader at (its head is shown first)',
      fmtMs(median(runs.map((r) => r.wholeMs ?? NaN))),
    );
    longTaskLine(table, probes);

    // The last open left this document to reopen: a start draws its head too.
    ctx.progress('open: a start with it open');
    await armAtStart(page, openChecks(open.seeded, ctx.annotations));
    const starts = await repeat(ctx.uiReps, () => startOnce(page));
    table.detail(
      'a start with it open (page load): text, highlights and count shown at',
      fmtMs(median(starts.map((s) => s.ms))),
    );
    table.detail(
      '  of which DOMContentLoaded done',
      fmtMs(median(starts.map((s) => s.domContentLoaded))),
    );
    table.detail(`seeding (harness): document + ${n} annotations`, fmtMs(open.seeded.seedMs));
    for (const [k, v] of Object.entries(open.reads)) table.detail(`read: ${k}`, fmtMs(v));

    ctx.progress('scroll');
    const ref = ctx.reference;
    const scrolls = await repeat(ctx.reps, () =>
      scrollThroughView(page, ref.middle, ref.middleSnippet),
    );
    table.row(
      'reader: view.dispatch(scrollIntoView(middle))',
      scrolls.map((r) => r.probe.done ?? NaN),
      {
        label: 'bare CodeMirror, same dispatch',
        samples: baselines.scroll,
      },
    );
    const targets = open.seeded.targets;
    const jumps = await repeat(ctx.reps, (i) =>
      jumpThroughList(page, targets[(i + 2) % targets.length] ?? targets[0]!),
    );
    const jp = jumps.map((r) => r.probe);
    table.row(
      'click an annotation in the list → reader jumps',
      jp.map((p) => p.done ?? NaN),
      {
        label: 'bare CodeMirror, scrollIntoView',
        samples: baselines.scroll,
      },
    );
    markLines(table, jp, {
      active: 'active highlight on screen at',
      list: 'list item marked active at',
    });
    longTaskLine(table, jp);

    ctx.progress('tag');
    let total = ctx.annotations;
    const created: string[] = [];
    const keys = await repeat(ctx.reps, async (i) => {
      const tag = await tagThroughKeyboard(page, 40 + 20 * (i + 1), ++total, created);
      return { tag, ...(await editThroughKeyboard(page, tag.id, total)) };
    });
    const put = { label: 'one Dexie put + app highlight field redrawn', samples: baselines.tag };
    const tp = keys.map((k) => k.tag.probe);
    table.row(
      'select 6 characters, press 1 → new highlight + count painted',
      keys.map((k) => k.tag.paint),
      put,
      'tag.paint',
    );
    table.row(
      '  … and its transaction committed',
      keys.map((k) => k.tag.stored),
      put,
      'tag.stored',
    );
    phaseLines(table, tp);
    longTaskLine(table, tp);
    const steps = [
      ['category', 'press 2 → the highlight shows both categories', 'tag.category'],
      ['remove', 'press Delete → highlight gone, count down', 'tag.delete'],
      ['undo', 'press Ctrl+Z → highlight back, count up', 'tag.undo'],
    ] as const;
    for (const [step, label, id] of steps) {
      table.row(
        label,
        keys.map((k) => k[step].paint),
        put,
        `${id}.paint`,
      );
      table.row(
        '  … and its transaction committed',
        keys.map((k) => k[step].stored),
        put,
        `${id}.stored`,
      );
      longTaskLine(
        table,
        keys.map((k) => k[step].probe),
      );
    }

    ctx.progress('profile: CPU (unminified build)');
    let cpu: Awaited<ReturnType<typeof summariseCpu>> | null = null;
    await openThroughUi(open, total, 'profile/', async (p) => {
      const stop = await startCpuProfile(p);
      return async () =>
        void (cpu = await summariseCpu(
          await stop(),
          ctx.profileBundle.path,
          ctx.profileBundle.file,
        ));
    });
    // The unminified build is still open: one key press profiled from the keydown until stored.
    ctx.progress('profile: CPU of a key press (unminified build)');
    // The first key press on a page also builds the claim index: profile the second.
    await tagThroughKeyboard(page, 30, ++total, created);
    const stopTag = await startCpuProfile(page);
    await tagThroughKeyboard(page, 90, ++total, created);
    const tagCpu = await summariseCpu(
      await stopTag(),
      ctx.profileBundle.path,
      ctx.profileBundle.file,
    );
    ctx.progress('profile: trace (production build)');
    let trace: ReturnType<typeof summariseTrace> | null = null;
    await openThroughUi(open, total, '', async (p) => {
      const stop = await startTrace(p);
      return async () => void (trace = summariseTrace(await stop()));
    });
    table.section('Where the time of one "open" goes (one run each; profiling slows it down)');
    const c = cpu as Awaited<ReturnType<typeof summariseCpu>> | null;
    const t = trace as ReturnType<typeof summariseTrace> | null;
    if (c) {
      shares(table, 'JS CPU profile by module', c.totalMs, c.byModule);
      shares(table, 'JS CPU profile by function (self time)', c.totalMs, c.byFunction);
    }
    if (t) shares(table, 'Renderer main thread by trace event (self time)', t.totalMs, t.byEvent);
    table.section(
      'Where the time of one key press (a second tag) goes, until stored (one run; profiled)',
    );
    shares(table, 'JS CPU profile by module', tagCpu.totalMs, tagCpu.byModule);
    shares(table, 'JS CPU profile by function (self time)', tagCpu.totalMs, tagCpu.byFunction);
  } finally {
    await open.session.close();
  }
}
