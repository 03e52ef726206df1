import type { Annotation } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';
import { csvOfAnnotations, dateStamp, type CsvExport } from '../export/export-csv';

export type RowsCsv = CsvExport;

/** The CSV of exactly the rows the table's filter shows. */
export function buildRowsCsv(
  db: ClaimmarkDB,
  annotations: readonly Annotation[],
  now = new Date(),
): Promise<RowsCsv> {
  return csvOfAnnotations(db, annotations, `claimmark-annotations-${dateStamp(now)}.csv`);
}
