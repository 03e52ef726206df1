/**
 * The application menu, as a template (pure: main.ts builds and installs it).
 *
 * Edit has no Undo/Redo items on purpose: a menu accelerator would swallow
 * Ctrl+Z before the page sees it, and the renderer undoes annotation edits
 * itself. Copy / Select All stay native roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc';

export interface MenuActions {
  openFiles(): void;
  openFolder(): void;
  /** Forwarded to the renderer as 'menu:command'. */
  command(command: MenuCommand): void;
}

/** `packaged`: app.isPackaged. A release build has no Developer Tools item. */
export function buildMenuTemplate(
  platform: NodeJS.Platform,
  appName: string,
  actions: MenuActions,
  packaged = true,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFiles() },
      {
        label: 'Open Folder…',
        accelerator: 'CmdOrCtrl+Shift+O',
        click: () => actions.openFolder(),
      },
      { type: 'separator' },
      {
        label: 'Export Library as CSV…',
        click: () => actions.command('export-library-csv'),
      },
      {
        label: 'Export Document as CSV…',
        click: () => actions.command('export-document-csv'),
      },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      ...(packaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const template = [fileMenu, editMenu, viewMenu];
  return isMac ? [appMenu, ...template, { role: 'windowMenu' }] : template;
}
