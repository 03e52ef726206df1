/**
 * Annotation export as CSV, one row per annotation, ordered by document and
 * then by position. The file is UTF-8 with a byte order mark (so spreadsheet
 * programs detect the encoding), CRLF line ends and RFC 4180 quoting.
 *
 * | column | content |
 * | --- | --- |
 * | `annotation_id` | the annotation's stable id |
 * | `document_title` | the document's title in the library |
 * | `document_file` | the file name the document was opened from |
 * | `document_sha256` | SHA-256 (hex) of the document's decoded, LF-normalised text |
 * | `categories` | category names in codebook order, separated by `; ` |
 * | `quote` | the marked text |
 * | `note` | the analyst's note |
 * | `prefix`, `suffix` | up to 32 characters of text before and after the quote |
 * | `start`, `end` | position of the quote in the document text, in Unicode code points, counted from 0, `end` exclusive: in Python, `text[start:end] == quote` |
 * | `created_at`, `updated_at` | ISO 8601 local time with its UTC offset, e.g. `2026-11-22T21:00:05+08:00` |
 * | `source_line`, `source_column` | 1-based line and column (code points) of the quote's start in the file as opened, before any reflow |
 * | `section` | the nearest heading above the quote |
 * | `page` | the page (1-based) the quote starts on, for a PDF; empty otherwise |
 * | `status` | unverified, supported, disputed, false or opinion |
 * | `speaker` | who makes the claim |
 * | `evidence` | the analyst's sources or links, as text |
 * | `quantities` | every figure in the quote as `text=value unit` ("1.35亿千瓦=135000000 千瓦"), joined by `; ` |
 * | `value`, `unit` | the first figure's value (a plain number) and unit |
 * | `repeated_in` | titles of the other documents that state the same claim, joined by `; ` |
 * | `conflicts_with` | titles of the other documents that state it with a different figure |
 * | `coder` | who made the annotation (Settings ▸ Your name); empty when no name was set |
 *
 * An orphaned annotation (its text changed and it could not be found again)
 * is exported with empty `start`, `end`, `source_line`, `source_column` and
 * `section`.
 *
 * A text cell that begins with `=`, `+`, `-`, `@` or any C0 control (NUL, tab, CR, LF…) is written
 * with a leading `'` so that spreadsheet programs do not run it as a formula
 * (a cell that already begins with `'` before such a character gets one more);
 * Claimmark strips that one `'` again when it reads its own CSV. The numeric
 * columns `start`, `end` and `value` are never prefixed.
 */
import Papa from 'papaparse';
import { lineColumn, lineStarts, toOriginal } from './offset-map';
import { findQuantities, type Quantity } from './claims/quantity';
import { guardCell, unguardCell } from './csv-guard';
import { pageAt } from './extract/pages';
import { detectStructure, sectionAt } from './structure';
import type { Annotation, Category, DocumentOriginal, DocumentRecord } from './types';
import { toCodePointOffsets } from './text';

export const CSV_COLUMNS = [
  'annotation_id',
  'document_title',
  'document_file',
  'document_sha256',
  'categories',
  'quote',
  'note',
  'prefix',
  'suffix',
  'start',
  'end',
  'created_at',
  'updated_at',
  'source_line',
  'source_column',
  'section',
  'page',
  'status',
  'speaker',
  'evidence',
  'quantities',
  'value',
  'unit',
  'repeated_in',
  'conflicts_with',
  'coder',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export interface AnnotationsCsvInput {
  /** Documents in the order their rows should appear. */
  documents: DocumentRecord[];
  /** Document id → its text; needed to convert offsets to code points. */
  texts: ReadonlyMap<string, string>;
  /** Document id → the file's own text and offset map, for reflowed documents. */
  originals?: ReadonlyMap<string, DocumentOriginal>;
  /** Annotations of documents not in `documents` are left out. */
  annotations: Annotation[];
  categories: Category[];
  /** Minutes east of UTC at that instant (e.g. 480 for +08:00); see `localUtcOffsetMinutes`. */
  utcOffsetMinutes: (d: Date) => number;
  /** Annotation id → the other documents that repeat its claim or state it differently. */
  links?: ReadonlyMap<string, ClaimLinks>;
}

/** Titles of the documents that repeat a claim, and of those that give another figure. */
export interface ClaimLinks {
  repeatedIn: string[];
  conflictsWith: string[];
}

/** A figure's value as a plain number: no exponent, no grouping. */
export const plainNumber = (v: number): string =>
  v.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 12 });

