import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  fodtToPdf,
  newspaperArticles,
  newspaperFodt,
  writerMissing,
} from '../shared/test-support/node/libreoffice-pdf';
import { docxBytes } from '../shared/test-support/docx-file';
import { expect, test } from './fixtures';
import { libraryItems, reader } from './reader';

const BODY =
  '国家统计局10月20日发布数据，前三季度全国规模以上工业增加值同比增长5.8%，比上半年加快0.3个百分点。';

/** A minimal Word file: two heading styles, CJK paragraphs, no title in its properties. */
function docxFile(): { name: string; bytes: Buffer } {
  const bytes = docxBytes([
    { text: '工业增加值增长5.8%', style: 'Heading1' },
    { text: BODY },
    { text: '高技术制造业领跑', style: 'Heading2' },
    { text: '高技术制造业增加值增长9.6%，占规模以上工业增加值的比重为16.3%。' },
  ]);
  return { name: '工业报告.docx', bytes: Buffer.from(bytes) };
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Exports rise - Example News</title>
<meta property="article:published_time" content="2025-10-20"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="ad"><img src="https://ads.example.com/b.png"><a href="https://ads.example.com">Buy now</a></div>
<article><h1>Exports rise</h1>
<p>Exports of electric vehicles rose by a third in the first nine months, the customs office said on Monday, as makers found buyers abroad.</p>
<h2>Batteries lead</h2>
<p>Battery shipments grew faster still, by 41 per cent, led by sales to Europe and South-East Asia, according to the figures.</p>
<img src="https://img.example.com/chart.png"></article>
<section class="comments"><p>First comment!</p></section></body></html>`;

test('opens a Word file and a saved web page: their text, headings and format', async ({ app }) => {
  const { page } = app;
  await app.openFiles([docxFile(), { name: 'exports.html', bytes: Buffer.from(PAGE) }]);
  await expect(libraryItems(page)).toHaveCount(2);
  const library = page.getByRole('list', { name: 'Library' });
  await expect(library.locator('.doc-format[data-format="docx"]')).toHaveText('DOCX');
  await expect(library.locator('.doc-format[data-format="html"]')).toHaveText('HTML');

  await library.getByRole('button', { name: /^DOCX 工业增加值增长5\.8%/ }).click();
  await expect(reader(page)).toContainText(BODY);
  const outline = page.getByRole('region', { name: 'Outline' });
  await expect(
    outline.getByRole('button', { name: '工业增加值增长5.8%', exact: true }),
  ).toBeVisible();
  await expect(
    outline.getByRole('button', { name: '高技术制造业领跑', exact: true }),
  ).toBeVisible();
  await expect(reader(page).getByLabel('Encoding')).toHaveCount(0);
  // Its paragraphs come from the file: there are no hard-wrapped lines to rejoin.
  await expect(reader(page).getByLabel('Reflow lines')).toHaveCount(0);

  await library.getByRole('button', { name: /^HTML Exports rise/ }).click();
  await expect(reader(page)).toContainText('Battery shipments grew faster still');
  await expect(reader(page)).not.toContainText('Buy now');
  await expect(reader(page)).not.toContainText('First comment');
  await expect(outline.getByRole('button', { name: 'Batteries lead', exact: true })).toBeVisible();
  await expect(reader(page).getByLabel('Reflow lines')).toHaveCount(0);
});

test('a broken .docx is refused with a message naming it', async ({ app }) => {
  const { page } = app;
  await app.openFiles([{ name: 'broken-report.docx', bytes: Buffer.from('not a zip at all') }]);
  await expect(page.getByRole('alert')).toContainText('broken-report.docx');
  await expect(page.getByRole('alert')).toContainText('damaged');
  await expect(libraryItems(page)).toHaveCount(0);
});

test('a three-column newspaper PDF made by LibreOffice opens as its paragraphs, headlines and pages', async ({
  app,
}) => {
  const missing = writerMissing();
  test.skip(missing !== null, `LibreOffice Writer makes the PDF: ${missing}`);
  const dir = mkdtempSync(join(tmpdir(), 'claimmark-e2e-pdf-'));
  try {
    const articles = newspaperArticles(2, 12);
    const bytes = fodtToPdf(dir, 'news', newspaperFodt(articles));
    const { page } = app;
    await app.openFiles([{ name: 'news.pdf', bytes: Buffer.from(bytes) }]);
    const library = page.getByRole('list', { name: 'Library' });
    await expect(library.locator('.doc-format[data-format="pdf"]')).toHaveText('PDF');
    // Read in the worker with the app's own CMaps (nothing fetched): each article's
    // headline in the outline, and from it the article's first paragraph whole.
    const outline = page.getByRole('region', { name: 'Outline' });
    for (const article of articles) {
      const headline = article.blocks.find((b) => b.kind === 'h1')!;
      const first = article.blocks.find((b) => b.kind === 'p')!;
      await outline.getByRole('button', { name: headline.text, exact: true }).click();
      await expect(reader(page)).toContainText(first.text);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
