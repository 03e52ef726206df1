/**
 * The `.qdpx` container: a zip holding `project.qde` and `sources/`
 * (fflate, a small dependency-free zip library that runs in Node and browsers).
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { WrittenProject } from './qde-write';

/** A fixed timestamp for every entry: the same library zips to the same bytes. */
const ENTRY_TIME = new Date('2000-01-01T00:00:00Z');

export function packProject(project: WrittenProject): Uint8Array {
  const entries: Zippable = { 'project.qde': [strToU8(project.qde), { mtime: ENTRY_TIME }] };
  for (const source of project.sources)
    entries[source.path] = [strToU8(source.text), { mtime: ENTRY_TIME }];
  return zipSync(entries, { level: 6 });
}

export interface ProjectArchive {
  /** The `.qde` entry's path and text (UTF-8, BOM removed). */
  qdePath: string;
  qde: string;
  /** Every other entry, keyed by its path in lower case with `/` separators. */
  files: ReadonlyMap<string, { path: string; bytes: Uint8Array }>;
}

export type UnpackResult = { ok: true; archive: ProjectArchive } | { ok: false; error: string };

/**
 * Opens a `.qdpx`: the project is the `.qde` entry of any name (the one at
 * the top level when there are several); names are matched without regard to
 * case, as Windows tools write `Sources/` and `sources/` alike.
 */
export function unpackProject(bytes: Uint8Array): UnpackResult {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `not a zip archive (${reason}); a .qdpx is a zip file` };
  }
  const files = new Map<string, { path: string; bytes: Uint8Array }>();
  for (const [path, data] of Object.entries(entries)) {
    if (path.endsWith('/')) continue;
    files.set(path.replace(/\\/g, '/').toLowerCase(), { path, bytes: data });
  }
  const qdes = [...files.entries()].filter(([key]) => key.endsWith('.qde'));
  if (qdes.length === 0) return { ok: false, error: 'the archive holds no .qde project file' };
  const top = qdes.filter(([key]) => !key.includes('/'));
  if (top.length > 1)
    return {
      ok: false,
      error: `the archive holds ${top.length} project files (${top.map(([, f]) => f.path).join(', ')}); expected one`,
    };
  const [key, entry] = (top[0] ?? qdes[0]) as [string, { path: string; bytes: Uint8Array }];
  files.delete(key);
  let qde: string;
  try {
    qde = new TextDecoder('utf-8', { fatal: true }).decode(entry.bytes);
  } catch {
    return { ok: false, error: `${entry.path} is not UTF-8 text` };
  }
  return { ok: true, archive: { qdePath: entry.path, qde: qde.replace(/^\uFEFF/, ''), files } };
}
