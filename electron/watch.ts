/**
 * Watches the files of the library so the renderer can offer to reload one
 * that changed on disk (`files:watch` sets the paths, `files:changed` reports
 * one). Pure: `fs.watch`, `stat` and the timers are injected, so it runs
 * under Vitest with fakes; main.ts passes the real ones.
 *
 * - One watcher per path. `setPaths` replaces the whole set: new paths are
 *   watched, dropped ones closed.
 * - Events are debounced per path (editors save in several writes): one
 *   `onChanged(path)` per burst, `debounceMs` after the last event, or after
 *   `maxWaitMs` for a file that keeps changing.
 * - A 'rename' event means the path may now name another file (an editor
 *   saved by writing a copy and renaming it over the original) or none: the
 *   old watcher follows the old file, so it is closed and the path watched
 *   afresh, now or, if the file is missing for a moment, a little later.
 * - With `stat`, a burst that left size, mtime and inode as they were (a
 *   chmod, a file moved away and back) is not reported, nor is a file that
 *   is gone (there is nothing to reload).
 * - Nothing throws: a path that cannot be watched is logged once and skipped.
 */

/** The part of `fs.FSWatcher` used here. */
export interface WatchHandle {
  close(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** The subset of `fs.watch` used here; `fs.watch` itself satisfies it. */
export type WatchFn = (
  path: string,
  options: { persistent: boolean },
  listener: (eventType: string, filename: string | null) => void,
) => WatchHandle;

/** What identifies a version of a file; `fs.Stats` satisfies it. */
export interface FileSignature {
  size: number;
  mtimeMs: number;
  ino?: number;
}

/** `fs.promises.stat`: resolves a signature, rejects when the file is missing. */
export type StatFn = (path: string) => Promise<FileSignature>;

export interface WatchTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface FileWatcherOptions {
  watch: WatchFn;
  /** Called once per burst of changes to a watched file. */
  onChanged: (path: string) => void;
  /** Without it every burst is reported, even one that changed nothing. */
  stat?: StatFn;
  timers?: WatchTimers;
  log?: (...args: unknown[]) => void;
  /** Quiet time that ends a burst. */
  debounceMs?: number;
  /** A burst is reported at the latest this long after it began. */
  maxWaitMs?: number;
  /** How long to wait between attempts to watch a path that went missing… */
  retryMs?: number;
  /** …and how many attempts before giving up until the next `setPaths`. */
  maxRetries?: number;
}

export const DEFAULT_DEBOUNCE_MS = 300;
export const DEFAULT_MAX_WAIT_MS = 2000;
export const DEFAULT_RETRY_MS = 1000;
export const DEFAULT_MAX_RETRIES = 5;
/** Watcher errors on one path before it is left alone until the next `setPaths`. */
const MAX_ERRORS = 3;

const systemTimers: WatchTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

interface Entry {
  readonly path: string;
  handle: WatchHandle | null;
  /** A burst (or a retry) is waiting for its timer. */
  pending: boolean;
  timer: unknown;
  burstStart: number;
  /** The file as last seen: a signature, null when missing, undefined when unknown. */
  baseline: FileSignature | null | undefined;
  /** Bumped on every event, so a baseline taken meanwhile is not trusted. */
  events: number;
  errors: number;
  retries: number;
  /** "Cannot watch" was logged; not again until watching works. */
  reported: boolean;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sameFile(a: FileSignature, b: FileSignature): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

export class FileWatcher {
  readonly #watch: WatchFn;
  readonly #onChanged: (path: string) => void;
  readonly #stat: StatFn | undefined;
  readonly #timers: WatchTimers;
  readonly #log: (...args: unknown[]) => void;
  readonly #debounceMs: number;
  readonly #maxWaitMs: number;
  readonly #retryMs: number;
  readonly #maxRetries: number;
  readonly #entries = new Map<string, Entry>();
  #closed = false;

  constructor(options: FileWatcherOptions) {
    this.#watch = options.watch;
    this.#onChanged = options.onChanged;
    this.#stat = options.stat;
    this.#timers = options.timers ?? systemTimers;
    this.#log = options.log ?? ((...args) => console.error('[claimmark]', ...args));
    this.#debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.#maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    this.#retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
    this.#maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  }

  /**
   * Watches exactly these paths from now on. Paths already watched keep their
   * watcher; a path that could not be watched before is tried again.
   */
  setPaths(paths: readonly string[]): void {
    if (this.#closed) return;
    const wanted = new Set(paths);
    for (const entry of [...this.#entries.values()]) {
      if (!wanted.has(entry.path)) this.#drop(entry);
    }
    for (const path of wanted) {
      let entry = this.#entries.get(path);
      if (entry === undefined) {
        entry = {
          path,
          handle: null,
          pending: false,
          timer: undefined,
          burstStart: 0,
          baseline: undefined,
          events: 0,
          errors: 0,
          retries: 0,
          reported: false,
        };
        this.#entries.set(path, entry);
      } else {
        entry.errors = 0;
      }
      // A pending burst or retry attaches by itself when its timer fires.
      if (entry.handle === null && !entry.pending && this.#attach(entry, true)) {
        this.#takeBaseline(entry);
      }
    }
  }

  /** The paths asked for, watched or not. */
  get paths(): string[] {
    return [...this.#entries.keys()];
  }

  /** The paths that have a live watcher. */
  get watched(): string[] {
    return [...this.#entries.values()].filter((e) => e.handle !== null).map((e) => e.path);
  }

  /** Closes every watcher and timer; later `setPaths` calls do nothing (quit). */
  closeAll(): void {
    this.#closed = true;
    for (const entry of [...this.#entries.values()]) this.#drop(entry);
  }

  #isCurrent(entry: Entry): boolean {
    return this.#entries.get(entry.path) === entry;
  }

  #attach(entry: Entry, logFailure: boolean): boolean {
    let handle: WatchHandle | null = null;
    try {
      handle = this.#watch(entry.path, { persistent: false }, (eventType) => {
        if (handle !== null && entry.handle === handle) this.#onEvent(entry, eventType);
      });
      const attached = handle;
      attached.on('error', (error) => {
        if (entry.handle === attached) this.#onError(entry, error);
      });
      entry.handle = attached;
      entry.reported = false;
      entry.retries = 0;
      return true;
    } catch (error) {
      // fs.watch throws at once for a missing or unreadable path (ENOENT,
      // EACCES) and when the system is out of watches (ENOSPC, EMFILE).
      try {
        handle?.close();
      } catch {
        // Half-made watcher: nothing more to do.
      }
      if (logFailure && !entry.reported) {
        entry.reported = true;
        this.#log(`cannot watch ${entry.path}: ${describe(error)}`);
      }
      return false;
    }
  }

  #detach(entry: Entry): void {
    const handle = entry.handle;
    entry.handle = null;
    try {
      handle?.close();
    } catch (error) {
      this.#log(`cannot close the watcher of ${entry.path}: ${describe(error)}`);
    }
  }

  #drop(entry: Entry): void {
    if (entry.pending) this.#timers.clearTimeout(entry.timer);
    entry.pending = false;
    this.#detach(entry);
    this.#entries.delete(entry.path);
  }

  #takeBaseline(entry: Entry): void {
    const stat = this.#stat;
    if (stat === undefined) return;
    const seen = entry.events;
    void this.#statOrNull(stat, entry.path).then((signature) => {
      // An event meanwhile: the stat may already show the change.
      if (this.#isCurrent(entry) && entry.events === seen) entry.baseline = signature;
    });
  }

  #statOrNull(stat: StatFn, path: string): Promise<FileSignature | null> {
    return Promise.resolve()
      .then(() => stat(path))
      .then(
        (s): FileSignature => ({ size: s.size, mtimeMs: s.mtimeMs, ino: s.ino }),
        () => null,
      );
  }

  #onEvent(entry: Entry, eventType: string): void {
    entry.events += 1;
    if (eventType === 'rename') {
      this.#detach(entry);
      // Replaced by a rename, the new file is already there: follow it now so
      // no write to it is missed. Missing for now: the burst's end tries again.
      this.#attach(entry, false);
    }
    this.#schedule(entry, this.#debounceMs);
  }

