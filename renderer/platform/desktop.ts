import type { FileReadResult } from '../../shared/file-errors';
import type {
  ClaimmarkBridge,
  InvokeResult,
  InvokeChannel,
  MaxWatchedFiles,
} from '../../shared/ipc';
import type { Platform } from './platform';
import { droppedEntries, readBrowserFile } from './read-file';

function unwrap<C extends InvokeChannel>(result: InvokeResult<C>) {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** shared/ipc.ts MAX_WATCHED_FILES (a value import would bundle zod here). */
const MAX_WATCHED_FILES: MaxWatchedFiles = 5000;

/** Warn, not error: a file that is not watched is no failure of the page. */
function warnNotWatched(reason: unknown): void {
  console.warn('[claimmark] cannot watch the library files:', reason);
}

function watchFiles(bridge: ClaimmarkBridge, paths: string[]): void {
  const unique = [...new Set(paths.filter((p) => p.length > 0))];
  if (unique.length > MAX_WATCHED_FILES) {
    warnNotWatched(`${unique.length} files; watching the first ${MAX_WATCHED_FILES}`);
  }
  try {
    bridge.watchFiles(unique.slice(0, MAX_WATCHED_FILES)).then((result) => {
      if (!result.ok) warnNotWatched(result.error);
      else if (result.value.skipped.length > 0) warnNotWatched(result.value.skipped);
    }, warnNotWatched);
  } catch (error) {
    warnNotWatched(error);
  }
}

async function saveFile(
  bridge: ClaimmarkBridge,
  fileName: string,
  content: string | Uint8Array<ArrayBuffer>,
  filter: { name: string; extensions: string[] },
): Promise<boolean> {
  const response = unwrap(
    await bridge.saveTextFile({
      defaultName: fileName,
      content,
      filterName: filter.name,
      extensions: filter.extensions,
    }),
  );
  return response.saved;
}

export function electronPlatform(bridge: ClaimmarkBridge): Platform {
  return {
    kind: 'electron',
    pickFiles: async (kind) => unwrap(await bridge.openFilesDialog(kind)),
    pickFolder: async () => unwrap(await bridge.openFolderDialog()),
    readPaths: async (paths) => unwrap(await bridge.readFiles(paths)),
    async filesFromDrop(data) {
      const { files } = droppedEntries(data);
      const onDisk: File[] = [];
      const withoutPath: File[] = [];
      for (const file of files) {
        if (bridge.pathForFile(file)) onDisk.push(file);
        else withoutPath.push(file);
      }
      // Files on disk go through the main process so folders, permissions and
      // size are judged the same way as for File ▸ Open; handing it the File
      // objects (not paths) is what lets it read them at all.
      const fromDisk: FileReadResult[] = onDisk.length
        ? unwrap(await bridge.readDroppedFiles(onDisk))
        : [];
      return fromDisk.concat(await Promise.all(withoutPath.map(readBrowserFile)));
    },
    saveText: (fileName, content, filter) => saveFile(bridge, fileName, content, filter),
    saveBytes: (fileName, bytes, filter) =>
      saveFile(bridge, fileName, new Uint8Array(bytes), filter),
    onFilesOpened: (listener) => bridge.onFilesOpened(listener),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    takeLaunchFiles: async () => unwrap(await bridge.takeLaunchFiles()),
    watchFiles: (paths) => watchFiles(bridge, paths),
    onFileChanged: (listener) => bridge.onFileChanged(listener),
    // Only a suggestion: a failure leaves the field empty rather than stopping anything.
    defaultCoderName: async () => {
      const result = await bridge.userName().catch(() => null);
      return result?.ok ? result.value : '';
    },
  };
}
