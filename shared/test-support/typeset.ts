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

export type Rng = () => number;
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
}

const CJK_PUNCT = '，。、；：？！“”‘’（）《》「」『』…—';
const OPENERS = '“‘（《「『';
const CLOSERS = '，。、；：？！”’）》」』';
const isCjkPunct = (ch: string): boolean => CJK_PUNCT.includes(ch);
const isIdeograph = (ch: string): boolean =>
  (ch >= '\u3400' && ch <= '\u9fff') || (ch >= '\uf900' && ch <= '\ufaff') || ch.length === 2;

/** Width of a line in half-ems, as set: line-end and run compression of CJK punctuation. */
export function setWidth(chars: readonly string[], lang: PageLang): number {
  if (lang === 'en') return chars.length;
  let w = 0;
  chars.forEach((ch, i) => {
    if (isCjkPunct(ch)) {
      const run = isCjkPunct(chars[i - 1] ?? '') || isCjkPunct(chars[i + 1] ?? '');
      w += run || i === chars.length - 1 ? 1 : 2;
    } else w += isIdeograph(ch) || ch === '\u3000' ? 2 : 1;
  });
  return w;
}

/** Unbreakable pieces of a CJK paragraph: an ideograph with its marks, or a Latin run. */
function tokensZh(p: string): string[][] {
  const ch = Array.from(p);
  const toks: string[][] = [];
  let cur: string[] = [];
  const ascii = (c: string | undefined): boolean => c !== undefined && c > ' ' && c <= '~';
  for (let i = 0; i < ch.length; i++) {
    const c = ch[i]!;
    cur.push(c);
    if (OPENERS.includes(c)) continue;
    // A run of ASCII (with single spaces inside, "CPI 45") stays on one line.
    if (ascii(c) && (ascii(ch[i + 1]) || (ch[i + 1] === ' ' && ascii(ch[i + 2])))) continue;
    if (c === ' ' && ascii(ch[i + 1])) continue;
    while (i + 1 < ch.length && (CLOSERS.includes(ch[i + 1]!) || ch[i + 1] === '…')) {
      cur.push(ch[++i]!);
    }
    toks.push(cur);
    cur = [];
  }
  if (cur.length) toks.push(cur);
  return toks;
}

/** Lines of one paragraph in a column of `w` half-ems; the first `indent` narrower. */
function setZh(p: string, w: number, indent: number, pushed: { count: number }): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let avail = w - indent;
  for (const tok of tokensZh(p)) {
    if (line.length > 0 && setWidth([...line, ...tok], 'zh') > avail) {
      // A long unbreakable run pushed down can leave a line short by as much as an indent.
      if (avail - setWidth(line, 'zh') >= 3) pushed.count++;
      lines.push(line.join(''));
      line = [];
      avail = w;
    }
    line.push(...tok);
  }
  if (line.length) lines.push(line.join(''));
  return lines;
}

function setEn(p: string, w: number, indent: number, rng: Rng): string[] {
  const lines: string[] = [];
  let line = '';
  let avail = w - indent;
  for (const word of p.split(' ')) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= avail) line += ' ' + word;
    else {
      const core = /^[a-z]+/i.exec(word)?.[0] ?? '';
      const pre = Math.min(avail - line.length - 2, core.length - 3);
      if (core.length >= 7 && pre >= 3 && rng() < 0.5) {
        lines.push(`${line} ${word.slice(0, pre)}-`);
        line = word.slice(pre);
      } else {
        lines.push(line);
        line = word;
      }
      avail = w;
    }
  }
  if (line) lines.push(line);
  return lines;
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
  const standalone = (l: string): void => {
    if (out.length && out[out.length - 1] !== '' && rng() < 0.5) out.push('');
    out.push(l);
    lines.push(l);
    breaks++;
  };
  const pushed = { count: 0 };
  const set = (p: string, ind: number): string[] =>
    zh ? setZh(p, w, ind, pushed) : setEn(p, w, ind, rng);
  const titleBlock = (a: Article): void => {
    const title = zh ? a.headline.join('') : a.headline.join(' ');
    headings.push({ level: 1, title, ...(a.subtitle ? { subtitle: a.subtitle } : {}) });
    for (const l of a.headline) standalone(l);
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
        const cut = ch.length > max ? Math.ceil(ch.length / 2) : ch.length;
        const parts = [ch.slice(0, cut).join(''), ch.slice(cut).join('')].filter(Boolean);
        parts.forEach((l) => columnLine(l, false));
        lines.push(...parts);
      }
      for (const p of section.paragraphs) {
        set(p, indent).forEach((l, i) => columnLine(l, i > 0));
        lines.push(p);
      }
    }
    if (a.closing) {
      columnLine(a.closing, false);
      lines.push(a.closing);
    }
    if (opts.headlinesAfter) titleBlock(a);
  }
  return { text: out.join('\n') + '\n', lines, headings, joins, breaks, pushed: pushed.count };
}
