import { readFile } from 'node:fs/promises';
import { parseAnnotationsCsv } from '../shared/csv';
import { expect, test } from './fixtures';
import { annotationItems, libraryItems, selectText } from './reader';
import { utf8File } from './samples';

test('the coder is asked once, recorded, and travels in a REFI-QDA project and Web Annotations', async ({
  app,
}) => {
  const { page } = app;
  await app.openFiles([utf8File()]);
  await selectText(page, 'grew by 5.8 percent');
  await page.keyboard.press('1');
  await expect(annotationItems(page)).toHaveCount(1);

  // Asked after the first tag; the name also goes to the annotation just made.
  const prompt = page.getByRole('region', { name: /Who is coding/ });
  await prompt.getByRole('textbox', { name: 'Your name' }).fill('李明');
  await prompt.getByRole('button', { name: 'Save' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(annotationItems(page).first()).toContainText('李明');
  const [row] = parseAnnotationsCsv((await app.exportCsv('document')).toString('utf8'));
  expect(row?.coder).toBe('李明');

  // The Export menu works from the keyboard and Escape closes it.
  const exportButton = page.getByRole('button', { name: 'Export ▾', exact: true });
  await exportButton.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Export formats' });
  await expect(menu.getByRole('menuitem', { name: 'CSV: current document' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'CSV: whole library' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(exportButton).toBeFocused();

  // Web Annotations: one annotation, its position slicing to its quote.
  await exportButton.click();
  const w3c = await app.exportCsvFrom(
    page.getByRole('menuitem', { name: 'Web Annotations (JSON-LD)' }),
  );
  const collection = JSON.parse(w3c.toString('utf8'));
  expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(collection.first.items[0].creator.name).toBe('李明');
  expect(collection.first.items[0].target.selector[0].exact).toBe('grew by 5.8 percent');

  // The project leaves, the document is deleted, and the project brings it back.
  await exportButton.click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'REFI-QDA project (.qdpx)' }).click();
  const qdpx = await readFile(await (await download).path());
  await page.getByRole('button', { name: /^Delete document/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete document' }).click();
  await expect(libraryItems(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Import ▾', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'REFI-QDA project (.qdpx)…' }).click();
  await (await chooser).setFiles({ name: 'team.qdpx', mimeType: 'application/zip', buffer: qdpx });
  await expect(page.getByRole('status').filter({ hasText: 'Imported “team.qdpx”' })).toContainText(
    '1 annotation(s) added, by 李明',
  );
  await expect(libraryItems(page)).toHaveCount(1);

  // A file that is not a project is refused, and nothing changes.
  await page.getByRole('button', { name: 'Import ▾', exact: true }).click();
  const again = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'REFI-QDA project (.qdpx)…' }).click();
  await (
    await again
  ).setFiles({ name: 'bad.qdpx', mimeType: 'application/zip', buffer: Buffer.from('no zip') });
  await expect(page.getByRole('alert')).toContainText(
    'Could not import “bad.qdpx”: not a zip archive',
  );
  await expect(libraryItems(page)).toHaveCount(1);
});
