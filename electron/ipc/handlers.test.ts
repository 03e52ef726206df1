import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { FileReadResult } from '../../shared/file-errors';
import type { DialogApi } from '../dialogs';
import { readFiles, readTextFolder } from '../files';
import { FileGrants, GRANTS_FILE_NAME, NOT_GRANTED_DETAIL } from '../grants';
import { createHandlers, type HandlerDeps } from './handlers';

const okFile = (p: string): FileReadResult => ({
  ok: true,
  file: { name: p, path: p, bytes: new Uint8Array([1]) },
});

function setup(dialog: Partial<DialogApi> = {}, launch: string[] = [], grants = new FileGrants()) {
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
    grants,
    defaultSaveDir: () => '/home/a/Documents',
    readFiles: vi.fn(async (paths: readonly string[]) => paths.map(okFile)),
    readTextFolder: vi.fn(async (dir: string) => [okFile(`${dir}/a.txt`)]),
    writeFile: vi.fn(async () => undefined),
    watchFiles: vi.fn(),
  } satisfies HandlerDeps;
  return { deps, handlers: createHandlers(deps), openOptions, saveOptions };
}

describe('createHandlers', () => {
  it('files:open-dialog offers articles of every format, multi-select, and reads the choice', async () => {
    const { handlers, deps, openOptions } = setup({
      showOpenDialog: async (o) => {
        openOptions.push(o);
        return { canceled: false, filePaths: ['/a.txt', '/b.md'] };
      },
    });
    expect(await handlers['files:open-dialog']()).toEqual([okFile('/a.txt'), okFile('/b.md')]);
    expect(deps.readFiles).toHaveBeenCalledWith(['/a.txt', '/b.md']);
    expect(openOptions[0]?.properties).toEqual(['openFile', 'multiSelections']);
    // The first filter, the one the dialog starts on, takes every format Claimmark reads.
    const documents = ['pdf', 'docx', 'html', 'htm', 'mhtml', 'mht'];
    expect(openOptions[0]?.filters).toEqual([
      {
        name: 'Articles (text, PDF, Word, web pages)',
        extensions: ['txt', 'text', 'md', ...documents],
      },
      { name: 'Text files', extensions: ['txt', 'text', 'md'] },
      { name: 'PDF, Word and web pages', extensions: documents },
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

  it('system:user-name offers the OS user name, and "" where the system has none', async () => {
    const named = createHandlers({ ...setup().deps, userName: () => ' li.ming \n' });
    expect(await named['system:user-name']()).toBe('li.ming');
    const none = createHandlers({
      ...setup().deps,
      userName: () => {
        throw new Error('ENOENT: no passwd entry');
      },
    });
    expect(await none['system:user-name']()).toBe('');
  });

  it('files:watch hands the whole set of paths to the watcher', async () => {
    const { handlers, deps } = setup();
    deps.grants.grant(['/news/a.txt', '/news/b.txt']);
    expect(await handlers['files:watch'](['/news/a.txt', '/news/b.txt'])).toEqual({ skipped: [] });
    expect(deps.watchFiles).toHaveBeenCalledWith(['/news/a.txt', '/news/b.txt']);
    expect(await handlers['files:watch']([])).toEqual({ skipped: [] });
    expect(deps.watchFiles).toHaveBeenLastCalledWith([]);
  });

  it('files:watch skips and reports a network, device or relative path, and watches the rest', async () => {
    const { handlers, deps } = setup();
    deps.grants.grant(['/news/a.txt', 'C:\\news\\c.txt']);
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

describe('what the renderer may read (real files, real reads)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'claimmark-handlers-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const text = (r: FileReadResult | undefined) =>
    r?.ok ? new TextDecoder().decode(r.file.bytes) : r?.error;

  function realSetup(
    chosen: { files?: string[]; folder?: string } = {},
    launch: string[] = [],
    grants = new FileGrants(),
  ) {
    const watchFiles = vi.fn();
    const deps: HandlerDeps = {
      dialog: {
        showOpenDialog: async (o) => {
          const folder = o.properties?.includes('openDirectory');
          const picked = folder ? (chosen.folder ? [chosen.folder] : []) : (chosen.files ?? []);
          return { canceled: picked.length === 0, filePaths: picked };
        },
        showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      },
      launchFiles: { take: () => launch.splice(0) },
      grants,
      defaultSaveDir: () => dir,
      watchFiles,
      readFiles: (paths) => readFiles(paths),
      readTextFolder: (folder) => readTextFolder(folder),
    };
    return { handlers: createHandlers(deps), watchFiles, grants };
  }

  const refusal = (p: string) => ({
    ok: false as const,
    error: { name: path.basename(p), path: p, code: 'unreadable', detail: NOT_GRANTED_DETAIL },
  });

  it('refuses, by name, what it was never given: /etc/passwd, a key, a tmp file', async () => {
    const secret = path.join(dir, 'id_ed25519');
    await writeFile(secret, '-----BEGIN OPENSSH PRIVATE KEY-----');
    const { handlers } = realSetup();
    const asked = ['/etc/passwd', secret, '/proc/self/environ'];
    expect(await handlers['files:read'](asked)).toEqual(asked.map(refusal));
    expect(NOT_GRANTED_DETAIL).toContain('not opened in Claimmark on this machine');
  });

  it('reads a file once the open dialog returned it, and only that one', async () => {
    const article = path.join(dir, 'article.txt');
    const neighbour = path.join(dir, 'neighbour.txt');
    await writeFile(article, 'the article');
    await writeFile(neighbour, 'not chosen');
    const { handlers } = realSetup({ files: [article] });
    expect(text((await handlers['files:read']([article]))[0])).toEqual(refusal(article).error);
    expect(text((await handlers['files:open-dialog']())[0])).toBe('the article');
    const [again, other] = await handlers['files:read']([article, neighbour]);
    expect(text(again)).toBe('the article');
    expect(other).toEqual(refusal(neighbour));
  });

  it('grants the text files Open Folder read, not the rest of the folder', async () => {
    await writeFile(path.join(dir, 'a.txt'), 'A');
    await writeFile(path.join(dir, 'notes.csv'), 'not a text file to open');
    const { handlers } = realSetup({ folder: dir });
    expect((await handlers['files:open-folder-dialog']()).map(text)).toEqual(['A']);
    const [a, csv] = await handlers['files:read']([
      path.join(dir, 'a.txt'),
      path.join(dir, 'notes.csv'),
    ]);
    expect(text(a)).toBe('A');
    expect(csv).toEqual(refusal(path.join(dir, 'notes.csv')));
  });

  it('grants the launch files and dropped files as they are read', async () => {
    const launched = path.join(dir, 'launched.txt');
    const dropped = path.join(dir, 'dropped.txt');
    await writeFile(launched, 'L');
    await writeFile(dropped, 'D');
    const { handlers } = realSetup({}, [launched]);
    expect((await handlers['files:take-launch-files']()).map(text)).toEqual(['L']);
    expect((await handlers['files:read-dropped']([dropped])).map(text)).toEqual(['D']);
    expect((await handlers['files:read']([launched, dropped])).map(text)).toEqual(['L', 'D']);
  });

  it('reads a granted path as granted, whatever the spelling asked for', async () => {
    const article = path.join(dir, 'article.txt');
    await writeFile(article, 'the article');
    const { handlers } = realSetup({ files: [article] });
    await handlers['files:open-dialog']();
    const [result] = await handlers['files:read']([path.join(dir, 'x', '..', 'article.txt')]);
    expect(result).toMatchObject({ ok: true, file: { path: article } });
  });

  it.skipIf(process.platform === 'win32')(
    'a FIFO granted by a dialog is still refused, not read',
    async () => {
      const fifo = path.join(dir, 'pipe.txt');
      execFileSync('mkfifo', [fifo]);
      const { handlers } = realSetup({ files: [fifo] });
      const [result] = await handlers['files:open-dialog']();
      expect(result).toMatchObject({ ok: false, error: { path: fifo, code: 'unreadable' } });
    },
  );

  it('files:watch watches granted files only; after a restart it grants again what was opened here', async () => {
    const store = path.join(dir, GRANTS_FILE_NAME);
    const opened = path.join(dir, 'opened.txt');
    const planted = path.join(dir, 'planted.txt');
    await writeFile(opened, 'v1');
    await writeFile(planted, 'never opened in Claimmark');
    const first = realSetup({ files: [opened] }, [], new FileGrants({ file: store }));
    await first.handlers['files:open-dialog']();
    await first.grants.flush();

    // Restart: a new main process, the same profile.
    const second = realSetup({}, [], new FileGrants({ file: store }));
    expect(await second.handlers['files:read']([opened])).toEqual([refusal(opened)]);
    expect(await second.handlers['files:watch']([opened, planted])).toEqual({
      skipped: [{ path: planted, problem: 'was not opened in Claimmark on this machine' }],
    });
    expect(second.watchFiles).toHaveBeenLastCalledWith([opened]);
    await writeFile(opened, 'v2');
    expect((await second.handlers['files:read']([opened, planted])).map(text)).toEqual([
      'v2',
      refusal(planted).error,
    ]);
  });
});
