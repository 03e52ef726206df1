import { watch as fsWatch } from 'node:fs';
import { mkdtemp, rename, rm, stat as fsStat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_DEBOUNCE_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_WAIT_MS,
  DEFAULT_RETRY_MS,
  FileWatcher,
  type FileSignature,
  type FileWatcherOptions,
  type WatchFn,
} from './watch';

type Listener = (eventType: string, filename: string | null) => void;

class FakeHandle {
  closed = false;
  readonly errorListeners: ((error: Error) => void)[] = [];
  constructor(
    readonly path: string,
    readonly listener: Listener,
  ) {}
  close(): void {
    this.closed = true;
  }
  on(_event: 'error', listener: (error: Error) => void): this {
    this.errorListeners.push(listener);
    return this;
  }
  /** What fs.watch does: events keep coming until closed. */
  emit(eventType: 'change' | 'rename'): void {
    if (!this.closed) this.listener(eventType, path.basename(this.path));
  }
  fail(error: Error): void {
    for (const listener of this.errorListeners) listener(error);
  }
}

function enoent(syscall: string, p: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, ${syscall} '${p}'`), {
    code: 'ENOENT',
  });
}

/** A file system of signatures, with fs.watch and stat over it. */
function fakeFs(paths: string[]) {
  const files = new Map<string, FileSignature>(
    paths.map((p, i) => [p, { size: 10, mtimeMs: 1000, ino: i + 1 }]),
  );
  let nextIno = 100;
  const handles: FakeHandle[] = [];
  const unwatchable = new Map<string, Error>();
  const watch = vi.fn<WatchFn>((p, _options, listener) => {
    const refusal = unwatchable.get(p);
    if (refusal) throw refusal;
    if (!files.has(p)) throw enoent('watch', p);
    const handle = new FakeHandle(p, listener);
    handles.push(handle);
    return handle;
  });
  const stat = vi.fn(async (p: string): Promise<FileSignature> => {
    const file = files.get(p);
    if (!file) throw enoent('stat', p);
    return { ...file };
  });
  const live = (p: string) => handles.filter((h) => h.path === p && !h.closed);
  /** The one live watcher of a path. */
  const handle = (p: string): FakeHandle => {
    const [only, ...more] = live(p);
    if (!only || more.length > 0) throw new Error(`${live(p).length} live watchers on ${p}`);
    return only;
  };
  return {
    files,
    handles,
    unwatchable,
    watch,
    stat,
    live,
    handle,
    /** Writes in place: new size and mtime, same inode; fires 'change'. */
    write(p: string): void {
      const file = files.get(p);
      if (!file) throw new Error(`no ${p}`);
      files.set(p, { ...file, size: file.size + 1, mtimeMs: file.mtimeMs + 1 });
      for (const h of live(p)) h.emit('change');
    },
    /** Writes a copy and renames it over the path (atomic save); fires 'rename'. */
    replace(p: string): void {
      const old = live(p);
      files.set(p, { size: 50, mtimeMs: 5000, ino: nextIno++ });
      for (const h of old) h.emit('rename');
    },
    remove(p: string): void {
      files.delete(p);
      for (const h of live(p)) h.emit('rename');
    },
    create(p: string): void {
      files.set(p, { size: 7, mtimeMs: 7000, ino: nextIno++ });
    },
  };
}

function setup(paths: string[], options: Partial<FileWatcherOptions> = {}) {
  const fs = fakeFs(paths);
  const changed: string[] = [];
  const log = vi.fn();
  const watcher = new FileWatcher({
    watch: fs.watch,
    stat: fs.stat,
    onChanged: (p) => changed.push(p),
    log,
    ...options,
  });
  return { fs, changed, log, watcher };
}

/** Lets the baseline stats settle. */
const settle = () => vi.advanceTimersByTimeAsync(0);

const A = '/news/a.txt';
const B = '/news/b.txt';
const C = '/news/c.txt';

describe('FileWatcher (fake fs.watch and timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('watches each path once, non-persistent; setPaths replaces the set', async () => {
    const { fs, watcher } = setup([A, B, C]);
    watcher.setPaths([A, B, A]);
    expect(fs.watch).toHaveBeenCalledTimes(2);
    expect(fs.watch.mock.calls[0]?.[1]).toEqual({ persistent: false });
    expect(watcher.watched).toEqual([A, B]);
    const first = fs.handle(A);

    watcher.setPaths([A, C]);
    expect(watcher.paths).toEqual([A, C]);
    expect(watcher.watched).toEqual([A, C]);
    expect(fs.handle(A)).toBe(first); // kept, not re-created
    expect(fs.live(B)).toEqual([]); // closed
    expect(fs.watch).toHaveBeenCalledTimes(3);

    watcher.setPaths([]);
    expect(fs.handles.every((h) => h.closed)).toBe(true);
    expect(watcher.paths).toEqual([]);
    await settle();
  });

  it('reports a burst of writes once, after the debounce', async () => {
    const { fs, changed, watcher } = setup([A]);
    watcher.setPaths([A]);
    await settle();
    for (let i = 0; i < 5; i++) {
      fs.write(A);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(changed).toEqual([]);
    await vi.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS - 100 - 1);
    expect(changed).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(changed).toEqual([A]);

    // A later write is a new burst.
    fs.write(A);
    await vi.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS);
    expect(changed).toEqual([A, A]);
  });

  it('debounces each path on its own', async () => {
    const { fs, changed, watcher } = setup([A, B]);
    watcher.setPaths([A, B]);
    await settle();
    fs.write(A);
    await vi.advanceTimersByTimeAsync(200);
    fs.write(B);
    fs.write(A);
    await vi.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS);
    expect(changed.sort()).toEqual([A, B]);
  });

  it('reports a file that keeps changing at least every maxWaitMs', async () => {
    const { fs, changed, watcher } = setup([A]);
    watcher.setPaths([A]);
    await settle();
    const end = DEFAULT_MAX_WAIT_MS * 2 + 100;
    for (let t = 0; t < end; t += 200) {
      fs.write(A);
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(changed.length).toBeGreaterThanOrEqual(2);
    expect(changed.length).toBeLessThanOrEqual(3);
  });

  it('follows a file replaced by rename (atomic save) and reports it once', async () => {
    const { fs, changed, watcher } = setup([A]);
    watcher.setPaths([A]);
    await settle();
    const before = fs.handle(A);
    fs.replace(A);
    expect(before.closed).toBe(true);
    const after = fs.handle(A); // re-watched at once
    after.emit('change'); // the editor touches the new file once more
    await vi.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS);
    expect(changed).toEqual([A]);
    fs.write(A); // later writes reach the new watcher
    await vi.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS);
    expect(changed).toEqual([A, A]);
  });

  it('waits for a file that was deleted and written anew a moment later', async () => {
    const { fs, changed, log, watcher } = setup([A]);
    watcher.setPaths([A]);
    await settle();
    fs.remove(A);
    await vi.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS);
    expect(changed).toEqual([]); // gone: nothing to reload
    expect(watcher.watched).toEqual([]);
    fs.create(A);
    await vi.advanceTimersByTimeAsync(DEFAULT_RETRY_MS);
    expect(watcher.watched).toEqual([A]);
    expect(changed).toEqual([A]);
    expect(log).not.toHaveBeenCalled();
  });

  it('gives up on a deleted file after the retries, logging once, until setPaths', async () => {
    const { fs, changed, log, watcher } = setup([A, B]);
    watcher.setPaths([A, B]);
    await settle();
    fs.remove(A);
    await vi.advanceTimersByTimeAsync(
      DEFAULT_DEBOUNCE_MS + DEFAULT_RETRY_MS * (DEFAULT_MAX_RETRIES + 2),
    );
    expect(fs.watch).toHaveBeenCalledTimes(2 + 1 + DEFAULT_MAX_RETRIES + 1);
    expect(log).toHaveBeenCalledOnce();
    expect(log.mock.calls[0]?.[0]).toContain(`cannot watch ${A}: ENOENT`);
    expect(changed).toEqual([]);
    expect(watcher.watched).toEqual([B]);

    fs.create(A);
    watcher.setPaths([A, B]);
    expect(watcher.watched).toEqual([A, B]);
    await settle();
    fs.write(A);
    await vi.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS);
    expect(changed).toEqual([A]);
  });

  it('skips paths it cannot watch, logs each once, never throws', async () => {
    const { fs, log, watcher } = setup([A, B]);
    fs.unwatchable.set(
      B,
      Object.assign(new Error('EMFILE: too many open files'), { code: 'EMFILE' }),
    );
    expect(() => watcher.setPaths(['/missing.txt', A, B])).not.toThrow();
    expect(watcher.watched).toEqual([A]);
    expect(watcher.paths).toEqual(['/missing.txt', A, B]);
    watcher.setPaths(['/missing.txt', A, B]); // tried again, not logged again
    expect(fs.watch).toHaveBeenCalledTimes(5);
    expect(log.mock.calls.map((c) => String(c[0]))).toEqual([
      "cannot watch /missing.txt: ENOENT: no such file or directory, watch '/missing.txt'",
      'cannot watch /news/b.txt: EMFILE: too many open files',
    ]);
    fs.unwatchable.delete(B);
    watcher.setPaths([A, B]);
    expect(watcher.watched).toEqual([A, B]);
    await settle();
  });

  it('with stat, ignores events that changed nothing; without stat, reports them', async () => {
    const withStat = setup([A]);
    withStat.watcher.setPaths([A]);
    await settle();
    withStat.fs.handle(A).emit('change'); // e.g. chmod
    await vi.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS);
    expect(withStat.changed).toEqual([]);

    const withoutStat = setup([A], { stat: undefined });
    withoutStat.watcher.setPaths([A]);
    withoutStat.fs.handle(A).emit('change');
    await vi.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS);
    expect(withoutStat.changed).toEqual([A]);
  });

  it('does not trust a baseline taken while events came in', async () => {
    const { fs, changed, watcher } = setup([A]);
    watcher.setPaths([A]);
    fs.write(A); // before the baseline stat has resolved
    await vi.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS);
    expect(changed).toEqual([A]);
  });

  it('survives watcher errors: logs, re-watches, stops after repeated errors', async () => {
    const { fs, changed, log, watcher } = setup([A]);
    watcher.setPaths([A]);
    await settle();
    fs.handle(A).fail(new Error('EPERM: operation not permitted'));
    expect(fs.live(A)).toEqual([]);
    await vi.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS);
    expect(watcher.watched).toEqual([A]);
    expect(changed).toEqual([]); // nothing changed
    expect(log).toHaveBeenCalledWith(`watching ${A} failed: EPERM: operation not permitted`);

    for (let i = 0; i < 2; i++) {
      fs.handle(A).fail(new Error('EPERM')); // the 2nd and 3rd error
      await vi.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS);
    }
    expect(watcher.watched).toEqual([]); // left alone…
    watcher.setPaths([A]);
    expect(watcher.watched).toEqual([A]); // …until asked again
    await settle();
  });

  it('forgets a pending burst when its path is dropped', async () => {
    const { fs, changed, watcher } = setup([A, B]);
    watcher.setPaths([A, B]);
    await settle();
    fs.write(A);
    watcher.setPaths([B]);
    await vi.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS * 2);
    expect(changed).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ignores events from a watcher it has closed', async () => {
    const { fs, changed, watcher } = setup([A]);
    watcher.setPaths([A]);
    await settle();
    const old = fs.handle(A);
    watcher.setPaths([]);
    old.listener('change', 'a.txt'); // queued before close
    old.fail(new Error('late'));
    await vi.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS);
    expect(changed).toEqual([]);
  });

  it('logs, not throws, when the listener throws', async () => {
    const { fs, log, watcher } = setup([A], {
      onChanged: () => {
        throw new Error('window gone');
      },
    });
    watcher.setPaths([A]);
    await settle();
    fs.write(A);
    await vi.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS);
    expect(log).toHaveBeenCalledWith(`reporting a change to ${A} failed: window gone`);
  });

  it('closeAll closes every watcher and timer, and stays closed', async () => {
    const { fs, changed, watcher } = setup([A, B]);
    watcher.setPaths([A, B]);
    await settle();
    fs.write(A);
    watcher.closeAll();
    expect(fs.handles.every((h) => h.closed)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    watcher.setPaths([A, B]);
    expect(fs.watch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS);
    expect(changed).toEqual([]);
  });
});

describe('FileWatcher (real fs.watch, temporary files)', () => {
  let dir = '';
  let watcher: FileWatcher | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'claimmark-watch-'));
  });
  afterEach(async () => {
    watcher?.closeAll();
    await rm(dir, { recursive: true, force: true });
  });

  /** Resolves with the next reported path; fails after `ms`. */
  function start(paths: string[]) {
    const queue: string[] = [];
    let wake: (() => void) | undefined;
    const log = vi.fn();
    watcher = new FileWatcher({
      watch: fsWatch,
      stat: fsStat,
      debounceMs: 100,
      log,
      onChanged: (p) => {
        queue.push(p);
        wake?.();
      },
    });
    watcher.setPaths(paths);
    const next = async (ms = 5000): Promise<string> => {
      const deadline = Date.now() + ms;
      while (queue.length === 0) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no change reported within ${ms} ms`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, Math.min(left, 100));
        });
      }
      return queue.shift() as string;
    };
    return { next, log };
  }

  it('reports a write to a watched file, and one after an atomic save', async () => {
    const file = path.join(dir, 'article.txt');
    await writeFile(file, '第一版');
    const { next, log } = start([file, path.join(dir, 'missing.txt')]);
    expect(watcher?.watched).toEqual([file]);
    expect(log).toHaveBeenCalledOnce(); // the missing one, skipped

    await new Promise((r) => setTimeout(r, 50)); // let the baseline stat settle
    await writeFile(file, '第二版，更长一些');
    expect(await next()).toBe(file);

    // Write a copy, rename it over the original, then edit the new file.
    const temp = path.join(dir, 'article.txt.tmp');
    await writeFile(temp, '第三版：重新保存的文件');
    await rename(temp, file);
    expect(await next()).toBe(file);
    await new Promise((r) => setTimeout(r, 50));
    await writeFile(file, '第四版');
    expect(await next()).toBe(file);
  });
});
