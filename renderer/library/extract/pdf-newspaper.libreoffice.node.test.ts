/**
 * Front pages as papers lay them out (shared/test-support/node/libreoffice-newspaper.ts):
 * a lead over three columns, two articles side by side below it in two columns
 * each; or a lead over another article beside a column of two stacked ones
 * with two-line headlines; headlines after their text in the content stream,
 * English and Chinese pages, a running head and page numbers. The import must give back each
 * article whole, in order and apart from the others, under its own headline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  fodtToPdf,
  readPdfAssetFromDisk,
  writerMissing,
} from '../../../shared/test-support/node/libreoffice-pdf';
import {
  frontPages,
  frontPagesFodt,
  RUNNING_HEAD,
  type FrontPage,
  type PageArticle,
} from '../../../shared/test-support/node/libreoffice-newspaper';
import type { Extracted } from '../../../shared/extract/types';
import { extractPdf } from './pdf';

const missing = writerMissing();
if (missing) console.log(`[pdf-newspaper.libreoffice] skipped: ${missing}`);

const dir = mkdtempSync(join(tmpdir(), 'claimmark-front-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const articleText = (article: PageArticle) =>
  [article.headline, ...article.blocks.map((block) => block.text)].join('\n');

/** Each heading as [its line, its level]. */
const outline = ({ text, headings }: Extracted) =>
  headings.map((h) => [text.slice(h.start, text.indexOf('\n', h.start)), h.level]);

const expectedOutline = (pages: readonly FrontPage[]) =>
  pages
    .flatMap((page) => page.articles)
    .flatMap((article) => [
      [article.headline, 1],
      ...article.blocks.filter((block) => block.kind === 'h3').map((block) => [block.text, 3]),
    ]);

describe.skipIf(missing !== null)('front pages made by LibreOffice Writer', () => {
  const pages = [
    ...frontPages(2, 'lead-over-two', 'en', 1),
    ...frontPages(1, 'lead-over-two', 'zh', 3),
    ...frontPages(1, 'lead-beside-column', 'en', 4),
    ...frontPages(1, 'lead-beside-column', 'zh', 5),
  ];
  let extracted: Promise<Extracted> | undefined;
  const extract = () =>
    (extracted ??= (async () => {
      const pdf = fodtToPdf(dir, 'front', frontPagesFodt(pages));
      const result = await extractPdf(pdf, readPdfAssetFromDisk);
      if (!result.ok) throw new Error(`${result.code}: ${result.detail}`);
      return result.value;
    })());

  it('gives back every article whole, its headline first, in page order, one after another', async () => {
    const { text } = await extract();
    expect(text).toBe(
      pages
        .flatMap((page) => page.articles)
        .map(articleText)
        .join('\n\n'),
    );
  }, 120_000);

  it('outlines each headline and bold subhead, at its level', async () => {
    expect(outline(await extract())).toEqual(expectedOutline(pages));
  }, 120_000);

  it('starts each page at its lead headline and leaves out the running head and page numbers', async () => {
    const value = await extract();
    expect(value.pages).toEqual(
      pages.map((page) => value.text.indexOf(page.articles[0]!.headline)),
    );
    expect(value.text).not.toContain(RUNNING_HEAD);
  }, 120_000);
});
