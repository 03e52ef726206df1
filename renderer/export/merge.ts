import { readProject, type ImportedProject } from '../../shared/exchange/qde-read';
import { unpackProject } from '../../shared/exchange/qdpx';
import { codePointLength, sha256Hex } from '../../shared/text';
import type { Annotation, Category, DocumentRecord } from '../../shared/types';
import type { AnnotationChange } from '../annotations/undo';
import { nextColor } from '../codebook/codebook';
import type { ClaimmarkDB } from '../db/db';
import { fromBase64, parseBackup, type Backup } from './backup';
import { annotationOf } from './project';

/**
 * Import ▸ Another analyst's work…: their documents, codebook and annotations
 * joined to this library, never replacing it. Documents are matched by their
 * text (SHA-256) and added with their text when the library lacks them;
 * categories by id, then by name; an annotation already here (same id) takes
 * the incoming version only when that one is newer (updatedAt).
 */

/** One document of the incoming work, whatever file it came from. */
export interface IncomingDocument {
  id: string;
  title: string;
  fileName: string;
  text: string;
  bytes: Uint8Array;
  record?: DocumentRecord;
}

export interface IncomingWork {
  documents: IncomingDocument[];
  categories: Category[];
  annotations: Annotation[];
}

export interface MergeReport {
  documentsAdded: number;
  documentsMatched: number;
  categoriesAdded: number;
  categoriesMatched: number;
  added: number;
  updated: number;
  /** Already here and not older than the incoming version: left as they are. */
  skipped: number;
  /** Annotations whose id is already used here for another document: not merged. */
  unmatched: number;
  /** Annotations that came in orphaned (their quote could not be placed). */
  orphaned: number;
  coders: string[];
  /** What undo puts back: every added annotation removed, every updated one as it was. */
  changes: AnnotationChange[];
}

export function workFromBackup(b: Backup): IncomingWork {
  const texts = new Map(b.texts.map((t) => [t.docId, t.text]));
  const sources = new Map(b.sources.map((s) => [s.docId, s.base64]));
  return {
    documents: b.documents.map((d) => ({
      id: d.id,
      title: d.title,
      fileName: d.fileName,
      text: texts.get(d.id) ?? '',
      bytes: fromBase64(sources.get(d.id) ?? ''),
      record: d,
    })),
    categories: b.categories,
    annotations: b.annotations,
  };
}

export function workFromProject(p: ImportedProject, now = new Date()): IncomingWork {
  const stamp = now.toISOString();
  const categories = p.codes.map((c, i): Category => ({
    id: c.guid,
    name: c.name,
    parentId: c.parentGuid,
    color: c.color ?? nextColor([]),
    description: c.description,
    order: i,
  }));
  return {
    documents: p.sources.map((s) => ({
      id: s.guid,
      title: s.name,
      fileName: /\.txt$/i.test(s.name) ? s.name : `${s.name}.txt`,
      text: s.text,
      bytes: s.bytes,
    })),
    categories,
    annotations: p.sources.flatMap((s) =>
      s.selections.map((sel) => annotationOf(sel, s.guid, s.text, sel.codeGuids, stamp)),
    ),
  };
}

/** A backup (JSON) or a project (a zip, "PK"), told apart by the bytes, not the name. */
export function readWork(
  bytes: Uint8Array,
): { ok: true; work: IncomingWork } | { ok: false; error: string } {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const unpacked = unpackProject(bytes);
    if (!unpacked.ok) return unpacked;
    const read = readProject(unpacked.archive);
    return read.ok ? { ok: true, work: workFromProject(read.project) } : read;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      error: 'neither a Claimmark backup nor a REFI-QDA project (not UTF-8 text, not a zip)',
    };
  }
  const parsed = parseBackup(text);
  return parsed.ok ? { ok: true, work: workFromBackup(parsed.backup) } : parsed;
}

