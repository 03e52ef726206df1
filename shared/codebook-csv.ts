/**
 * The codebook as CSV, so that a team can keep one codebook in a spreadsheet.
 *
 * | column | content |
 * | --- | --- |
 * | `name` | the category's name (required, unique) |
 * | `parent` | the parent category's name; empty at the top level (two levels) |
 * | `color` | `#rrggbb` (`#rgb` is accepted on import); empty keeps / picks a colour |
 * | `description` | free text, may hold commas, quotes and line breaks |
 * | `shortcut` | `1`–`9` for the first nine categories in codebook order; ignored on import |
 *
 * Export: UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting, the
 * same formula guard as the annotations CSV (`shared/csv.ts`): a cell starting
 * with `=`, `+`, `-`, `@` or a C0 control (NUL, tab, CR, LF…) gets a leading `'`. Rows list each
 * top-level category (sorted by `order`) followed by its subcategories (sorted
 * by `order`); the shortcut column follows `order` itself, as keys 1–9 do.
 *
 * Import: the header names the columns (any order, case and surrounding
 * spaces ignored); only `name` is required, an unknown or repeated column is
 * refused. Rows are numbered as a spreadsheet shows them (the header is row 1).
 * Blank rows are skipped; the formula guard is removed; names and parents are
 * trimmed; line breaks in descriptions become LF. A parent may be defined
 * before or after its children. Refused: an empty name, a bad colour, a parent
 * that no row defines, a third level, a name used twice.
 */
import { guardCell, unguardCell } from './csv-guard';
import Papa from 'papaparse';
import type { Category } from './types';

/** One category as a codebook file describes it: names instead of ids. */
export type CodebookEntry = {
  name: string;
  /** The parent's name; null at the top level. */
  parent: string | null;
  /** `#rrggbb` (lower case); null when the file gives no colour. */
  color: string | null;
  /** '' when the file gives none. */
  description: string;
};

export type CodebookParseResult =
  { ok: true; entries: CodebookEntry[] } | { ok: false; error: string };

export const CODEBOOK_CSV_COLUMNS = ['name', 'parent', 'color', 'description', 'shortcut'] as const;
type Column = (typeof CODEBOOK_CSV_COLUMNS)[number];

const BOM = '\uFEFF';
const CRLF = '\r\n';
const guard = guardCell;
const unguard = unguardCell;

/** `#rgb` or `#rrggbb` (any case, spaces around ignored) as `#rrggbb`; null otherwise. */
export function normalizeColor(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(v)) return v;
  if (/^#[0-9a-f]{3}$/.test(v)) return `#${[...v.slice(1)].map((d) => d + d).join('')}`;
  return null;
}

export interface CodebookNode {
  category: Category;
  /** The top-level category above it; null for a top-level category. */
  parent: Category | null;
}

/**
 * The codebook in display order: each top-level category (by `order`)
 * followed by its subcategories (by `order`). A parent id that is missing or
 * part of a cycle counts as top level; a deeper level is attached to its
 * top-level ancestor, so the result always has two levels at most.
 */
export function codebookTree(categories: readonly Category[]): CodebookNode[] {
  const sorted = [...categories].sort((a, b) => a.order - b.order);
  const byId = new Map(sorted.map((c) => [c.id, c]));
  const topOf = (c: Category): Category | null => {
    const seen = new Set([c.id]);
    let top: Category | null = null;
    let next = c.parentId === null ? undefined : byId.get(c.parentId);
    while (next) {
      if (seen.has(next.id)) return null;
      seen.add(next.id);
      top = next;
      next = next.parentId === null ? undefined : byId.get(next.parentId);
    }
    return top;
  };
  const children = new Map<string, Category[]>();
  const tops: Category[] = [];
  for (const c of sorted) {
    const top = topOf(c);
    if (!top) tops.push(c);
    else children.set(top.id, [...(children.get(top.id) ?? []), c]);
  }
  return tops.flatMap((top) => [
    { category: top, parent: null },
    ...(children.get(top.id) ?? []).map((category) => ({ category, parent: top })),
  ]);
}

/** The codebook export's rows, unguarded: shortcut is 1–9 or null. */
export function codebookRows(categories: readonly Category[]): {
  name: string;
  parent: string;
  color: string;
  description: string;
  shortcut: number | null;
}[] {
  const keys = new Map(
    [...categories]
      .sort((a, b) => a.order - b.order)
      .slice(0, 9)
      .map((c, i) => [c.id, i + 1]),
  );
  return codebookTree(categories).map(({ category: c, parent }) => ({
    name: c.name,
    parent: parent?.name ?? '',
    color: c.color,
    description: c.description,
    shortcut: keys.get(c.id) ?? null,
  }));
}

