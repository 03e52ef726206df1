/**
 * Debian's Chromium, headless, on a fresh on-disk profile (a persistent
 * context, so IndexedDB is written to disk as in the desktop app rather than
 * kept in memory as in an incognito context). Nothing leaves 127.0.0.1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser';

/** Every host name but the loopback address fails to resolve. */
const OFF_MACHINE = '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1';

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors seen so far. */
  problems: string[];
  close(): Promise<void>;
}

export async function launch(origin: string, probeScript: string): Promise<Session> {
  const executablePath = chromiumPath();
  if (!executablePath)
    throw new Error('No Chromium found: apt install chromium (never download one).');
  const dir = await mkdtemp(join(tmpdir(), 'claimmark-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath,
    args: [...CHROMIUM_ARGS, OFF_MACHINE],
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'en-US',
    baseURL: `${origin}/`,
  });
  const isLocal = (url: string) =>
    url.startsWith(`${origin}/`) || url.startsWith('blob:') || url.startsWith('data:');
  const problems: string[] = [];
  // Watched, not routed: Playwright turns the HTTP cache off for a routed
  // context, and with it the compiled code a start reuses (server.ts). Such a
  // request cannot leave the machine: no host name resolves (OFF_MACHINE).
  context.on('request', (request) => {
    if (!isLocal(request.url())) problems.push(`a request off 127.0.0.1: ${request.url()}`);
  });
  await context.addInitScript({ path: probeScript });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the harness page and waits until `window.bench` is there. */
export async function openHarness(page: Page, path = 'bench/'): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => document.title === 'bench ready');
}

/** Opens the app and waits until it has rendered (and so seeded its codebook). */
export async function openApp(page: Page, path = ''): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: 'Open files' }).waitFor();
}

/** The browser's product and full version, as the DevTools protocol reports it. */
export async function browserVersion(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const { product } = await cdp.send('Browser.getVersion');
  await cdp.detach();
  return product;
}
