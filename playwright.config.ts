import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './e2e/browser';
import { electronBinary } from './e2e/electron-binary';
import type { Target } from './e2e/fixtures';

// Two checkouts on one machine can run their suites side by side on other ports.
const PORT = Number(process.env.CLAIMMARK_E2E_PORT ?? 4173);
const DEV_PORT = Number(process.env.CLAIMMARK_E2E_DEV_PORT ?? 5174);
// The smoke spec for `npm run web` runs only against the dev server.
const DEV_SPEC = /dev-server\.spec\.ts$/;
const electron = electronBinary();
// Config is loaded by every worker too; say it once, from the runner.
if ('missing' in electron && process.env.TEST_WORKER_INDEX === undefined) {
  console.log(`[e2e] Electron target will be skipped: ${electron.missing}. The web target runs.`);
}

export default defineConfig<{ target: Target }>({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'web', use: { target: 'web' }, testIgnore: DEV_SPEC },
    { name: 'electron', use: { target: 'electron' }, testIgnore: DEV_SPEC },
    {
      name: 'web-dev',
      use: { target: 'web', baseURL: `http://127.0.0.1:${DEV_PORT}/` },
      testMatch: DEV_SPEC,
    },
  ],
  webServer: [
    {
      // The production build, as users get it (npm test builds it first).
      command: `npx vite preview --config renderer/vite.config.ts --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The dev server of `npm run web`: development React, StrictMode's double effects.
      command: `npx vite --config renderer/vite.config.ts --host 127.0.0.1 --port ${DEV_PORT} --strictPort`,
      url: `http://127.0.0.1:${DEV_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
