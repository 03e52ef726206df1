import {
  annotationsToCsv,
  localUtcOffsetMinutes,
  type AnnotationsCsvInput,
} from '../../shared/csv';
import type { Annotation, DocumentRecord } from '../../shared/types';
import { libraryLinks, titlesOf } from '../claims/claim-links';
import type { ClaimmarkDB } from '../db/db';

export interface CsvExport {
  fileName: string;
  content: string;
  /** Annotations written (those of documents still in the library). */
  rows: number;
}

export const dateStamp = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Characters that are not allowed in file names on Windows, macOS or Linux. */
const FORBIDDEN = new Set('\\/:*?"<>|');
export const safeName = (s: string) =>
  Array.from(s, (ch) => (FORBIDDEN.has(ch) || ch.charCodeAt(0) < 32 ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60) || 'document';

const byAdded = (a: DocumentRecord, b: DocumentRecord) =>
  a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0;

/**
 * What an annotations export writes for exactly these annotations: their
 * documents (ordered as added), texts, the originals of reflowed documents,
 * the codebook and the claim links. Reads only the documents involved.
 * `rows` counts the annotations whose document is still in the library.
 */
export async function exportInput(
  db: ClaimmarkDB,
  annotations: readonly Annotation[],
): Promise<{ input: AnnotationsCsvInput; rows: number }> {
  const docIds = [...new Set(annotations.map((a) => a.docId))];
  const tables = [db.documents, db.texts, db.originals, db.categories, db.annotations];
  return db.transaction('r', tables, async () => {
    const documents = (await db.documents.bulkGet(docIds))
      .filter((d): d is DocumentRecord => d !== undefined)
      .sort(byAdded);
    const ids = documents.map((d) => d.id);
    const texts = await db.texts.bulkGet(ids);
    const textMap = new Map(texts.flatMap((t) => (t ? [[t.docId, t.text] as const] : [])));
    const reflowed = documents.filter((d) => d.reflow).map((d) => d.id);
    const originals = await db.originals.bulkGet(reflowed);
    const originalMap = new Map(originals.flatMap((o) => (o ? [[o.docId, o] as const] : [])));
    const present = new Set(ids);
    const kept = annotations.filter((a) => present.has(a.docId));
    // The same claim in other documents: the whole library is indexed, not just these rows.
    const library = await db.annotations.toArray();
    const titles = new Map((await db.documents.toArray()).map((d) => [d.id, d.title]));
    const docOf = new Map(library.map((a) => [a.id, a.docId]));
    const index = libraryLinks;
    index.sync(library);
    const links = new Map(
      kept.map((a) => [
        a.id,
        titlesOf(
          index.linksOf(a),
          (id) => docOf.get(id),
          (doc) => titles.get(doc),
        ),
      ]),
    );
    const input: AnnotationsCsvInput = {
      links,
      documents,
      texts: textMap,
      originals: originalMap,
      annotations: kept,
      categories: await db.categories.toArray(),
      utcOffsetMinutes: localUtcOffsetMinutes,
    };
    return { input, rows: kept.length };
  });
}

/**
 * The CSV of exactly these annotations, rows ordered by document (as added)
 * and position.
 */
export async function csvOfAnnotations(
  db: ClaimmarkDB,
  annotations: readonly Annotation[],
  fileName: string,
): Promise<CsvExport> {
  const { input, rows } = await exportInput(db, annotations);
  return { fileName, content: annotationsToCsv(input), rows };
}

/** The base of an export's file name: the document's title, or the library's. */
export async function exportBaseName(db: ClaimmarkDB, docId: string | null): Promise<string> {
  const title = docId ? (await db.documents.get(docId))?.title : undefined;
  return docId ? safeName(title ?? 'document') : 'claimmark-library';
}

/** Builds the CSV for one document, or for the whole library when docId is null. */
export async function buildCsvExport(
  db: ClaimmarkDB,
  docId: string | null,
  now = new Date(),
): Promise<CsvExport> {
  const annotations = docId
    ? await db.annotations.where('docId').equals(docId).toArray()
    : await db.annotations.toArray();
  const base = await exportBaseName(db, docId);
  return csvOfAnnotations(db, annotations, `${base}-${dateStamp(now)}.csv`);
}
