import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  private chosen = 0;

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

  /**
   * Gives the page's next file chooser a file on disk, through the DevTools
   * protocol. Playwright's `setFiles` on a browser joined by `connectOverCDP`
   * carries the bytes through the page's JavaScript: 11 s for a 12 MB backup
   * here, against 0.4 s this way. The file stays in the profile folder, since
   * the page reads a chosen file lazily; the profile is removed with the test.
   */
  async chooseFile(page: Page, name: string, bytes: Buffer, open: () => Promise<void>) {
    const dir = join(this.profile, 'chosen', String(this.chosen++));
    mkdirSync(dir, { recursive: true });
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const cdp = await page.context().newCDPSession(page);
    try {
      await cdp.send('Page.enable');
      await cdp.send('Page.setInterceptFileChooserDialog', { enabled: true });
      const opened = new Promise<{ backendNodeId?: number }>((resolve) =>
        cdp.once('Page.fileChooserOpened', resolve),
      );
      await open();
      const { backendNodeId } = await opened;
      if (backendNodeId === undefined) throw new Error('the file chooser has no input element');
      await cdp.send('DOM.setFileInputFiles', { files: [path], backendNodeId });
    } finally {
      await cdp.detach().catch(() => undefined);
    }
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
