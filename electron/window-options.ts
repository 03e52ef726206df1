import type { BrowserWindowConstructorOptions } from 'electron';

/** Painted before the page draws: the renderer's --paper (renderer/app/app.css). */
export const WINDOW_BACKGROUND = { light: '#fbfaf7', dark: '#1b1c1e' } as const;

/**
 * The hardened options of the main window (Electron's security checklist):
 * isolated, sandboxed, no Node, a bundled single-file preload.
 */
export function mainWindowOptions(opts: {
  preload: string;
  dark: boolean;
}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    title: 'Claimmark',
    show: false,
    backgroundColor: opts.dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
