/**
 * Reading files for the renderer. Bytes only: decoding happens in the renderer
 * (Node's TextDecoder gets GBK and Big5 wrong), so nothing here looks inside
 * a file. Every failure becomes a `FileError` code; nothing throws.
 */
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import {
  MAX_FILE_BYTES,
  type FileError,
  type FileErrorCode,
  type FileReadResult,
} from '../shared/file-errors';

/** Extensions of the files Open Folder picks up and the dialogs offer. */
export const TEXT_FILE_EXTENSIONS = ['txt', 'text', 'md'] as const;

/** Files read at the same time; results may be held in memory all together. */
const READ_CONCURRENCY = 4;

export interface StatLike {
  size: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

export interface DirentLike {
  name: string;
  isFile(): boolean;
  isSymbolicLink(): boolean;
}

/** The parts of `node:fs/promises` used here (injected in tests). */
export interface ReadFs {
  stat(filePath: string): Promise<StatLike>;
  readFile(filePath: string): Promise<Uint8Array>;
}

export interface FolderFs extends ReadFs {
  readdir(dir: string, options: { withFileTypes: true }): Promise<DirentLike[]>;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function classify(error: unknown): { code: FileErrorCode; detail?: string } {
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { code: 'not-found' };
    case 'EACCES':
    case 'EPERM':
      return { code: 'permission' };
    case 'EISDIR':
      return { code: 'is-directory' };
    default:
      return { code: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
}

function failure(filePath: string, code: FileErrorCode, detail?: string): FileReadResult {
  const error: FileError = { name: path.basename(filePath), path: filePath, code };
  if (detail !== undefined) error.detail = detail;
  return { ok: false, error };
}

/** A plain Uint8Array view (no Buffer subclass) so it crosses IPC as one. */
function plainBytes(data: Uint8Array): Uint8Array {
  return data.constructor === Uint8Array
    ? data
    : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

async function readOne(filePath: string, fsApi: ReadFs): Promise<FileReadResult> {
  try {
    const stats = await fsApi.stat(filePath);
    if (stats.isDirectory()) return failure(filePath, 'is-directory');
    if (!stats.isFile()) return failure(filePath, 'unreadable', 'not a regular file');
    if (stats.size > MAX_FILE_BYTES) return failure(filePath, 'too-large', String(stats.size));
    const data = await fsApi.readFile(filePath);
    // The file may have grown between stat and read.
    if (data.byteLength > MAX_FILE_BYTES) {
      return failure(filePath, 'too-large', String(data.byteLength));
    }
    return {
      ok: true,
      file: { name: path.basename(filePath), path: filePath, bytes: plainBytes(data) },
    };
  } catch (error) {
    const { code, detail } = classify(error);
    return failure(filePath, code, detail);
  }
}

/** Reads each path; one result per path, in the same order. Never rejects. */
export async function readFiles(
  paths: readonly string[],
  fsApi: ReadFs = nodeFs,
): Promise<FileReadResult[]> {
  const results: FileReadResult[] = new Array<FileReadResult>(paths.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const index = next++;
      results[index] = await readOne(paths[index] as string, fsApi);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  return results;
}

export function hasTextExtension(fileName: string): boolean {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  return (TEXT_FILE_EXTENSIONS as readonly string[]).includes(ext);
}

const nameCollator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Natural order ("2" before "10"), ties broken by code units for stability. */
export function compareFileNames(a: string, b: string): number {
  return nameCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The .txt/.text/.md files directly inside `dir` (not recursive), sorted by
 * name. Hidden files (including macOS `._*` resource forks) are skipped;
 * symbolic links count when they point at a file. Rejects if `dir` cannot be
 * listed.
 */
export async function listTextFiles(dir: string, fsApi: FolderFs = nodeFs): Promise<string[]> {
  const entries = await fsApi.readdir(dir, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || !hasTextExtension(entry.name)) continue;
    if (entry.isFile()) {
      names.push(entry.name);
    } else if (entry.isSymbolicLink()) {
      const target = await fsApi.stat(path.join(dir, entry.name)).catch(() => null);
      if (target?.isFile()) names.push(entry.name);
    }
  }
  return names.sort(compareFileNames).map((name) => path.join(dir, name));
}

/**
 * Open Folder: the folder's text files, read. A folder that cannot be listed
 * yields one error result naming the folder, so the renderer can say why.
 */
export async function readTextFolder(
  dir: string,
  fsApi: FolderFs = nodeFs,
): Promise<FileReadResult[]> {
  let paths: string[];
  try {
    paths = await listTextFiles(dir, fsApi);
  } catch (error) {
    const { code, detail } = classify(error);
    return [failure(dir, code === 'is-directory' ? 'unreadable' : code, detail)];
  }
  return readFiles(paths, fsApi);
}
