import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { FileReadResult } from '../../shared/file-errors';
import type { DialogApi } from '../dialogs';
import { createHandlers, type HandlerDeps } from './handlers';

const okFile = (p: string): FileReadResult => ({
  ok: true,
  file: { name: p, path: p, bytes: new Uint8Array([1]) },
});

function setup(dialog: Partial<DialogApi> = {}, launch: string[] = []) {
  const openOptions: OpenDialogOptions[] = [];
  const saveOptions: SaveDialogOptions[] = [];
  const deps = {
    dialog: {
      showOpenDialog: async (o: OpenDialogOptions) => {
        openOptions.push(o);
        return { canceled: true, filePaths: [] };
      },
      showSaveDialog: async (o: SaveDialogOptions) => {
        saveOptions.push(o);
        return { canceled: true, filePath: '' };
      },
      ...dialog,
    },
    launchFiles: { take: vi.fn(() => launch.splice(0)) },
    defaultSaveDir: () => '/home/a/Documents',
    readFiles: vi.fn(async (paths: readonly string[]) => paths.map(okFile)),
    readTextFolder: vi.fn(async (dir: string) => [okFile(`${dir}/a.txt`)]),
    writeFile: vi.fn(async () => undefined),
    watchFiles: vi.fn(),
  } satisfies HandlerDeps;
  return { deps, handlers: createHandlers(deps), openOptions, saveOptions };
}

describe('createHandlers', () => {
  it('files:open-dialog offers text files, multi-select, and reads the choice', async () => {
    const { handlers, deps, openOptions } = setup({
      showOpenDialog: async (o) => {
        openOptions.push(o);
        return { canceled: false, filePaths: ['/a.txt', '/b.md'] };
      },
    });
    expect(await handlers['files:open-dialog']()).toEqual([okFile('/a.txt'), okFile('/b.md')]);
    expect(deps.readFiles).toHaveBeenCalledWith(['/a.txt', '/b.md']);
    expect(openOptions[0]?.properties).toEqual(['openFile', 'multiSelections']);
    expect(openOptions[0]?.filters).toEqual([
      { name: 'Text files', extensions: ['txt', 'text', 'md'] },
      { name: 'All files', extensions: ['*'] },
    ]);
  });

  it('files:open-dialog offers codebook files or backups, one at a time, when asked', async () => {
    const { handlers, openOptions } = setup({
      showOpenDialog: async (o) => {
        openOptions.push(o);
        return { canceled: false, filePaths: ['/team.qdc'] };
      },
    });
    await handlers['files:open-dialog']('codebook');
    await handlers['files:open-dialog']('backup');
    expect(openOptions.map((o) => o.properties)).toEqual([['openFile'], ['openFile']]);
    expect(openOptions[0]?.filters?.[0]?.extensions).toEqual(['csv', 'qdc', 'xml']);
    expect(openOptions[1]?.filters?.[0]?.extensions).toEqual(['json']);
  });

  it('files:open-dialog returns [] when cancelled', async () => {
    const { handlers, deps } = setup();
    expect(await handlers['files:open-dialog']()).toEqual([]);
    expect(deps.readFiles).not.toHaveBeenCalled();
  });

  it('files:open-folder-dialog reads the chosen folder', async () => {
    const { handlers, deps } = setup({
      showOpenDialog: async () => ({ canceled: false, filePaths: ['/news'] }),
    });
    expect(await handlers['files:open-folder-dialog']()).toEqual([okFile('/news/a.txt')]);
    expect(deps.readTextFolder).toHaveBeenCalledWith('/news');
  });

  it('files:take-launch-files hands the launch files over once', async () => {
    const { handlers } = setup({}, ['/cli.txt']);
    expect(await handlers['files:take-launch-files']()).toEqual([okFile('/cli.txt')]);
    expect(await handlers['files:take-launch-files']()).toEqual([]);
  });

  it('export:save-text asks where, then writes the string', async () => {
    const { handlers, deps, saveOptions } = setup({
      showSaveDialog: async (o) => {
        saveOptions.push(o);
        return { canceled: false, filePath: '/out/library.csv' };
      },
    });
    const response = await handlers['export:save-text']({
      defaultName: 'library.csv',
      content: '\uFEFFa,b\n',
      filterName: 'CSV',
      extensions: ['csv'],
    });
    expect(response).toEqual({ saved: true, path: '/out/library.csv' });
    expect(deps.writeFile).toHaveBeenCalledWith('/out/library.csv', '\uFEFFa,b\n');
    expect(saveOptions[0]).toMatchObject({
      defaultPath: path.join('/home/a/Documents', 'library.csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  });

  it('export:save-text returns { saved: false } when cancelled', async () => {
    const { handlers, deps } = setup();
    const response = await handlers['export:save-text']({
      defaultName: 'x.csv',
      content: 'x',
      filterName: 'CSV',
      extensions: ['csv'],
    });
    expect(response).toEqual({ saved: false });
    expect(deps.writeFile).not.toHaveBeenCalled();
  });

  it('files:watch hands the whole set of paths to the watcher', async () => {
    const { handlers, deps } = setup();
    expect(await handlers['files:watch'](['/news/a.txt', '/news/b.txt'])).toEqual({ skipped: [] });
    expect(deps.watchFiles).toHaveBeenCalledWith(['/news/a.txt', '/news/b.txt']);
    expect(await handlers['files:watch']([])).toEqual({ skipped: [] });
    expect(deps.watchFiles).toHaveBeenLastCalledWith([]);
  });

  it('files:watch skips and reports a network, device or relative path, and watches the rest', async () => {
    const { handlers, deps } = setup();
    const paths = [
      '/news/a.txt',
      '\\\\attacker\\share\\b.txt',
      'C:\\news\\c.txt',
      '\\\\.\\pipe\\d',
      'e.txt',
    ];
    expect(await handlers['files:watch'](paths)).toEqual({
      skipped: [
        { path: '\\\\attacker\\share\\b.txt', problem: 'is a network (UNC) path' },
        { path: '\\\\.\\pipe\\d', problem: 'is a device path' },
        { path: 'e.txt', problem: 'is not an absolute path' },
      ],
    });
    expect(deps.watchFiles).toHaveBeenLastCalledWith(['/news/a.txt', 'C:\\news\\c.txt']);
  });
});
