import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { watchPage, type AppDriver } from './driver';

/** `beforeLoad` runs on the new page before the app first loads (and touches storage). */
export async function launchWeb(
  browser: Browser,
  baseURL: string,
  beforeLoad?: (page: Page) => Promise<void>,
): Promise<{ app: AppDriver; close(): Promise<void> }> {
  // A fresh context is a fresh profile: an empty IndexedDB for every test.
  const context = await browser.newContext({ baseURL, acceptDownloads: true, locale: 'en-US' });
  const problems: string[] = [];
  const isLocal = (url: string) =>
    url.startsWith(baseURL) || url.startsWith('blob:') || url.startsWith('data:');
  // Anything off the page's origin is refused, so no byte leaves the machine.
  await context.route(
    (url) => !isLocal(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  watchPage(page, problems, isLocal);
  await beforeLoad?.(page);
  await page.goto('/');

  const app: AppDriver = {
    page,
    problems,
    async openFiles(files) {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open files' }).click();
      await (
        await chooser
      ).setFiles(files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: f.bytes })));
    },
    async restart() {
      await page.reload();
    },
    async exportCsv(scope) {
      await page.getByRole('button', { name: 'Export ▾', exact: true }).click();
      return app.exportCsvFrom(
        page.getByRole('menuitem', {
          name: scope === 'document' ? 'CSV: current document' : 'CSV: whole library',
        }),
      );
    },
    async exportCsvFrom(button) {
      const download = page.waitForEvent('download');
      await button.click();
      return readFile(await (await download).path());
    },
  };
  return { app, close: () => context.close() };
}
