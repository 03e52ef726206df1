/**
 * The reading text of a laid-out page, from where its text sits: lines from
 * positioned items, columns and blocks by a recursive XY-cut (a vertical
 * gutter that crosses every line first, then horizontal gaps), paragraphs
 * from the first-line indent, a larger line pitch and a line that ends short
 * of its column, headlines from font size and weight against the page's body
 * size. Pure: pdf.js is adapted to `LayoutPage` in renderer/library/extract/pdf.ts.
 */
import type { Extracted, ExtractedHeading } from './types';

/** One run of text as a PDF places it. Coordinates in points, y grows downward, from the page's top. */
export interface LayoutItem {
  str: string;
  /** Left edge of the run. */
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size (the em), in points. */
  size: number;
  fontName: string;
  bold?: boolean;
}

export interface LayoutPage {
  width: number;
  height: number;
  items: LayoutItem[];
}

interface Line {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  baseline: number;
  size: number;
  bold: boolean;
  text: string;
}

/** A column's horizontal extent, which a line's indent and shortness are measured against. */
interface Column {
  x0: number;
  x1: number;
}

interface Placed {
  line: Line;
  column: Column;
  /** Index of the XY-cut leaf: a new leaf is a new column or a block after a gap. */
  leaf: number;
  /** The usual baseline-to-baseline step of the leaf's body lines, 0 when unknown. */
  pitch: number;
}

type Level = 0 | 1 | 2 | 3;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const HYPHEN = /[-\u00ad\u2010]$/;
/** A page number alone on its line: 12, - 12 -, Page 12, 第12版, A12. */
const PAGE_NUMBER =
  /^(?:[-–—]\s*)?(?:page\s*)?(?:第\s*)?[A-Z]?\d{1,4}(?:\s*[版页頁])?(?:\s*[-–—])?$/i;

const isCjk = (ch: string | undefined) => ch !== undefined && CJK.test(ch);

export function layoutPages(pages: readonly LayoutPage[]): Extracted {
  const linesPerPage = pages.map((page) => buildLines(page.items));
  const docBody = bodySize(linesPerPage.flat());
  const furniture = runningLines(pages, linesPerPage, docBody);
  const paragraphs: Paragraph[] = [];
  // The last line of the previous page, so a paragraph may run on across the page turn.
  let previous: Placed | undefined;
  for (const [index, page] of pages.entries()) {
    const lines = (linesPerPage[index] ?? []).filter((line) => !furniture.has(line));
    const kept = lines.filter((line) => !isPageNumber(line, lines, page));
    const chars = kept.reduce((sum, line) => sum + line.text.length, 0);
    const body = chars >= 200 ? bodySize(kept) : docBody;
    for (const current of readingOrder(kept, body)) {
      const level = headingLevel(current.line, body);
      const last = paragraphs.at(-1);
      if (previous && last?.level === level && !breaksBetween(previous, current, level)) {
        last.lines.push({ placed: current, page: index });
      } else {
        paragraphs.push({ level, body, lines: [{ placed: current, page: index }] });
      }
      previous = current;
    }
    // Leaves are numbered per page: the last line carried over belongs to none of the next page's.
    previous = previous && { ...previous, leaf: -1 };
  }
  const boldBody = mostlyBold(linesPerPage.flat(), docBody);
  const out = new TextBuilder();
  for (const paragraph of paragraphs) {
    const level = paragraph.level || (!boldBody && isBoldSubhead(paragraph) ? BOLD_SUBHEAD : 0);
    for (const [i, { placed, page }] of paragraph.lines.entries()) {
      out.reachPage(page);
      if (i === 0) out.startParagraph(placed.line.text, level);
      else out.continueLine(placed.line.text);
    }
  }
  out.reachPage(pages.length - 1);
  return { text: out.text(), headings: out.headings, pages: out.pageStarts(), meta: {} };
}

interface Paragraph {
  level: Level;
  /** The body size of the paragraph's first page. */
  body: number;
  lines: { placed: Placed; page: number }[];
}

/**
 * A body-size subhead is set apart by weight alone, so it ranks below every
 * subhead set larger: a page with both nests it under them.
 */
