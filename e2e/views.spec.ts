import { parseAnnotationsCsv } from '../shared/csv';
import { expect, test } from './fixtures';
import { annotationItems, clickText, expandAnnotation } from './reader';
import { gb18030File, utf8File } from './samples';
import type { Page } from '@playwright/test';

/** Tags a sentence (found by a phrase inside it) with the category on `key`. */
async function tagSentence(page: Page, phrase: string, key: string) {
  await clickText(page, phrase);
  await page.keyboard.press('s');
  await page.keyboard.press(key);
}

async function annotateTwoDocuments(
  page: Page,
  open: (f: ReturnType<typeof utf8File>[]) => Promise<void>,
) {
  await open([utf8File(), gb18030File()]);
  await page
    .getByRole('list', { name: 'Library' })
    .getByRole('button', { name: /^内蒙古经济稳步增长/ })
    .click();
  await tagSentence(page, '高质量发展', '1');
  await tagSentence(page, '增速居全国前列', '1');
  await tagSentence(page, '煤炭消费比重', '2');
  // The last one tagged is selected; another row opens into its editor with a click.
  const growth = annotationItems(page).filter({ hasText: '增速居全国前列' });
  await expandAnnotation(growth);
  await growth.getByLabel('Status').selectOption('disputed');
  await page
    .getByRole('list', { name: 'Library' })
    .getByRole('button', { name: /^Budget claims under scrutiny/ })
    .click();
  await tagSentence(page, 'grew by 5.8 percent', '1');
  await expect(annotationItems(page)).toHaveCount(1);
}

test('All annotations: filter by category and status, export only those rows', async ({ app }) => {
  const { page } = app;
  await annotateTwoDocuments(page, (f) => app.openFiles(f));

  await page.getByRole('button', { name: 'All annotations' }).click();
  const count = page.getByTestId('all-annotations-count');
  await expect(count).toHaveText('4 of 4 annotations');
  await page.getByRole('button', { name: /^Categories:/ }).click();
  await page.getByRole('group', { name: 'Categories' }).getByLabel('Statistic 数据').check();
  await expect(count).toHaveText('3 of 4 annotations');
  await page
    .getByRole('search', { name: /filter/i })
    .getByLabel('Disputed')
    .check();
  await expect(count).toHaveText('1 of 4 annotations');

  const rows = parseAnnotationsCsv(
    (
      await app.exportCsvFrom(page.getByRole('button', { name: 'Export these rows (CSV)' }))
    ).toString('utf8'),
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]?.quote).toBe('2024年全区地区生产总值增长5.8%，增速居全国前列。');
  expect(rows[0]?.status).toBe('disputed');

  // Choosing a row opens the document there.
  await page.getByRole('row', { name: /增速居全国前列/ }).click();
  await expect(page.locator('.annotation.active')).toContainText('增速居全国前列');
});

test('Statistics: a bar leads to the annotations behind it; both views in both themes', async ({
  app,
}, testInfo) => {
  const { page } = app;
  await annotateTwoDocuments(page, (f) => app.openFiles(f));
  await page.getByRole('button', { name: 'Statistics' }).click();
  await page.getByRole('button', { name: 'Statistic 数据: 3 annotations' }).click();
  await expect(page.getByTestId('all-annotations-count')).toHaveText('3 of 4 annotations');
  await expect(page.getByRole('row', { name: /grew by 5\.8 percent/ })).toBeVisible();

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByRole('button', { name: 'All annotations' }).click();
    await expect(page.getByRole('table')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`all-annotations-${scheme}.png`) });
    await page.getByRole('button', { name: 'Statistics' }).click();
    await expect(page.getByRole('group', { name: 'Annotations per category' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`statistics-${scheme}.png`) });
  }
});
