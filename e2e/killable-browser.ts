import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './browser';

/**
 * Chromium on a persistent profile, started as its own process group so that a
 * fault spec can kill the whole browser with SIGKILL at any moment (as a crash
 * or a power cut would) and start it again on the same profile.
 */
export class KillableBrowser {
  private child: ChildProcess | null = null;
  private browser: Browser | null = null;

  constructor(
    private readonly profile: string,
    private readonly baseURL: string,
  ) {}

  async start(): Promise<Page> {
    const executable = chromiumPath();
    if (!executable) throw new Error('no Chromium found for the fault specs');
    const portFile = join(this.profile, 'DevToolsActivePort');
    rmSync(portFile, { force: true });
    this.child = spawn(
      executable,
      [
        '--headless=new',
        `--user-data-dir=${this.profile}`,
        '--remote-debugging-port=0',
        '--no-default-browser-check',
        // As Playwright does when it starts Chromium as root (CI runs as root).
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        ...CHROMIUM_ARGS,
        'about:blank',
      ],
      { detached: true, stdio: 'ignore' },
    );
    const deadline = Date.now() + 20_000;
    while (!existsSync(portFile) || readFileSync(portFile, 'utf8').split('\n').length < 2) {
      if (Date.now() > deadline) throw new Error('Chromium did not open its debugging port');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The browser's own WebSocket, straight from the file: no HTTP round trip to find it.
    const [port, path] = readFileSync(portFile, 'utf8').split('\n');
    this.browser = await chromium.connectOverCDP(`ws://127.0.0.1:${port}${path}`);
    const context = this.browser.contexts()[0];
    if (!context) throw new Error('Chromium has no default context');
    const page = await context.newPage();
    await page.goto(this.baseURL);
    return page;
  }

  /** SIGKILL to the browser's whole process group: nothing gets to flush or close. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGKILL');
      await exited;
    } catch {
      // Already gone (it failed to start): nothing to kill.
    }
    // Let Playwright drop the dead connection now, not at the end of the test.
    await this.browser?.close().catch(() => undefined);
    this.child = null;
    this.browser = null;
  }

  async close(): Promise<void> {
    await this.kill();
  }
}
