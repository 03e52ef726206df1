/**
 * The annotations export as an Excel workbook (.xlsx), written with
 * write-excel-file: the rows and columns of the CSV (shared/csv.ts), with
 * types a spreadsheet keeps — text as text, offsets and figures as numbers,
 * times as dates — so nothing is re-guessed on opening (no "1-5" turned into
 * a date, no 18-digit id shown as 1E+17, no charset to pick).
 *
 * Sheets: "Annotations" (one row per annotation) and "Codebook" (the
 * categories, as the codebook CSV lists them). Each sheet's header row is
 * frozen and carries an autofilter.
 */
import type { Cell, Feature, Row, Sheet } from 'write-excel-file/universal';
import {
  findElement,
  getSelfClosingTagMarkup,
  getCellAddress,
  insertElementMarkupAccordingToOrderOfSiblings,
  replaceElement,
  sanitizeTextContent,
} from 'write-excel-file/utility';
import { codebookRows, CODEBOOK_CSV_COLUMNS } from '../../shared/codebook-csv';
import {
  annotationRows,
  CSV_COLUMN_KINDS,
  CSV_COLUMNS,
  type AnnotationsCsvInput,
  type CsvColumn,
} from '../../shared/csv';

export const ANNOTATIONS_SHEET = 'Annotations';
export const CODEBOOK_SHEET = 'Codebook';

/** Excel refuses (and "repairs") a cell holding more characters than this. */
export const MAX_CELL_TEXT = 32_767;

/** How a date cell shows: the local time of the export, as the CSV writes it, without the offset. */
export const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** Column widths in characters: the long texts wide, ids and numbers narrow. */
const WIDTHS: Partial<Record<CsvColumn, number>> = {
  annotation_id: 14,
  document_title: 28,
  document_file: 20,
  document_sha256: 14,
  categories: 20,
  quote: 60,
  note: 40,
  prefix: 24,
  suffix: 24,
  created_at: 20,
  updated_at: 20,
  section: 24,
  evidence: 30,
  quantities: 30,
  repeated_in: 24,
  conflicts_with: 24,
};

const header = (names: readonly string[]): Row =>
  names.map((value) => ({ type: String, value, fontWeight: 'bold' }));

function textCell(value: string): Cell {
  if (value === '') return null;
  const text = value.length > MAX_CELL_TEXT ? `${value.slice(0, MAX_CELL_TEXT - 1)}…` : value;
  return { type: String, value: text };
}

/**
 * A stored UTC time as a spreadsheet date. Spreadsheet dates carry no time
 * zone: the cell holds the local wall-clock time at that instant, which is
 * what the CSV shows before its offset.
 */
function dateCell(iso: string, utcOffsetMinutes: (d: Date) => number): Cell {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return textCell(iso);
  const local = new Date(instant.getTime() + Math.round(utcOffsetMinutes(instant)) * 60_000);
  return { type: Date, value: local, format: DATE_FORMAT };
}

/**
 * write-excel-file freezes panes but has no autofilter: this feature adds
 * `<autoFilter ref>` to each listed sheet, and the `_xlnm._FilterDatabase`
 * name that Excel and LibreOffice keep beside it.
 */
function autoFilterFeature(
  refs: ReadonlyMap<number, { sheet: string; ref: string }>,
): Feature<Blob> {
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform(xml, _options, { sheetIndex }) {
            const filter = refs.get(sheetIndex);
            if (!filter) return xml;
            return insertElementMarkupAccordingToOrderOfSiblings(
              xml,
              getSelfClosingTagMarkup('autoFilter', { ref: filter.ref }),
              WORKSHEET_ORDER,
              'worksheet',
            );
          },
        },
        'xl/workbook.xml': {
          transform(xml) {
            const names = [...refs.entries()]
              .map(([index, { sheet, ref }]) => {
                const [from, to] = ref.split(':').map(absolute);
                const quoted = `'${sheet.replace(/'/g, "''")}'`;
                return (
                  `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">` +
                  `${sanitizeTextContent(`${quoted}!${from}:${to}`)}</definedName>`
                );
              })
              .join('');
            const existing = findElement(xml, 'definedNames');
            const markup = `<definedNames>${names}</definedNames>`;
            if (existing?.selfClosingTag) return replaceElement(xml, existing, markup);
            if (existing)
              throw new Error('xl/workbook.xml already names ranges: cannot add filters');
            return insertElementMarkupAccordingToOrderOfSiblings(
              xml,
              markup,
              WORKBOOK_ORDER,
              'workbook',
            );
          },
        },
      },
    },
  };
}

/** "A1" → "$A$1" */
const absolute = (cell: string | undefined): string =>
  (cell ?? '').replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');

/** ECMA-376 CT_Worksheet and CT_Workbook child order, as far as these files go. */
const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'drawing',
];
const WORKBOOK_ORDER = ['workbookPr', 'bookViews', 'sheets', 'definedNames', 'calcPr'];

/** The filter range of a sheet: the header row and every data row. */
const filterRef = (columns: number, rows: number) =>
  `A1:${getCellAddress(Math.max(rows, 1) - 1, columns - 1)}`;

/** The sheets of the workbook, before writing; exported for tests of the layout. */
export function workbookSheets(input: AnnotationsCsvInput): Sheet<Blob>[] {
  const annotations: Row[] = annotationRows(input).map((row) =>
    CSV_COLUMNS.map((column): Cell => {
      const value = row[column];
      if (value === null) return null;
      if (typeof value === 'number') return { type: Number, value };
      if (CSV_COLUMN_KINDS[column] === 'date') return dateCell(value, input.utcOffsetMinutes);
      return textCell(value);
    }),
  );
  const codebook: Row[] = codebookRows(input.categories).map((r) => [
    textCell(r.name),
    textCell(r.parent),
    textCell(r.color),
    textCell(r.description),
    r.shortcut === null ? null : { type: Number, value: r.shortcut },
  ]);
  return [
    {
      sheet: ANNOTATIONS_SHEET,
      data: [header(CSV_COLUMNS), ...annotations],
      stickyRowsCount: 1,
      columns: CSV_COLUMNS.map((c) => ({ width: WIDTHS[c] ?? 10 })),
    },
    {
      sheet: CODEBOOK_SHEET,
      data: [header(CODEBOOK_CSV_COLUMNS), ...codebook],
      stickyRowsCount: 1,
      columns: [{ width: 24 }, { width: 24 }, { width: 10 }, { width: 60 }, { width: 9 }],
    },
  ];
}

/** The workbook file's bytes. */
export async function annotationsWorkbook(input: AnnotationsCsvInput): Promise<Uint8Array> {
  const sheets = workbookSheets(input);
  const refs = new Map(
    sheets.map((s, i) => [
      i,
      { sheet: s.sheet ?? '', ref: filterRef(s.data[0]?.length ?? 1, s.data.length) },
    ]),
  );
  // Loaded on first use: the writer is not needed until someone exports.
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const blob = await writeXlsxFile(sheets, {
    fontFamily: 'Calibri',
    fontSize: 11,
    features: [autoFilterFeature(refs)],
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
