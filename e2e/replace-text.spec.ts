import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { storedRecords } from './library-state';
import { annotationItems, reader, replaceTextWith, selectText } from './reader';

const CROPS = ['稻谷', '小麦', '玉米', '大豆', '油料', '棉花', '糖料', '蔬菜', '水果', '茶叶'];
const PARAGRAPHS = CROPS.map(
  (crop, i) => `据统计局介绍，今年${crop}总产量比上年增长${i + 1}.5个百分点，各地收购进度正常。`,
);
/** Quotes in the second, fourth, seventh and tenth paragraphs. */
const PHRASES = [1, 3, 6, 9].map((i) => `${CROPS[i]!}总产量比上年增长${i + 1}.5个百分点`);
const V1 = ['粮食生产报告', '', ...PARAGRAPHS].join('\n');
/** A note above everything, and the fifth paragraph (not annotated) gone: every highlight after them moves. */
const V2 = ['编者按：数据为初步统计。', ...V1.split('\n').filter((l) => l !== PARAGRAPHS[4])].join(
  '\n',
);

interface Stored {
  text: string;
  records: { quote: string; start: number; end: number; orphaned?: boolean }[];
  steps: number;
  gens: number[];
}

/** The text, annotation records and pending shift steps as IndexedDB holds them, below the app. */
async function stored(page: Page): Promise<Stored> {
  const s = await storedRecords(page, {
    texts: 'records',
    annotations: ['quote', 'start', 'end', 'orphaned'],
    shifts: 'records',
  });
  const texts = s['texts'] as { text: string }[];
  const shifts = s['shifts'] as { gen: number; steps: unknown[] }[];
  return {
    text: texts[0]?.text ?? '',
    records: s['annotations'] as Stored['records'],
    steps: shifts.reduce((n, x) => n + x.steps.length, 0),
    gens: shifts.map((x) => x.gen),
  };
}

test('a replaced text keeps every highlight on its words, as stored once compacted and after a restart', async ({
  app,
}) => {
  const { page } = app;
  await app.openFiles([{ name: '粮食.txt', bytes: Buffer.from(V1, 'utf8') }]);
  for (const [i, phrase] of PHRASES.entries()) {
    await reader(page).locator('.cm-line', { hasText: phrase }).scrollIntoViewIfNeeded();
    await selectText(page, phrase);
    await page.keyboard.press('1');
    await expect(annotationItems(page)).toHaveCount(i + 1);
    // Asked after the first tag (it takes room from the reader): answered.
    if (i === 0) {
      const prompt = page.getByRole('region', { name: /Who is coding/ });
      await prompt.getByRole('textbox', { name: 'Your name' }).fill('李明');
      await prompt.getByRole('button', { name: 'Save' }).click();
      await expect(prompt).toHaveCount(0);
    }
  }
  await expect(annotationItems(page)).toHaveCount(PHRASES.length);

  await replaceTextWith(page, { name: '粮食-v2.txt', buffer: Buffer.from(V2, 'utf8') });

  await expect(page.getByRole('status').filter({ hasText: 'Replaced the text' })).toContainText(
    `${PHRASES.length} moved`,
  );
  await expect(reader(page)).toContainText('编者按：数据为初步统计。');
  await expect(reader(page).locator('.cm-hl')).toHaveText(PHRASES);
  await expect(annotationItems(page)).toHaveCount(PHRASES.length);

  // The moves were kept in one step (the first generation), and the records
  // were rewritten behind it, so the step is gone.
  await expect.poll(async () => (await stored(page)).steps).toBe(0);
  const { text, records, gens } = await stored(page);
  expect(gens).toEqual([1]);
  expect(text).toBe(V2);
  expect(records.map((r) => text.slice(r.start, r.end)).sort()).toEqual(
    records.map((r) => r.quote).sort(),
  );

  await page.reload();
  await expect(reader(page)).toContainText('编者按：数据为初步统计。');
  await expect(reader(page).locator('.cm-hl')).toHaveText(PHRASES);
});
