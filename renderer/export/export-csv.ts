import { annotationsToCsv, localUtcOffsetMinutes } from '../../shared/csv';
import type { ClaimmarkDB } from '../db/db';

export interface CsvExport {
  fileName: string;
  content: string;
  rows: number;
}

const stamp = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Characters that are not allowed in file names on Windows, macOS or Linux. */
const FORBIDDEN = new Set('\\/:*?"<>|');
const safeName = (s: string) =>
  Array.from(s, (ch) => (FORBIDDEN.has(ch) || ch.charCodeAt(0) < 32 ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60) || 'document';

/** Builds the CSV for one document, or for the whole library when docId is null. */
export async function buildCsvExport(
  db: ClaimmarkDB,
  docId: string | null,
  now = new Date(),
): Promise<CsvExport> {
  const tables = [db.documents, db.texts, db.originals, db.annotations, db.categories];
  return db.transaction('r', tables, async () => {
    const documents = docId
      ? await db.documents.where('id').equals(docId).toArray()
      : await db.documents.orderBy('addedAt').toArray();
    const ids = documents.map((d) => d.id);
    const annotations = await db.annotations.where('docId').anyOf(ids).toArray();
    const withAnnotations = new Set(annotations.map((a) => a.docId));
    const texts = await db.texts.bulkGet(ids.filter((id) => withAnnotations.has(id)));
    const textMap = new Map(texts.flatMap((t) => (t ? [[t.docId, t.text] as const] : [])));
    const reflowed = documents.filter((d) => d.reflow && withAnnotations.has(d.id));
    const originals = await db.originals.bulkGet(reflowed.map((d) => d.id));
    const originalMap = new Map(originals.flatMap((o) => (o ? [[o.docId, o] as const] : [])));
    const categories = await db.categories.toArray();
    const content = annotationsToCsv({
      documents,
      texts: textMap,
      originals: originalMap,
      annotations,
      categories,
      utcOffsetMinutes: localUtcOffsetMinutes,
    });
    const base = docId ? safeName(documents[0]?.title ?? 'document') : 'claimmark-library';
    return { fileName: `${base}-${stamp(now)}.csv`, content, rows: annotations.length };
  });
}