const BOLD_SUBHEAD = 3;

/**
 * Bold sets a line apart only where the body is not bold itself: a paper set
 * in a semibold face, or a flyer in bold throughout, has no bold subheads.
 */
function mostlyBold(lines: readonly Line[], body: number): boolean {
  let bold = 0;
  let all = 0;
  for (const line of lines) {
    if (Math.abs(line.size - body) >= 0.5) continue;
    all += line.text.length;
    if (line.bold) bold += line.text.length;
  }
  return bold > all / 2;
}

/**
 * A paragraph of its own, set all in bold, short as a label is: a subhead.
 * The paragraph breaks have been found already, by indent, gap and a line
 * ending short, so a bold lead-in that runs on into regular text, or bold
 * words inside a paragraph, share a paragraph with regular lines and are not
 * one. Three lines at most: a bold standfirst, a whole bold paragraph of
 * prose, runs longer than a subhead wraps to in a column.
 */
function isBoldSubhead(paragraph: Paragraph): boolean {
  return (
    paragraph.lines.length <= 3 &&
    paragraph.lines.every(
      ({ placed }) => placed.line.bold && placed.line.size < 1.08 * paragraph.body,
    )
  );
}

/**
 * Items on one baseline, near enough to touch, make a line; a gap of an em or
 * more starts another piece (a gutter, or a justified line's wide word gap:
 * mergeFragments joins those again once the columns are known).
 */
function buildLines(items: readonly LayoutItem[]): Line[] {
  const runs = items
    .filter((item) => item.str.trim() !== '' && item.size > 0)
    .slice()
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  const open: Line[] = [];
  for (const item of runs) {
    const x1 = item.x + item.width;
    const line = open.find(
      (candidate) =>
        Math.abs(candidate.baseline - item.y) < 0.4 * Math.min(candidate.size, item.size) &&
        item.x >= candidate.x1 - 0.5 * item.size &&
        item.x - candidate.x1 < 0.8 * Math.min(candidate.size, item.size),
    );
    if (line) {
      const gap = item.x - line.x1;
      const needsSpace =
        gap > 0.15 * item.size &&
        !/\s$/.test(line.text) &&
        !/^\s/.test(item.str) &&
        !(isCjk(line.text.at(-1)) && isCjk(item.str[0]));
      line.text += (needsSpace ? ' ' : '') + item.str;
      line.x1 = Math.max(line.x1, x1);
      line.size = Math.max(line.size, item.size);
      line.top = Math.min(line.top, item.y - 0.8 * item.size);
      line.bottom = Math.max(line.bottom, item.y + 0.2 * item.size);
      line.bold = line.bold && Boolean(item.bold);
      continue;
    }
    const fresh: Line = {
      x0: item.x,
      x1,
      top: item.y - 0.8 * item.size,
      bottom: item.y + 0.2 * item.size,
      baseline: item.y,
      size: item.size,
      bold: Boolean(item.bold),
      text: item.str,
    };
    // Lines far above the current baseline can take no more items.
    for (let i = open.length - 1; i >= 0; i--) {
      const old = open[i];
      if (old && item.y - old.baseline > old.size) open.splice(i, 1);
    }
    open.push(fresh);
    lines.push(fresh);
  }
  for (const line of lines) line.text = tidy(line.text);
  return lines;
}

/**
 * One space for any run of white space, none between two CJK characters:
 * Chinese is set without spaces, and one pdf.js reports there stands for a
 * glyph moved apart (a compressed or hanging comma), not for a word break.
 */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(new RegExp(`(${CJK.source}) (?=${CJK.source})`, 'gu'), '$1')
    .trim();
}

/**
 * Where a line's text ends, less the closing punctuation after its last
 * character: a full-width comma or stop hangs past the column's edge in
 * Chinese setting (and Latin points in optical margin alignment), so it can
 * stand in the gutter without the gutter ending.
 */
function inkEnd(line: Line): number {
  const hanging = /[，。、；：？！）」』》〉,.;:]+$/u.exec(line.text)?.[0] ?? '';
  if (hanging === '') return line.x1;
  const width = [...hanging].reduce((sum, ch) => sum + (isCjk(ch) ? 1 : 0.3) * line.size, 0);
  return Math.max(line.x0, line.x1 - width);
}

