/**
 * Why a file could not be imported. The renderer turns a code into a sentence
 * in the user's language that names the file; the main process and the decoder
 * only pick the code.
 */
export const FILE_ERROR_CODES = [
  'not-found',
  'permission',
  'is-directory',
  'too-large',
  'unreadable',
  'empty',
  'binary',
  'undecodable',
  // A PDF, Word file or web page whose text could not be extracted (shared/extract/types.ts).
  'scanned',
  'encrypted',
  'damaged',
] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];

/**
 * Files above this size are refused: before they are read when their size
 * says so, and by the main process once it has read one byte more (a size
 * can lie: /proc files say 0, a file may grow while it is read).
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface FileError {
  /** File name as the user knows it (base name). */
  name: string;
  /** Full path where there is one (desktop). */
  path?: string;
  code: FileErrorCode;
  /** Extra facts for the message, e.g. the size of an oversized file. */
  detail?: string;
}

export interface RawFile {
  name: string;
  path?: string;
  bytes: Uint8Array;
}

export type FileReadResult = { ok: true; file: RawFile } | { ok: false; error: FileError };
