import type { FileReadResult } from '../../shared/file-errors';
import type { ClaimmarkBridge, InvokeResult, InvokeChannel } from '../../shared/ipc';
import type { Platform } from './platform';
import { droppedEntries, readBrowserFile } from './read-file';

function unwrap<C extends InvokeChannel>(result: InvokeResult<C>) {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

export function electronPlatform(bridge: ClaimmarkBridge): Platform {
  return {
    kind: 'electron',
    pickFiles: async () => unwrap(await bridge.openFilesDialog()),
    pickFolder: async () => unwrap(await bridge.openFolderDialog()),
    async filesFromDrop(data) {
      const { files } = droppedEntries(data);
      const paths: string[] = [];
      const withoutPath: File[] = [];
      for (const file of files) {
        const path = bridge.pathForFile(file);
        if (path) paths.push(path);
        else withoutPath.push(file);
      }
      // Paths go through the main process so folders, permissions and size are
      // judged the same way as for File ▸ Open.
      const fromDisk: FileReadResult[] = paths.length ? unwrap(await bridge.readFiles(paths)) : [];
      return fromDisk.concat(await Promise.all(withoutPath.map(readBrowserFile)));
    },
    async saveText(fileName, content, filter) {
      const response = unwrap(
        await bridge.saveTextFile({
          defaultName: fileName,
          content,
          filterName: filter.name,
          extensions: filter.extensions,
        }),
      );
      return response.saved;
    },
    onFilesOpened: (listener) => bridge.onFilesOpened(listener),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    takeLaunchFiles: async () => unwrap(await bridge.takeLaunchFiles()),
  };
}
