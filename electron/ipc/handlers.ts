/**
 * The concrete IPC handlers. Every dependency is injected (main.ts passes the
 * real dialog and file functions), so they run under Vitest without Electron.
 * The menu reuses the same functions for File ▸ Open… and Open Folder….
 *
 * The renderer reads only files the user gave to Claimmark (grants.ts): what
 * a dialog returned, the launch files, drops, and — after a restart — the
 * library's files it asks to watch. `files:read` refuses any other path.
 */
import { pathProblem } from '../../shared/local-path';
import type { FileReadResult } from '../../shared/file-errors';
import type { SaveTextRequest, SaveTextResponse } from '../../shared/ipc';
import { writeFileAtomic } from '../atomic-write';
import { chooseFiles, chooseFolder, chooseSavePath, type DialogApi } from '../dialogs';
import { readFiles, readTextFolder } from '../files';
import { NOT_GRANTED_DETAIL, type FileGrants } from '../grants';
import { failure } from '../read-file';
import type { InvokeHandlers } from './handle';

export interface HandlerDeps {
  dialog: DialogApi;
  /** Command-line / open-file paths, handed over once. */
  launchFiles: { take(): string[] };
  /** Which paths the renderer may read. */
  grants: Pick<FileGrants, 'grant' | 'lookup' | 'regrant'>;
  /** Folder the save dialog starts in (the user's Documents). */
  defaultSaveDir: () => string;
  /** Replaces the set of watched files (a `FileWatcher`'s `setPaths`). */
  watchFiles: (paths: readonly string[]) => void;
  /** The OS user name (os.userInfo), the default coder name; may throw where there is none. */
  userName?: () => string;
  readFiles?: (paths: readonly string[]) => Promise<FileReadResult[]>;
  readTextFolder?: (dir: string) => Promise<FileReadResult[]>;
  writeFile?: (target: string, data: string | Uint8Array) => Promise<void>;
}

/** Reads the granted paths (as granted) and refuses the others by name, in order. */
export async function readGranted(
  paths: readonly string[],
  grants: Pick<FileGrants, 'lookup'>,
  read: (paths: readonly string[]) => Promise<FileReadResult[]>,
): Promise<FileReadResult[]> {
  const granted = paths.map((p) => grants.lookup(p));
  const readable = granted.filter((p): p is string => p !== null);
  const results = readable.length > 0 ? await read(readable) : [];
  let next = 0;
  return paths.map((p, i) =>
    granted[i] === null
      ? failure(p, 'unreadable', NOT_GRANTED_DETAIL)
      : (results[next++] as FileReadResult),
  );
}

/** The OS user name, trimmed and bounded; "" when the system has none (no passwd entry). */
export function osUserName(read: (() => string) | undefined): string {
  try {
    return (read?.() ?? '').trim().slice(0, 100);
  } catch {
    return '';
  }
}

export function createHandlers(deps: HandlerDeps): InvokeHandlers {
  const read = deps.readFiles ?? ((paths: readonly string[]) => readFiles(paths));
  const readFolder = deps.readTextFolder ?? ((dir: string) => readTextFolder(dir));
  const write =
    deps.writeFile ??
    ((target: string, data: string | Uint8Array) => writeFileAtomic(target, data));
  /** Paths the main process itself came by: the user chose them. */
  const grantAndRead = async (paths: readonly string[]): Promise<FileReadResult[]> => {
    if (paths.length === 0) return [];
    deps.grants.grant(paths);
    return read(paths);
  };

  return {
    'files:open-dialog': async (...args) => {
      const [kind] = args;
      return grantAndRead(await chooseFiles(deps.dialog, kind));
    },
    'files:open-folder-dialog': async () => {
      const dir = await chooseFolder(deps.dialog);
      if (dir === null) return [];
      const results = await readFolder(dir);
      // The folder's text files, as listed (an unlistable folder yields only itself).
      const listed = results.map((r) => (r.ok ? r.file.path : r.error.path));
      deps.grants.grant(listed.filter((p): p is string => p !== undefined && p !== dir));
      return results;
    },
    'files:read': async (paths) => readGranted(paths, deps.grants, read),
    /*
     * A drop grants what it names. What is enforceable: the page (the
     * renderer's main world, where an article's text is shown) cannot send
     * IPC; it can only call `window.claimmark.readDroppedFiles(files)`, and
     * the preload sends the paths `webUtils.getPathForFile` gives for real
     * `File` objects. A page cannot make a `File` with a path of its choosing:
     * only a drop from the desktop or a file chooser the user answered
     * carries one, so each path is one the user handed over. What is not: a
     * renderer process that runs native code of an attacker's can send this
     * message with any paths, and nothing in the main process can tell a
     * drop from that (Electron reports no drops to the main process). Against
     * that attacker the sandbox, not this check, is the defence.
     */
    'files:read-dropped': async (paths) => grantAndRead(paths),
    'files:take-launch-files': async () => grantAndRead(deps.launchFiles.take()),
    'export:save-text': async (request: SaveTextRequest): Promise<SaveTextResponse> => {
      const target = await chooseSavePath(deps.dialog, request, deps.defaultSaveDir());
      if (target === null) return { saved: false };
      await write(target, request.content);
      return { saved: true, path: target };
    },
    'system:user-name': async () => osUserName(deps.userName),
    // Each path on its own: one bad path must not stop the others being watched.
    // Only readable (granted) files are watched: a change to any other file is
    // none of the renderer's business, and it could not reload one anyway.
    'files:watch': async (paths) => {
      const skipped = paths.flatMap((path) => {
        const problem = pathProblem(path);
        return problem ? [{ path, problem }] : [];
      });
      const invalid = new Set(skipped.map((s) => s.path));
      const { granted, refused } = await deps.grants.regrant(paths.filter((p) => !invalid.has(p)));
      deps.watchFiles(granted);
      const problems = new Map([...skipped, ...refused].map((s) => [s.path, s.problem] as const));
      return {
        skipped: paths.flatMap((path) => {
          const problem = problems.get(path);
          return problem === undefined ? [] : [{ path, problem }];
        }),
      };
    },
  };
}
