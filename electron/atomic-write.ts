/**
 * Saving without ever leaving a half-written or missing file: write a
 * temporary file next to the target, flush it to disk, then rename it over
 * the target (atomic on one file system). If anything fails — a full disk, a
 * vanished folder, a target locked by a spreadsheet on Windows — the temporary
 * file is removed and the old target is left exactly as it was.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

export interface WritableHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The parts of `node:fs/promises` used here (injected in tests). */
export interface AtomicWriteFs {
  open(filePath: string, flags: string, mode?: number): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
  stat(filePath: string): Promise<{ mode: number }>;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EACCES: 'permission denied',
  EPERM: 'permission denied, or the file is open in another program',
  EBUSY: 'the file is open in another program',
  EROFS: 'the disk is read-only',
  ENOENT: 'the folder does not exist',
  ENAMETOOLONG: 'the file name is too long',
};

export class AtomicWriteError extends Error {
  readonly code: string | undefined;

  constructor(
    readonly target: string,
    cause: unknown,
  ) {
    const code = (cause as { code?: unknown } | null)?.code;
    const reason =
      (typeof code === 'string' ? REASONS[code] : undefined) ??
      (cause instanceof Error ? cause.message : String(cause));
    super(`Could not save "${target}": ${reason}${typeof code === 'string' ? ` (${code})` : ''}`, {
      cause,
    });
    this.name = 'AtomicWriteError';
    this.code = typeof code === 'string' ? code : undefined;
  }
}

/** `.name.<random>.tmp` beside the target; the name part is capped to stay under NAME_MAX. */
export function tempPathFor(target: string): string {
  const base = Array.from(path.basename(target)).slice(0, 40).join('');
  return path.join(path.dirname(target), `.${base}.${randomBytes(6).toString('hex')}.tmp`);
}

async function modeOf(target: string, fsApi: AtomicWriteFs): Promise<number> {
  try {
    return (await fsApi.stat(target)).mode & 0o777;
  } catch {
    return 0o666;
  }
}

/** Makes the rename itself durable; best effort (not possible on Windows). */
async function syncDirectory(dir: string, fsApi: AtomicWriteFs): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await fsApi.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on directories; the data is already safe.
  }
}

/**
 * Replaces `target` with `data` (strings are written as UTF-8), atomically.
 * Keeps the permission bits of an existing target. Rejects with an
 * `AtomicWriteError` whose message names the file and the reason.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  fsApi: AtomicWriteFs = nodeFs,
): Promise<void> {
  const temp = tempPathFor(target);
  let handle: WritableHandle | undefined;
  let tempExists = false;
  try {
    const mode = await modeOf(target, fsApi);
    handle = await fsApi.open(temp, 'wx', mode);
    tempExists = true;
    await handle.writeFile(data);
    await handle.sync();
    const open = handle;
    handle = undefined;
    await open.close();
    await fsApi.rename(temp, target);
    tempExists = false;
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    if (tempExists) await fsApi.unlink(temp).catch(() => undefined);
    throw new AtomicWriteError(target, error);
  }
  await syncDirectory(path.dirname(target), fsApi);
}
