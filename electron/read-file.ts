/**
 * Reading one file for the renderer, never trusting `stat` about its size:
 * a /proc file reports 0 bytes and has more, a file being written grows
 * while it is read. So the bytes are read in chunks from one file handle and
 * counted as they come, and reading stops at the cap plus one byte. Only a
 * regular file is read: a FIFO would block a thread forever, a device may
 * never end. Every failure becomes a `FileError` code; nothing throws.
 */
import { constants as fsConstants } from 'node:fs';
import path from 'node:path';
import type { FileError, FileErrorCode, FileReadResult } from '../shared/file-errors';

export interface StatLike {
  size: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

/** The part of a `fs.promises.FileHandle` used here. */
export interface ReadHandle {
  stat(): Promise<StatLike>;
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

/** The parts of `node:fs/promises` used here (injected in tests). */
export interface ReadFs {
  stat(filePath: string): Promise<StatLike>;
  open(filePath: string, flags: number): Promise<ReadHandle>;
}

/**
 * Read-only, and on POSIX non-blocking: should the path turn into a FIFO
 * between the `stat` and the `open`, opening it returns at once instead of
 * waiting for a writer (the handle's own `stat` then refuses it).
 */
export const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/** How much more is asked for once the bytes `stat` promised are in. */
const PROBE_BYTES = 64 * 1024;

export const NOT_REGULAR_DETAIL = 'it is not a regular file (a pipe, a device or a socket)';

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function classify(error: unknown): { code: FileErrorCode; detail?: string } {
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

export function failure(filePath: string, code: FileErrorCode, detail?: string): FileReadResult {
  const error: FileError = { name: path.basename(filePath), path: filePath, code };
  if (detail !== undefined) error.detail = detail;
  return { ok: false, error };
}

/** What reading one file came to; `over-budget` is decided by the caller. */
export type ReadOutcome = FileReadResult | { ok: false; overBudget: true };

interface Limits {
  /** Per file (MAX_FILE_BYTES). */
  maxBytes: number;
  /** Bytes this file may still take of the call's budget; may shrink meanwhile. */
  room: () => number;
}

/**
 * Reads the whole file into a Uint8Array that owns exactly its bytes (it
 * crosses IPC by structured clone, which would copy a larger backing buffer
 * whole). Stops early with `overBudget` once the file cannot fit in `room`.
 */
async function readCapped(
  handle: ReadHandle,
  filePath: string,
  sizeHint: number,
  limits: Limits,
): Promise<ReadOutcome> {
  const { maxBytes, room } = limits;
  let buffer = new Uint8Array(Math.max(0, Math.min(sizeHint, maxBytes, room() + 1)));
  let length = 0;
  let probe: Uint8Array | undefined;
  for (;;) {
    if (length > room()) return { ok: false, overBudget: true };
    if (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      continue;
    }
    // Everything `stat` promised is in: is there more?
    probe ??= new Uint8Array(PROBE_BYTES);
    const want = Math.min(PROBE_BYTES, maxBytes + 1 - length);
    const { bytesRead } = await handle.read(probe, 0, want, length);
    if (bytesRead === 0) break;
    const total = length + bytesRead;
    if (total > maxBytes) return failure(filePath, 'too-large', String(Math.max(sizeHint, total)));
    if (total > room()) return { ok: false, overBudget: true };
    const grown = new Uint8Array(
      Math.min(maxBytes, room() + 1, Math.max(buffer.length * 2, total, PROBE_BYTES)),
    );
    grown.set(buffer.subarray(0, length));
    grown.set(probe.subarray(0, bytesRead), length);
    buffer = grown;
    length = total;
  }
  const bytes = length === buffer.length ? buffer : buffer.slice(0, length);
  return { ok: true, file: { name: path.basename(filePath), path: filePath, bytes } };
}

/** Reads one regular file of at most `maxBytes` bytes. Never rejects. */
export async function readRegularFile(
  filePath: string,
  fsApi: ReadFs,
  limits: Limits,
): Promise<ReadOutcome> {
  let handle: ReadHandle | undefined;
  try {
    // Refuse before opening what should not be opened (a FIFO, a device)…
    const before = await fsApi.stat(filePath);
    if (before.isDirectory()) return failure(filePath, 'is-directory');
    if (!before.isFile()) return failure(filePath, 'unreadable', NOT_REGULAR_DETAIL);
    handle = await fsApi.open(filePath, OPEN_FLAGS);
    // …and judge what was actually opened: the path may have changed since.
    const stats = await handle.stat();
    if (stats.isDirectory()) return failure(filePath, 'is-directory');
    if (!stats.isFile()) return failure(filePath, 'unreadable', NOT_REGULAR_DETAIL);
    if (stats.size > limits.maxBytes) return failure(filePath, 'too-large', String(stats.size));
    return await readCapped(handle, filePath, stats.size, limits);
  } catch (error) {
    const { code, detail } = classify(error);
    return failure(filePath, code, detail);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
