import { execFileSync } from 'node:child_process';
import * as nodeFs from 'node:fs/promises';
import { mkdtemp, mkdir, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../shared/file-errors';
import {
  compareFileNames,
  listTextFiles,
  MAX_CALL_BYTES,
  readFiles,
  readTextFolder,
  tooMuchAtOnceDetail,
  type ReadFs,
  type ReadHandle,
  type StatLike,
} from './files';
import { NOT_REGULAR_DETAIL } from './read-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'claimmark-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const errno = (code: string, message = code): Error => Object.assign(new Error(message), { code });

const regular = (size: number): StatLike => ({
  size,
  isFile: () => true,
  isDirectory: () => false,
});

/** A handle whose stat says `claimed` bytes and whose reads serve `actual` bytes of 'x'. */
function streaming(claimed: number, actual: number): ReadHandle {
  return {
    stat: async () => regular(claimed),
    read: async (buffer, offset, length, position) => {
      const bytesRead = Math.max(0, Math.min(length, actual - position));
      buffer.fill(0x78, offset, offset + bytesRead);
      return { bytesRead };
    },
    close: async () => undefined,
  };
}

function fakeFs(open: (p: string) => ReadHandle): ReadFs {
  return {
    stat: async (p) => open(p).stat(),
    open: async (p) => open(p),
  };
}

/** The real file system, except that stat (of the path and of the handle) says 0 bytes. */
const statSaysEmpty: ReadFs = {
  stat: async (p) => ({
    ...(await nodeFs.stat(p)),
    size: 0,
    isFile: () => true,
    isDirectory: () => false,
  }),
  open: async (p, flags) => {
    const handle = await nodeFs.open(p, flags);
    return {
      stat: async () => regular(0),
      read: (buffer, offset, length, position) => handle.read(buffer, offset, length, position),
      close: () => handle.close(),
    };
  },
};

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

  it('accepts a file of exactly MAX_FILE_BYTES and refuses one byte more (stubbed)', async () => {
    const fileOf = (size: number): ReadFs => fakeFs(() => streaming(size, size));
    const exact = await readFiles(['/x/a.txt'], { fs: fileOf(MAX_FILE_BYTES) });
    expect(exact[0]?.ok && exact[0].file.bytes.byteLength).toBe(MAX_FILE_BYTES);
    const over = await readFiles(['/x/a.txt'], { fs: fileOf(MAX_FILE_BYTES + 1) });
    expect(over[0]?.ok === false && over[0].error.code).toBe('too-large');
  });

  it('maps EACCES and EPERM to permission (stubbed: tests may run as root)', async () => {
    const fsApi: ReadFs = {
      stat: async () => regular(10),
      open: async (p) => {
        throw errno(p.endsWith('a.txt') ? 'EACCES' : 'EPERM');
      },
    };
    const results = await readFiles(['/x/a.txt', '/x/b.txt'], { fs: fsApi });
    expect(results.map((r) => !r.ok && r.error.code)).toEqual(['permission', 'permission']);
  });

  it('maps other errors to unreadable with the message as detail', async () => {
    const fsApi: ReadFs = {
      stat: async () => {
        throw errno('EIO', 'EIO: i/o error, stat');
      },
      open: async () => {
        throw new Error('must not open');
      },
    };
    expect(await readFiles(['/x/a.txt'], { fs: fsApi })).toEqual([
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

  it.skipIf(process.platform === 'win32')(
    'refuses a FIFO without blocking, also when stat claimed a regular file',
    async () => {
      const fifo = path.join(dir, 'pipe.txt');
      execFileSync('mkfifo', [fifo]);
      const refusal = {
        ok: false,
        error: { name: 'pipe.txt', path: fifo, code: 'unreadable', detail: NOT_REGULAR_DETAIL },
      };
      // No writer ever comes: a blocking open or read would hang the test.
      expect(await readFiles([fifo])).toEqual([refusal]);
      // The path turned into a FIFO after it was checked: the handle's own stat refuses it.
      const lying: ReadFs = {
        stat: async () => regular(5),
        open: (p, flags) => nodeFs.open(p, flags),
      };
      expect(await readFiles([fifo], { fs: lying })).toEqual([refusal]);
    },
  );

  it.skipIf(process.platform === 'win32')('refuses a device (/dev/zero never ends)', async () => {
    const results = await readFiles(['/dev/zero', '/dev/null']);
    expect(results.map((r) => !r.ok && r.error.detail)).toEqual([
      NOT_REGULAR_DETAIL,
      NOT_REGULAR_DETAIL,
    ]);
  });

  it.skipIf(process.platform !== 'linux')(
    'reads a /proc file whose stat says 0 bytes: all of it',
    async () => {
      const status = '/proc/self/status';
      expect((await stat(status)).size).toBe(0);
      const [result] = await readFiles([status]);
      expect(result?.ok).toBe(true);
      const text = result?.ok ? new TextDecoder().decode(result.file.bytes) : '';
      expect(text).toMatch(/^Name:/);
      expect(text).toContain('\nPid:');
    },
  );

  it('refuses a file larger than the cap although stat says it is empty', async () => {
    const file = path.join(dir, 'liar.txt');
    await writeFile(file, '');
    await truncate(file, MAX_FILE_BYTES + 1);
    const [result] = await readFiles([file], { fs: statSaysEmpty });
    expect(result).toEqual({
      ok: false,
      error: {
        name: 'liar.txt',
        path: file,
        code: 'too-large',
        detail: String(MAX_FILE_BYTES + 1),
      },
    });
  });

  it('stops at cap + 1 bytes on a file that keeps growing while it is read', async () => {
    let served = 0;
    // Stat says 10 bytes; the file then grows without end (a log being written).
    const fsApi = fakeFs(() => {
      const handle = streaming(10, Infinity);
      const read = handle.read.bind(handle);
      handle.read = async (...args) => {
        const r = await read(...args);
        served += r.bytesRead;
        return r;
      };
      return handle;
    });
    const [result] = await readFiles(['/x/log.txt'], { fs: fsApi, maxFileBytes: 1000 });
    expect(result).toEqual({
      ok: false,
      error: { name: 'log.txt', path: '/x/log.txt', code: 'too-large', detail: '1001' },
    });
    expect(served).toBe(1001);
  });

  it('reads a real file that grew after stat, whole', async () => {
    const file = path.join(dir, 'grown.txt');
    await writeFile(file, 'a'.repeat(100_000));
    const [result] = await readFiles([file], { fs: statSaysEmpty });
    expect(result?.ok && result.file.bytes.byteLength).toBe(100_000);
    // The bytes own their buffer: IPC would otherwise copy a bigger one whole.
    expect(result?.ok && result.file.bytes.buffer.byteLength).toBe(100_000);
  });

  it('hands out bytes that own exactly their buffer, for a small file too', async () => {
    const file = path.join(dir, 'small.txt');
    await writeFile(file, 'abc');
    const [result] = await readFiles([file]);
    expect(result?.ok && result.file.bytes.buffer.byteLength).toBe(3);
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

describe('readFiles: the budget of one call', () => {
  const tmpFiles = async (sizes: number[]): Promise<string[]> =>
    Promise.all(
      sizes.map(async (size, i) => {
        const file = path.join(dir, `f${i}.txt`);
        await writeFile(file, 'y'.repeat(size));
        return file;
      }),
    );

  it('admits files in the order given until the budget is used, then refuses each by name', async () => {
    const paths = await tmpFiles([40, 40, 40, 10, 0, 40]);
    const results = await readFiles(paths, { maxCallBytes: 100 });
    expect(results.map((r) => (r.ok ? r.file.bytes.byteLength : r.error.code))).toEqual([
      40,
      40,
      'unreadable',
      10, // still fits after the refused one
      0,
      'unreadable',
    ]);
    expect(results[2]).toEqual({
      ok: false,
      error: {
        name: 'f2.txt',
        path: paths[2],
        code: 'unreadable',
        detail: tooMuchAtOnceDetail(100),
      },
    });
    expect(tooMuchAtOnceDetail(100)).toMatch(/too much at once.*open fewer files/);
  });

  it('gives the same answer however the reads interleave (the slow first file still wins)', async () => {
    const slowFirst: ReadFs = fakeFs((p) => {
      const handle = streaming(60, 60);
      if (!p.endsWith('0.txt')) return handle;
      const read = handle.read.bind(handle);
      handle.read = async (...args) => {
        await new Promise((r) => setTimeout(r, 30));
        return read(...args);
      };
      return handle;
    });
    const paths = ['/x/0.txt', '/x/1.txt', '/x/2.txt'];
    const results = await readFiles(paths, { fs: slowFirst, maxCallBytes: 100 });
    expect(results.map((r) => r.ok)).toEqual([true, false, false]);
  });

  it('by default refuses what is past 256 MB: 1,000 files of 64 MB are not all held', async () => {
    expect(MAX_CALL_BYTES).toBe(256 * 1024 * 1024);
    let allocated = 0;
    const huge = fakeFs(() => {
      const handle = streaming(MAX_FILE_BYTES, MAX_FILE_BYTES);
      const read = handle.read.bind(handle);
      handle.read = async (buffer, ...rest) => {
        allocated += buffer.byteLength;
        return read(buffer, ...rest);
      };
      return handle;
    });
    // Twenty stand for the thousand: four fit, the rest are refused by name.
    const paths = Array.from({ length: 20 }, (_, i) => `/news/${i}.txt`);
    const results = await readFiles(paths, { fs: huge });
    expect(results.map((r) => r.ok)).toEqual([...Array(4).fill(true), ...Array(16).fill(false)]);
    expect(results.slice(4).every((r) => !r.ok && r.error.detail?.includes('256 MB'))).toBe(true);
    expect(results.slice(4).map((r) => !r.ok && r.error.path)).toEqual(paths.slice(4));
    // Held at most: the four admitted, and the three a worker began before the
    // fourth was admitted; every later file was abandoned at its first byte.
    expect(allocated).toBeLessThanOrEqual(7 * (MAX_FILE_BYTES + 64 * 1024) + 13);
  });
});

describe('listTextFiles / readTextFolder', () => {
  it('lists text, PDF, Word and HTML files only, not recursively, hidden skipped, natural order', async () => {
    const names0 = ['b10.txt', 'b2.TXT', 'a.md', 'c.text', 'd.csv', '.hidden.txt', '._a.md'];
    const documents = ['e.pdf', 'f.DOCX', 'g.html', 'h.htm', 'i.mhtml', 'j.doc', 'k.odt'];
    for (const name of [...names0, ...documents]) {
      await writeFile(path.join(dir, name), name);
    }
    await mkdir(path.join(dir, 'sub.txt'));
    await writeFile(path.join(dir, 'sub.txt', 'inner.txt'), 'x');
    await symlink(path.join(dir, 'a.md'), path.join(dir, 'link.txt'));
    await symlink(path.join(dir, 'nowhere'), path.join(dir, 'broken.txt'));
    const names = (await listTextFiles(dir)).map((p) => path.basename(p));
    expect(names).toEqual([
      'a.md',
      'b2.TXT',
      'b10.txt',
      'c.text',
      'e.pdf',
      'f.DOCX',
      'g.html',
      'h.htm',
      'i.mhtml',
      'link.txt',
    ]);
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