/** The size most characters are set in. */
function bodySize(lines: readonly Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const key = Math.round(line.size * 2) / 2;
    weight.set(key, (weight.get(key) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, count] of weight) {
    if (count > bestWeight) [best, bestWeight] = [size, count];
  }
  return best || 10;
}

function headingLevel(line: Line, body: number): Level {
  const ratio = line.size / body;
  if (ratio >= 1.6) return 1;
  if (ratio >= 1.2) return 2;
  if (ratio >= 1.08) return 3;
  return 0;
}

/**
 * A line that says only a page number, alone at the top or bottom of the
 * page with a clear gap (two lines' worth) to the text.
 */
function isPageNumber(line: Line, lines: readonly Line[], page: LayoutPage): boolean {
  if (!PAGE_NUMBER.test(line.text)) return false;
  const inMargin = line.bottom < page.height * 0.12 || line.top > page.height * 0.88;
  if (!inMargin) return false;
  return lines.every(
    (other) =>
      other === line ||
      other.top - line.bottom > 2 * line.size ||
      line.top - other.bottom > 2 * line.size ||
      other.x0 > line.x1 ||
      other.x1 < line.x0,
  );
}

/**
 * Running heads and feet: a line in the top or bottom margin, set no larger
 * than the body, whose text, its digits aside, repeats at about the same
 * height on half the pages or more, and on two at least (a two-page PDF's
 * folio line is as much furniture as a long one's). Headlines are left out
 * by size: a lead at the top of every page, "Dam plan 1 …", "Dam plan 2 …",
 * differs from the next only in its digits too.
 */
function runningLines(
  pages: readonly LayoutPage[],
  linesPerPage: readonly Line[][],
  body: number,
): Set<Line> {
  const found = new Set<Line>();
  if (pages.length < 2) return found;
  const groups = new Map<string, { line: Line; page: number }[]>();
  for (const [index, lines] of linesPerPage.entries()) {
    const height = pages[index]?.height ?? 0;
    for (const line of lines) {
      if (headingLevel(line, body) !== 0) continue;
      const band = line.bottom < height * 0.1 ? 'top' : line.top > height * 0.9 ? 'bottom' : null;
      if (!band) continue;
      const key = `${band}|${Math.round(line.baseline / 6)}|${line.text.replace(/\d+/g, '#')}`;
      groups.set(key, [...(groups.get(key) ?? []), { line, page: index }]);
    }
  }
  for (const group of groups.values()) {
    const onPages = new Set(group.map(({ page }) => page)).size;
    if (onPages >= 2 && onPages >= pages.length / 2) {
      for (const { line } of group) found.add(line);
    }
  }
  return found;
}

/** XY-cut: the page's lines as leaves in reading order, each knowing its column. */
function readingOrder(lines: readonly Line[], body: number): Placed[] {
  if (lines.length === 0) return [];
  const placed: Placed[] = [];
  let leaf = 0;
  const visit = (set: Line[], column: Column) => {
    const columns = verticalCut(set, body);
    if (columns) {
      for (const part of columns) visit(part, extent(part, body));
      return;
    }
    const rows = horizontalCut(set, body);
    if (rows) {
      for (const part of joinColumnRuns(rows, body))
        visit(part, blockMeasure(part, body) ?? column);
      return;
    }
    const sorted = mergeFragments(set);
    const pitch = usualPitch(sorted, body);
    for (const line of sorted) placed.push({ line, column, leaf, pitch });
    leaf += 1;
  };
  visit(lines.slice(), extent(lines, body));
  return placed;
}

/**
 * A block below a gap is measured on its own when it has lines enough to
 * show its measure (three body lines: one of the first two runs full): an
 * article in one column under a wider block sets its lines to that column,
 * and against the wider one each would seem to end short. A shorter block
 * keeps the measure of what it sits in.
 */
function blockMeasure(part: readonly Line[], body: number): Column | null {
  const text = part.filter((line) => headingLevel(line, body) === 0);
  return new Set(text.map((line) => Math.round(line.baseline))).size >= 3
    ? extent(text, body)
    : null;
}

