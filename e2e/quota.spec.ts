import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { annotationItems, expandAnnotation, libraryItems, reader, selectText } from './reader';
import iconv from 'iconv-lite';
import { WIDTHS, hardWrap, makeParagraphs } from '../shared/wrap-fixtures';
import { gb18030File, utf8File } from './samples';
import { launchWeb } from './web-driver';

/**
 * A full disk, made real: Chromium's quota for the app's origin is set (through
 * the DevTools protocol, before the page first touches storage) and then used
 * up by another database, so every write of the app's fails as it would on a
 * full disk, and succeeds again once that database is deleted.
 */
const QUOTA = 8 * 1024 * 1024;

async function fillDisk(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const open = indexedDB.open('filler', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('blobs');
    const db = await new Promise<IDBDatabase>(
      (resolve) => (open.onsuccess = () => resolve(open.result)),
    );
    // Random bytes: nothing can compress them below the quota.
    for (let n = 0; n < 400; n++) {
      const chunk = crypto.getRandomValues(new Uint8Array(64 * 1024));
      const ok = await new Promise<boolean>((resolve) => {
        const tx = db.transaction('blobs', 'readwrite');
        tx.objectStore('blobs').put(chunk, n);
        tx.oncomplete = () => resolve(true);
        tx.onabort = () => resolve(false);
      });
      if (!ok) break;
    }
    db.close();
  });
}

const freeDisk = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('filler');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );

test('a full disk: one notice names what is not saved, marks it, and saves it when space returns', async ({
  browser,
  baseURL,
  target,
}) => {
  test.skip(target !== 'web', 'the quota override is a Chromium DevTools call on the web target');
  // Eight steps, a filled disk and a restart: 16-30 s here, past 60 s on a loaded CI machine.
  test.setTimeout(150_000);
  const session = await launchWeb(browser, baseURL ?? '', async (page) => {
    const cdp = await page.context().newCDPSession(page);
    const origin = new URL(baseURL ?? '').origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: QUOTA });
  });
  const { app } = session;
  const { page } = app;
  const column = hardWrap(makeParagraphs('zh', 3, 7), {
    seed: 9,
    ...WIDTHS.zh,
    columnBreakChance: 0,
  });
  await app.openFiles([{ name: 'column.txt', bytes: iconv.encode(column.text, 'gb18030') }]);
  await expect(libraryItems(page)).toHaveCount(1);
  await app.openFiles([utf8File()]);
  await expect(libraryItems(page)).toHaveCount(2);
  await selectText(page, 'grew by 5.8 percent');
  await page.keyboard.press('1');
  await expect(annotationItems(page)).toHaveCount(1);

  await fillDisk(page);
  const full = page.getByRole('alert').filter({ hasText: 'Not saved yet' });

  // A tag: the notice names its quote.
  await selectText(page, 'cut coal use by a fifth');
  await page.keyboard.press('2');
  await expect(full).toContainText('“cut coal use by a fifth”');

  // A note typed at a person's pace: every keystroke fails, one notice stays.
  const first = annotationItems(page).filter({ hasText: 'grew by 5.8 percent' });
  await expandAnnotation(first);
  const note = first.getByLabel('Note');
  const typed = 'Check the yearbook 统计年鉴';
  await note.pressSequentially(typed, { delay: 40 });
  await expect(full).toContainText('the note on “grew by 5.8 percent”');
  await expect(full).toHaveCount(1);
  await expect(note).toHaveAttribute('aria-invalid', 'true');
  await expect(first.getByText('Not saved')).toBeVisible();
  await note.blur();

  // A rename: the box closes, the new name is listed.
  await page.getByRole('button', { name: 'Rename document: Budget claims under scrutiny' }).click();
  await page.getByLabel('Document title').fill('Regional budget, March');
  await page.getByLabel('Document title').press('Enter');
  await expect(page.getByLabel('Document title')).toHaveCount(0);
  await expect(full).toContainText('the new name “Regional budget, March”');

  // A codebook change: no raw QuotaExceededError, the same notice.
  const bar = page.getByRole('toolbar', { name: 'Categories' });
  await bar.getByRole('button', { name: 'Codebook' }).click();
  const codebook = page.getByRole('dialog', { name: 'Codebook' });
  await codebook.getByLabel('Name 5').fill('Assessment 评估');
  await codebook.getByLabel('Name 5').press('Tab');
  await codebook.getByRole('button', { name: 'Close' }).click();
  await expect(full).toContainText('and 1 more');

  // Reading the column as printed: the switch is held too.
  await libraryItems(page).filter({ hasText: 'column.txt' }).getByRole('button').first().click();
  const reflow = reader(page).getByLabel('Reflow lines');
  await expect(reflow).toBeChecked();
  await reflow.click();
  await expect(full).toContainText('and 2 more');
  await expect(page.getByRole('alert')).toHaveCount(1);

  // An import is refused whole, by name, in its own notice; the library is unchanged.
  await app.openFiles([gb18030File()]);
  await expect(page.getByRole('alert').filter({ hasText: 'neimenggu-gb.txt' })).toContainText(
    'disk is full',
  );
  await expect(libraryItems(page)).toHaveCount(2);
  // Shown as its write began, it is taken back: the column read before it is open again.
  await expect(reader(page)).toContainText('column.txt');
  await expect(reader(page)).not.toContainText('neimenggu-gb.txt');
  await page
    .getByRole('alert')
    .filter({ hasText: 'neimenggu-gb.txt' })
    .getByRole('button', { name: 'Dismiss' })
    .click();
  await expect(page.getByText('QuotaExceededError')).toHaveCount(0);

  // Space returns: everything held is written, and the notice says so.
  await freeDisk(page);
  await full.getByRole('button', { name: 'Try again' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Space is available again' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await app.restart();
  await expect(reader(page).getByLabel('Reflow lines')).not.toBeChecked();
  await libraryItems(page)
    .filter({ hasText: 'Regional budget' })
    .getByRole('button')
    .first()
    .click();
  await expect(annotationItems(page)).toHaveCount(2);
  await expect(reader(page).getByRole('heading', { name: 'Regional budget, March' })).toBeVisible();
  const again = annotationItems(page).filter({ hasText: 'grew by 5.8 percent' });
  await expandAnnotation(again);
  await expect(again.getByLabel('Note')).toHaveValue(typed);
  await expect(annotationItems(page).filter({ hasText: 'cut coal use' })).toContainText(
    'Target 目标',
  );
  await expect(bar.getByRole('button', { name: /Assessment 评估/ })).toBeVisible();

  await session.close();
  expect(app.problems, 'console errors and network requests').toEqual([]);
});
