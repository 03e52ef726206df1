/**
 * PDF import in Chromium: a 50-page three-column newspaper PDF that
 * LibreOffice Writer makes at bench time, imported through the app's UI
 * (production build, fresh profile: "change" → the reader shows its first
 * headline; pdf.js and the layout run in the decode worker), next to pdf.js's
 * own getTextContent over all its pages in a dedicated worker of the same
 * browser, same run. Between the two, extractPdf alone in such a worker says
 * how much of the import is reading the PDF and how much storing and showing
 * it. Skipped, saying why, without LibreOffice. Checks that every source
 * paragraph came back whole and every heading (a bold body-size subhead among
 * them) is in the outline at its level.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import type { Page } from '@playwright/test';
import {
  fodtToPdf,
  newspaperArticles,
  newspaperFodt,
  writerMissing,
} from '../shared/test-support/node/libreoffice-pdf';
import { launch, openHarness } from './launch';
import type { PdfTimingRequest, PdfTimingResult } from './pdf-timing.worker';
import { fmtMs, median, type Table } from './report';
import { longTaskLine, phaseLines, repeat, type Context } from './scenario-common';
import { importThroughUi } from './ui';

/** One article per page: a headline and ten paragraphs in three columns fill an A4 page. */
const PAGES = 50;
const WORKER = 'pdf-timing.worker.js';
const PDF = 'news-50.pdf';

/** One read in a fresh dedicated worker, started from the harness page. */
function inWorker(page: Page, request: PdfTimingRequest): Promise<PdfTimingResult> {
  return page.evaluate(
    ([script, req]) =>
      new Promise<PdfTimingResult>((resolve, reject) => {
        const worker = new Worker(script, { type: 'module' });
        worker.onmessage = (event: MessageEvent<PdfTimingResult>) => {
          if (event.data?.kind !== 'pdf-timing') return;
          worker.terminate();
          resolve(event.data);
        };
        worker.onerror = (event) => {
          worker.terminate();
          reject(new Error(event.message || 'the PDF timing worker failed'));
        };
        worker.postMessage(req);
      }),
    [`/bench/pdf/${WORKER}`, request] as const,
  );
}

/** The timing worker and the PDF, where the bench server serves /bench/ from. */
async function stage(ctx: Context, bytes: Uint8Array): Promise<void> {
  const dir = join(dirname(ctx.harnessBundle.path), 'pdf');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, PDF), bytes);
  await esbuild({
    entryPoints: [fileURLToPath(new URL('./pdf-timing.worker.ts', import.meta.url))],
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'esm',
    minify: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: join(dir, WORKER),
  });
}

export async function importPdf(ctx: Context, table: Table): Promise<void> {
  table.section(
    `PDF import: a ${PAGES}-page three-column newspaper PDF made by LibreOffice Writer (Chromium; pdf.js in a worker)`,
  );
  const missing = writerMissing();
  if (missing) {
    table.detail('skipped', missing);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'claimmark-bench-pdf-'));
  try {
    ctx.progress(`making a ${PAGES}-page PDF with LibreOffice`);
    // The first article has a bold body-size subhead too, so the check sees font weights read here.
    const articles = newspaperArticles(PAGES, 10);
    articles[0]?.blocks.splice(3, 0, { kind: 'h3', text: 'What the farmers say' });
    const bytes = fodtToPdf(dir, 'news-50', newspaperFodt(articles));
    await stage(ctx, bytes);
    const url = `/bench/pdf/${PDF}`;

    ctx.progress('PDF: getTextContent and extractPdf in a worker');
    const session = await launch(ctx.origin, ctx.probeScript);
    let base: PdfTimingResult[];
    let extract: PdfTimingResult[];
    try {
      await openHarness(session.page);
      base = await repeat(ctx.reps, () => inWorker(session.page, { mode: 'textContent', url }));
      extract = await repeat(ctx.reps, () => inWorker(session.page, { mode: 'extract', url }));
      if (session.problems.length) throw new Error(session.problems.join('\n'));
    } finally {
      await session.close();
    }
    const refused = extract.find((r) => r.error);
    if (refused) throw new Error(`extractPdf refused the bench PDF: ${refused.error}`);

    ctx.progress('PDF: import through the UI');
    const headline = articles[0]?.blocks[0]?.text ?? '';
    const runs = await repeat(ctx.uiReps, () =>
      importThroughUi(ctx.origin, ctx.probeScript, join(dir, 'news-50.pdf'), headline),
    );
    const probes = runs.map((r) => r.probe);
    const baseMs = base.map((r) => r.ms);
    table.row(
      `import the ${PAGES}-page PDF through the UI (decode worker, production build)`,
      probes.map((p) => p.done ?? NaN),
      { label: 'pdf.js getTextContent, all pages, in a worker', samples: baseMs },
      'import.pdf.50',
    );
    phaseLines(table, probes);
    longTaskLine(table, probes);
    const extractMs = median(extract.map((r) => r.ms));
    table.detail(
      'extractPdf alone in a worker (text items → columns, paragraphs, headlines)',
      `${fmtMs(extractMs)} (${(extractMs / median(baseMs)).toFixed(1)}× the baseline)`,
    );
    const last = extract.at(-1)!;
    const lines = new Set((last.text ?? '').split('\n'));
    const whole = articles.flatMap((a) => a.blocks).filter((b) => lines.has(b.text)).length;
    const all = articles.reduce((sum, a) => sum + a.blocks.length, 0);
    const levels = { h1: 1, h2: 2, h3: 3, p: 0 } as const;
    const outline = articles
      .flatMap((a) => a.blocks)
      .filter((b) => b.kind !== 'p')
      .map((b) => `${levels[b.kind]} ${b.text}`);
    const got = new Set((last.outline ?? []).map(([line, level]) => `${level} ${line}`));
    const outlined = outline.filter((entry) => got.has(entry)).length;
    const assets = new Set([...base, ...extract].flatMap((r) => r.assets));
    table.detail(
      'check',
      `${last.pages} pages, ${last.size.toLocaleString('en')} UTF-16 units, ${base[0]?.size ?? 0} text items; ` +
        `${whole} of ${all} source paragraphs and headlines came back whole; ` +
        `${outlined} of ${outline.length} headings in the outline at their level (${last.outline?.length ?? 0} in all); ` +
        `pdf.js asked for ${assets.size ? [...assets].join(', ') : 'no CMap or standard font'} (target: ≤ 3× the baseline)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
