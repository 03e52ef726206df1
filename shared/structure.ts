/**
 * The structure of a display text (one paragraph per line): which lines are
 * headings, source lines, bylines and continuation markers, where the articles
 * inside a file begin, and an outline for the reader. Pure and linear: regular
 * expressions only ever see short lines, and each pass visits every line once.
 */
import { structureFromHeadings } from './extract/outline';
import type { ExtractedHeading } from './extract/types';

export type LineKind = 'heading' | 'source' | 'byline' | 'marker' | 'paragraph' | 'blank';
/** One line; offsets are UTF-16 code units into the text, `end` exclusive and before the "\n". */
export interface StructureLine {
  index: number;
  start: number;
  end: number;
  kind: LineKind;
  text: string;
}
/** Level 1 = an article's title, level 2 = a sub-heading; `article` indexes `articles`. */
export interface OutlineEntry {
  start: number;
  end: number;
  title: string;
  /** A headline's "——" subtitle, printed under it. */
  subtitle?: string;
  level: 1 | 2;
  article: number;
}
/**
 * Articles tile the text; text before the first title block is an article titled ''.
 * `outline` is in text order; on pages whose headlines were extracted after their
 * article (`titlesAfter`), an article's title entry follows its section headings.
 */
export interface Structure {
  lines: StructureLine[];
  outline: OutlineEntry[];
  articles: { start: number; end: number; title: string }[];
  titlesAfter: boolean;
}
/** Start offsets of lines the user made a heading (`promote`) or a paragraph (`demote`). */
export type HeadingOverrides = { promote: number[]; demote: number[] };

/** paper/dateline open an article; credit/date/down close one; up continues one. */
type Role = '' | 'paper' | 'dateline' | 'credit' | 'date' | 'up' | 'down';
/** s/e: trimmed start/end; t: trimmed text ('' for long lines); final: ends a sentence. */
type Info = { start: number; end: number; s: number; e: number; kind: LineKind; role: Role } & {
  t: string;
  final: boolean;
  cjk: boolean;
};

const FINAL = '。！？；…!?;.．';
const CLOSERS = '”’"\'」』）)】〕»';
const NO_HEAD_END = '，,、：:（(《“‘';
const NO_HEAD_START = '，,。、）)」』”’:：;；.';
const DECOR = '■□●○◆◇▲△★☆▶►◎※•';
const MAX_SHORT = 160; // longer lines are always paragraphs
const MAX_RUN = 6; // this many heading-like lines in a row are a list or a table
const inSet = (set: string, ch: string): boolean => ch !== '' && set.includes(ch);
const isWs = (c: number): boolean =>
  c <= 32 || c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b);
// Kana, CJK ideographs (extension A, compatibility, high surrogates of B-F), Hangul.
const isCjk = (c: number): boolean =>
  (c >= 0x3040 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xac00 && c <= 0xd87f);
const isLatin = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

