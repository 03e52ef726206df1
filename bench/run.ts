/**
 * `npm run bench`: import a generated 10 MB Chinese text and open a document
 * carrying 10,000 annotations in headless Chromium on the production web
 * build, printing each time next to a baseline measured in the same run, and
 * writing the figures with ids to dist-bench/results.json.
 * A benchmark, not a test: it checks that what it measured happened (the
 * text decoded to the right SHA-256, the screen showed it), never a timing.
 * Touches nothing outside 127.0.0.1.
 *
 * What is measured: import-text.ts (decode pipeline, UI import), open-document.ts
 * (open, scroll, jump, tag), reflow-import.ts, reanchor.ts (with edits.ts: the
 * edits to re-anchor after; replace text), library-search.ts, annotation-table.ts,
 * claim-intelligence.ts, import-pdf.ts (a 50-page PDF through the UI, next to pdf.js's getTextContent
 * in a worker, pdf-timing.worker.ts),
 * library-scale.ts (a start on 2,000 documents and 200,000 annotations,
 * driven by ui-start.ts). Each has its in-page half in harness-*.ts (at /bench/)
 * and drives the app through ui.ts (import, open, tag), ui-search.ts or ui-table.ts
 * (with ui-views.ts). Around them: generate.ts (text, spans) · server.ts · launch.ts
 * (Chromium) · probe.ts (in-page timer, every page) · profile.ts (CDP) · report.ts.
 * Environment: BENCH_REPS (default 5), BENCH_UI_REPS (3), BENCH_ANNOTATIONS (10000),
 * BENCH_SECTIONS (default all: import,open,reflow,reanchor,search,table,claims,pdf,library), BENCH_CLAIMS (100000),
 * BENCH_TABLE_ANNOTATIONS (100000, the table section's; the search section carries BENCH_ANNOTATIONS),
 * BENCH_SCALE_DOCS (2000) and BENCH_SCALE_ANNOTATIONS (200000), the library section's.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import iconv from 'iconv-lite';
import { build as viteBuild } from 'vite';
import { chromiumPath } from '../e2e/browser';
import { reflow } from '../shared/reflow';
import { makeHardWrapped } from '../shared/wrap-fixtures';
import { generateText } from './generate';
import { reanchorAfterEdits } from './reanchor';
import { claimIntelligence } from './claim-intelligence';
import { importPdf } from './import-pdf';
import { reflowAndImport, type WrappedSample } from './reflow-import';
import { librarySearch } from './library-search';
import { annotationTable } from './annotation-table';
import { libraryScale } from './library-scale';
import { browserVersion, launch } from './launch';
import { Table } from './report';
import { openAndScroll } from './open-document';
import type { Context, Sample } from './scenario-common';
import { importThroughTheUi, pipelineAndBaselines } from './import-text';
import { serve } from './server';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const APP = join(ROOT, 'dist', 'renderer');
const OUT = join(ROOT, 'dist-bench');
const TARGET_BYTES = 10 * 1024 * 1024;
const ANNOTATIONS = Number(process.env.BENCH_ANNOTATIONS ?? 10_000);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const UI_REPS = Number(process.env.BENCH_UI_REPS ?? 3);
/** UTF-16 units asked of makeHardWrapped: about 10 MB of UTF-8, as the other sample. */
const WRAPPED_CHARS = 3_700_000;
const ALL_SECTIONS = 'import,open,reflow,reanchor,search,table,claims,pdf,library';
const SECTIONS = new Set(
  (process.env.BENCH_SECTIONS ?? ALL_SECTIONS).split(',').map((s) => s.trim()),
);
// A misspelt section would run nothing and leave an empty results.json.
const unknownSections = [...SECTIONS].filter((s) => !ALL_SECTIONS.split(',').includes(s));
if (unknownSections.length > 0) {
  process.stderr.write(
    `BENCH_SECTIONS: no section ${unknownSections.join(', ')}; the sections are ${ALL_SECTIONS}\n`,
  );
  process.exit(2);
}

