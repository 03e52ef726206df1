import { expect, test } from './fixtures';
import { annotationItems, expandAnnotation, libraryItems, reader, selectText } from './reader';
import { gb18030File, utf8File } from './samples';

test('rename and delete a document; deleting asks first and says how many annotations go', async ({
  app,
}) => {
  const { page } = app;
  await app.openFiles([utf8File(), gb18030File()]);
  await expect(libraryItems(page)).toHaveCount(2);
  await page.getByRole('button', { name: /^Budget claims/ }).click();
  await selectText(page, 'grew by 5.8 percent');
  await page.keyboard.press('1');
  await expect(annotationItems(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Rename document: Budget claims under scrutiny' }).click();
  await page.getByLabel('Document title').fill('Regional budget, March');
  await page.getByLabel('Document title').press('Enter');
  await expect(reader(page).getByRole('heading', { name: 'Regional budget, March' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title');
  await expect(libraryItems(page).first()).toContainText('Regional budget, March');

  await page.getByRole('button', { name: 'Delete document: Regional budget, March' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Its annotations (1) will be removed');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(libraryItems(page)).toHaveCount(2);

  await page.getByRole('button', { name: 'Delete document: Regional budget, March' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete document' }).click();
  await expect(libraryItems(page)).toHaveCount(1);
  await expect(page.getByText('No document open')).toBeVisible();

  await app.restart();
  await expect(libraryItems(app.page)).toHaveCount(1);
  await expect(libraryItems(app.page)).toContainText('内蒙古经济稳步增长');
});

test('the codebook can be edited and a category in use deleted after a warning', async ({
  app,
}) => {
  const { page } = app;
  await app.openFiles([utf8File()]);
  await selectText(page, 'unrealistic, at best');
  await page.keyboard.press('5');
  await expect(annotationItems(page).first()).toContainText('Assessment 评价');

  const bar = page.getByRole('toolbar', { name: 'Categories' });
  await bar.getByRole('button', { name: 'Codebook' }).click();
  const codebook = page.getByRole('dialog', { name: 'Codebook' });
  await codebook.getByRole('button', { name: 'Add category' }).click();
  await codebook.getByLabel('Name 6').fill('Prediction 预测');
  await codebook.getByLabel('Name 6').press('Tab');
  await codebook.getByRole('button', { name: 'Move up: Prediction 预测' }).click();
  await codebook.getByRole('button', { name: 'Delete category: Assessment 评价' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: 'It is used by 1 annotation(s)' });
  await confirm.getByRole('button', { name: 'Delete category' }).click();
  await codebook.getByRole('button', { name: 'Close' }).click();

  // Key 5 now means the new category, which moved into fifth place.
  await expect(bar.getByRole('button')).toHaveText([
    /Statistic/,
    /Target/,
    /Policy/,
    /Attribution/,
    /Prediction 预测/,
    /Codebook/,
  ]);
  await expect(annotationItems(page)).toHaveCount(1);
  await expect(annotationItems(page).first()).not.toContainText('Assessment');
  await selectText(page, 'independent audit');
  await page.keyboard.press('5');
  await expect(annotationItems(page).filter({ hasText: 'independent audit' })).toContainText(
    'Prediction 预测',
  );

  await app.restart();
  await expect(
    app.page
      .getByRole('toolbar', { name: 'Categories' })
      .getByRole('button', { name: 'Prediction 预测' }),
  ).toBeVisible();
});

test('the interface follows the system language and can be switched in settings', async ({
  app,
}) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox').selectOption('zh');
  await expect(page.getByRole('button', { name: '打开文件' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  await app.restart();
  await expect(app.page.getByRole('button', { name: '打开文件' })).toBeVisible();
  await expect(app.page.getByRole('region', { name: '标注' })).toBeVisible();
});

test('files dropped on the window are opened', async ({ app, target }) => {
  test.skip(
    target !== 'web',
    'Drag and drop from the desktop is not scriptable in Electron; the web target covers the drop handler.',
  );
  const { page } = app;
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(
      new File(['第一行标题\n\n正文：增长百分之五。'], 'dropped.txt', { type: 'text/plain' }),
    );
    return dt;
  });
  await page.locator('.app').dispatchEvent('dragenter', { dataTransfer });
  await page.locator('.app').dispatchEvent('drop', { dataTransfer });
  await expect(libraryItems(page)).toHaveCount(1);
  await expect(reader(page)).toContainText('正文：增长百分之五。');
});

test('a JSON backup restores the library exactly; a malformed one is refused', async ({ app }) => {
  const { page } = app;
  await app.openFiles([utf8File(), gb18030File()]);
  await selectText(page, '增速居全国前列');
  await page.keyboard.press('2');
  await annotationItems(page).first().getByLabel('Note').fill('核对统计公报');

  await page.getByRole('button', { name: 'Export ▾', exact: true }).click();
  const backup = await app.exportCsvFrom(page.getByRole('menuitem', { name: 'Backup (JSON)' }));
  expect(JSON.parse(backup.toString('utf8')).documents).toHaveLength(2);

  await page.getByRole('button', { name: 'Delete document: 内蒙古经济稳步增长' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete document' }).click();
  await expect(libraryItems(page)).toHaveCount(1);

  const restore = async (name: string, buffer: Buffer) => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Restore from backup…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer });
  };
  await restore('broken.json', Buffer.from('{"format": "claimmark-backup", "version": 1}'));
  await expect(page.getByRole('alert')).toContainText('Could not restore “broken.json”');
  await expect(libraryItems(page)).toHaveCount(1);

  await restore('claimmark-backup.json', backup);
  await page.getByRole('dialog').getByRole('button', { name: 'Replace library' }).click();
  await expect(libraryItems(page)).toHaveCount(2);
  await page
    .getByRole('list', { name: 'Library' })
    .getByRole('button', { name: /^内蒙古经济稳步增长/ })
    .click();
  // Found by its quote, so it cannot be a row of the document open before the click.
  const item = annotationItems(page).filter({ hasText: '增速居全国前列' });
  await expandAnnotation(item);
  await expect(item.getByLabel('Note')).toHaveValue('核对统计公报');
});
