import type { FileReadResult } from '../../shared/file-errors';
import type { PickKind } from '../../shared/ipc';
import type { Platform } from './platform';
import { droppedEntries, readBrowserFile } from './read-file';

const ACCEPT: Record<PickKind, string> = {
  text:
    '.txt,.text,.md,.pdf,.docx,.html,.htm,.mhtml,.mht,text/plain,text/markdown,application/pdf,' +
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html',
  codebook: '.csv,.qdc,.xml,text/csv,application/xml',
  backup: '.json,application/json',
  project: '.qdpx,application/zip',
  work: '.json,.qdpx,application/json,application/zip',
};

function chooseFiles(kind: PickKind): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = kind === 'text';
    input.accept = ACCEPT[kind];
    input.style.display = 'none';
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => done([]));
    document.body.append(input);
    input.click();
  });
}

function download(fileName: string, content: string | Uint8Array<ArrayBuffer>, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const webPlatform: Platform = {
  kind: 'web',
  async pickFiles(kind = 'text') {
    const files = await chooseFiles(kind);
    return Promise.all(files.map(readBrowserFile));
  },
  pickFolder: null,
  readPaths: null,
  async filesFromDrop(data) {
    const { files, folders } = droppedEntries(data);
    const results: FileReadResult[] = folders.map((name) => ({
      ok: false,
      error: { name, code: 'is-directory' },
    }));
    return results.concat(await Promise.all(files.map(readBrowserFile)));
  },
  async saveBytes(fileName, bytes, filter) {
    const type = filter.extensions.includes('png')
      ? 'image/png'
      : filter.extensions.includes('xlsx')
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : filter.extensions.includes('qdpx')
          ? 'application/zip'
          : 'application/octet-stream';
    download(fileName, new Uint8Array(bytes), type);
    return true;
  },
  async saveText(fileName, content, filter) {
    const ext = filter.extensions[0] ?? 'txt';
    const type =
      ext === 'csv'
        ? 'text/csv;charset=utf-8'
        : ext === 'svg'
          ? 'image/svg+xml'
          : ext === 'json' || ext === 'jsonld'
            ? 'application/json'
            : 'text/plain;charset=utf-8';
    download(fileName, content, type);
    return true;
  },
  onFilesOpened: () => () => {},
  onMenuCommand: () => () => {},
  takeLaunchFiles: async () => [],
  watchFiles: () => {},
  onFileChanged: () => () => {},
  // A browser does not say who its user is.
  defaultCoderName: async () => '',
};
