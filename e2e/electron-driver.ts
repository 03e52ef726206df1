import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, expect, type ElectronApplication } from '@playwright/test';
import { watchPage, type AppDriver } from './driver';

const isLocal = (url: string) => /^(app|blob|data|devtools):/.test(url);

export async function launchElectron(
  executablePath: string,
): Promise<{ app: AppDriver; close(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'claimmark-profile-'));
  const files = await mkdtemp(join(tmpdir(), 'claimmark-files-'));
  const problems: string[] = [];
  let electron: ElectronApplication;

  const start = async () => {
    electron = await _electron.launch({
      executablePath,
      args: ['.'],
      env: { ...process.env, CLAIMMARK_USER_DATA_DIR: profile, LANG: 'en_US.UTF-8' },
    });
    const page = await electron.firstWindow();
    watchPage(page, problems, isLocal);
    await page.waitForLoadState('domcontentloaded');
    app.page = page;
  };

  const app: AppDriver = {
    page: undefined as never,
    problems,
    async openFiles(list) {
      const paths = await Promise.all(
        list.map(async (f) => {
          const p = join(files, f.name);
          await writeFile(p, f.bytes);
          return p;
        }),
      );
      // The native dialog cannot be driven; answer it from the main process.
      await electron.evaluate(({ dialog }, chosen) => {
        dialog.showOpenDialog = (async () => ({
          canceled: false,
          filePaths: chosen,
        })) as typeof dialog.showOpenDialog;
      }, paths);
      await app.page.getByRole('button', { name: 'Open files' }).click();
    },
    async restart() {
      await electron.close();
      await start();
    },
    async exportCsv(scope) {
      await app.page.getByRole('button', { name: 'Export ▾', exact: true }).click();
      return app.exportCsvFrom(
        app.page.getByRole('menuitem', {
          name: scope === 'document' ? 'CSV: current document' : 'CSV: whole library',
        }),
      );
    },
    async exportCsvFrom(button) {
      const target = join(files, `export-${Date.now()}.csv`);
      await electron.evaluate(({ dialog }, path) => {
        dialog.showSaveDialog = (async () => ({
          canceled: false,
          filePath: path,
        })) as typeof dialog.showSaveDialog;
      }, target);
      await button.click();
      await expect.poll(() => existsSync(target)).toBe(true);
      return readFile(target);
    },
  };
  await start();
  return {
    app,
    async close() {
      await electron.close();
      await rm(profile, { recursive: true, force: true });
      await rm(files, { recursive: true, force: true });
    },
  };
}
