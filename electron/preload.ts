/**
 * The preload: exposes `window.claimmark` (shared/ipc.ts `ClaimmarkBridge`),
 * one named function per channel, and nothing else — never ipcRenderer.
 *
 * Bundled to a single file by electron/build.mjs: a sandboxed preload can
 * require only 'electron'. Import shared/ code as types only (a value import
 * of shared/ipc.ts would drag zod into this bundle).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type {
  ClaimmarkBridge,
  EventChannel,
  EventPayloads,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
} from '../shared/ipc';

/** Invokes a channel; transport failures become `{ ok: false }` too. */
async function invoke<C extends InvokeChannel>(
  channel: C,
  ...args: InvokeArgs<C>
): Promise<InvokeResult<C>> {
  try {
    return (await ipcRenderer.invoke(channel, ...args)) as InvokeResult<C>;
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function subscribe<C extends EventChannel>(
  channel: C,
  listener: (payload: EventPayloads[C]) => void,
): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: EventPayloads[C]): void => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

/** The path of a dropped `File`; "" for anything else (webUtils throws for a non-File). */
function pathOf(file: unknown): string {
  try {
    return webUtils.getPathForFile(file as File);
  } catch {
    return '';
  }
}

const bridge: ClaimmarkBridge = {
  openFilesDialog: (kind) =>
    kind ? invoke('files:open-dialog', kind) : invoke('files:open-dialog'),
  openFolderDialog: () => invoke('files:open-folder-dialog'),
  readFiles: (paths) => invoke('files:read', paths),
  takeLaunchFiles: () => invoke('files:take-launch-files'),
  saveTextFile: (request) => invoke('export:save-text', request),
  pathForFile: (file) => pathOf(file),
  // The paths come from webUtils here, never from the page: the main process
  // grants what this channel names (see 'files:read-dropped' in ipc/handlers.ts).
  readDroppedFiles: async (files) => {
    const paths = (Array.isArray(files) ? files : []).map(pathOf).filter((p) => p !== '');
    return paths.length > 0 ? invoke('files:read-dropped', paths) : { ok: true, value: [] };
  },
  onFilesOpened: (listener) => subscribe('files:opened', listener),
  onMenuCommand: (listener) => subscribe('menu:command', listener),
  watchFiles: (paths) => invoke('files:watch', paths),
  onFileChanged: (listener) => subscribe('files:changed', listener),
  userName: () => invoke('system:user-name'),
};

contextBridge.exposeInMainWorld('claimmark', bridge);
