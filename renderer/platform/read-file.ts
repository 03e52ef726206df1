import { MAX_FILE_BYTES, type FileReadResult } from '../../shared/file-errors';

/** Reads a browser `File`, refusing oversized ones before touching their bytes. */
export async function readBrowserFile(file: File): Promise<FileReadResult> {
  const name = file.name;
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, error: { name, code: 'too-large', detail: String(file.size) } };
  }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { ok: true, file: { name, bytes } };
  } catch (e) {
    // A dropped folder or a file removed since it was picked lands here.
    return { ok: false, error: { name, code: 'unreadable', detail: (e as Error).message } };
  }
}

/** Splits a drop into files and folders; folders are reported, not read. */
export function droppedEntries(data: DataTransfer): { files: File[]; folders: string[] } {
  const files: File[] = [];
  const folders: string[] = [];
  const items = Array.from(data.items ?? []);
  if (items.length === 0) return { files: Array.from(data.files), folders };
  for (const item of items) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    const file = item.getAsFile();
    if (entry?.isDirectory) folders.push(entry.name);
    else if (file) files.push(file);
  }
  return { files, folders };
}