const MARKER = /^[(（【[]?\s*(?:(上接|接上|接第|续第|续上|紧接)|下转|转下|转第|转至)/;
const MARKER_EN = /^\(?\s*(?:continue[ds]|cont(?:'d|\.)?)\s+(?:(from)|on)\s+(?:page|p\.|next)/i;
const CREDIT =
  /^(?:(?:文|图|摄)\s*[:：/／]|(?:本版|本期|图片|文字|版式|版面)?(?:撰文|作者|责任编辑|责编|编辑|设计|采编|采写|校对|初审|复审|终审|审核|审校|监制|统筹|摄影|制图|美编|策划|出品)(?:\s*[:：/／|｜]|\s+))\s*\S/;
const REPORTER = /^([\u4e00-\u9fff]{0,8}?)(?:记者|通讯员)[\s:：]*/;
const EN_CREDIT = /^(?:additional\s+)?(?:reporting|writing|editing|edited|written|photos?)\s+by\s/i;
const NAME_LINK = ['and', '&', 'de', 'van', 'von', 'der', 'da', 'del', 'la', 'le', 'al', 'bin'];
const SOURCE_CREDIT =
  /^(?:(?:(?:稿件|本文|文章|信息|资料|消息)?来源|出处|转自|转载自|sources?)\s*[:：]|originally published\b|来源于)/i;
const PAPER =
  /^《([^《》]{1,20})》([\s\d０-９()（）[\]【】,，、.．:：/\-—年月日第版期页星期周一二三四五六七八九十]*)$/;
const CN_DATELINE =
  /^(?:新华社|中新社|中新网|本报|人民网|新华网|央视网|央广网|光明网)(?:讯|[^。！？!?，,]{0,20}?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月\d{1,2}日[电讯])/;
const AGENCIES = ' Reuters AP AFP Xinhua Bloomberg CNN UPI dpa Kyodo Yonhap TASS EFE PTI AAP ';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\\.?';
const DATE = new RegExp(
  `\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\b${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\b\\d{1,2}\\s+${MONTH},?\\s+\\d{4}`,
);
const PAGE =
  /第\s*[\d０-９一二三四五六七八九十]{1,3}\s*版|版次|\b(?:page|pg\.?|p\.)\s*[A-Z]?\d{1,3}\b/i;
const TIME = /\d{1,2}[:：]\d{2}(?:[:：]\d{2})?/;
const NOT_WORD = /[\s\p{P}\p{S}]/gu;
const ENUM =
  /^(?:[•▪◦●○·*–-]\s|\d{1,3}[.、)）](?!\d)|[(（][\d一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|第[\d一二三四五六七八九十]{1,3}[章节部篇条])/;
const SENTENCE_END = /[。！？；!?;]/;
/** Lines that close an article: "（新华社北京7月5日电）", "（执笔记者：张三）", "(Reporting by …)". */
const CLOSING =
  /^[（(](?:(?:新华社|中新社|本报|\S{2,4}日报)[^（）()]{0,24}?[电讯]|[^（）()]{0,8}?(?:记者|通讯员|执笔|撰稿)[^（）()]{0,40}|(?:(?:additional )?reporting|writing|editing) by [^()]{1,80}|(?:Xinhua|Reuters|AP|AFP|Bloomberg)\b[^()]{0,60})[）)]$/i;

function isByline(t: string, u: string): boolean {
  if (t.startsWith('□') && u.length > 0 && u.length <= 30) return !SENTENCE_END.test(u);
  if (u.length <= 40 && CREDIT.test(u)) return !SENTENCE_END.test(u);
  const r = REPORTER.exec(u);
  if (r && u.length <= 40) {
    const okPre = /^$|[报社台网刊站]$|本报|特约|见习|实习|首席/.test(r[1] ?? '');
    const rest = u.slice(r[0].length);
    return okPre && rest.length <= 24 && !/[，。！？；!?;]/.test(rest);
  }
  if (EN_CREDIT.test(u)) return true;
  if (!/^by\s+[A-Z]/i.test(u) || !/^[A-Z]/.test(u.slice(2).trimStart())) return false;
  const words = (u.slice(3).split(/[,|;—–(]/)[0] ?? '').trim().split(/\s+/);
  return words.length <= 8 && words.every((w) => NAME_LINK.includes(w) || /^[A-Z]/.test(w));
}

/** "WASHINGTON (Reuters) -", "(AP) —": a dateline standing alone. */
function isEnDateline(u: string): boolean {
  let n = u.length;
  while (n > 0 && (isWs(u.charCodeAt(n - 1)) || inSet('-–—:', u.charAt(n - 1)))) n--;
  const open = u.lastIndexOf('(', n);
  if (u.charAt(n - 1) !== ')' || open < 0 || open > 50) return false;
  return AGENCIES.includes(` ${u.slice(open + 1, n - 1)} `) || /^[A-Z]{3,}\b/.test(u);
}

function sourceRole(u: string): Role {
  const p = PAPER.exec(u);
  if (p && (/\d/.test(p[2] ?? '') || /[报刊志网社台闻]$/.test(p[1] ?? ''))) return 'paper';
  if (u.length <= 100 && SOURCE_CREDIT.test(u)) return 'credit';
  if (u.length <= 60 && (CN_DATELINE.test(u) || isEnDateline(u))) return 'dateline';
  if (u.length > 60 || !/\d/.test(u) || !DATE.test(u)) return '';
  if (PAGE.test(u)) return 'paper';
  return u.replace(DATE, '').replace(TIME, '').replace(NOT_WORD, '').length <= 6 ? 'date' : '';
}

function headingShape(x: Info, letters: number): boolean {
  const t = x.t;
  if (x.final || letters < 2 || t.length > (x.cjk ? 40 : 100)) return false;
  if (inSet(NO_HEAD_END, t.charAt(t.length - 1)) || inSet(NO_HEAD_START, t.charAt(0))) return false;
  if (/^[a-z]/.test(t) || /[。！？；]/.test(t) || /[a-z]{2}[.!?]\s+[A-Z]/.test(t)) return false;
  if (x.cjk && t.length > 24 && /[，,；;]/.test(t)) return false; // a clause, not a headline
  if (/[,!?]["”’]\s+[a-z]/.test(t)) return false; // “…,” she said
  // Table rows: tabs, bars, or two gaps of several spaces (one gap may split a headline).
  return !/[\t|｜]/.test(t) && (t.match(/ {2,}|\u3000+/g)?.length ?? 0) < 2;
}

function classify(text: string, start: number, end: number): Info {
  let s = start;
  let e = end;
  while (s < e && isWs(text.charCodeAt(s))) s++;
  while (e > s && isWs(text.charCodeAt(e - 1))) e--;
  const kind = s === e ? 'blank' : 'paragraph';
  const x: Info = { start, end, s, e, kind, role: '', t: '', final: false, cjk: false };
  if (s === e) return x;
  let k = e - 1;
  while (k > s && inSet(CLOSERS, text.charAt(k))) k--;
  x.final = inSet(FINAL, text.charAt(k));
  if (e - s > MAX_SHORT) return x;
  x.t = text.slice(s, e);
  let cjk = 0;
  let latin = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) cjk++;
    else if (isLatin(c)) latin++;
  }
  x.cjk = cjk >= latin;
  let d = 0;
  while (d < x.t.length && (inSet(DECOR, x.t.charAt(d)) || isWs(x.t.charCodeAt(d)))) d++;
  const u = x.t.slice(d); // without leading ■□ decorations
  const m = MARKER.exec(u) ?? MARKER_EN.exec(u);
  let role: Role;
  if (m && !x.final && u.length <= (isLatin(u.charCodeAt(0)) || u[0] === '(' ? 60 : 20)) {
    x.kind = 'marker';
    x.role = m[1] ? 'up' : 'down';
  } else if (CLOSING.test(u)) {
    x.kind = 'source';
    x.role = 'credit';
  } else if (isByline(x.t, u)) x.kind = 'byline';
  else if ((role = sourceRole(u))) {
    x.kind = 'source';
    x.role = role;
  } else if (headingShape(x, cjk + latin)) x.kind = 'heading';
  return x;
}

/** Headings are clearly shorter than a typical paragraph, no list items or table rows, and have text after them. */
function refine(xs: Info[]): void {
  // The second line of a Latin headline may start in lower case ("on the Northern Steppe").
  for (let i = 1; i < xs.length; i++) {
    const [p, x] = [xs[i - 1] as Info, xs[i] as Info];
    if (x.kind !== 'paragraph' || p.kind !== 'heading' || p.cjk || !/^[a-z]/.test(x.t)) continue;
    const upper = { ...x, t: x.t.charAt(0).toUpperCase() + x.t.slice(1) };
    if (headingShape(upper, x.t.length)) x.kind = 'heading';
  }
  const hist = new Uint32Array(1025);
  let n = 0;
  for (const x of xs) {
    const len = Math.min(x.e - x.s, 1024);
    if (x.kind !== 'paragraph' || !x.final) continue;
    hist[len] = (hist[len] ?? 0) + 1;
    n++;
  }
  let median = -1;
  for (let acc = 0; n >= 3 && acc * 2 < n;) acc += hist[++median] ?? 0;
  const limit = n >= 3 ? Math.max(8, 0.6 * median) : Infinity;
  const drop = new Uint8Array(xs.length);
  let run: number[] = [];
  let prev = -1;
  const endRun = (): void => {
    if (run.length >= MAX_RUN) for (const i of run) drop[i] = 1;
    run = [];
  };
  xs.forEach((x, i) => {
    if (x.kind === 'heading' && x.e - x.s > limit) x.kind = 'paragraph';
    if (x.kind === 'blank') return;
    if (x.kind !== 'heading') endRun();
    else {
      run.push(i); // neighbouring list items ("一、", "1.", "•") are a list, not headings
      const p = xs[prev];
      if (p?.kind === 'heading' && ENUM.test(p.t) && ENUM.test(x.t)) drop[prev] = drop[i] = 1;
    }
    prev = i;
  });
  endRun();
  xs.forEach((x, i) => {
    if (x.kind === 'heading' && drop[i]) x.kind = 'paragraph';
  });
}

/**
 * Headlines extracted after their article: the text ends with a headline (nothing
 * ends an article so) that is a title block, not a stray last line: it has a
 * subtitle, byline or second line, follows a closing line, or is not the only one.
 */
function titlesAfter(xs: Info[]): boolean {
  const plain = (x: Info | undefined): boolean =>
    x?.kind === 'heading' && !ENUM.test(x.t) && !isSubtitle(x.t);
  let i = xs.length - 1;
  let block = 0;
  let heading = false;
  for (; i >= 0 && xs[i]?.kind !== 'paragraph'; i--) {
    if (xs[i]?.kind === 'blank') continue;
    block++;
    heading ||= plain(xs[i]);
  }
  if (!heading || i < 0) return false;
  const closing = xs[i]?.role === 'credit' || xs[i]?.kind === 'byline';
  return block >= 2 || closing || xs.slice(0, i).some(plain);
}

/** A heading needs text where its article is: after it, or on either side when titles come after. */
function dropDangling(xs: Info[], after: boolean): void {
  let before = false;
  if (after) for (const x of xs) before ||= x.kind === 'paragraph';
  for (let i = xs.length - 1, textAfter = false; i >= 0; i--) {
    const x = xs[i] as Info;
    if (x.kind === 'heading' && !textAfter && !before) x.kind = 'paragraph';
    textAfter ||= x.kind === 'paragraph';
  }
}

const headingKey = (t: string): string => t.replace(NOT_WORD, '');
const isSubtitle = (t: string): boolean => /^(?:——|--|－－|―|—)/.test(t);

/** A heading printed over two or three lines: CJK lines join, Latin ones when the next starts in lower case. */
function joinable(a: Info, b: Info): boolean {
  if (b.kind !== 'heading' || isSubtitle(b.t) || ENUM.test(b.t)) return false;
  return a.cjk && b.cjk ? a.t.length + b.t.length <= 40 : /^[a-z]/.test(b.t);
}

/** A series or column line printed above the headline ("权威访谈·谋发展 启新篇", "ANALYSIS"). */
function isKicker(x: Info, keys?: Map<string, number>): boolean {
  if (/[·•|｜【】]/.test(x.t) || (x.cjk && /[:：]./.test(x.t))) return true;
  if ((keys?.get(headingKey(x.t)) ?? 0) > 1) return true;
  return !x.cjk && x.t === x.t.toUpperCase() && x.t.split(/\s+/).length <= 4;
}

/** The headings of a block, adjacent lines of one heading joined; subtitles stand alone. */
function headingGroups(xs: Info[], block: number[]): number[][] {
  const groups: number[][] = [];
  for (const j of block) {
    const x = xs[j] as Info;
    if (x.kind !== 'heading') continue;
    const g = groups[groups.length - 1];
    const p = g?.[g.length - 1];
    const prev = xs[p ?? -1];
    const joins =
      g && p === j - 1 && prev && g.length < 3 && !isSubtitle(prev.t) && joinable(prev, x);
    // A series line ("权威访谈·谋发展 启新篇") stands above a headline, not in it.
    if (joins && !isKicker(prev) && !isKicker(x)) g.push(j);
    else groups.push([j]);
  }
  return groups;
}

/** Index in `groups` of a title block's headline: kickers and subtitles skipped. */
function titleOf(xs: Info[], groups: number[][], keys: Map<string, number>): number {
  const main = groups.flatMap((g, k) => (isSubtitle(xs[g[0] ?? 0]?.t ?? '') ? [] : [k]));
  let k = 0;
  while (k < main.length - 1 && isKicker(xs[groups[main[k] ?? 0]?.[0] ?? 0] as Info, keys)) k++;
  return main[k] ?? -1;
}

/**
 * `headings`: those the file itself marks (PDF, DOCX, HTML import); when
 * given they make the outline by construction (extract/outline.ts).
 */
export function detectStructure(
  text: string,
  overrides?: HeadingOverrides,
  headings?: readonly ExtractedHeading[],
): Structure {
  if (headings) return structureFromHeadings(text, headings, overrides);
  const xs: Info[] = [];
  for (let pos = 0, nl = 0; nl >= 0; pos = nl + 1) {
    nl = text.indexOf('\n', pos);
    xs.push(classify(text, pos, nl < 0 ? text.length : nl));
  }
  refine(xs);
  const after = titlesAfter(xs);
  dropDangling(xs, after);
  const promote = new Set(overrides?.promote);
  const demote = new Set(overrides?.demote);
  for (const x of xs) {
    const kind = demote.has(x.start) ? 'paragraph' : promote.has(x.start) ? 'heading' : null;
    if (kind === null || x.kind === 'blank') continue;
    Object.assign(x, { kind, role: '', t: x.t || text.slice(x.s, x.e) });
  }
  const keys = new Map<string, number>();
  for (const x of xs)
    if (x.kind === 'heading') keys.set(headingKey(x.t), (keys.get(headingKey(x.t)) ?? 0) + 1);

  const starts: { start: number; title: string }[] = [];
  const outline: OutlineEntry[] = [];
  const entry = (ids: number[], level: 1 | 2, article: number, subtitle?: number): string => {
    const lines = ids.map((i) => xs[i] as Info);
    const title = lines.reduce((p, q) => (p && !q.cjk ? `${p} ${q.t}` : p + q.t), '');
    const [a, b] = [lines[0], lines[lines.length - 1]] as [Info, Info];
    const sub = subtitle === undefined ? {} : { subtitle: (xs[subtitle] as Info).t };
    outline.push({ start: a.s, end: b.e, title, ...sub, level, article });
    return title;
  };
  const trailer = (x: Info): boolean =>
    x.kind === 'byline' || x.role === 'credit' || x.role === 'date' || x.role === 'down';
  let sawText = false;
  let open = 0; // titles after: where the article being read began
  for (let i = 0; i < xs.length;) {
    if (xs[i]?.kind === 'paragraph') {
      sawText = true;
      i++;
      continue;
    }
    const block: number[] = []; // the non-blank lines up to the next paragraph
    for (; i < xs.length && xs[i]?.kind !== 'paragraph'; i++)
      if (xs[i]?.kind !== 'blank') block.push(i);
    let lead = 0; // bylines, credits, dates and "下转" markers closing the article above
    while (sawText && lead < block.length && trailer(xs[block[lead] ?? 0] as Info)) lead++;
    const rest = block.slice(lead);
    const groups = headingGroups(xs, rest);
    const opener = rest.some((j) => xs[j]?.role === 'paper' || xs[j]?.role === 'dateline');
    if (groups.length === 0 && !opener) continue;
    const sub = groups.findIndex((g) => isSubtitle(xs[g[0] ?? 0]?.t ?? ''));
    const plain = groups.filter((g) => !ENUM.test(xs[g[0] ?? 0]?.t ?? '')).length;
    const cue =
      lead > 0 || opener || sub >= 0 || plain >= 2 || rest.some((j) => xs[j]?.kind === 'byline');
    const isNew = after ? cue || (i >= xs.length && sawText) : starts.length === 0 || cue;
    const current = after ? starts.length : starts.length - 1;
    if (!isNew) {
      for (const g of groups) entry(g, 2, current);
      continue;
    }
    const t = titleOf(xs, groups, keys);
    const subtitle = sub > t ? groups[sub]?.[0] : undefined;
    const ids = groups[t] ?? [];
    const title = ids.length > 0 ? entry(ids, 1, starts.length, subtitle) : '';
    // Headings after the title (a deck, a promoted line) are sub-headings; kickers and subtitles are not.
    const later = groups.filter((g, k) => k > t && k !== sub);
    if (after) {
      // The block closes the article above; what follows the headline and its byline
      // (a first section heading) opens the next one.
      starts.push({ start: open, title });
      const next = later[0]?.[0];
      open = next === undefined ? (xs[i] ?? xs[xs.length - 1]!).start : (xs[next] as Info).start;
      if (i >= xs.length) open = text.length;
      for (const g of later) entry(g, 2, starts.length);
      continue;
    }
    starts.push({
      start: sawText || starts.length > 0 ? (xs[rest[0] ?? 0] as Info).start : 0,
      title,
    });
    for (const g of later) entry(g, 2, starts.length - 1);
  }
  if (after && text.slice(open).trim()) starts.push({ start: open, title: '' });

  const pre = (starts[0]?.start ?? 1) > 0 && xs.some((x) => x.kind !== 'blank') ? 1 : 0;
  const articles = pre ? [{ start: 0, end: starts[0]?.start ?? text.length, title: '' }] : [];
  starts.forEach((a, k) => articles.push({ ...a, end: starts[k + 1]?.start ?? text.length }));
  for (const o of outline) o.article += pre;
  outline.sort((a, b) => a.start - b.start);
  const lines = xs.map(({ start, end, kind }, index) => {
    return { index, start, end, kind, text: text.slice(start, end) };
  });
  return { lines, outline, articles, titlesAfter: after };
}

/**
 * The outline as a reader wants it: each article's title first, then its section
 * headings (on pages whose titles came after the text, the title entry moves up).
 */
export function readingOrder(outline: readonly OutlineEntry[]): OutlineEntry[] {
  return outline
    .map((o, i) => ({ o, i }))
    .sort((a, b) => a.o.article - b.o.article || a.o.level - b.o.level || a.i - b.i)
    .map(({ o }) => o);
}

/** Index of the last item whose key is <= pos, or -1 (items sorted by key). */
function lastAtOrBefore<T>(items: T[], pos: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid] as T) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Nearest heading at or above a position (for the CSV `section` column), within the
 * position's article; the article's title above its first heading; '' when none.
 */
export function sectionAt(structure: Structure, pos: number): string {
  const line = structure.lines[lastAtOrBefore(structure.lines, pos, (l) => l.start)];
  const art = lastAtOrBefore(structure.articles, pos, (a) => a.start);
  const at = lastAtOrBefore(structure.outline, line ? line.end : pos, (o) => o.start);
  const entry = structure.outline[at];
  if (entry && entry.article === art) return entry.title;
  return structure.articles[art]?.title ?? '';
}
