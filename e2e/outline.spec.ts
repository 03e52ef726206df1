import { parseAnnotationsCsv } from '../shared/csv';
import { expect, test } from './fixtures';
import { reader, selectText } from './reader';

const filler = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `第${i + 1}段：地区经济保持平稳增长，各项指标稳中有进，社会大局和谐稳定。`,
  );

/** Two articles in one file, as newspapers publish them. */
const PAPER = [
  '《人民日报》(2025年01月17日 第02版)',
  '把祖国北疆这道风景线打造得更加亮丽',
  '本报记者 张三',
  ...filler(12),
  '加快步入高质量发展良性循环',
  ...filler(12),
  '《经济日报》(2025年01月18日 第03版)',
  '草原牧区的新变化',
  '记者 李四',
  '牧民收入连续五年增长，合作社覆盖全部嘎查。',
  ...filler(20),
].join('\n');

test('the outline lists the articles and headings, jumps to them, and can be corrected', async ({
  app,
}) => {
  const { page } = app;
  await app.openFiles([{ name: 'paper.txt', bytes: Buffer.from(PAPER, 'utf8') }]);
  const outline = page.getByRole('region', { name: 'Outline' });
  await expect(
    outline.getByRole('button', { name: '把祖国北疆这道风景线打造得更加亮丽', exact: true }),
  ).toBeVisible();
  await expect(
    outline.getByRole('button', { name: '加快步入高质量发展良性循环', exact: true }),
  ).toBeVisible();
  await expect(
    outline.getByRole('button', { name: '草原牧区的新变化', exact: true }),
  ).toBeVisible();

  // The last article starts far below the fold; the outline takes the reader there.
  const lastTitle = reader(page).locator('.cm-line', { hasText: '草原牧区的新变化' });
  await outline.getByRole('button', { name: '草原牧区的新变化', exact: true }).click();
  await expect(lastTitle).toBeInViewport();
  await expect(lastTitle).toHaveClass(/cm-heading/);

  // The analyst disagrees with one heading and makes a sentence a heading instead.
  await outline.getByRole('button', { name: 'Not a heading: 加快步入高质量发展良性循环' }).click();
  await expect(
    outline.getByRole('button', { name: '加快步入高质量发展良性循环', exact: true }),
  ).toHaveCount(0);
  await reader(page).locator('.cm-line', { hasText: '牧民收入连续五年增长' }).click();
  await outline.getByRole('button', { name: 'Mark line as heading' }).click();
  await expect(outline.getByRole('button', { name: /^牧民收入连续五年增长/ })).toBeVisible();

  // Each annotation's section is the nearest heading above it.
  await outline
    .getByRole('button', { name: '把祖国北疆这道风景线打造得更加亮丽', exact: true })
    .click();
  await selectText(page, '第3段：地区经济保持平稳增长');
  await page.keyboard.press('1');
  const rows = parseAnnotationsCsv((await app.exportCsv('document')).toString('utf8'));
  expect(rows.map((r) => r.section)).toEqual(['把祖国北疆这道风景线打造得更加亮丽']);
});
