/**
 * PDF import: extractPdf (pdf.js text items, then columns, paragraphs and
 * headlines) on a 50-page three-column newspaper PDF that LibreOffice Writer
 * makes at bench time, next to pdf.js's own getTextContent over all its
 * pages, in the same process. Measured in Node with pdf.js's worker code
 * in-process, as the decode worker runs it; skipped, saying why, without
 * LibreOffice. Checks that every source paragraph came back whole.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { extractPdf } from '../renderer/library/extract/pdf';
import {
  fodtToPdf,
  newspaperArticles,
  newspaperFodt,
  readPdfAssetFromDisk,
  writerMissing,
} from '../shared/test-support/node/libreoffice-pdf';
import type { Table } from './report';
import { repeat, type Context } from './scenario-common';

/** One article per page: a headline and ten paragraphs in three columns fill an A4 page. */
const PAGES = 50;

/** pdf.js alone: open the document and ask every page for its text content. */
async function textContentOnly(bytes: Uint8Array): Promise<number> {
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useWasm: false,
    disableFontFace: true,
    cMapUrl: `${new URL('../node_modules/pdfjs-dist/cmaps/', import.meta.url).pathname}`,
    standardFontDataUrl: `${new URL('../node_modules/pdfjs-dist/standard_fonts/', import.meta.url).pathname}`,
  });
  const doc = await task.promise;
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    items += (await (await doc.getPage(n)).getTextContent()).items.length;
  }
  await task.destroy();
  return items;
}

export async function importPdf(ctx: Context, table: Table): Promise<void> {
  table.section(
    `PDF import: a ${PAGES}-page three-column newspaper PDF made by LibreOffice Writer (Node, pdf.js in-process)`,
  );
  const missing = writerMissing();
  if (missing) {
    table.detail('skipped', missing);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'claimmark-bench-pdf-'));
  try {
    ctx.progress(`making a ${PAGES}-page PDF with LibreOffice`);
    const articles = newspaperArticles(PAGES, 10);
    const bytes = fodtToPdf(dir, 'news-50', newspaperFodt(articles));
    const times = { extract: [] as number[], base: [] as number[] };
    let text = '';
    let pages = 0;
    await repeat(ctx.reps, async (i) => {
      let t = performance.now();
      await textContentOnly(bytes);
      if (i >= 0) times.base.push(performance.now() - t);
      t = performance.now();
      const result = await extractPdf(bytes, readPdfAssetFromDisk);
      if (i >= 0) times.extract.push(performance.now() - t);
      if (!result.ok)
        throw new Error(`extractPdf refused the bench PDF: ${result.code} ${result.detail}`);
      text = result.value.text;
      pages = result.value.pages?.length ?? 0;
    });
    table.row(
      'extractPdf (text items → columns, paragraphs, headlines)',
      times.extract,
      { label: 'pdf.js getTextContent, all pages', samples: times.base },
      'import.pdf.50',
    );
    const lines = new Set(text.split('\n'));
    const whole = articles.flatMap((a) => a.blocks).filter((b) => lines.has(b.text)).length;
    const all = articles.reduce((sum, a) => sum + a.blocks.length, 0);
    table.detail(
      'check',
      `${pages} pages, ${text.length.toLocaleString('en')} UTF-16 units; ${whole} of ${all} source paragraphs and headlines came back whole (target: ≤ 3× the baseline)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