/** Incoming categories placed in the codebook: by id, then by name, else added (two levels). */
function placeCategories(incoming: readonly Category[], existing: readonly Category[]) {
  const byId = new Map(existing.map((c) => [c.id, c]));
  const byName = new Map(existing.map((c) => [c.name.trim(), c]));
  const ids = new Map<string, string>();
  const parents = new Map(existing.map((c) => [c.id, c.parentId]));
  const added: Category[] = [];
  const colors = existing.map((c) => c.color);
  let order = existing.reduce((m, c) => Math.max(m, c.order), -1);
  let matched = 0;
  // Parents first, so that a subcategory finds where its parent went.
  const sorted = [...incoming].sort(
    (a, b) => Number(a.parentId !== null) - Number(b.parentId !== null) || a.order - b.order,
  );
  for (const c of sorted) {
    const found = byId.get(c.id) ?? byName.get(c.name.trim());
    if (found) {
      ids.set(c.id, found.id);
      matched++;
      continue;
    }
    let parentId = c.parentId ? (ids.get(c.parentId) ?? null) : null;
    if (parentId !== null) parentId = parents.get(parentId) ?? parentId;
    const color = colors.includes(c.color) ? nextColor(colors) : c.color;
    colors.push(color);
    const category: Category = { ...c, parentId, color, order: ++order };
    added.push(category);
    ids.set(c.id, c.id);
    parents.set(c.id, parentId);
    byName.set(c.name.trim(), category);
  }
  return { ids, added, matched };
}

const newer = (a: Annotation, b: Annotation) => Date.parse(a.updatedAt) > Date.parse(b.updatedAt);

/** Joins the incoming work to the library in one transaction: all of it, or nothing. */
export async function mergeWork(
  db: ClaimmarkDB,
  work: IncomingWork,
  now = new Date(),
): Promise<MergeReport> {
  const hashes = await Promise.all(work.documents.map((d) => sha256Hex(d.text)));
  const tables = [db.documents, db.texts, db.sources, db.annotations, db.categories];
  return db.transaction('rw', tables, async () => {
    const codes = placeCategories(work.categories, await db.categories.toArray());
    await db.categories.bulkAdd(codes.added);
    const report: MergeReport = {
      documentsAdded: 0,
      documentsMatched: 0,
      categoriesAdded: codes.added.length,
      categoriesMatched: codes.matched,
      added: 0,
      updated: 0,
      skipped: 0,
      unmatched: 0,
      orphaned: 0,
      coders: [],
      changes: [],
    };
    const docIds = new Map<string, string>();
    for (const [i, d] of work.documents.entries()) {
      const sha256 = hashes[i] as string;
      const existing = await db.documents.where('sha256').equals(sha256).first();
      if (existing) {
        docIds.set(d.id, existing.id);
        report.documentsMatched++;
        continue;
      }
      // Their id may name another text here: the document then gets an id of its own.
      const id = (await db.documents.get(d.id)) ? crypto.randomUUID() : d.id;
      const record: DocumentRecord = {
        ...(d.record ?? {
          title: d.title,
          fileName: d.fileName,
          encoding: 'utf-8',
          bom: false,
          addedAt: now.toISOString(),
          reflow: null,
        }),
        id,
        sha256,
        length: codePointLength(d.text),
      };
      // Their reflow's original is not brought along: the text is kept as they read it.
      if (record.reflow) record.reflow = null;
      delete record.filePath;
      await db.documents.add(record);
      await db.texts.add({ docId: id, text: d.text });
      await db.sources.add({ docId: id, bytes: d.bytes });
      docIds.set(d.id, id);
      report.documentsAdded++;
    }
    const coders = new Set<string>();
    const stored = await db.annotations.bulkGet(work.annotations.map((a) => a.id));
    const writes: Annotation[] = [];
    work.annotations.forEach((incoming, i) => {
      const docId = docIds.get(incoming.docId);
      if (!docId) return void report.unmatched++;
      const a: Annotation = {
        ...incoming,
        docId,
        categoryIds: [...new Set(incoming.categoryIds.flatMap((c) => codes.ids.get(c) ?? []))],
      };
      const before = stored[i];
      if (before && before.docId !== docId) return void report.unmatched++;
      if (before && !newer(a, before)) return void report.skipped++;
      writes.push(a);
      report.changes.push({ before: before ?? null, after: a });
      if (before) report.updated++;
      else report.added++;
      if (a.orphaned) report.orphaned++;
      if (a.createdBy) coders.add(a.createdBy);
    });
    await db.annotations.bulkPut(writes);
    report.coders = [...coders].sort();
    return report;
  });
}
