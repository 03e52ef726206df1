import { parseAnnotationsCsv } from '../shared/csv';
import { expect, test } from './fixtures';
import { annotationItems, clickText, expandAnnotation, reader, selectText } from './reader';
import { ENGLISH, utf8File } from './samples';

test('highlight, tag, overlap, note — kept across a restart and exported as CSV', async ({
  app,
}) => {
  const { page } = app;
  await app.openFiles([utf8File()]);
  await expect(reader(page)).toContainText('grew by 5.8 percent');

  // Key 1 tags the selection with the first category.
  await selectText(page, 'grew by 5.8 percent');
  await page.keyboard.press('1');
  await expect(annotationItems(page)).toHaveCount(1);
  await expect(annotationItems(page).first()).toContainText('Statistic 数据');

  // A click on a category does the same.
  await selectText(page, 'cut coal use by a fifth before 2030');
  await page
    .getByRole('toolbar', { name: 'Categories' })
    .getByRole('button', { name: 'Target 目标' })
    .click();
  await expect(annotationItems(page)).toHaveCount(2);

  // An overlapping highlight.
  await selectText(page, 'a fifth before 2030, according to the plan');
  await page.keyboard.press('3');
  await expect(annotationItems(page)).toHaveCount(3);
  await expect(reader(page).locator('.cm-hl .cm-hl, .cm-hl + .cm-hl').first()).toBeVisible();

  // Clicking where two highlights overlap asks which one is meant.
  await clickText(page, 'a fifth');
  const chooser = page.getByRole('dialog', { name: 'Choose an annotation' });
  await expect(chooser.getByRole('button')).toHaveCount(2);
  await chooser.getByRole('button', { name: /^a fifth before 2030, according/ }).click();
  await expect(annotationItems(page).filter({ hasText: 'according to the plan' })).toHaveAttribute(
    'aria-current',
    'true',
  );

  // A second category on an existing highlight: click it, press its key.
  await clickText(page, '5.8 percent');
  await page.keyboard.press('2');
  const first = annotationItems(page).filter({ hasText: 'grew by 5.8 percent' });
  await expect(first).toContainText('Statistic 数据');
  await expect(first).toContainText('Target 目标');
  await expect(annotationItems(page)).toHaveCount(3);

  await first.getByLabel('Note').fill('Check against the statistical yearbook, 统计年鉴');
  await expect(page.getByRole('list', { name: 'Library' })).toContainText('3 annotations');

  await app.restart();
  await expect(annotationItems(app.page)).toHaveCount(3);
  const again = annotationItems(app.page).filter({ hasText: 'grew by 5.8 percent' });
  await expect(again).toContainText('Target 目标');
  // Nothing is selected after a restart: every row is a summary, showing the note's first line.
  await expect(again).toContainText('Check against the statistical yearbook');
  await expandAnnotation(again);
  await expect(again.getByLabel('Note')).toHaveValue(
    'Check against the statistical yearbook, 统计年鉴',
  );
  await expect(
    app.page.getByRole('toolbar', { name: 'Categories' }).getByRole('button'),
  ).toHaveCount(6);

  const rows = parseAnnotationsCsv((await app.exportCsv('document')).toString('utf8'));
  const quotes = rows.map((r) => r.quote).sort();
  expect(quotes).toEqual(
    [
      'a fifth before 2030, according to the plan',
      'cut coal use by a fifth before 2030',
      'grew by 5.8 percent',
    ].sort(),
  );
  const codePoints = [...ENGLISH];
  for (const row of rows) {
    expect(codePoints.slice(Number(row.start), Number(row.end)).join('')).toBe(row.quote);
    expect(row.document_file).toBe('budget-claims.txt');
  }
  const yearbook = rows.find((r) => r.quote === 'grew by 5.8 percent');
  expect(yearbook?.categories).toBe('Statistic 数据; Target 目标');
  expect(yearbook?.note).toBe('Check against the statistical yearbook, 统计年鉴');
});

test('deleting an annotation can be undone with Ctrl+Z', async ({ app }) => {
  const { page } = app;
  await app.openFiles([utf8File()]);
  await selectText(page, 'asked for an independent audit');
  await page.keyboard.press('5');
  await annotationItems(page).first().getByLabel('Note').fill('who asked?');
  await expect(page.getByRole('list', { name: 'Library' })).toContainText('1 annotation');

  await annotationItems(page).first().getByRole('button', { name: 'Delete annotation' }).click();
  await expect(annotationItems(page)).toHaveCount(0);
  await expect(reader(page).locator('.cm-hl')).toHaveCount(0);

  await page.keyboard.press('ControlOrMeta+z');
  await expect(annotationItems(page)).toHaveCount(1);
  await expect(annotationItems(page).first()).toContainText('asked for an independent audit');
  // The restored annotation is not selected: its row is a summary until opened.
  await expect(annotationItems(page).first()).toContainText('who asked?');
  await expandAnnotation(annotationItems(page).first());
  await expect(annotationItems(page).first().getByLabel('Note')).toHaveValue('who asked?');
  await expect(reader(page).locator('.cm-hl')).toHaveCount(1);
});
