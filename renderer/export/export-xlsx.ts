import type { ClaimmarkDB } from '../db/db';
import { dateStamp, exportBaseName, exportInput } from './export-csv';
import { annotationsWorkbook } from './workbook';

export interface XlsxExport {
  fileName: string;
  bytes: Uint8Array;
  /** Annotations written (those of documents still in the library). */
  rows: number;
}

/**
 * The workbook for one document, or for the whole library when docId is
 * null: the same rows as the CSV export of that scope, and the codebook.
 */
export async function buildXlsxExport(
  db: ClaimmarkDB,
  docId: string | null,
  now = new Date(),
): Promise<XlsxExport> {
  const annotations = docId
    ? await db.annotations.where('docId').equals(docId).toArray()
    : await db.annotations.toArray();
  const { input, rows } = await exportInput(db, annotations);
  const base = await exportBaseName(db, docId);
  return {
    fileName: `${base}-${dateStamp(now)}.xlsx`,
    bytes: await annotationsWorkbook(input),
    rows,
  };
}
