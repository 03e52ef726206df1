import { parseAnnotationsCsv } from '../shared/csv';
import { expect, test } from './fixtures';
import { annotationItems, expandAnnotation, libraryItems, reader } from './reader';

/** An interview answer: three sentences with checkable figures among ones without. */
const ANSWER = [
  '我们牢固树立新发展理念，推动经济实现质的有效提升和量的合理增长。',
  '去年全区新能源装机达到1.35亿千瓦，储能装机突破1000万千瓦。',
  '2025年是“十四五”规划收官之年。',
  '今年的目标是，力争新增4000万千瓦装机。',
  '一是优化产业结构。',
  '全区港口吞吐量达到3.2亿吨，比上年有所增加。',
].join('\n');
const file = (name: string, text: string) => ({ name, bytes: Buffer.from(text, 'utf8') });

test('suggested claims: accept one by key, dismiss one, and both stay so after a restart', async ({
  app,
}) => {
  const { page } = app;
  await app.openFiles([file('answer.txt', ANSWER)]);
  const tab = page.getByRole('tab', { name: /^Suggestions/ });
  await expect(tab).toHaveText('Suggestions 3');
  // Underlined in the reader, with how each figure was read.
  const underlined = reader(page).locator('.cm-suggestion');
  await expect(underlined).toHaveCount(3);
  await expect(underlined.first()).toHaveAttribute('title', /1\.35亿千瓦 = 135,000,000 千瓦/);

  await page.keyboard.press('g');
  await expect(page.getByRole('region', { name: 'Suggestions' })).toBeVisible();
  await page.keyboard.press('a'); // accepted into the category its kind maps to
  await expect(page.getByText('Accepted as Statistic 数据.')).toBeVisible();
  await expect(tab).toHaveText('Suggestions 2');
  await page.keyboard.press('g');
  await expect(
    page.getByRole('region', { name: 'Suggestions' }).locator('.suggestion.current'),
  ).toContainText('今年的目标是');
  await page.keyboard.press('x');
  await expect(tab).toHaveText('Suggestions 1');
  await expect(underlined).toHaveCount(1);
  // Dismissing is undone and redone like any edit.
  await page.keyboard.press('Control+z');
  await expect(tab).toHaveText('Suggestions 2');
  await page.keyboard.press('Control+Shift+z');
  await expect(tab).toHaveText('Suggestions 1');

  await app.restart();
  await expect(page.getByRole('tab', { name: /^Suggestions/ })).toHaveText('Suggestions 1');
  await expect(page.getByRole('tab', { name: /^Annotations/ })).toHaveText('Annotations 1');
  await page.getByRole('tab', { name: /^Annotations/ }).click();
  await expect(annotationItems(page)).toHaveCount(1);
  await expect(annotationItems(page).first()).toContainText('1.35亿千瓦');
  await expect(annotationItems(page).first()).toContainText('Statistic 数据');

  // The CSV carries the figures of the accepted claim.
  const [row] = parseAnnotationsCsv((await app.exportCsv('document')).toString('utf8'));
  expect(row?.quantities).toBe('1.35亿千瓦=135000000 千瓦; 1000万千瓦=10000000 千瓦');
  expect([row?.value, row?.unit]).toEqual(['135000000', '千瓦']);
});

test('the same claim in another document shows “also in”, a changed figure “differs”', async ({
  app,
}) => {
  const { page } = app;
  const documents = [
    file('people.txt', '人民日报专访\n全区港口吞吐量达到3.2亿吨，比上年有所增加。'),
    file('xinhua.txt', '新华社专访\n据介绍，全区港口吞吐量达到3.2亿吨。'),
    file('economic.txt', '经济日报专访\n全区港口吞吐量达到2.9亿吨，创历史新高。'),
  ];
  for (const [i, d] of documents.entries()) {
    await app.openFiles([d]);
    await page.getByRole('tab', { name: /^Suggestions/ }).click();
    // Before it is accepted, a suggestion already says where else its claim is annotated.
    const suggestion = page.getByRole('region', { name: 'Suggestions' }).getByRole('listitem');
    // G acts on the suggestions shown: pressed before the detector has answered, it does nothing.
    await expect(suggestion).toHaveCount(1);
    if (i === 1) await expect(suggestion).toContainText('also in 1');
    if (i === 2) await expect(suggestion).toContainText('differs in 2');
    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await expect(page.getByRole('tab', { name: /^Annotations/ })).toHaveText('Annotations 1');
  }
  await page.getByRole('tab', { name: /^Annotations/ }).click();
  await libraryItems(page).filter({ hasText: '人民日报专访' }).getByRole('button').first().click();
  // Until the click has opened it, the panel still lists the last document's annotation.
  await expect(reader(page)).toContainText('比上年有所增加');
  const item = annotationItems(page).first();
  await expect(item).toContainText('3.2亿吨');
  await expandAnnotation(item);
  await expect(item.getByRole('group', { name: 'Figures' })).toHaveText('3.2亿吨 = 320,000,000 吨');
  await expect(item).toContainText('Also in 1 document(s): “新华社专访”');
  await expect(item).toContainText('Differs in 1: 2.9亿吨 in “经济日报专访”');

  const rows = parseAnnotationsCsv((await app.exportCsv('library')).toString('utf8'));
  const people = rows.find((r) => r.document_title === '人民日报专访');
  expect([people?.repeated_in, people?.conflicts_with]).toEqual(['新华社专访', '经济日报专访']);
});
