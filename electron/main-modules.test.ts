// The small pure pieces main.ts wires together: menu, window options,
// request/navigation policy, user-data path, typed events.
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { sendEvent } from './events';
import { buildMenuTemplate, type MenuActions } from './menu';
import { userDataPath } from './paths';
import { isAllowedNavigation, isAllowedRequestUrl, urlForLog } from './policy';
import { mainWindowOptions, WINDOW_BACKGROUND } from './window-options';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

describe('buildMenuTemplate', () => {
  const actions = (): MenuActions => ({
    openFiles: vi.fn(),
    openFolder: vi.fn(),
    command: vi.fn(),
  });

  it('File menu opens files and folders and forwards export commands', () => {
    const a = actions();
    const items = flatten(buildMenuTemplate('linux', 'Claimmark', a));
    const byLabel = (label: string) => items.find((i) => i.label === label);
    expect(byLabel('Open…')?.accelerator).toBe('CmdOrCtrl+O');
    const click = (label: string) =>
      (byLabel(label)?.click as (() => void) | undefined)?.call(undefined);
    click('Open…');
    click('Open Folder…');
    click('Export Library as CSV…');
    click('Export Document as CSV…');
    expect(a.openFiles).toHaveBeenCalledOnce();
    expect(a.openFolder).toHaveBeenCalledOnce();
    expect(a.command).toHaveBeenNthCalledWith(1, 'export-library-csv');
    expect(a.command).toHaveBeenNthCalledWith(2, 'export-document-csv');
    expect(items.some((i) => i.role === 'quit')).toBe(true);
  });

  it('has no undo/redo roles or Ctrl+Z accelerators (the renderer owns undo)', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const items = flatten(buildMenuTemplate(platform, 'Claimmark', actions(), false));
      const roles = items.map((i) => i.role?.toLowerCase());
      expect(roles).not.toContain('undo');
      expect(roles).not.toContain('redo');
      expect(roles).not.toContain('editmenu');
      expect(roles).toEqual(
        expect.arrayContaining(['copy', 'selectall', 'reload', 'toggledevtools']),
      );
      expect(items.map((i) => i.accelerator).filter(Boolean)).not.toContain('CmdOrCtrl+Z');
    }
  });

  it('offers Developer Tools in a development build only', () => {
    const roles = (packaged: boolean) =>
      flatten(buildMenuTemplate('linux', 'Claimmark', actions(), packaged)).map((i) => i.role);
    expect(roles(false)).toContain('toggleDevTools');
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(
      flatten(buildMenuTemplate('win32', 'Claimmark', actions())).map((i) => i.role),
    ).not.toContain('toggleDevTools');
  });

  it('adds the app menu on macOS only', () => {
    expect(buildMenuTemplate('darwin', 'Claimmark', actions())[0]?.label).toBe('Claimmark');
    expect(buildMenuTemplate('win32', 'Claimmark', actions())[0]?.label).toBe('&File');
  });
});

describe('mainWindowOptions', () => {
  it('is hardened and sized', () => {
    const options = mainWindowOptions({ preload: '/app/dist-electron/preload.cjs', dark: true });
    expect(options).toMatchObject({
      width: 1280,
      height: 820,
      minWidth: 800,
      minHeight: 560,
      title: 'Claimmark',
      show: false,
      backgroundColor: WINDOW_BACKGROUND.dark,
      webPreferences: {
        preload: '/app/dist-electron/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
      },
    });
    expect(mainWindowOptions({ preload: 'p', dark: false }).backgroundColor).toBe(
      WINDOW_BACKGROUND.light,
    );
  });
});

describe('policy', () => {
  it.each([
    ['app://claimmark/index.html', true],
    ['devtools://devtools/bundled/devtools_app.html', true],
    ['data:image/png;base64,AAAA', true],
    ['blob:app://claimmark/1b2c', true],
    ['https://fonts.googleapis.com/css', false],
    ['http://localhost:5173/', false],
    ['ws://localhost:5173/', false],
    ['file:///etc/passwd', false],
    ['chrome-extension://abc/x.js', false],
    ['garbage', false],
  ])('request %s allowed: %s', (url, allowed) => {
    expect(isAllowedRequestUrl(url)).toBe(allowed);
  });

  it('navigation stays inside the app', () => {
    expect(isAllowedNavigation('app://claimmark/index.html')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///home/a/article.txt')).toBe(false);
    expect(isAllowedNavigation('app://claimmark.evil/')).toBe(false);
  });

  it('shortens long URLs for the log', () => {
    expect(urlForLog('x'.repeat(300))).toHaveLength(201);
    expect(urlForLog('short')).toBe('short');
  });
});

describe('userDataPath', () => {
  it('pins <appData>/Claimmark', () => {
    expect(userDataPath({}, '/home/a/.config')).toBe(path.join('/home/a/.config', 'Claimmark'));
    expect(userDataPath({ CLAIMMARK_USER_DATA_DIR: '  ' }, '/c')).toBe(
      path.join('/c', 'Claimmark'),
    );
  });

  it('honours CLAIMMARK_USER_DATA_DIR in a development build (e2e: a fresh profile per test)', () => {
    expect(userDataPath({ CLAIMMARK_USER_DATA_DIR: '/tmp/e2e-1' }, '/c', false)).toBe(
      path.resolve('/tmp/e2e-1'),
    );
  });

  it('ignores CLAIMMARK_USER_DATA_DIR in a released app', () => {
    expect(userDataPath({ CLAIMMARK_USER_DATA_DIR: '/tmp/elsewhere' }, '/c', true)).toBe(
      path.join('/c', 'Claimmark'),
    );
    expect(userDataPath({ CLAIMMARK_USER_DATA_DIR: '/tmp/elsewhere' }, '/c')).toBe(
      path.join('/c', 'Claimmark'),
    );
  });
});

describe('sendEvent', () => {
  it('sends typed payloads, not to destroyed contents', () => {
    const send = vi.fn();
    expect(
      sendEvent({ send, isDestroyed: () => false }, 'menu:command', 'export-library-csv'),
    ).toBe(true);
    expect(send).toHaveBeenCalledWith('menu:command', 'export-library-csv');
    expect(sendEvent({ send, isDestroyed: () => true }, 'files:opened', [])).toBe(false);
    expect(send).toHaveBeenCalledOnce();
  });
});
