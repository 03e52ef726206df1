import iconv from 'iconv-lite';
import { parseAnnotationsCsv } from '../shared/csv';
import { WIDTHS, hardWrap, makeParagraphs } from '../shared/wrap-fixtures';
import { expect, test } from './fixtures';
import { annotationItems, reader, replaceTextWith, selectText } from './reader';

const FINAL = /[。！？；…”」）]$/;

/** A newspaper-column file and a phrase that the column split across two lines. */
function newspaperFile() {
  const wrapped = hardWrap(makeParagraphs('zh', 6, 11), {
    seed: 5,
    ...WIDTHS.zh,
    columnBreakChance: 0.25,
    standaloneChance: 0,
    blankBetweenChance: 0,
  });
  const lines = wrapped.text.split('\n');
  const unique = (s: string) => wrapped.text.replace(/\n/g, '').split(s).length === 2;
  for (let i = 0; i + 1 < lines.length; i++) {
    const [line, next] = [lines[i] ?? '', lines[i + 1] ?? ''];
    if (line.length < 8 || next.length < 4 || FINAL.test(line)) continue;
    const phrase = line.slice(-4) + next.slice(0, 4);
    if (!unique(phrase)) continue;
    // Another phrase, later and inside one line, to be edited away.
    for (let j = i + 3; j < lines.length; j++) {
      const doomed = (lines[j] ?? '').slice(2, 8);
      if (doomed.length === 6 && unique(doomed) && !/[，。、；：“”]/.test(doomed)) {
        return {
          wrapped,
          phrase,
          sourceLine: i + 1,
          sourceColumn: [...line].length - 4 + 1,
          doomed,
          doomedLine: j,
        };
      }
    }
  }
  throw new Error('the generated file has no phrase split across lines');
}

test('a hard-wrapped newspaper file reads as whole paragraphs and exports its source lines', async ({
  app,
}) => {
  const { page } = app;
  const f = newspaperFile();
  const bytes = iconv.encode(f.wrapped.text, 'gb18030');
  await app.openFiles([{ name: 'column.txt', bytes }]);

  await expect(page.getByRole('status').filter({ hasText: 'reflowed' })).toContainText(
    `into ${f.wrapped.paragraphs.length} paragraphs`,
  );
  const lines = reader(page).locator('.cm-line');
  await expect(lines).toHaveCount(f.wrapped.paragraphs.length);
  await expect(lines).toHaveText(f.wrapped.paragraphs);

  await selectText(page, f.phrase);
  await page.keyboard.press('1');
  await selectText(page, f.doomed);
  await page.keyboard.press('2');
  await expect(annotationItems(page)).toHaveCount(2);

  const rows = parseAnnotationsCsv((await app.exportCsv('document')).toString('utf8'));
  const row = rows.find((r) => r.quote === f.phrase);
  expect(row, 'the phrase that crossed a line break').toBeDefined();
  expect(row?.source_line).toBe(String(f.sourceLine));
  expect(row?.source_column).toBe(String(f.sourceColumn));

  // The same file as printed: the switch shows the original lines, the highlight follows.
  const toggle = reader(page).getByLabel('Reflow lines');
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  // The reader draws only the lines on screen; the first ones are the file's own.
  const printed = f.wrapped.text.split('\n');
  await expect(lines.nth(0)).toHaveText(printed[0] ?? '');
  await expect(lines.nth(1)).toHaveText(printed[1] ?? '');
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(lines).toHaveCount(f.wrapped.paragraphs.length);
  await expect(annotationItems(page).filter({ hasText: f.phrase })).toHaveCount(1);

  // A revised version: a new lead paragraph, and the doomed phrase rewritten.
  const revised = f.wrapped.text
    .split('\n')
    .map((line, i) => (i === f.doomedLine ? line.replace(f.doomed, '另作表述另作表') : line))
    .join('\n');
  await replaceTextWith(page, {
    name: 'column-v2.txt',
    buffer: iconv.encode(`编者按：本文有修订。\n\n${revised}`, 'gb18030'),
  });

  await expect(page.getByRole('status').filter({ hasText: 'Replaced the text' })).toContainText(
    '0 kept, 1 moved, 1 orphaned',
  );
  const orphans = page.getByRole('region', { name: 'Annotations' }).getByRole('region', {
    name: 'Orphaned',
  });
  await expect(orphans).toContainText(f.doomed);
  await expect(annotationItems(page).filter({ hasText: f.phrase })).toHaveCount(1);
  await expect(reader(page).locator('.cm-hl')).toHaveCount(1);
});