/** "1.35亿千瓦=135000000 千瓦; 30%=30 %" */
export function formatQuantities(quantities: readonly Quantity[]): string {
  return quantities
    .map((q) => `${q.text}=${plainNumber(q.value)}${q.unit ? ` ${q.unit}` : ''}`)
    .join('; ');
}

/** The machine's own UTC offset at `d`, in minutes east of UTC. */
export const localUtcOffsetMinutes = (d: Date): number => -d.getTimezoneOffset();

const BOM = '\uFEFF';
const CRLF = '\r\n';
const guard = guardCell;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `iso` (as stored, UTC) as local ISO 8601 with an explicit offset, to the second. */
export function formatTimestamp(iso: string, utcOffsetMinutes: (d: Date) => number): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const offset = Math.round(utcOffsetMinutes(date));
  const local = new Date(date.getTime() + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** What a column holds, for writers that keep types (the workbook): text, a number, or a date. */
export type ColumnKind = 'text' | 'number' | 'date';

const NUMBER_COLUMNS = new Set<CsvColumn>([
  'start',
  'end',
  'source_line',
  'source_column',
  'page',
  'value',
]);
const DATE_COLUMNS = new Set<CsvColumn>(['created_at', 'updated_at']);

export const CSV_COLUMN_KINDS: Readonly<Record<CsvColumn, ColumnKind>> = Object.fromEntries(
  CSV_COLUMNS.map((c) => [
    c,
    NUMBER_COLUMNS.has(c) ? 'number' : DATE_COLUMNS.has(c) ? 'date' : 'text',
  ]),
) as Record<CsvColumn, ColumnKind>;

/**
 * One annotation's cells before any file format: text as it is (no formula
 * guard), numbers as numbers (null for an empty cell: an orphan's position,
 * a quote without figures), dates as the stored ISO 8601 UTC string.
 */
export type AnnotationRow = { [C in CsvColumn]: string | number | null };

/** The rows of the annotations export, ordered by document and then by position. */
export function annotationRows(input: AnnotationsCsvInput): AnnotationRow[] {
  const categories = new Map(input.categories.map((c) => [c.id, c]));
  const byDoc = new Map<string, Annotation[]>();
  for (const a of input.annotations) {
    const list = byDoc.get(a.docId);
    if (list) list.push(a);
    else byDoc.set(a.docId, [a]);
  }

  const rows: AnnotationRow[] = [];
  for (const doc of input.documents) {
    const annotations = [...(byDoc.get(doc.id) ?? [])].sort(
      (a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id),
    );
    if (annotations.length === 0) continue;
    const text = input.texts.get(doc.id);
    if (text === undefined) throw new Error(`No text for document "${doc.title}" (${doc.id})`);
    const points = toCodePointOffsets(
      text,
      annotations.flatMap((a) => [a.start, a.end]),
    );
    const original = input.originals?.get(doc.id);
    const fileText = original?.text ?? text;
    const starts = lineStarts(fileText);
    const structure = detectStructure(text, doc.headingOverrides, doc.headings);
    annotations.forEach((a, i) => {
      // An orphan has no place in the current text: its position cells stay empty.
      const source = a.orphaned
        ? null
        : lineColumn(fileText, original ? toOriginal(original.map, a.start) : a.start, starts);
      const names = a.categoryIds
        .map((id) => categories.get(id))
        .filter((c): c is Category => c !== undefined)
        .sort((x, y) => x.order - y.order)
        .map((c) => c.name)
        .join('; ');
      const quantities = a.quantities ?? findQuantities(a.quote);
      const links = input.links?.get(a.id);
      rows.push({
        annotation_id: a.id,
        document_title: doc.title,
        document_file: doc.fileName,
        document_sha256: doc.sha256,
        categories: names,
        quote: a.quote,
        note: a.note,
        prefix: a.prefix,
        suffix: a.suffix,
        start: source ? (points[2 * i] ?? 0) : null,
        end: source ? (points[2 * i + 1] ?? 0) : null,
        created_at: a.createdAt,
        updated_at: a.updatedAt,
        source_line: source?.line ?? null,
        source_column: source?.column ?? null,
        section: source ? sectionAt(structure, a.start) : '',
        page: source ? pageAt(doc.pages, a.start) : null,
        status: a.status,
        speaker: a.speaker,
        evidence: a.evidence,
        quantities: formatQuantities(quantities),
        value: quantities[0]?.value ?? null,
        unit: quantities[0]?.unit ?? '',
        repeated_in: links?.repeatedIn.join('; ') ?? '',
        conflicts_with: links?.conflictsWith.join('; ') ?? '',
        coder: a.createdBy ?? '',
      });
    });
  }
  return rows;
}

/** One CSV cell: text guarded, numbers plain, dates local with their offset. */
function csvCell(
  column: CsvColumn,
  value: string | number | null,
  utcOffsetMinutes: (d: Date) => number,
): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return column === 'value' ? plainNumber(value) : value;
  if (CSV_COLUMN_KINDS[column] === 'date') return guard(formatTimestamp(value, utcOffsetMinutes));
  return guard(value);
}

