import { test as base, expect } from '@playwright/test';
import type { AppDriver } from './driver';
import { electronBinary } from './electron-binary';
import { launchElectron } from './electron-driver';
import { launchWeb } from './web-driver';

export type Target = 'web' | 'electron';

export const test = base.extend<{ app: AppDriver }, { target: Target }>({
  target: ['web', { option: true, scope: 'worker' }],
  app: async ({ target, browser, baseURL }, use, testInfo) => {
    let session: { app: AppDriver; close(): Promise<void> };
    if (target === 'electron') {
      const binary = electronBinary();
      if ('missing' in binary) {
        testInfo.skip(true, `Electron target skipped: ${binary.missing}.`);
        return;
      }
      session = await launchElectron(binary.path);
    } else {
      session = await launchWeb(browser, baseURL ?? '');
    }
    await use(session.app);
    await session.close();
    // Every test fails on a console error or a request that left the app.
    expect(session.app.problems, 'console errors and network requests').toEqual([]);
  },
});

export { expect };