/** Builds the codebook CSV (BOM, header, one CRLF-terminated row per category). */
export function codebookToCsv(categories: Category[]): string {
  const rows = codebookRows(categories).map((r) => [
    guard(r.name),
    guard(r.parent),
    guard(r.color),
    guard(r.description),
    r.shortcut === null ? '' : String(r.shortcut),
  ]);
  const header = CODEBOOK_CSV_COLUMNS.join(',') + CRLF;
  if (rows.length === 0) return BOM + header;
  return BOM + header + Papa.unparse(rows, { newline: CRLF, quotes: false }) + CRLF;
}

const fail = (error: string): CodebookParseResult => ({ ok: false, error });
const quoted = (s: string): string => `"${s}"`;

function readHeader(cells: string[]): Map<Column, number> | string {
  const expected = `expected the columns ${CODEBOOK_CSV_COLUMNS.join(', ')}`;
  const columns = new Map<Column, number>();
  for (const [i, raw] of cells.entries()) {
    const cell = raw.trim().toLowerCase();
    if (cell === '') continue;
    const column = CODEBOOK_CSV_COLUMNS.find((c) => c === cell);
    if (!column) {
      const hint = /[;\t]/.test(cell)
        ? ' (the file seems to use ";" or tabs between cells; save it as comma-separated CSV)'
        : '';
      return `Unknown column ${quoted(raw.trim())} in the header${hint}; ${expected}`;
    }
    if (columns.has(column)) return `The column ${quoted(column)} appears twice in the header`;
    columns.set(column, i);
  }
  if (!columns.has('name')) {
    return `The header has no "name" column (found: ${cells.join(', ') || 'nothing'}); ${expected}`;
  }
  return columns;
}

/** Reads a codebook CSV (Claimmark's own or hand-made); see the module comment. */
export function parseCodebookCsv(csv: string): CodebookParseResult {
  const source = csv.startsWith(BOM) ? csv.slice(1) : csv;
  if (source.trim() === '') return fail('The file is empty');
  const parsed = Papa.parse<string[]>(source, { header: false, delimiter: ',' });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    return fail(`Malformed CSV at row ${(quoteError.row ?? 0) + 1}: ${quoteError.message}`);
  }
  const [headerCells = [], ...rows] = parsed.data;
  const columns = readHeader(headerCells);
  if (typeof columns === 'string') return fail(columns);

  const entries: (CodebookEntry & { row: number })[] = [];
  const rowOf = new Map<string, number>();
  for (const [index, cells] of rows.entries()) {
    const row = index + 2;
    if (cells.every((c) => c.trim() === '')) continue;
    if (
      cells.length > headerCells.length &&
      cells.slice(headerCells.length).some((c) => c !== '')
    ) {
      return fail(`Row ${row} has ${cells.length} cells, but the header has ${headerCells.length}`);
    }
    const cell = (column: Column): string => {
      const i = columns.get(column);
      return i === undefined ? '' : unguard(cells[i] ?? '');
    };
    const name = cell('name').trim();
    if (name === '') return fail(`Row ${row}: the name is empty`);
    const earlier = rowOf.get(name);
    if (earlier !== undefined) {
      return fail(`The name ${quoted(name)} appears twice (rows ${earlier} and ${row})`);
    }
    rowOf.set(name, row);
    const rawColor = cell('color').trim();
    const color = rawColor === '' ? null : normalizeColor(rawColor);
    if (color === null && rawColor !== '') {
      return fail(`Row ${row}: bad colour ${quoted(rawColor)}; use #rrggbb, for example #e0513f`);
    }
    const parent = cell('parent').trim() || null;
    if (parent === name) return fail(`Row ${row}: ${quoted(name)} cannot be its own parent`);
    const description = cell('description').replace(/\r\n?/g, '\n');
    entries.push({ name, parent, color, description, row });
  }

  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const e of entries) {
    if (e.parent === null) continue;
    const parent = byName.get(e.parent);
    if (!parent) {
      return fail(
        `Row ${e.row}: the parent ${quoted(e.parent)} of ${quoted(e.name)} is not defined; ` +
          'add a row for it',
      );
    }
    if (parent.parent !== null) {
      return fail(
        `Row ${e.row}: ${quoted(e.name)} is under ${quoted(parent.name)}, which is itself under ` +
          `${quoted(parent.parent)}; a codebook has two levels at most`,
      );
    }
  }
  return { ok: true, entries: entries.map(({ row: _row, ...entry }) => entry) };
}
