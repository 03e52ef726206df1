import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { annotationItems, libraryItems, reader, replaceTextWith, selectText } from './reader';
import { utf8File } from './samples';

const CLOSING = 'The closing paragraph says the audit found 42 unreported loans.';

/** Long enough for a head (renderer/db/heads.ts): 390,000 UTF-16 units, with its own last words. */
function longReport(): string {
  const paragraphs = Array.from(
    { length: 8000 },
    (_, i) =>
      `第${i + 1}段：自治区政府表示，将在2030年前把煤炭消费比重降低五分之一，并接受独立审计。`,
  );
  return ['Long report 长篇报告', '', ...paragraphs, '', CLOSING].join('\n');
}

const scrollToEnd = (page: Page) =>
  reader(page)
    .locator('.cm-scroller')
    .evaluate((el) => el.scrollTo({ top: el.scrollHeight }));

/** What the app stored as the head of that text, read raw from IndexedDB. */
const storedHeads = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('claimmark');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const heads = await new Promise<{ head: string }[]>((resolve, reject) => {
      const request = db.transaction('heads').objectStore('heads').getAll();
      request.onsuccess = () => resolve(request.result as { head: string }[]);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return heads.map((h) => ({ length: h.head.length, start: h.head.slice(0, 20) }));
  });

/** The long report shown from its first line to its last, with its highlight past the head. */
async function expectWholeReport(page: Page): Promise<void> {
  await expect(reader(page)).toContainText('第1段：自治区政府表示');
  await expect(reader(page).locator('.reader-host')).toHaveAttribute('aria-busy', 'false');
  await scrollToEnd(page);
  await expect(reader(page).locator('.cm-line').last()).toHaveText(CLOSING);
  // The highlight past the head is drawn once the whole text is in.
  await expect(
    reader(page).locator('.cm-hl', { hasText: 'the audit found 42 unreported loans' }),
  ).toBeVisible();
  await expect(annotationItems(page)).toHaveCount(1);
}

test('a long document opens at its beginning and then has all of its text and highlights', async ({
  app,
}) => {
  const { page } = app;
  const text = longReport();
  expect(text.length).toBeGreaterThan(8 * 32 * 1024);
  await app.openFiles([{ name: 'long-report.txt', bytes: Buffer.from(text, 'utf8') }]);
  await app.openFiles([utf8File()]);
  await expect(libraryItems(page)).toHaveCount(2);

  const library = page.getByRole('list', { name: 'Library' });
  await library.getByRole('button', { name: /^Long report/ }).click();
  await expect(reader(page)).toContainText('第1段：自治区政府表示');
  await scrollToEnd(page);
  await selectText(page, 'the audit found 42 unreported loans');
  await page.keyboard.press('1');
  await expect(annotationItems(page)).toHaveCount(1);

  // Only the long text has a head, and it is the start of that text.
  expect(await storedHeads(page)).toEqual([{ length: 32 * 1024, start: text.slice(0, 20) }]);

  // Away and back: the head is what is read first, then the rest is put after it.
  await library.getByRole('button', { name: /^Budget claims under scrutiny/ }).click();
  await expect(reader(page)).toContainText('the regional economy grew by 5.8 percent');
  await library.getByRole('button', { name: /^Long report/ }).click();
  await expectWholeReport(page);

  // A start reopens it the same way: the start reads its head (last-document.ts), then the rest.
  await page.reload();
  await expectWholeReport(page);
});

test('a short document replaced by a long text while open shows all of the new text', async ({
  app,
}) => {
  const { page } = app;
  const short = `Short report\n\n${CLOSING}`;
  await app.openFiles([{ name: 'report.txt', bytes: Buffer.from(short, 'utf8') }]);
  await selectText(page, 'the audit found 42 unreported loans');
  await page.keyboard.press('1');
  await expect(annotationItems(page)).toHaveCount(1);

  await replaceTextWith(page, { name: 'report-v2.txt', buffer: Buffer.from(longReport(), 'utf8') });
  await expect(page.getByRole('status').filter({ hasText: 'Replaced the text' })).toContainText(
    '1 moved',
  );
  await expect(reader(page)).toContainText('第1段：自治区政府表示');
  await expect(reader(page).locator('.reader-host')).toHaveAttribute('aria-busy', 'false');
  await scrollToEnd(page);
  await expect(
    reader(page).locator('.cm-hl', { hasText: 'the audit found 42 unreported loans' }),
  ).toBeVisible();
  await expect(annotationItems(page)).toHaveCount(1);
});
