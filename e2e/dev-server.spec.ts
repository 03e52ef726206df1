import { expect, test } from './fixtures';
import { annotationItems, reader, selectText } from './reader';
import { utf8File } from './samples';

// Runs in the web-dev project, against `npm run web`'s Vite dev server, where
// React's StrictMode runs every effect twice.

test('under the dev server the dialogs open and close, and key 1 tags a selection', async ({
  app,
}) => {
  const { page } = app;
  await app.openFiles([utf8File()]);
  await expect(reader(page)).toContainText('grew by 5.8 percent');

  await page.getByRole('button', { name: 'Codebook…' }).click();
  const codebook = page.getByRole('dialog', { name: 'Codebook' });
  await expect(codebook).toBeVisible();
  await expect(codebook.getByRole('textbox', { name: 'Name 1' })).toHaveValue('Statistic 数据');
  await codebook.getByRole('button', { name: 'Close' }).click();
  await expect(codebook).toBeHidden();

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  await expect(settings.getByLabel('Language')).toHaveValue('system');
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  await selectText(page, 'grew by 5.8 percent');
  await page.keyboard.press('1');
  await expect(annotationItems(page)).toHaveCount(1);
  await expect(annotationItems(page).first()).toContainText('Statistic 数据');
  await expect(reader(page).locator('.cm-hl')).toHaveCount(1);
  await expect(reader(page).locator('.cm-hl')).toHaveText('grew by 5.8 percent');
});
