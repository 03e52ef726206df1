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

/** A saved page that asks for everything a page can ask for, and tries to run. */
const GREEDY = `<!doctype html><html><head><meta charset="utf-8"><title>Chips rebound - Wire</title>
<meta http-equiv="refresh" content="0; url=https://example.invalid/refresh">
<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2025-11-03">
<link rel="stylesheet" href="https://example.invalid/site.css">
<link rel="preload" as="image" href="https://example.invalid/preload.png">
<link rel="icon" href="https://example.invalid/favicon.ico">
<style>@import url("https://example.invalid/import.css"); body { background: url(https://example.invalid/bg.png) }</style>
<script src="https://example.invalid/tracker.js"></script>
<script>window.__ran = true; document.title = 'ran'; fetch('https://example.invalid/beacon');</script>
</head><body onload="window.__ran = true">
<article><h1>Chips rebound</h1>
<p style="background-image: url('https://example.invalid/inline.png')">Chip sales rose 12 per cent in October from a year earlier, the industry association said, the third monthly rise in a row.</p>
<img src="https://example.invalid/x.png" srcset="https://example.invalid/x-2x.png 2x, https://example.invalid/x-800.png 800w" onerror="window.__ran = true">
<picture><source srcset="https://example.invalid/p.webp" type="image/webp"><img src="https://example.invalid/p.jpg"></picture>
<p>Memory makers led the gains, with prices for some parts up by a fifth, according to figures published on Monday.</p>
<iframe src="https://example.invalid/frame.html"></iframe>
<video poster="https://example.invalid/poster.jpg" src="https://example.invalid/v.mp4"></video>
<object data="https://example.invalid/o.swf"></object><embed src="https://example.invalid/e.swf">
<svg><image href="https://example.invalid/s.png"/></svg><img src="x" onerror="window.__ran = true">
</article></body></html>`;

test('importing a web page and a Word file asks nothing of the network and runs nothing in them', async ({
  app,
}) => {
  const { page } = app;
  await expect(page.getByRole('button', { name: 'Open files' })).toBeVisible();
  const own = new URL('/', page.url()).href;
  const isOwn = (url: string) => url.startsWith(own) || /^(blob|data):/.test(url);
  const foreign: string[] = [];
  // The context sees the page's requests and its workers' alike.
  page.context().on('request', (request) => {
    if (!isOwn(request.url())) foreign.push(request.url());
  });
  page.on('worker', (worker) => {
    if (!isOwn(worker.url())) foreign.push(`worker ${worker.url()}`);
  });
  // A blocked attempt is an attempt too: the app's CSP would hide it from the network.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.blockedURI));
  });
  const appTitle = await page.title();
  const docx = docxBytes(
    [{ text: 'Chip sales rose 12 per cent in October, the association said.' }],
    { core: { title: 'October chip sales' }, linkedImage: 'https://example.invalid/chart.png' },
  );
  await app.openFiles([
    { name: 'chips.html', bytes: Buffer.from(GREEDY) },
    { name: 'chips.docx', bytes: Buffer.from(docx) },
  ]);
  await expect(libraryItems(page)).toHaveCount(2);
  const library = page.getByRole('list', { name: 'Library' });
  await library.getByRole('button', { name: /^DOCX October chip sales/ }).click();
  await expect(reader(page)).toContainText('the association said');
  await library.getByRole('button', { name: /^HTML Chips rebound/ }).click();
  await expect(reader(page)).toContainText('Memory makers led the gains');
  await expect(reader(page)).not.toContainText('window.__ran');
  // Whatever a late load would do has had time to happen.
  await page.waitForTimeout(500);

  expect(foreign).toEqual([]);
  expect(await page.evaluate(() => (window as { __ran?: boolean }).__ran)).toBeUndefined();
  expect(await page.title()).toBe(appTitle);
  expect(
    await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  ).toEqual([]);
  expect(new URL(page.url()).href.startsWith(own)).toBe(true);
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