const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The harness and probe bundles, and an unminified copy of the app for the CPU profile. */
async function buildBundles(): Promise<{ probe: string; profileBundle: Context['profileBundle'] }> {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const common = {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  } as const;
  // The harness unminified: the same code, with `// path` lines that attribute its CPU profile.
  await esbuild({
    ...common,
    minify: false,
    entryPoints: [join(ROOT, 'bench/harness.ts')],
    format: 'esm',
    outfile: join(OUT, 'harness.js'),
  });
  // The library search worker, which the harness starts by this URL (the app's own is in its build).
  await esbuild({
    ...common,
    entryPoints: [join(ROOT, 'renderer/search/library-search.worker.ts')],
    format: 'esm',
    outfile: join(OUT, 'library-search.worker.js'),
  });
  await esbuild({
    ...common,
    entryPoints: [join(ROOT, 'bench/probe.ts')],
    format: 'iife',
    outfile: join(OUT, 'probe.js'),
  });
  await copyFile(join(ROOT, 'bench/harness.html'), join(OUT, 'index.html'));
  await copyFile(join(ROOT, 'bench/raw-start.html'), join(OUT, 'raw-start.html'));
  const unminified = join(OUT, 'app-unminified');
  await viteBuild({
    configFile: join(ROOT, 'renderer/vite.config.ts'),
    logLevel: 'warn',
    build: { minify: false, outDir: unminified, emptyOutDir: true },
  });
  const file = (await readdir(join(unminified, 'assets'))).find((f) => /^index-.*\.js$/.test(f));
  if (!file) throw new Error('the unminified build has no index-*.js');
  return {
    probe: join(OUT, 'probe.js'),
    profileBundle: { path: join(unminified, 'assets', file), file },
  };
}

