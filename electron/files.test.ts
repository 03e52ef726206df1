import { mkdtemp, mkdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../shared/file-errors';
import { compareFileNames, listTextFiles, readFiles, readTextFolder, type ReadFs } from './files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'claimmark-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const errno = (code: string, message = code): Error => Object.assign(new Error(message), { code });

describe('readFiles', () => {
  it('returns the bytes of a readable file, undecoded', async () => {
    const file = path.join(dir, '新闻.txt');
    const gbk = new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]); // 你好 in GBK
    await writeFile(file, gbk);
    const [result] = await readFiles([file]);
    expect(result).toEqual({ ok: true, file: { name: '新闻.txt', path: file, bytes: gbk } });
    expect(result?.ok && result.file.bytes.constructor).toBe(Uint8Array);
  });

  it('reports a missing file as not-found', async () => {
    const file = path.join(dir, 'missing.txt');
    expect(await readFiles([file])).toEqual([
      { ok: false, error: { name: 'missing.txt', path: file, code: 'not-found' } },
    ]);
  });

  it('reports a directory as is-directory', async () => {
    const sub = path.join(dir, 'folder.txt');
    await mkdir(sub);
    expect(await readFiles([sub])).toEqual([
      { ok: false, error: { name: 'folder.txt', path: sub, code: 'is-directory' } },
    ]);
  });

  it('refuses an oversized file without reading it, with the size as detail', async () => {
    const file = path.join(dir, 'huge.txt');
    await writeFile(file, '');
    await truncate(file, MAX_FILE_BYTES + 1); // sparse: instant, no disk used
    const [result] = await readFiles([file]);
    expect(result).toEqual({
      ok: false,
      error: {
        name: 'huge.txt',
        path: file,
        code: 'too-large',
        detail: String(MAX_FILE_BYTES + 1),
      },
    });
  });

  it('accepts a file of exactly MAX_FILE_BYTES (stubbed)', async () => {
    const fsApi: ReadFs = {
      stat: async () => ({ size: MAX_FILE_BYTES, isFile: () => true, isDirectory: () => false }),
      readFile: async () => new Uint8Array(3),
    };
    expect((await readFiles(['/x/a.txt'], fsApi))[0]?.ok).toBe(true);
  });

  it('maps EACCES and EPERM to permission (stubbed: tests may run as root)', async () => {
    const fsApi: ReadFs = {
      stat: async () => ({ size: 10, isFile: () => true, isDirectory: () => false }),
      readFile: async (p) => {
        throw errno(p.endsWith('a.txt') ? 'EACCES' : 'EPERM');
      },
    };
    const results = await readFiles(['/x/a.txt', '/x/b.txt'], fsApi);
    expect(results.map((r) => !r.ok && r.error.code)).toEqual(['permission', 'permission']);
  });

  it('maps other errors to unreadable with the message as detail', async () => {
    const fsApi: ReadFs = {
      stat: async () => {
        throw errno('EIO', 'EIO: i/o error, stat');
      },
      readFile: async () => new Uint8Array(),
    };
    expect(await readFiles(['/x/a.txt'], fsApi)).toEqual([
      {
        ok: false,
        error: {
          name: 'a.txt',
          path: '/x/a.txt',
          code: 'unreadable',
          detail: 'EIO: i/o error, stat',
        },
      },
    ]);
  });

  it('refuses what is neither file nor directory (a FIFO would block)', async () => {
    const fsApi: ReadFs = {
      stat: async () => ({ size: 0, isFile: () => false, isDirectory: () => false }),
      readFile: async () => {
        throw new Error('must not read');
      },
    };
    const [result] = await readFiles(['/x/pipe.txt'], fsApi);
    expect(result?.ok === false && result.error.code).toBe('unreadable');
  });

  it('keeps the order of the paths, mixing results', async () => {
    const a = path.join(dir, 'a.txt');
    await writeFile(a, 'A');
    const paths = [path.join(dir, 'nope.txt'), a, dir, a, path.join(dir, 'gone.md')];
    const results = await readFiles(paths);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'not-found',
      'ok',
      'is-directory',
      'ok',
      'not-found',
    ]);
  });

  it('returns [] for no paths', async () => {
    expect(await readFiles([])).toEqual([]);
  });
});

describe('listTextFiles / readTextFolder', () => {
  it('lists .txt/.text/.md files only, not recursively, hidden skipped, natural order', async () => {
    for (const name of ['b10.txt', 'b2.TXT', 'a.md', 'c.text', 'd.csv', '.hidden.txt', '._a.md']) {
      await writeFile(path.join(dir, name), name);
    }
    await mkdir(path.join(dir, 'sub.txt'));
    await writeFile(path.join(dir, 'sub.txt', 'inner.txt'), 'x');
    await symlink(path.join(dir, 'a.md'), path.join(dir, 'link.txt'));
    await symlink(path.join(dir, 'nowhere'), path.join(dir, 'broken.txt'));
    const names = (await listTextFiles(dir)).map((p) => path.basename(p));
    expect(names).toEqual(['a.md', 'b2.TXT', 'b10.txt', 'c.text', 'link.txt']);
  });

  it('reads the folder, one result per file', async () => {
    await writeFile(path.join(dir, 'one.txt'), 'one');
    await writeFile(path.join(dir, 'two.md'), 'two');
    const results = await readTextFolder(dir);
    expect(results.map((r) => r.ok && new TextDecoder().decode(r.file.bytes))).toEqual([
      'one',
      'two',
    ]);
  });

  it('turns an unlistable folder into one error naming the folder', async () => {
    const missing = path.join(dir, 'missing');
    expect(await readTextFolder(missing)).toEqual([
      { ok: false, error: { name: 'missing', path: missing, code: 'not-found' } },
    ]);
  });

  it('compareFileNames is natural and total', () => {
    expect(['x10', 'x9', 'X1', 'x1'].sort(compareFileNames)).toEqual(['X1', 'x1', 'x9', 'x10']);
  });
});
