import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicWriteError, tempPathFor, writeFileAtomic, type AtomicWriteFs } from './atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'claimmark-write-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const errno = (code: string): Error => Object.assign(new Error(`${code}: simulated`), { code });

/** Real fs, except that writes put half the data on disk and then fail. */
function fsFailingWrites(code: string): AtomicWriteFs {
  return {
    ...fs,
    open: async (p, flags, mode) => {
      const handle = await fs.open(p, flags, mode);
      return {
        writeFile: async (data) => {
          await handle.writeFile(typeof data === 'string' ? data.slice(0, data.length / 2) : data);
          throw errno(code);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
}

describe('writeFileAtomic', () => {
  it('writes a new file as UTF-8 and leaves no temporary file', async () => {
    const target = path.join(dir, 'export.csv');
    await writeFileAtomic(target, '\uFEFFquote,類別\n"他說",事實\n');
    expect(await fs.readFile(target)).toEqual(
      Buffer.from('\uFEFFquote,類別\n"他說",事實\n', 'utf8'),
    );
    expect(await fs.readdir(dir)).toEqual(['export.csv']);
  });

  it('writes bytes as given', async () => {
    const target = path.join(dir, 'data.bin');
    await writeFileAtomic(target, new Uint8Array([0, 255, 10]));
    expect([...(await fs.readFile(target))]).toEqual([0, 255, 10]);
  });

  it('replaces an existing target and keeps its permission bits', async () => {
    const target = path.join(dir, 'export.csv');
    await fs.writeFile(target, 'old content that is longer than the new one');
    await fs.chmod(target, 0o600);
    await writeFileAtomic(target, 'new');
    expect(await fs.readFile(target, 'utf8')).toBe('new');
    expect((await fs.stat(target)).mode & 0o777).toBe(0o600);
    expect(await fs.readdir(dir)).toEqual(['export.csv']);
  });

  it('on a full disk leaves the old target intact and no temporary file', async () => {
    const target = path.join(dir, 'export.csv');
    await fs.writeFile(target, 'precious old export');
    const failure = writeFileAtomic(target, 'x'.repeat(10_000), fsFailingWrites('ENOSPC'));
    await expect(failure).rejects.toBeInstanceOf(AtomicWriteError);
    await expect(failure).rejects.toThrow(`Could not save "${target}": the disk is full (ENOSPC)`);
    await expect(failure).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await fs.readFile(target, 'utf8')).toBe('precious old export');
    expect(await fs.readdir(dir)).toEqual(['export.csv']);
  });

  it('does not create the target when the first write fails', async () => {
    const target = path.join(dir, 'new.csv');
    await expect(writeFileAtomic(target, 'abc', fsFailingWrites('EIO'))).rejects.toThrow(
      /Could not save .*new\.csv.*EIO/,
    );
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('cleans up when the rename fails (e.g. target locked on Windows)', async () => {
    const target = path.join(dir, 'locked.csv');
    await fs.writeFile(target, 'old');
    const fsApi: AtomicWriteFs = {
      ...fs,
      open: (p, flags, mode) => fs.open(p, flags, mode),
      rename: async () => {
        throw errno('EBUSY');
      },
    };
    await expect(writeFileAtomic(target, 'new', fsApi)).rejects.toThrow(
      'the file is open in another program (EBUSY)',
    );
    expect(await fs.readFile(target, 'utf8')).toBe('old');
    expect(await fs.readdir(dir)).toEqual(['locked.csv']);
  });

  it('rejects clearly when the folder does not exist', async () => {
    const target = path.join(dir, 'no', 'such', 'dir', 'x.csv');
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow(
      `Could not save "${target}": the folder does not exist (ENOENT)`,
    );
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('names the temporary file beside the target, hidden, capped in length', () => {
    const long = '長'.repeat(200) + '.csv';
    const temp = tempPathFor(path.join(dir, long));
    expect(path.dirname(temp)).toBe(dir);
    expect(path.basename(temp)).toMatch(/^\.長{40}\.[0-9a-f]{12}\.tmp$/);
    expect(tempPathFor(path.join(dir, 'a.csv'))).not.toBe(tempPathFor(path.join(dir, 'a.csv')));
  });
});
