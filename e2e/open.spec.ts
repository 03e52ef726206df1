import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { expect, test } from './fixtures';
import { libraryItems, reader } from './reader';
import { big5File, binaryFile, CHINESE, gb18030File, TRADITIONAL, utf8File } from './samples';

test('opens a UTF-8 file and a GB18030 file and shows their text', async ({ app }) => {
  const { page } = app;
  await expect(page.getByText('Your library is empty')).toBeVisible();
  await app.openFiles([utf8File(), gb18030File()]);

  await expect(libraryItems(page)).toHaveCount(2);
  await page
    .getByRole('list', { name: 'Library' })
    .getByRole('button', { name: /^Budget claims under scrutiny/ })
    .click();
  await expect(reader(page)).toContainText('the regional economy grew by 5.8 percent');
  await expect(reader(page).getByLabel('Encoding')).toHaveValue('utf-8');

  await page
    .getByRole('list', { name: 'Library' })
    .getByRole('button', { name: /^内蒙古经济稳步增长/ })
    .click();
  await expect(reader(page)).toContainText('2024年全区地区生产总值增长5.8%，增速居全国前列。');
  await expect(reader(page).getByLabel('Encoding')).toHaveValue('gb18030');
  // CRLF became LF: no stray carriage returns in the reader.
  expect(await reader(page).locator('.cm-content').innerText()).not.toContain('\r');
});

test('opening the same content again opens the existing document', async ({ app }) => {
  await app.openFiles([utf8File()]);
  await expect(libraryItems(app.page)).toHaveCount(1);
  await app.openFiles([utf8File('copy-of-budget.txt')]);
  await expect(
    app.page.getByRole('status').filter({ hasText: 'already in the library' }),
  ).toBeVisible();
  await expect(libraryItems(app.page)).toHaveCount(1);
});

test('a binary file is refused with a message naming it and the library is unchanged', async ({
  app,
}) => {
  const { page } = app;
  await app.openFiles([utf8File()]);
  await expect(libraryItems(page)).toHaveCount(1);

  await app.openFiles([binaryFile('photo.txt'), gb18030File()]);
  await expect(page.getByRole('alert')).toContainText('photo.txt');
  await expect(page.getByRole('alert')).toContainText('not a text file');
  // The good file in the same batch is still imported; the bad one adds nothing.
  await expect(libraryItems(page)).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Library' })).not.toContainText('photo.txt');
});

test('a file can be reopened as another encoding when the guess is wrong', async ({ app }) => {
  const { page } = app;
  await app.openFiles([big5File()]);
  await expect(reader(page)).toContainText(TRADITIONAL);
  const encoding = reader(page).getByLabel('Encoding');
  await expect(encoding).toHaveValue('big5');

  await encoding.selectOption('gb18030');
  await expect(encoding).toHaveValue('gb18030');
  await expect(reader(page)).not.toContainText(TRADITIONAL);

  // Bytes that are not valid in the chosen encoding are refused, and nothing changes.
  await encoding.selectOption('utf-8');
  await expect(page.getByRole('alert')).toContainText('does not read as UTF-8');
  await expect(encoding).toHaveValue('gb18030');

  await encoding.selectOption('big5');
  await expect(reader(page)).toContainText(TRADITIONAL);
  await expect(libraryItems(page)).toHaveCount(1);
});

test('a file big enough for the decoder worker is stored byte for byte, and found again', async ({
  app,
}) => {
  const { page } = app;
  // 2 MB: over the size that moves decoding to the worker, which hands the bytes back to be stored.
  const text = `${'Worker-sized file\n\n'}${CHINESE.repeat(9000)}`;
  const big = { name: 'worker-sized.txt', bytes: iconv.encode(text, 'gb18030') };
  expect(big.bytes.length).toBeGreaterThan(1024 * 1024);
  await app.openFiles([big]);
  await expect(libraryItems(page)).toHaveCount(1);
  await expect(reader(page).getByLabel('Encoding')).toHaveValue('gb18030');
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('claimmark');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const [source] = await new Promise<{ bytes: Uint8Array }[]>((resolve, reject) => {
      const request = db.transaction('sources').objectStore('sources').getAll();
      request.onsuccess = () => resolve(request.result as { bytes: Uint8Array }[]);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const digest = await crypto.subtle.digest('SHA-256', source!.bytes as Uint8Array<ArrayBuffer>);
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  });
  expect(stored).toBe(createHash('sha256').update(big.bytes).digest('hex'));

  await app.openFiles([{ ...big, name: 'worker-sized copy.txt' }]);
  await expect(
    page.getByRole('status').filter({ hasText: 'already in the library' }),
  ).toBeVisible();
  await expect(libraryItems(page)).toHaveCount(1);
});
