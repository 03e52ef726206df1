/**
 * A small typesetting simulator for newspaper pages, and the text a PDF
 * extractor gives back from them: the material the reflow and outline tests
 * are checked against, because real pages are set in ems, not characters.
 *
 * - Ideographs take 1 em; Latin letters, digits and half-width punctuation ½ em;
 *   CJK punctuation 1 em, compressed to ½ em at a line end and inside a run
 *   ("”，", "。“"). English lines: every character ½ em.
 * - Paragraphs are set into columns W em wide with a 2-em first-line indent
 *   (1 em in English) that extraction drops; a closing mark never starts a line,
 *   an opening one never ends one, a Latin or digit run is never split (an
 *   English word may be hyphenated).
 * - Columns are H lines high; extraction writes a blank line at each column end,
 *   wherever it falls: mid-sentence, after a first line, inside a heading.
 * - Section headings are set in the column on their own lines (two when long);
 *   headlines, "——" subtitles and bylines sit outside the columns and come out
 *   after their article (or before it); datelines and writer lists close an article.
 */

import { mulberry32 } from '../wrap-fixtures';
import { setEn, setZh } from './em-set';

export { setWidth, type Rng } from './em-set';
export type PageLang = 'zh' | 'en';

export interface Article {
  /** The headline as printed: one or two lines. */
  headline: string[];
  subtitle?: string;
  byline?: string;
  /** "■上接第1版" before the text of a continued article. */
  marker?: string;
  sections: { heading?: string; paragraphs: string[] }[];
  /** "（新华社北京7月5日电）", "（执笔记者：……）": the line that closes the article. */
  closing?: string;
}

export interface PageOptions {
  /** Column width in em. */
  width: number;
  /** Column height in lines. */
  height: number;
  /** Headline blocks come out after their article (as on many extracted pages). */
  headlinesAfter: boolean;
  lang: PageLang;
  seed: number;
}

export interface Page {
  text: string;
  /** What reflow must give back, one entry per line: paragraphs and stand-alone lines. */
  lines: string[];
  /** The outline a reader sees: headlines (with subtitle) at level 1, section headings at 2. */
  headings: { level: 1 | 2; title: string; subtitle?: string }[];
  /** Line breaks inside a paragraph (hard or at a column end), and paragraph breaks. */
  joins: number;
  breaks: number;
  /**
   * Lines left 1½ em or more short by an unbreakable run pushed to the next line: such a
   * line reads both as a full line and as a paragraph's first line, so a page with one
   * can be ambiguous even to a careful reader.
   */
  pushed: number;
  /**
   * English paragraph ends no width can tell: the last line is full and the next
   * paragraph's first line is full too (a 1-em indent is lost in a ragged column).
   */
  ambiguous: number;
  /**
   * Indexes i of `lines` where lines i and i + 1 are the two lines of one heading: a
   * reflow may keep them apart or join them (a short headline line reads as a first
   * line, a heading half as wide as the column as a full one), and both are right.
   */
  twoLine: number[];
}

/** Marks that never start a line. */
const CLOSING_MARKS = '，。、；：？！”’）》」』';

/** Both sides of an English paragraph break look like the middle of a paragraph. */
function ambiguousEn(last: string, next: readonly string[], w: number): boolean {
  const word = (l: string | undefined): number => (l ?? '').split(' ')[0]!.length;
  const full = (l: string, after: string | undefined): boolean => l.length + 1 + word(after) > w;
  return full(last, next[0]) && next.length > 1 && full(next[0]!, next[1]);
}

/** Sets the articles on a page and extracts its text. */
export function typesetPage(articles: readonly Article[], opts: PageOptions): Page {
  const rng = mulberry32(opts.seed);
  const w = opts.width * 2;
  const zh = opts.lang === 'zh';
  const indent = zh ? 4 : 2;
  const out: string[] = [];
  const lines: string[] = [];
  const headings: Page['headings'] = [];
  const twoLine: number[] = [];
  let joins = 0;
  let breaks = -1; // the first line starts the text, it breaks nothing
  let inColumn = Math.floor(rng() * opts.height);
  const columnLine = (l: string, joined: boolean): void => {
    if (inColumn >= opts.height) {
      out.push('');
      inColumn = 0;
    }
    out.push(l);
    inColumn++;
    if (joined) joins++;
    else breaks++;
  };
  // Each block outside the columns may come out after a blank line; its lines do not.
  const standalone = (l: string, block = true): void => {
    if (block && out.length && out[out.length - 1] !== '' && rng() < 0.5) out.push('');
    out.push(l);
    lines.push(l);
    breaks++;
  };
  const pushed = { count: 0 };
  let ambiguous = 0;
  let lastLine: string | undefined; // the last line of the paragraph just set
  const set = (p: string, ind: number): string[] =>
    zh ? setZh(p, w, ind, pushed) : setEn(p, w, ind, rng);
  const titleBlock = (a: Article): void => {
    const title = zh ? a.headline.join('') : a.headline.join(' ');
    headings.push({ level: 1, title, ...(a.subtitle ? { subtitle: a.subtitle } : {}) });
    if (a.headline.length === 2) twoLine.push(lines.length);
    a.headline.forEach((l, i) => standalone(l, i === 0));
    if (a.subtitle) standalone(a.subtitle);
    if (a.byline) standalone(a.byline);
    if (rng() < 0.7) out.push('');
  };
  for (const a of articles) {
    if (!opts.headlinesAfter) titleBlock(a);
    if (a.marker) standalone(a.marker);
    for (const section of a.sections) {
      if (section.heading) {
        headings.push({ level: 2, title: section.heading });
        // A long heading is set over two lines, centred: no full line.
        const ch = Array.from(section.heading);
        const max = zh ? opts.width - 2 : w - 4;
        let cut = ch.length > max ? Math.ceil(ch.length / 2) : ch.length;
        if (zh) while (cut < ch.length && CLOSING_MARKS.includes(ch[cut]!)) cut++;
        else if (cut < ch.length) cut = section.heading.lastIndexOf(' ', cut) + 1 || cut;
        const parts = [ch.slice(0, cut).join('').trim(), ch.slice(cut).join('')].filter(Boolean);
        parts.forEach((l) => columnLine(l, false));
        if (parts.length === 2) twoLine.push(lines.length);
        lines.push(...parts);
      }
      lastLine = undefined;
      for (const p of section.paragraphs) {
        const set_ = set(p, indent);
        if (!zh && lastLine !== undefined && ambiguousEn(lastLine, set_, w)) ambiguous++;
        set_.forEach((l, i) => columnLine(l, i > 0));
        lastLine = set_[set_.length - 1];
        lines.push(p);
      }
    }
    if (a.closing) {
      columnLine(a.closing, false);
      lines.push(a.closing);
    }
    if (opts.headlinesAfter) titleBlock(a);
  }
  return {
    text: out.join('\n') + '\n',
    lines,
    headings,
    joins,
    breaks,
    pushed: pushed.count,
    ambiguous,
    twoLine,
  };
}