/**
 * The measure of a column is where its body text runs: a headline may be set
 * wider than the text under it, and measured against it every line of a
 * single column would seem to end short.
 */
function extent(lines: readonly Line[], body: number): Column {
  const text = lines.filter((line) => headingLevel(line, body) === 0);
  const measured = text.length > 0 ? text : lines;
  return {
    x0: Math.min(...measured.map((line) => line.x0)),
    x1: Math.max(...measured.map((line) => line.x1)),
  };
}

/**
 * Splits where a gap at least ~1 em wide runs down through every line; null
 * when none does. Each part must hold two lines or more: the wide word gaps
 * of one justified line are not a gutter.
 */
function verticalCut(lines: Line[], body: number): Line[][] | null {
  const parts = cut(lines, (line) => [line.x0, inkEnd(line)], 0.8 * body);
  const tall = (part: Line[]) =>
    part.some((line) => Math.abs(line.baseline - (part[0]?.baseline ?? 0)) > 0.4 * line.size);
  return parts && parts.every(tall) ? parts : null;
}

/**
 * A gap across the whole width does not always end what is above it. When
 * one column of a block runs on below the others' ends (a column left short,
 * a subhead with space above it), or a row of headlines stands over the
 * articles they head, the bands on either side of the gap share one set of
 * gutters: joined, they cut into columns again, and must, or the reading
 * would jump from the top of one column to the top of the next and back. A
 * band that opens new articles shares the gutters too when they happen to
 * align with the columns above, but it heads a column with a headline (a
 * line at headline size, which a column's own subheads never reach), or
 * heads every column with a larger line: that starts something new and
 * stays apart. The whole never joins: `visit` found no gutter through it.
 */
function joinColumnRuns(rows: Line[][], body: number): Line[][] {
  const groups: Line[][] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    const joined = last && [...last, ...row];
    const columns = joined && verticalCut(joined, body);
    if (last && joined && columns && !opensArticles(columns, new Set(row), body)) {
      groups[groups.length - 1] = joined;
    } else {
      groups.push(row);
    }
  }
  return groups.length > 1 ? groups : rows;
}

/** Some column's first line of `row` is a headline, or every column's is larger than the body. */
function opensArticles(columns: Line[][], row: ReadonlySet<Line>, body: number): boolean {
  const levels = columns.map((part) => {
    const first = part.filter((line) => row.has(line)).sort((a, b) => a.top - b.top)[0];
    return first ? headingLevel(first, body) : 0;
  });
  return levels.includes(1) || levels.every((level) => level !== 0);
}

/** Within one block, the pieces of a line that justification spread apart become one line again. */
function mergeFragments(set: readonly Line[]): Line[] {
  const sorted = set.slice().sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const merged: Line[] = [];
  for (const piece of sorted) {
    const line = merged.find(
      (candidate) =>
        Math.abs(candidate.baseline - piece.baseline) < 0.4 * Math.min(candidate.size, piece.size),
    );
    if (!line) {
      merged.push({ ...piece });
      continue;
    }
    const [left, right] = line.x0 <= piece.x0 ? [line, piece] : [piece, line];
    const joint = isCjk(left.text.at(-1)) && isCjk(right.text[0]) ? '' : ' ';
    Object.assign(line, {
      text: left.text + joint + right.text,
      x0: Math.min(line.x0, piece.x0),
      x1: Math.max(line.x1, piece.x1),
      top: Math.min(line.top, piece.top),
      bottom: Math.max(line.bottom, piece.bottom),
      size: Math.max(line.size, piece.size),
      bold: line.bold && piece.bold,
    });
  }
  return merged.sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
}

/** Splits at gaps between lines taller than ordinary leading; null when none. */
function horizontalCut(lines: Line[], body: number): Line[][] | null {
  return cut(lines, (line) => [line.top, line.bottom], 0.5 * body);
}

function cut(lines: Line[], span: (line: Line) => [number, number], minGap: number) {
  if (lines.length < 2) return null;
  const sorted = lines.slice().sort((a, b) => span(a)[0] - span(b)[0]);
  let current: Line[] = [];
  const parts: Line[][] = [current];
  let reach = -Infinity;
  for (const line of sorted) {
    const [start, end] = span(line);
    if (current.length > 0 && start - reach >= minGap) parts.push((current = []));
    current.push(line);
    reach = Math.max(reach, end);
  }
  return parts.length > 1 ? parts : null;
}

