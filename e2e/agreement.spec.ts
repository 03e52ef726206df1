import { characterKappa } from '../shared/agreement';
import { expect, test } from './fixtures';
import { annotationItems, reader, selectText } from './reader';
import { utf8File } from './samples';

test("a second analyst's backup is merged, and the Agreement view compares the two", async ({
  app,
}) => {
  const { page } = app;
  await app.openFiles([utf8File()]);
  await selectText(page, 'grew by 5.8 percent');
  await page.keyboard.press('1');
  await expect(annotationItems(page)).toHaveCount(1);
  const prompt = page.getByRole('region', { name: /Who is coding/ });
  await prompt.getByRole('textbox', { name: 'Your name' }).fill('Lead');
  await prompt.getByRole('button', { name: 'Save' }).click();

  // Li's backup: the same document, the same span a little wider, under Li's name.
  await page.getByRole('button', { name: 'Export ▾', exact: true }).click();
  const mine = await app.exportCsvFrom(page.getByRole('menuitem', { name: 'Backup (JSON)' }));
  const backup = JSON.parse(mine.toString('utf8'));
  const text: string = backup.texts[0].text;
  const wide = 'economy grew by 5.8 percent';
  const start = text.indexOf(wide);
  const [lead] = backup.annotations;
  backup.annotations = [
    {
      ...lead,
      id: 'li-1',
      start,
      end: start + wide.length,
      quote: wide,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(start + wide.length, start + wide.length + 32),
      createdBy: 'Li',
      updatedBy: 'Li',
    },
  ];

  await page.getByRole('button', { name: 'Import ▾', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Another analyst’s work…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'li.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Merged “li.json”' })).toContainText(
    '1 annotations added, 0 updated',
  );

  await page.getByRole('button', { name: 'Agreement', exact: true }).click();
  const view = page.getByRole('region', { name: 'Agreement' });
  await expect(view.getByRole('status')).toHaveText('Documents coded by all of them: 1');
  const category = backup.categories.find((c: { id: string }) => c.id === lead.categoryIds[0]);
  const row = view
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: category.name }) });
  // In code points: the text holds one character outside the BMP, before both spans.
  const cp = (i: number) => [...text.slice(0, i)].length;
  const kappa = characterKappa(
    [...text].length,
    [{ coder: 'Lead', start: cp(lead.start), end: cp(lead.end) }],
    [{ coder: 'Li', start: cp(start), end: cp(start + wide.length) }],
  );
  await expect(row.getByRole('cell').nth(1)).toHaveText(kappa.toFixed(3));

  await view.getByRole('button', { name: 'Open in the reader: grew by 5.8 percent' }).click();
  await expect(reader(page)).toContainText('grew by 5.8 percent');
});
