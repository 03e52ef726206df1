/**
 * PDFs from a real producer: LibreOffice Writer, headless, converts a
 * generated newspaper layout (flat ODF) to PDF; extractPdf must give back the
 * source: every paragraph whole, columns in order, headlines in the outline,
 * pages where they start. Runs under Node in Vitest (soffice is a program),
 * and skips, saying why, where LibreOffice Writer is not installed
 * (Debian: `apt-get install --no-install-recommends libreoffice-writer`; CI does).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  fodtToPdf,
  imageOnlyFodt,
  newspaperArticles,
  newspaperFodt,
  readPdfAssetFromDisk,
  writerMissing,
} from '../../../shared/test-support/node/libreoffice-pdf';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { extractPdf } from './pdf';

const missing = writerMissing();
if (missing) console.log(`[pdf.libreoffice] skipped: ${missing}`);

const dir = mkdtempSync(join(tmpdir(), 'claimmark-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const extract = (bytes: Uint8Array) => extractPdf(bytes, readPdfAssetFromDisk);

describe.skipIf(missing !== null)('PDFs made by LibreOffice Writer', () => {
  const articles = newspaperArticles(2, 12);
  const made = missing ? null : fodtToPdf(dir, 'news', newspaperFodt(articles));

  it('reads three columns and three pages back as the source paragraphs, in order', async () => {
    const result = await extract(made!);
    if (!result.ok) throw new Error(`${result.code}: ${result.detail}`);
    const expected = articles
      .map((article) => article.blocks.map((block) => block.text).join('\n'))
      .join('\n\n');
    expect(result.value.text).toBe(expected);
  }, 60_000);

  it('puts the headlines and subheads in the outline at their lines', async () => {
    const result = await extract(made!);
    if (!result.ok) throw new Error(result.code);
    const { text, headings } = result.value;
    const lines = headings.map((h) => [text.slice(h.start, text.indexOf('\n', h.start)), h.level]);
    expect(lines).toEqual(
      articles.flatMap((article) =>
        article.blocks
          .filter((block) => block.kind !== 'p')
          .map((block) => [block.text, block.kind === 'h1' ? 1 : 2]),
      ),
    );
  }, 60_000);

  it('knows where each page starts, also inside a paragraph that runs on to the next page', async () => {
    const result = await extract(made!);
    if (!result.ok) throw new Error(result.code);
    const { text, pages } = result.value;
    // The second article fills its page and runs on to a third one.
    expect(pages).toHaveLength(3);
    expect(pages?.slice(0, 2)).toEqual([0, text.indexOf(articles[1]!.blocks[0]!.text)]);
    // pdf.js's first text on page 3 (LibreOffice writes a page top down) is where page 3 starts.
    const doc = await getDocument({ data: made!.slice(), isEvalSupported: false }).promise;
    const items = (await (await doc.getPage(3)).getTextContent()).items;
    const first = items.map((item) => ('str' in item ? item.str.trim() : '')).find(Boolean)!;
    await doc.destroy();
    expect(text.slice(pages![2]!, pages![2]! + first.length)).toBe(first);
    // It starts a line, or a word inside a paragraph running on from page 2: never mid-word.
    expect(text[pages![2]! - 1]).not.toMatch(/[A-Za-z]/);
  }, 60_000);

  it('outlines a bold body-size subhead, and not a paragraph with a bold word', async () => {
    const [article] = newspaperArticles(1, 6);
    const blocks = article!.blocks.filter((block) => block.kind !== 'h2');
    const [headline, first, second, ...rest] = blocks;
    const boldWord = { ...first!, bold: first!.text.split(' ').slice(3, 5).join(' ') };
    const subhead = { kind: 'h3' as const, text: 'Farmers weigh in' };
    const source = [headline!, boldWord, second!, subhead, ...rest];
    const pdf = fodtToPdf(join(dir, 'bold'), 'bold', newspaperFodt([{ blocks: source }]));
    const result = await extract(pdf);
    if (!result.ok) throw new Error(result.code);
    const { text, headings } = result.value;
    expect(text).toBe(source.map((block) => block.text).join('\n'));
    const outline = headings.map((h) => [
      text.slice(h.start, text.indexOf('\n', h.start)),
      h.level,
    ]);
    expect(outline).toEqual([
      [headline!.text, 1],
      ['Farmers weigh in', 3],
    ]);
  }, 60_000);

  it('refuses a PDF that needs a password, saying so', async () => {
    const locked = fodtToPdf(join(dir, 'locked'), 'locked', newspaperFodt(articles), 'secret');
    expect(await extract(locked)).toMatchObject({ ok: false, code: 'encrypted' });
  }, 60_000);

  it('refuses a scan: pages with a picture and no text layer', async () => {
    const scan = fodtToPdf(join(dir, 'scan'), 'scan', imageOnlyFodt());
    expect(await extract(scan)).toMatchObject({ ok: false, code: 'scanned' });
  }, 60_000);

  it('refuses a truncated PDF as damaged', async () => {
    const cut = made!.slice(0, 900);
    const result = await extract(cut);
    expect(result).toMatchObject({ ok: false, code: 'damaged' });
  }, 60_000);
});

describe('bytes that are not a PDF', () => {
  it('are refused as damaged with pdf.js’s reason', async () => {
    const result = await extract(new TextEncoder().encode('Just some text, not a PDF at all.'));
    expect(result).toMatchObject({ ok: false, code: 'damaged' });
    expect(!result.ok && result.detail).toMatch(/pdf/i);
  });
});
