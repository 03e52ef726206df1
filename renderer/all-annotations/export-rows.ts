import { annotationsToCsv, localUtcOffsetMinutes } from '../../shared/csv';
import type { Annotation, DocumentRecord } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';

export interface RowsCsv {
  fileName: string;
  content: string;
  /** Annotations written (those of documents still in the library). */
  rows: number;
}

const stamp = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const byAdded = (a: DocumentRecord, b: DocumentRecord) =>
  a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0;

/**
 * The CSV of exactly these annotations (rows ordered by document, then
 * position, as every Claimmark CSV is). Reads the texts, and the original
 * texts of reflowed documents, of the documents involved only.
 */
export async function buildRowsCsv(
  db: ClaimmarkDB,
  annotations: readonly Annotation[],
  now = new Date(),
): Promise<RowsCsv> {
  const docIds = [...new Set(annotations.map((a) => a.docId))];
  const tables = [db.documents, db.texts, db.originals, db.categories];
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
    const categories = await db.categories.toArray();
    const present = new Set(ids);
    const kept = annotations.filter((a) => present.has(a.docId));
    const content = annotationsToCsv({
      documents,
      texts: textMap,
      originals: originalMap,
      annotations: kept,
      categories,
      utcOffsetMinutes: localUtcOffsetMinutes,
    });
    return { fileName: `claimmark-annotations-${stamp(now)}.csv`, content, rows: kept.length };
  });
}
