/**
 * Which files the renderer may read: only those the user gave to Claimmark on
 * this machine. `files:read` names paths, and a compromised page could name
 * any (`~/.ssh/id_ed25519`, `/proc/self/environ`), so the main process keeps
 * the set itself:
 *
 * - Granted for this run by what only the user does: the open and folder
 *   dialogs, the command line, "open with" / open-file, a second launch, and
 *   a drop (see `files:read-dropped` in ipc/handlers.ts for why a drop counts).
 * - Every grant is also remembered in a small JSON file in the profile
 *   (userData), which the sandboxed renderer cannot write. After a restart
 *   nothing is granted until the renderer asks to watch its library's files
 *   (`files:watch`); a path is granted again only when it is in that file and
 *   is a regular file now. So a renderer that calls `files:watch` gains no
 *   more than the files the user once opened here — the ones whose text it
 *   holds anyway — and a library restored from another machine's backup must
 *   be opened again before its files are reloaded.
 *
 * Paths are compared after `path.resolve`, case-insensitively on Windows,
 * and the file read is always the path as granted, never the renderer's
 * spelling of it (`/a/link/../x` resolves lexically, the OS would not).
 */
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { pathProblem } from '../shared/local-path';
import { writeFileAtomic } from './atomic-write';

/** Why a path the renderer named is not granted (as in "/x/a.txt …"). */
export const NOT_OPENED_HERE = 'was not opened in Claimmark on this machine';
/** A refused read's `FileError.detail` (the renderer prefixes the file's name). */
export const NOT_GRANTED_DETAIL = `it ${NOT_OPENED_HERE}; open it with “Open files” or drop it on the window`;

/** The remembered file's name in userData. */
export const GRANTS_FILE_NAME = 'granted-files.json';
const FORMAT = 'claimmark-granted-files';

/**
 * The most paths remembered; the least recently used go first. Twice the most
 * files `files:watch` takes, and a watched path counts as used each day.
 */
export const MAX_REMEMBERED = 10_000;

const DAY_MS = 24 * 60 * 60 * 1000;
const STAT_CONCURRENCY = 16;

export interface GrantsOptions {
  /** The JSON file; without it grants last for this run only. */
  file?: string;
  readFile?: (file: string) => Promise<string>;
  /** Must replace the file atomically; atomic-write.ts unless a test says otherwise. */
  writeFile?: (file: string, data: string) => Promise<void>;
  stat?: (file: string) => Promise<{ isFile(): boolean }>;
  platform?: NodeJS.Platform;
  now?: () => number;
  log?: (...args: unknown[]) => void;
  maxRemembered?: number;
}

interface Remembered {
  path: string;
  /** Days since 1970 when last granted or watched. */
  day: number;
}

export interface RegrantResult {
  /** The paths (as given) that may be read now. */
  granted: string[];
  refused: { path: string; problem: string }[];
}

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

export class FileGrants {
  readonly #options: GrantsOptions;
  readonly #pathApi: typeof path.posix;
  readonly #caseless: boolean;
  readonly #log: (...args: unknown[]) => void;
  readonly #max: number;
  /** Readable in this run: key → the path as granted. */
  readonly #granted = new Map<string, string>();
  /** Remembered across runs, by key, oldest first. */
  #remembered = new Map<string, Remembered>();
  readonly #loaded: Promise<void>;
  /** False when the file exists but could not be read: then it is never overwritten. */
  #canSave: boolean;
  #dirty = false;
  #saving: Promise<void> | null = null;

  constructor(options: GrantsOptions = {}) {
    this.#options = options;
    const platform = options.platform ?? process.platform;
    this.#pathApi = platform === 'win32' ? path.win32 : path.posix;
    this.#caseless = platform === 'win32';
    this.#log = options.log ?? ((...args) => console.error('[claimmark]', ...args));
    this.#max = options.maxRemembered ?? MAX_REMEMBERED;
    this.#canSave = options.file !== undefined;
    this.#loaded = this.#load();
  }