/** Builds the CSV text (BOM, header, one CRLF-terminated row per annotation). */
export function annotationsToCsv(input: AnnotationsCsvInput): string {
  const rows = annotationRows(input).map((row) =>
    CSV_COLUMNS.map((c) => csvCell(c, row[c], input.utcOffsetMinutes)),
  );
  const header = CSV_COLUMNS.join(',') + CRLF;
  if (rows.length === 0) return BOM + header;
  const body = Papa.unparse(rows, { newline: CRLF, quotes: false, escapeFormulae: false });
  return BOM + header + body + CRLF;
}

/**
 * The columns every Claimmark version has written; the others came later
 * (section, status, figures, coder, page…) and read as empty from an older file.
 */
const FIRST_COLUMNS: readonly CsvColumn[] = CSV_COLUMNS.slice(
  0,
  CSV_COLUMNS.indexOf('updated_at') + 1,
);

/**
 * Reads a CSV written by `annotationsToCsv` back into rows keyed by column
 * name, with the formula guard removed. Cells are found by their header, so
 * a file exported before a column existed (no `page`, say) reads with that
 * column empty. Throws when the header names a column Claimmark never wrote,
 * names one twice or lacks one of the first columns, or a row has the wrong
 * number of cells.
 */
export function parseAnnotationsCsv(csv: string): Record<CsvColumn, string>[] {
  const source = csv.startsWith(BOM) ? csv.slice(1) : csv;
  const parsed = Papa.parse<string[]>(source, { header: false, skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const known = new Set<string>(CSV_COLUMNS);
  const names = header ?? [];
  const valid =
    names.every((name) => known.has(name)) &&
    new Set(names).size === names.length &&
    FIRST_COLUMNS.every((column) => names.includes(column));
  if (!valid) {
    throw new Error(
      `Not a Claimmark annotations CSV: expected the header "${CSV_COLUMNS.join(',')}" ` +
        `(or an earlier version's, without its later columns), found "${names.join(',')}"`,
    );
  }
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new Error(`Malformed CSV at row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  const index = new Map(names.map((name, i) => [name, i]));
  return rows.map((cells, r) => {
    if (cells.length !== names.length) {
      throw new Error(
        `Row ${r + 1} after the header has ${cells.length} cells; expected ${names.length}`,
      );
    }
    const record = {} as Record<CsvColumn, string>;
    for (const column of CSV_COLUMNS) {
      const i = index.get(column);
      record[column] = i === undefined ? '' : unguardCell(cells[i] ?? '');
    }
    return record;
  });
}
