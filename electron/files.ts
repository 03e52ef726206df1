/**
 * Reading files for the renderer. Bytes only: decoding happens in the renderer
 * (Node's TextDecoder gets GBK and Big5 wrong), so nothing here looks inside
 * a file. Every failure becomes a `FileError` code; nothing throws. One file
 * is read by read-file.ts; here a call's files share a byte budget.
 */
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { DOCUMENT_EXTENSIONS } from '../shared/extract/detect';
import { MAX_FILE_BYTES, type FileReadResult } from '../shared/file-errors';
import { classify, failure, readRegularFile, type ReadFs } from './read-file';

export type { ReadFs, ReadHandle, StatLike } from './read-file';

/** Extensions of plain text files. */
export const TEXT_FILE_EXTENSIONS = ['txt', 'text', 'md'] as const;

/**
 * What Open Folder picks up and the dialogs offer: text, and the documents the
 * renderer extracts text from (PDF, Word, saved web pages). Bytes are bytes
 * here; the renderer tells the formats apart by their content.
 */
export const OPENABLE_EXTENSIONS = [...TEXT_FILE_EXTENSIONS, ...DOCUMENT_EXTENSIONS] as const;

/** Files read at the same time. */
const READ_CONCURRENCY = 4;

/**
 * The most bytes one call returns, all files together: 256 MB, four files at
 * the 64 MB cap or thousands of ordinary articles (tens of KB each). The
 * results are held in the main process and then copied across IPC, so a call
 * naming 1,000 files of 64 MB must not mean 64 GB in memory. Files are
 * admitted in the order given; once the budget is used up the rest are
 * refused, each by name, with the advice to open fewer at a time. While
 * reading, at most READ_CONCURRENCY files not yet admitted are in memory too,
 * so a call peaks below 256 MB + 4 × 64 MB before the IPC copy.
 */
export const MAX_CALL_BYTES = 256 * 1024 * 1024;

export interface DirentLike {
  name: string;
  isFile(): boolean;
  isSymbolicLink(): boolean;
}

export interface FolderFs extends ReadFs {
  readdir(dir: string, options: { withFileTypes: true }): Promise<DirentLike[]>;
}

export interface ReadOptions<F extends ReadFs = ReadFs> {
  fs?: F;
  /** Per file; MAX_FILE_BYTES unless a test says otherwise. */
  maxFileBytes?: number;
  /** Per call, all files together; MAX_CALL_BYTES unless a test says otherwise. */
  maxCallBytes?: number;
}

function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${bytes} bytes`;
}

export function tooMuchAtOnceDetail(maxCallBytes: number): string {
  return (
    `too much at once: Claimmark reads at most ${sizeText(maxCallBytes)} of files in one go; ` +
    'open fewer files at a time'
  );
}

/**
 * Reads each path; one result per path, in the same order. Never rejects.
 * A file is admitted when it fits in what the files before it in the list
 * left of the budget, so which files are refused does not depend on which
 * read finished first.
 */
export async function readFiles(
  paths: readonly string[],
  options: ReadOptions = {},
): Promise<FileReadResult[]> {
  const fsApi = options.fs ?? nodeFs;
  const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  const limit = options.maxCallBytes ?? MAX_CALL_BYTES;
  const results: FileReadResult[] = new Array<FileReadResult>(paths.length);
  /** Bytes of the files admitted so far: files before the one being read, as they are admitted in order. */
  let used = 0;
  /** Settles once the latest file handed to a worker has been admitted or refused. */
  let decided: Promise<void> = Promise.resolve();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const index = next++;
      const filePath = paths[index] as string;
      const earlier = decided;
      let decide = (): void => undefined;
      decided = new Promise<void>((resolve) => (decide = resolve));
      try {
        // What is left now can only shrink: a file that does not fit now never will.
        const outcome = await readRegularFile(filePath, fsApi, {
          maxBytes,
          room: () => limit - used,
        });
        await earlier;
        if (
          'overBudget' in outcome ||
          (outcome.ok && used + outcome.file.bytes.byteLength > limit)
        ) {
          results[index] = failure(filePath, 'unreadable', tooMuchAtOnceDetail(limit));
        } else {
          if (outcome.ok) used += outcome.file.bytes.byteLength;
          results[index] = outcome;
        }
      } finally {
        decide();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  return results;
}

export function hasTextExtension(fileName: string): boolean {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  return (OPENABLE_EXTENSIONS as readonly string[]).includes(ext);
}

const nameCollator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Natural order ("2" before "10"), ties broken by code units for stability. */
export function compareFileNames(a: string, b: string): number {
  return nameCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The files Claimmark opens (OPENABLE_EXTENSIONS) directly inside `dir` (not recursive), sorted by
 * name. Hidden files (including macOS `._*` resource forks) are skipped;
 * symbolic links count when they point at a file. Rejects if `dir` cannot be
 * listed.
 */
export async function listTextFiles(
  dir: string,
  fsApi: Pick<FolderFs, 'readdir' | 'stat'> = nodeFs,
): Promise<string[]> {
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
  options: ReadOptions<FolderFs> = {},
): Promise<FileReadResult[]> {
  let paths: string[];
  try {
    paths = await listTextFiles(dir, options.fs ?? nodeFs);
  } catch (error) {
    const { code, detail } = classify(error);
    return [failure(dir, code === 'is-directory' ? 'unreadable' : code, detail)];
  }
  return readFiles(paths, options);
}