  #resolve(p: string): string {
    return this.#pathApi.resolve(p);
  }

  #key(resolved: string): string {
    return this.#caseless ? resolved.toLowerCase() : resolved;
  }

  #today(): number {
    return Math.floor((this.#options.now ?? Date.now)() / DAY_MS);
  }

  /** The user gave these files to Claimmark: readable now, and remembered. */
  grant(paths: readonly string[]): void {
    const day = this.#today();
    for (const p of paths) {
      if (pathProblem(p) !== null) continue;
      const resolved = this.#resolve(p);
      const key = this.#key(resolved);
      this.#granted.set(key, resolved);
      this.#remember(key, resolved, day);
    }
    this.#save();
  }

  /** The path to read for `p` when it was granted in this run, else null. */
  lookup(p: string): string | null {
    if (pathProblem(p) !== null) return null;
    return this.#granted.get(this.#key(this.#resolve(p))) ?? null;
  }

  /**
   * `files:watch` after a restart: grants again each path that is remembered
   * and is a regular file now. Says which paths are readable now.
   */
  async regrant(paths: readonly string[]): Promise<RegrantResult> {
    await this.#loaded;
    const stat = this.#options.stat ?? ((p: string) => nodeFs.stat(p));
    const day = this.#today();
    const outcomes = new Array<string | null>(paths.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < paths.length) {
        const index = next++;
        const p = paths[index] as string;
        if (pathProblem(p) !== null) {
          outcomes[index] = NOT_OPENED_HERE;
          continue;
        }
        const key = this.#key(this.#resolve(p));
        const remembered = this.#remembered.get(key);
        if (this.#granted.has(key)) {
          outcomes[index] = null;
        } else if (remembered === undefined) {
          outcomes[index] = NOT_OPENED_HERE;
        } else if (
          await stat(remembered.path).then(
            (s) => s.isFile(),
            () => false,
          )
        ) {
          this.#granted.set(key, remembered.path);
          outcomes[index] = null;
        } else {
          outcomes[index] = 'is missing or not a regular file now';
          continue;
        }
        if (remembered !== undefined && remembered.day !== day) {
          this.#remember(key, remembered.path, day);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(STAT_CONCURRENCY, paths.length) }, worker));
    this.#save();
    const result: RegrantResult = { granted: [], refused: [] };
    paths.forEach((p, i) => {
      const problem = outcomes[i];
      if (problem == null) result.granted.push(p);
      else result.refused.push({ path: p, problem });
    });
    return result;
  }

  /** True while a grant is not yet on disk. */
  get unsaved(): boolean {
    return (
      this.#saving !== null || (this.#dirty && this.#canSave && this.#options.file !== undefined)
    );
  }

  /** Settles once every grant so far is on disk (or failed to be saved). */
  async flush(): Promise<void> {
    await this.#loaded;
    while (this.#saving) await this.#saving;
  }

  #remember(key: string, resolved: string, day: number): void {
    const before = this.#remembered.get(key);
    if (before && before.day === day && before.path === resolved) return;
    this.#remembered.delete(key);
    this.#remembered.set(key, { path: resolved, day });
    while (this.#remembered.size > this.#max) {
      const oldest = this.#remembered.keys().next().value as string;
      this.#remembered.delete(oldest);
    }
    this.#dirty = true;
  }

  async #load(): Promise<void> {
    const file = this.#options.file;
    if (file === undefined) return;
    const readFile = this.#options.readFile ?? ((f: string) => nodeFs.readFile(f, 'utf8'));
    let text: string;
    try {
      text = await readFile(file);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') {
        this.#canSave = false;
        this.#log(`cannot read ${file}; files opened now are forgotten at quit:`, error);
      }
      return;
    }
    const entries = this.#parse(text);
    if (entries === null) {
      this.#log(`${file} is damaged; starting afresh`);
      return;
    }
    // Grants made while loading are the most recent: they go last.
    const merged = new Map<string, Remembered>();
    for (const entry of entries) {
      const resolved = this.#resolve(entry.path);
      const key = this.#key(resolved);
      merged.delete(key);
      merged.set(key, { path: resolved, day: entry.day });
    }
    for (const [key, entry] of this.#remembered) {
      merged.delete(key);
      merged.set(key, entry);
    }
    // Least recently used first (stable: the file's order breaks ties).
    const sorted = [...merged].sort((a, b) => a[1].day - b[1].day).slice(-this.#max);
    this.#remembered = new Map(sorted);
  }

  #parse(text: string): Remembered[] | null {
    try {
      const data = JSON.parse(text) as { format?: unknown; version?: unknown; files?: unknown };
      if (data.format !== FORMAT || data.version !== 1 || !Array.isArray(data.files)) return null;
      return data.files.flatMap((f: unknown): Remembered[] => {
        const { path: p, day } = (f ?? {}) as { path?: unknown; day?: unknown };
        if (typeof p !== 'string' || p.length > 4096 || pathProblem(p) !== null) return [];
        return [{ path: p, day: typeof day === 'number' && Number.isFinite(day) ? day : 0 }];
      });
    } catch {
      return null;
    }
  }

  /** Writes the file once nothing else is being written; one write at a time. */
  #save(): void {
    const file = this.#options.file;
    if (file === undefined || !this.#dirty || this.#saving) return;
    const write =
      this.#options.writeFile ??
      (async (f: string, data: string) => {
        await nodeFs.mkdir(path.dirname(f), { recursive: true });
        await writeFileAtomic(f, data);
      });
    this.#saving = (async () => {
      await this.#loaded;
      while (this.#dirty && this.#canSave) {
        this.#dirty = false;
        const files = [...this.#remembered.values()];
        try {
          await write(file, `${JSON.stringify({ format: FORMAT, version: 1, files })}\n`);
        } catch (error) {
          this.#log(`cannot save ${file}:`, error);
          return;
        }
      }
    })().finally(() => {
      this.#saving = null;
      // A grant while the last write was failing: try again with it.
      if (this.#dirty && this.#canSave) this.#save();
    });
  }
}
