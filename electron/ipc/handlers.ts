/**
 * The concrete IPC handlers. Every dependency is injected (main.ts passes the
 * real dialog and file functions), so they run under Vitest without Electron.
 * The menu reuses the same functions for File ▸ Open… and Open Folder….
 */
import { pathProblem } from '../../shared/local-path';
import type { FileReadResult } from '../../shared/file-errors';
import type { SaveTextRequest, SaveTextResponse } from '../../shared/ipc';
import { writeFileAtomic } from '../atomic-write';
import { chooseFiles, chooseFolder, chooseSavePath, type DialogApi } from '../dialogs';
import { readFiles, readTextFolder } from '../files';
import type { InvokeHandlers } from './handle';

export interface HandlerDeps {
  dialog: DialogApi;
  /** Command-line / open-file paths, handed over once. */
  launchFiles: { take(): string[] };
  /** Folder the save dialog starts in (the user's Documents). */
  defaultSaveDir: () => string;
  /** Replaces the set of watched files (a `FileWatcher`'s `setPaths`). */
  watchFiles: (paths: readonly string[]) => void;
  readFiles?: (paths: readonly string[]) => Promise<FileReadResult[]>;
  readTextFolder?: (dir: string) => Promise<FileReadResult[]>;
  writeFile?: (target: string, data: string | Uint8Array) => Promise<void>;
}

export function createHandlers(deps: HandlerDeps): InvokeHandlers {
  const read = deps.readFiles ?? ((paths: readonly string[]) => readFiles(paths));
  const readFolder = deps.readTextFolder ?? ((dir: string) => readTextFolder(dir));
  const write =
    deps.writeFile ??
    ((target: string, data: string | Uint8Array) => writeFileAtomic(target, data));

  return {
    'files:open-dialog': async (...args) => {
      const [kind] = args;
      const paths = await chooseFiles(deps.dialog, kind);
      return paths.length > 0 ? read(paths) : [];
    },
    'files:open-folder-dialog': async () => {
      const dir = await chooseFolder(deps.dialog);
      return dir === null ? [] : readFolder(dir);
    },
    'files:read': async (paths) => read(paths),
    'files:take-launch-files': async () => {
      const paths = deps.launchFiles.take();
      return paths.length > 0 ? read(paths) : [];
    },
    'export:save-text': async (request: SaveTextRequest): Promise<SaveTextResponse> => {
      const target = await chooseSavePath(deps.dialog, request, deps.defaultSaveDir());
      if (target === null) return { saved: false };
      await write(target, request.content);
      return { saved: true, path: target };
    },
    // Each path on its own: one bad path must not stop the others being watched.
    'files:watch': async (paths) => {
      const skipped = paths.flatMap((path) => {
        const problem = pathProblem(path);
        return problem ? [{ path, problem }] : [];
      });
      const refused = new Set(skipped.map((s) => s.path));
      deps.watchFiles(paths.filter((p) => !refused.has(p)));
      return { skipped };
    },
  };
}