async function main(): Promise<void> {
  if (!existsSync(join(APP, 'index.html')))
    throw new Error('No dist/renderer: run `npm run build:renderer` first.');
  progress('building the harness');
  const { probe, profileBundle } = await buildBundles();

  progress('generating the text');
  const text = generateText(TARGET_BYTES);
  const utf8 = Buffer.from(text, 'utf8');
  const gb18030 = iconv.encode(text, 'gb18030');
  if (iconv.decode(gb18030, 'gb18030') !== text) throw new Error('GB18030 round trip failed');
  const expectedSha256 = createHash('sha256').update(utf8).digest('hex');
  const files = await mkdtemp(join(tmpdir(), 'claimmark-bench-files-'));
  const samples: Sample[] = [
    {
      name: 'utf8.txt',
      label: 'utf-8',
      title: 'UTF-8',
      size: mb(utf8.length),
      path: join(files, 'news-utf8.txt'),
    },
    {
      name: 'gb18030.txt',
      label: 'gb18030',
      title: 'GB18030',
      size: mb(gb18030.length),
      path: join(files, 'news-gb18030.txt'),
    },
  ];
  await writeFile(samples[0]!.path, utf8);
  await writeFile(samples[1]!.path, gb18030);
  const mid = text.indexOf('\n', Math.floor(text.length / 2)) + 1;

  progress('generating the hard-wrapped text');
  const wrapped = makeHardWrapped('zh', WRAPPED_CHARS, 3);
  const wrappedUtf8 = Buffer.from(wrapped.text, 'utf8');
  const wrappedSample: WrappedSample = {
    name: 'wrapped.txt',
    path: join(files, 'news-hard-wrapped.txt'),
    size: mb(wrappedUtf8.length),
    sentinel: (wrapped.paragraphs[0] ?? '').slice(0, 10),
    sha256: createHash('sha256').update(wrappedUtf8).digest('hex'),
    paragraphs: wrapped.paragraphs.length,
    restored: reflow(wrapped.text).text === wrapped.paragraphs.join('\n'),
  };
  await writeFile(wrappedSample.path, wrappedUtf8);

  const server = await serve([
    {
      prefix: '/bench/data/',
      files: new Map([
        ['utf8.txt', utf8],
        ['gb18030.txt', gb18030],
        [wrappedSample.name, wrappedUtf8],
      ]),
    },
    { prefix: '/bench/', dir: OUT },
    { prefix: '/profile/', dir: join(OUT, 'app-unminified') },
    { prefix: '/', dir: APP },
  ]);
  const ctx: Context = {
    origin: server.origin,
    probeScript: probe,
    samples,
    reference: {
      name: 'utf8.txt',
      sentinel: text.slice(0, 10),
      middle: mid,
      middleSnippet: text.slice(mid, mid + 40),
    },
    expectedSha256,
    reps: REPS,
    uiReps: UI_REPS,
    annotations: ANNOTATIONS,
    profileBundle,
    harnessBundle: { path: join(OUT, 'harness.js'), file: 'harness.js' },
    progress,
  };
  const table = new Table();
  let version: string | undefined;
  const started = Date.now();
  const loadBefore = loadavg()[0] ?? 0;
  let failure: unknown = null;
  try {
    const first = await launch(server.origin, probe);
    version = await browserVersion(first.page);
    await first.close();
    if (SECTIONS.has('import') || SECTIONS.has('open')) {
      const baselines = await pipelineAndBaselines(ctx, table);
      if (SECTIONS.has('import')) await importThroughTheUi(ctx, table);
      if (SECTIONS.has('open')) await openAndScroll(ctx, table, baselines);
    }
    if (SECTIONS.has('reflow')) await reflowAndImport(ctx, table, wrappedSample);
    if (SECTIONS.has('reanchor')) await reanchorAfterEdits(ctx, table);
    if (SECTIONS.has('search')) await librarySearch(ctx, table);
    if (SECTIONS.has('table')) await annotationTable(ctx, table);
    if (SECTIONS.has('claims')) await claimIntelligence(ctx, table);
    if (SECTIONS.has('pdf')) await importPdf(ctx, table);
    if (SECTIONS.has('library')) await libraryScale(ctx, table);
  } catch (error) {
    // What was measured before the failure is still printed and written.
    failure = error;
  } finally {
    await server.close();
    await rm(files, { recursive: true, force: true });
  }

  const cpu = cpus();
  const lines = [
    '',
    `Claimmark benchmark — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (took ${Math.round((Date.now() - started) / 1000)} s)`,
    `Browser:  ${version ?? '?'} (${chromiumPath() ?? '?'}), headless, 1400×900, on-disk profile`,
    `Machine:  ${cpu[0]?.model ?? '?'} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${type()} ${release()}, Node ${process.version}`,
    `Load:     1-minute load average ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end ` +
      `(other work on the machine inflates every figure; compare with the baselines)`,
    `Text:     ${text.length.toLocaleString('en')} UTF-16 units, ${text.split('\n').length.toLocaleString('en')} lines; ` +
      `${samples.map((s) => `${s.title} ${s.size}`).join(', ')}; ${ANNOTATIONS.toLocaleString('en')} annotations`,
    `Wrapped:  ${wrapped.text.length.toLocaleString('en')} UTF-16 units, ${wrapped.text.split('\n').length.toLocaleString('en')} lines ` +
      `in a column of ${wrapped.width} (shared/wrap-fixtures.ts makeHardWrapped('zh')), UTF-8 ${wrappedSample.size}`,
    `Medians of ${REPS} runs (UI: ${UI_REPS}, each on a fresh page load) after one warm-up; range in parentheses.`,
    'UI and bare-CodeMirror times are taken in the page: from the event to the first animation frame that shows',
    'the result (resolution one frame, ~17 ms). Ratio = measurement ÷ baseline.',
    table.render(),
    '',
  ];
  process.stdout.write(lines.join('\n'));
  await writeFile(join(OUT, 'results.json'), `${JSON.stringify(table.results(), null, 2)}\n`);
  progress(`figures with ids written to ${join(OUT, 'results.json')}`);
  if (failure) throw failure;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
