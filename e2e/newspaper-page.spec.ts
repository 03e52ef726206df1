import { makePage } from '../shared/test-support/page-content';
import { typesetPage } from '../shared/test-support/typeset';
import { expect, test } from './fixtures';
import { reader } from './reader';

// A Chinese page set in 16-em columns 30 lines high, headlines printed after their
// article, as a PDF extractor gives it back (shared/test-support/typeset.ts).
const ARTICLES = makePage('zh', 26);
const PAGE = typesetPage(ARTICLES, {
  width: 16,
  height: 30,
  headlinesAfter: true,
  lang: 'zh',
  seed: 26,
});

test('a typeset newspaper page opens as whole articles under a true outline', async ({ app }) => {
  const { page } = app;
  await app.openFiles([{ name: 'page.txt', bytes: Buffer.from(PAGE.text, 'utf8') }]);

  // Every heading typeset, each article's headline first and its sections under it.
  const outline = page.getByRole('region', { name: 'Outline' });
  const reading = ARTICLES.flatMap((a) => [
    a.headline.join(''),
    ...a.sections.flatMap((s) => (s.heading ? [s.heading] : [])),
  ]);
  await expect(outline.getByRole('listitem')).toHaveCount(reading.length);
  const jumps = outline.locator('.outline-jump');
  await expect
    .poll(() => jumps.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))))
    .toEqual(reading);
  const withSubtitle = ARTICLES.find((a) => a.subtitle)!;
  await expect(
    outline.getByRole('listitem').filter({ hasText: withSubtitle.subtitle! }),
  ).toContainText(withSubtitle.headline.join(''));

  // The first paragraph reads whole, though the page broke it over several lines.
  const first = ARTICLES[0]!.sections[0]!.paragraphs[0]!;
  await expect(reader(page).locator('.cm-line', { hasText: first.slice(0, 12) })).toHaveText(first);

  // The document is named after its first headline, not its first sentence.
  const title = ARTICLES[0]!.headline.join('');
  await expect(page.getByRole('button', { name: `Rename document: ${title}` })).toBeVisible();
  await expect(reader(page).getByRole('heading', { name: title })).toBeVisible();
});