  #onError(entry: Entry, error: Error): void {
    // E.g. EPERM on Windows when the file is deleted: handle it like a rename.
    entry.events += 1;
    entry.errors += 1;
    this.#log(`watching ${entry.path} failed: ${describe(error)}`);
    this.#detach(entry);
    this.#schedule(entry, this.#debounceMs);
  }

  #schedule(entry: Entry, delay: number): void {
    const now = this.#timers.now();
    if (entry.pending) {
      this.#timers.clearTimeout(entry.timer);
    } else {
      entry.burstStart = now;
    }
    const wait = Math.max(0, Math.min(delay, entry.burstStart + this.#maxWaitMs - now));
    entry.pending = true;
    entry.timer = this.#timers.setTimeout(() => this.#endBurst(entry), wait);
  }

  #endBurst(entry: Entry): void {
    entry.pending = false;
    entry.timer = undefined;
    if (!this.#isCurrent(entry)) return;
    if (entry.handle === null && entry.errors < MAX_ERRORS) {
      const lastTry = entry.retries >= this.#maxRetries;
      if (!this.#attach(entry, lastTry) && !lastTry) {
        // Deleted and written anew (some editors, `git checkout`): try again.
        entry.retries += 1;
        entry.pending = true;
        entry.burstStart = this.#timers.now();
        entry.timer = this.#timers.setTimeout(() => this.#endBurst(entry), this.#retryMs);
      }
    }
    const stat = this.#stat;
    if (stat === undefined) {
      // Without stat a missing file cannot be told from a changed one.
      if (entry.handle !== null) this.#emit(entry);
      return;
    }
    void this.#statOrNull(stat, entry.path).then((signature) => {
      if (!this.#isCurrent(entry)) return;
      const before = entry.baseline;
      entry.baseline = signature;
      if (signature === null) return; // Gone: nothing to reload.
      if (before != null && sameFile(before, signature)) return;
      this.#emit(entry);
    });
  }

  #emit(entry: Entry): void {
    try {
      this.#onChanged(entry.path);
    } catch (error) {
      this.#log(`reporting a change to ${entry.path} failed: ${describe(error)}`);
    }
  }
}