/** The median baseline step between successive body lines of a leaf. */
function usualPitch(sorted: readonly Line[], body: number): number {
  const steps: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (a && b && Math.abs(a.size - body) < 0.5 && Math.abs(b.size - body) < 0.5) {
      steps.push(b.baseline - a.baseline);
    }
  }
  if (steps.length === 0) return 0;
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)] ?? 0;
}

/** Does a new paragraph start at `next`, seen from `previous` (same kind of line)? */
function breaksBetween(previous: Placed, next: Placed, level: Level): boolean {
  const [a, b] = [previous.line, next.line];
  if (level !== 0) {
    // A headline's lines share size and weight and follow one another closely, each below the
    // last and over the same measure. Not within one leaf, necessarily: large type is set with
    // more space between its lines than the gap that cuts a block of body text in two.
    const step = b.baseline - a.baseline;
    const overlap = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
    return (
      Math.abs(a.size - b.size) > 0.5 ||
      step <= 0.4 * b.size ||
      step > 1.6 * Math.max(a.size, b.size) ||
      overlap <= 0
    );
  }
  // Body copy does not turn bold for a whole line in mid-sentence; a subhead or a lead-in that starts a paragraph does.
  if (b.bold && !a.bold) return true;
  const em = b.size;
  const indented = b.x0 - next.column.x0 > 0.8 * em && a.x0 - previous.column.x0 < 0.8 * em;
  if (indented) return true;
  if (endsShort(a, b, previous.column)) return true;
  if (previous.leaf === next.leaf) {
    const pitch = next.pitch || 1.2 * em;
    if (b.baseline - a.baseline > pitch + 0.4 * em) return true;
  }
  return false;
}

/** The line stops short of its column by more than the next line's first word would need. */
function endsShort(line: Line, next: Line, column: Column): boolean {
  const room = column.x1 - line.x1;
  if (isCjk(next.text[0])) return room > 1.5 * next.size;
  const word = /^\S+/.exec(next.text)?.[0] ?? '';
  // The next line's own measure gives its first word's width; slack for ragged-right setting.
  const wordWidth =
    next.text.length > 0 ? ((next.x1 - next.x0) * word.length) / next.text.length : 0;
  return room > 1.2 * wordWidth + 0.8 * next.size;
}

class TextBuilder {
  readonly headings: ExtractedHeading[] = [];
  private parts: string[] = [];
  private length = 0;
  private starts: number[] = [];
  private pending = 0;

  private page = -1;

  /**
   * Text from here on is on page `page` (0-based). A page starts where its
   * first text does; a page without text, where the next text does.
   */
  reachPage(page: number): void {
    for (; this.page < page; this.page++) this.pending += 1;
  }

  pageStarts(): number[] {
    const starts = [...this.starts, ...Array<number>(this.pending).fill(this.length)];
    if (starts.length > 0) starts[0] = 0;
    return starts;
  }

  private markPages(): void {
    for (; this.pending > 0; this.pending--) this.starts.push(this.length);
  }

  startParagraph(text: string, level: Level): void {
    if (this.length > 0) this.push(level === 1 ? '\n\n' : '\n');
    if (level !== 0) this.headings.push({ start: this.length, level });
    this.markPages();
    this.push(text);
  }

  continueLine(text: string): void {
    const last = this.parts[this.parts.length - 1] ?? '';
    const before = last.at(-1);
    if (HYPHEN.test(last) && LATIN_LETTER.test(last.at(-2) ?? '') && /^\p{Ll}/u.test(text)) {
      this.parts[this.parts.length - 1] = last.slice(0, -1);
      this.length -= 1;
    } else if (!isCjk(before) && !isCjk(text[0])) {
      this.push(' ');
    }
    this.markPages();
    this.push(text);
  }

  text(): string {
    return this.parts.join('');
  }

  private push(part: string): void {
    this.parts.push(part);
    this.length += part.length;
  }
}
