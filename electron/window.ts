/**
 * The main window and the rules every web contents follows. Thin: the
 * options and the URL checks live in window-options.ts and policy.ts.
 */
import { BrowserWindow, nativeTheme, type WebContents } from 'electron';
import path from 'node:path';
import { APP_INDEX_URL } from './app-protocol';
import { isAllowedNavigation, urlForLog } from './policy';
import { mainWindowOptions } from './window-options';

/**
 * No navigation away from the app, no new windows, no <webview>. Applied to
 * every web contents from app.on('web-contents-created').
 */
export function hardenWebContents(contents: WebContents): void {
  const refuseNavigation = (event: { preventDefault(): void; url: string }): void => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    console.error(`[claimmark] blocked navigation to ${urlForLog(event.url)}`);
  };
  contents.on('will-navigate', refuseNavigation);
  // Sub-frames (will-navigate covers the main frame).
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) refuseNavigation(event);
  });
  contents.on('will-redirect', refuseNavigation);
  contents.setWindowOpenHandler(({ url }) => {
    console.error(`[claimmark] blocked window.open(${urlForLog(url)})`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(
    mainWindowOptions({
      // Bundled next to main.cjs in dist-electron/.
      preload: path.join(__dirname, 'preload.cjs'),
      dark: nativeTheme.shouldUseDarkColors,
    }),
  );
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-fail-load', (_event, code, description, url) => {
    console.error(`[claimmark] failed to load ${url}: ${description} (${code})`);
    // Better a visible blank window than an invisible running app.
    if (!window.isVisible()) window.show();
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[claimmark] renderer gone: ${details.reason} (exit ${details.exitCode})`);
  });
  window.loadURL(APP_INDEX_URL).catch((error: unknown) => {
    console.error('[claimmark] cannot load the renderer:', error);
  });
  return window;
}

/** Brings the window to the front (second launch, files opened from outside). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
