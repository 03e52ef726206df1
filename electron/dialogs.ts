/**
 * Native dialogs, reached through an injected `DialogApi` (Electron's
 * `dialog` bound to the main window in main.ts; a stub in tests).
 */
import type {
  FileFilter,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import path from 'node:path';
import type { PickKind, SaveTextRequest } from '../shared/ipc';
import { DOCUMENT_EXTENSIONS } from '../shared/extract/detect';
import { OPENABLE_EXTENSIONS, TEXT_FILE_EXTENSIONS } from './files';

export interface DialogApi {
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

export const TEXT_FILE_FILTERS: FileFilter[] = [
  { name: 'Articles (text, PDF, Word, web pages)', extensions: [...OPENABLE_EXTENSIONS] },
  { name: 'Text files', extensions: [...TEXT_FILE_EXTENSIONS] },
  { name: 'PDF, Word and web pages', extensions: [...DOCUMENT_EXTENSIONS] },
  { name: 'All files', extensions: ['*'] },
];

const KIND_FILTERS: Record<PickKind, FileFilter[]> = {
  text: TEXT_FILE_FILTERS,
  codebook: [
    { name: 'Codebook (CSV, REFI-QDA)', extensions: ['csv', 'qdc', 'xml'] },
    { name: 'All files', extensions: ['*'] },
  ],
  backup: [
    { name: 'Claimmark backup', extensions: ['json'] },
    { name: 'All files', extensions: ['*'] },
  ],
  project: [
    { name: 'REFI-QDA project', extensions: ['qdpx'] },
    { name: 'All files', extensions: ['*'] },
  ],
  work: [
    { name: 'Claimmark backup or REFI-QDA project', extensions: ['json', 'qdpx'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

/** File ▸ Open… (or a codebook, or a backup): the chosen paths, or [] when cancelled. */
export async function chooseFiles(dialog: DialogApi, kind: PickKind = 'text'): Promise<string[]> {
  const result = await dialog.showOpenDialog({
    title: 'Open',
    properties: kind === 'text' ? ['openFile', 'multiSelections'] : ['openFile'],
    filters: KIND_FILTERS[kind],
  });
  return result.canceled ? [] : result.filePaths;
}

/** File ▸ Open Folder…: the chosen folder, or null when cancelled. */
export async function chooseFolder(dialog: DialogApi): Promise<string | null> {
  const result = await dialog.showOpenDialog({
    title: 'Open Folder',
    properties: ['openDirectory'],
  });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Where to save an export, or null when cancelled. Starts in `defaultDir`. */
export async function chooseSavePath(
  dialog: DialogApi,
  request: Pick<SaveTextRequest, 'defaultName' | 'filterName' | 'extensions'>,
  defaultDir: string,
): Promise<string | null> {
  const result = await dialog.showSaveDialog({
    title: 'Export',
    defaultPath: path.join(defaultDir, request.defaultName),
    filters: [{ name: request.filterName, extensions: [...request.extensions] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  return result.canceled || !result.filePath ? null : result.filePath;
}
