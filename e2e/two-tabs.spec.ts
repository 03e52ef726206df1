import type { Page } from '@playwright/test';
import type { AppDriver } from './driver';
import { expect, test } from './fixtures';
import { annotationItems, expandAnnotation, libraryItems, reader, selectText } from './reader';
import { libraryState } from './library-state';
import { utf8File } from './samples';

// Two tabs of the web app on one profile share one IndexedDB, as two windows
// of one Claimmark would.
test.skip(({ target }) => target !== 'web', 'a second tab on one profile is the web target');

async function secondTab(app: AppDriver): Promise<Page> {
  const tab = await app.page.context().newPage();
  tab.on('pageerror', (error) => app.problems.push(`second tab: ${error.message}`));
  tab.on('console', (msg) => {
    if (msg.type() === 'error') app.problems.push(`second tab console error: ${msg.text()}`);
  });
  await tab.goto('/');
  return tab;
}

test('a note changed in another tab reaches a focused field here; the next keystroke builds on it', async ({
  app,
}) => {
  const { page } = app;
  await app.openFiles([utf8File()]);
  await selectText(page, 'grew by 5.8 percent');
  await page.keyboard.press('1');
  const item = annotationItems(page).first();
  await item.getByLabel('Note').fill('first thoughts');

  const other = await secondTab(app);
  await libraryItems(other).first().getByRole('button').first().click();
  const there = annotationItems(other).first();
  await expandAnnotation(there);
  await expect(there.getByLabel('Note')).toHaveValue('first thoughts');

  // This tab keeps the field focused while the other tab rewrites the note.
  await item.getByLabel('Note').focus();
  await there.getByLabel('Note').fill('checked against the yearbook');
  await there.getByLabel('Note').blur();
  await expect(item.getByLabel('Note')).toHaveValue('checked against the yearbook');
  await item.getByLabel('Note').press('End');
  await item.getByLabel('Note').pressSequentially('!');
  // The other tab's words survive the stale tab's keystroke.
  await expect(there.getByLabel('Note')).toHaveValue('checked against the yearbook!');
  await other.close();
});

test('tagging in one tab while the document is deleted in another leaves no annotation without it', async ({
  app,
}) => {
  const { page } = app;
  await app.openFiles([utf8File()]);
  const other = await secondTab(app);
  await libraryItems(other).first().getByRole('button').first().click();
  await expect(reader(other)).toContainText('grew by 5.8 percent');

  // Forty spans of three characters, each tagged with key 1, as fast as keys go.
  await reader(other)
    .locator('.cm-line')
    .nth(2)
    .click({ position: { x: 2, y: 5 } });
  await other.keyboard.press('Home');
  const tagging = (async () => {
    for (let i = 0; i < 40; i++) {
      for (let k = 0; k < 3; k++) await other.keyboard.press('Shift+ArrowRight');
      await other.keyboard.press('1');
      await other.keyboard.press('ArrowRight');
    }
  })();
  await expect.poll(async () => (await libraryState(page)).annotations).toBeGreaterThan(3);
  await page.getByRole('button', { name: 'Delete document: Budget claims under scrutiny' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete document' }).click();
  await tagging;
  await expect(libraryItems(page)).toHaveCount(0);
  expect(await libraryState(page)).toMatchObject({ annotations: 0, strays: 0 });
  // Key presses that came after the delete are refused once, not one notice each.
  await expect(
    other.getByRole('alert').filter({ hasText: 'the document was deleted' }),
  ).toHaveCount(
    (await other.getByRole('alert').filter({ hasText: 'the document was deleted' }).count()) > 0
      ? 1
      : 0,
  );

  // The library's backup restores.
  await app.openFiles([utf8File()]);
  await page.getByRole('button', { name: 'Export ▾', exact: true }).click();
  const backup = await app.exportCsvFrom(page.getByRole('menuitem', { name: 'Backup (JSON)' }));
  await page.getByRole('button', { name: 'Settings' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore from backup…' }).click();
  await (await chooser).setFiles({ name: 'b.json', mimeType: 'application/json', buffer: backup });
  await page.getByRole('dialog').getByRole('button', { name: 'Replace library' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();
  await other.close();
});

test('a newer Claimmark upgrading the library in another tab: this one says once to reload', async ({
  app,
}) => {
  const { page } = app;
  await app.openFiles([utf8File()]);
  await selectText(page, 'grew by 5.8 percent');
  await page.keyboard.press('1');
  const version = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('claimmark');
        open.onsuccess = () => {
          resolve(open.result.version);
          open.result.close();
        };
      }),
  );
  // A newer release in another window, stood in for by a page of the same origin
  // that is not this app: on start it opens the library at a higher version.
  const newer = await app.page.context().newPage();
  await newer.goto('/favicon.svg');
  await newer.evaluate(
    (v) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('claimmark', v + 10);
        open.onsuccess = () => resolve();
        open.onerror = () => reject(open.error);
      }),
    version,
  );
  const told = page.getByRole('alert').filter({ hasText: 'Reload this window' });
  await expect(told).toHaveCount(1);
  // Edits now fail; they add no notice of their own.
  const item = annotationItems(page).first();
  await item.getByLabel('Note').pressSequentially('typed after the upgrade', { delay: 20 });
  await selectText(page, 'cut coal use');
  await page.keyboard.press('2');
  await expect(told).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(told.getByRole('button', { name: 'Reload' })).toBeVisible();
  await newer.close();
});
