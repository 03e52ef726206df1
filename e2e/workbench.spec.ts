import { parseAnnotationsCsv } from '../shared/csv';
import { expect, test } from './fixtures';
import { annotationItems, clickText, libraryItems, reader } from './reader';
import { gb18030File, utf8File } from './samples';

test('find with a full-width digit, tag the match; S selects a sentence; claim fields reach the CSV', async ({
  app,
}) => {
  const { page } = app;
  await app.openFiles([gb18030File()]);
  await expect(reader(page)).toContainText('增长5.8%');

  await page.keyboard.press('ControlOrMeta+f');
  const find = page.getByRole('searchbox', { name: 'Find in document' });
  await find.fill('增长５．８');
  await expect(page.getByRole('search')).toContainText('1 of 1');
  await find.press('Escape');
  await page.keyboard.press('1');
  await expect(annotationItems(page).first()).toContainText('增长5.8');

  // S snaps the selection to the sentence around the cursor.
  await clickText(page, '煤炭消费比重');
  await page.keyboard.press('s');
  await page.keyboard.press('2');
  const sentence = annotationItems(page).filter({ hasText: '自治区政府表示' });
  await expect(sentence.getByRole('button').first()).toHaveText(
    '自治区政府表示，将在2030年前把煤炭消费比重降低五分之一。',
  );

  await sentence.getByLabel('Status').selectOption('disputed');
  await sentence.getByLabel('Speaker / source').fill('自治区政府');
  await sentence.getByLabel('Evidence').fill('《政府工作报告》2025');
  await expect(sentence.getByLabel('Speaker / source')).toHaveValue('自治区政府');

  const rows = parseAnnotationsCsv((await app.exportCsv('document')).toString('utf8'));
  const row = rows.find((r) => r.quote.startsWith('自治区政府表示'));
  expect([row?.status, row?.speaker, row?.evidence]).toEqual([
    'disputed',
    '自治区政府',
    '《政府工作报告》2025',
  ]);
  expect(rows.find((r) => r.quote === '增长5.8')?.status).toBe('unverified');
});

test('keyboard: J/K move between highlights, N writes the note, ? lists the shortcuts', async ({
  app,
}) => {
  const { page } = app;
  await app.openFiles([gb18030File()]);
  for (const [phrase, key] of [
    ['高质量发展', '1'],
    ['增速居全国前列', '2'],
    ['煤炭消费比重', '3'],
  ] as const) {
    await clickText(page, phrase);
    await page.keyboard.press('s');
    await page.keyboard.press(key);
  }
  await expect(annotationItems(page)).toHaveCount(3);
  const active = page.locator('.annotation.active');
  await page.keyboard.press('k');
  await expect(active).toContainText('2024年');
  await page.keyboard.press('k');
  await expect(active).toContainText('高质量发展');
  await page.keyboard.press('j');
  await expect(active).toContainText('2024年');

  await page.keyboard.press('n');
  await expect(active.getByLabel('Note')).toBeFocused();
  await page.keyboard.type('数字待核');
  await expect(active.getByLabel('Note')).toHaveValue('数字待核');

  await reader(page).locator('.cm-content').click();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
    'Next highlight',
  );
});

test('a codebook rename can be undone and redone with the keyboard', async ({ app }) => {
  const { page } = app;
  const bar = page.getByRole('toolbar', { name: 'Categories' });
  await bar.getByRole('button', { name: 'Codebook' }).click();
  const codebook = page.getByRole('dialog', { name: 'Codebook' });
  await codebook.getByLabel('Name 1').fill('Numbers 数字');
  await codebook.getByLabel('Name 1').press('Tab');
  await codebook.getByRole('button', { name: 'Close' }).click();
  await expect(bar.getByRole('button', { name: 'Numbers 数字' })).toBeVisible();

  await page.keyboard.press('ControlOrMeta+z');
  await expect(bar.getByRole('button', { name: 'Statistic 数据' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(bar.getByRole('button', { name: 'Numbers 数字' })).toBeVisible();
});

test('library search finds text, quotes and notes across documents and opens the place', async ({
  app,
}) => {
  const { page } = app;
  await app.openFiles([gb18030File(), utf8File()]);
  await clickText(page, 'independent audit');
  await page.keyboard.press('s');
  await page.keyboard.press('5');
  await annotationItems(page).first().getByLabel('Note').fill('审计署 2025 报告');

  await page.keyboard.press('ControlOrMeta+Shift+f');
  const search = page.getByRole('search', { name: 'Search library' });
  await search.getByRole('searchbox').fill('２０２');
  await expect(search).toContainText('matches in 2 documents');
  await search.getByRole('button', { name: /全区地区生产总值/ }).click();
  await expect(reader(page)).toContainText('内蒙古聚焦高质量发展');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('202');

  await search.getByRole('searchbox').fill('审计署');
  await search.getByRole('button', { name: /note/ }).click();
  await expect(page.locator('.annotation.active')).toContainText('independent audit');
});

test('library search sees documents added, notes written and documents deleted since the last search', async ({
  app,
}) => {
  const { page } = app;
  const search = page.getByRole('search', { name: 'Search library' });
  // The search worker keeps what it read; each search below must still find today's library.
  const searchFor = async (query: string, count: string) => {
    await page.keyboard.press('ControlOrMeta+Shift+f');
    await search.getByRole('searchbox').fill(query);
    await expect(search.locator('[aria-live]')).toHaveText(count);
    await search.getByRole('searchbox').press('Escape');
    await expect(search).toBeHidden();
  };
  await app.openFiles([utf8File()]);
  await searchFor('2030', '1 matches in 1 documents');

  await app.openFiles([gb18030File()]);
  await searchFor('2030', '2 matches in 2 documents');

  await page.getByRole('button', { name: /^Budget claims/ }).click();
  await clickText(page, 'independent audit');
  await page.keyboard.press('s');
  await page.keyboard.press('5');
  await annotationItems(page).first().getByLabel('Note').fill('target year 2030 questioned');
  await searchFor('2030', '3 matches in 2 documents');
  await searchFor('questioned', '1 matches in 1 documents');

  await page.getByRole('button', { name: 'Delete document: 内蒙古经济稳步增长' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete document' }).click();
  await expect(libraryItems(page)).toHaveCount(1);
  await searchFor('2030', '2 matches in 1 documents');
  await searchFor('内蒙古', '0 matches in 0 documents');
});
