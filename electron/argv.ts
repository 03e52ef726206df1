/**
 * Which command-line arguments name files to open. Used for the first launch
 * (process.argv), for a second launch (its argv, or better the file list it
 * passes as `additionalData`), and nowhere else. Pure and tested.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ArgvOptions {
  /**
   * True when run as `electron <app-path> …` (development, Playwright):
   * the first non-switch argument is then the app, not a file.
   */
  defaultApp: boolean;
  /** Directory that relative paths are relative to. */
  cwd: string;
  pathApi?: Pick<typeof path, 'resolve'>;
}

const URL_LIKE = /^[a-z][a-z0-9+.-]+:\/\//i;

function toPath(arg: string, cwd: string, pathApi: Pick<typeof path, 'resolve'>): string | null {
  if (/^file:\/\//i.test(arg)) {
    // Desktop entries with %U hand over file:// URLs.
    try {
      return fileURLToPath(arg);
    } catch {
      return null;
    }
  }
  if (URL_LIKE.test(arg)) return null;
  return pathApi.resolve(cwd, arg);
}

/**
 * File paths among `argv`: skips the executable, the app path in development,
 * Chromium/Electron switches (`--foo`, `--foo=bar`) and macOS's `-psn_…`;
 * everything after a bare `--` is taken literally. Relative paths are resolved
 * against `cwd`; `file://` URLs become paths; other URLs are dropped. Order is
 * kept and duplicates removed.
 */
export function filePathsFromArgv(argv: readonly string[], options: ArgvOptions): string[] {
  const pathApi = options.pathApi ?? path;
  let skipAppPath = options.defaultApp;
  let literal = false;
  const paths: string[] = [];
  for (const arg of argv.slice(1)) {
    if (!literal) {
      if (arg === '--') {
        literal = true;
        continue;
      }
      if (arg.startsWith('-')) continue;
    }
    if (skipAppPath) {
      skipAppPath = false;
      continue;
    }
    if (arg.trim() === '') continue;
    const resolved = toPath(arg, options.cwd, pathApi);
    if (resolved !== null && !paths.includes(resolved)) paths.push(resolved);
  }
  return paths;
}

/** What a second instance hands to the first through `requestSingleInstanceLock`. */
export interface SecondInstanceData {
  files: string[];
}

/**
 * The file list from a second instance's `additionalData`, or null when it is
 * absent or malformed (then fall back to its argv).
 */
export function filesFromSecondInstanceData(data: unknown): string[] | null {
  if (typeof data !== 'object' || data === null) return null;
  const files = (data as { files?: unknown }).files;
  if (!Array.isArray(files) || !files.every((f): f is string => typeof f === 'string')) return null;
  return files.filter((f) => f.length > 0);
}
