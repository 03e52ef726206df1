/**
 * Reflow of hard-wrapped text (newspaper columns copied out of PDFs) into one
 * paragraph per line, with a compact map back to the original text.
 *
 * Lines are measured in half-ems, as they were typeset: an ideograph is 2, a
 * Latin letter, digit or half-width mark 1, a CJK mark 2 but 1 at a line end
 * or inside a run of marks ("”，"). The column is the width the full lines reach
 * (the top of the dominant band of widths). A break is a join when line a was
 * full (the first token of line b would not have fitted) and the sentence goes
 * on. Pages whose paragraphs began with a 2-em indent that extraction dropped
 * ("indent-dropped") add two tells: a paragraph's first line is full at 2 em
 * short, and a line that is full only at 2 em short and does not end a sentence
 * starts a paragraph, so what precedes it (a headline, a short first line of a
 * heading) ends there; a full-width line never starts one. Markers
 * ("■上接第1版", "□新华社记者"), source lines and datelines stand alone. Pure
 * and linear: no per-character allocation, no Segmenter.
 */

import type { OffsetMap } from './offset-map';

export type { OffsetMap } from './offset-map';
export { identityMap, lineColumn, lineStarts, toOriginal, toReflowed } from './offset-map';

export interface WrapAnalysis {
  hardWrapped: boolean;
  /** The dominant line width in em (0 when there is none). */
  column: number;
  /** Non-empty lines. */
  lines: number;
  reasons?: string;
}

/** Reflowed text plus a map back to the original. Input is LF-normalised decoded text. */
export interface Reflowed {
  text: string;
  map: OffsetMap;
  /** Non-empty lines of the original. */
  lines: number;
  paragraphs: number;
}

/** Character classes of UTF-16 code units, one bit each, in a 64K table. */
const WS = 1;
const WIDE = 2;
const FIN_CJK = 4; // 。！？；…」』）” end a sentence in CJK text
const FIN = 8;
const OPEN = 16;
const CLOSE = 32;
const PUNCT = 64; // any punctuation a paragraph's last line ends with (a headline has none)
const PROSE = 128; // punctuation inside a line that marks running prose
const TRIGGER = 256; // first characters of the marker patterns below
const ALNUM = 512;
const LOW = 1024;
const HIGH = 2048;
const CPUNCT = 4096; // CJK marks: full width, compressed to half at a line end or in a run
const COMMA = 8192;
const CLS = new Uint16Array(0x10000);
const mark = (bit: number, chars: string): void => {
  for (const ch of chars) CLS[ch.charCodeAt(0)] = (CLS[ch.charCodeAt(0)] ?? 0) | bit;
};
const range = (bit: number, ...r: number[]): void => {
  for (let i = 0; i + 1 < r.length; i += 2)
    for (let c = r[i]!; c <= r[i + 1]!; c++) CLS[c] = CLS[c]! | bit;
};
// Wide: CJK ideographs, kana, hangul, CJK and full-width punctuation, the high surrogates of planes 2–3.
range(WIDE, 0x1100, 0x115f, 0x2e80, 0xa4cf, 0xac00, 0xd7a3, 0xd840, 0xd8bf, 0xf900, 0xfaff);
range(WIDE, 0xfe30, 0xfe4f, 0xff01, 0xff60, 0xffe0, 0xffe6);
range(ALNUM, 48, 57, 65, 90, 97, 122);
range(LOW, 0xdc00, 0xdfff);
range(HIGH, 0xd800, 0xdbff);
for (const c of [9, 10, 11, 12, 13, 32, 0xa0, 0x202f, 0x205f, 0x3000, 0xfeff]) CLS[c] = WS;
range(WS, 0x2000, 0x200b);
range(CPUNCT, 0x3001, 0x3003, 0x3008, 0x3011, 0x3014, 0x301f, 0x2018, 0x201f, 0x2026, 0x2026);
range(CPUNCT, 0x2014, 0x2015, 0xff01, 0xff0f, 0xff1a, 0xff20, 0xff3b, 0xff40, 0xff5b, 0xff65);
// Curly quotes, dashes and the ellipsis are full width in CJK text (and measured so there).
range(WIDE, 0x2018, 0x201f, 0x2026, 0x2026, 0x2014, 0x2015);
mark(FIN_CJK, '。！？；…」』）”');
mark(FIN, '.!?…。！？');
mark(OPEN, '“‘《（「『〈【〔([');
mark(CLOSE, '"\')]’”」』）');
mark(PUNCT, '，。、；：？！…”」』）,.;:!?"\'’)');
mark(PROSE, '，。、；：？！,.;:?!');
mark(COMMA, '，、,\uff64');
mark(TRIGGER, '□■●◆▲★☆◇○〇△▽※▶►新中本问答（(一二三四五六七八九十《上下cC记通人经光—-');
const is = (c: number, bit: number): boolean => ((CLS[c] ?? 0) & bit) !== 0;
const isWs = (c: number): boolean => is(c, WS);
const isWide = (c: number): boolean => is(c, WIDE);
const MARK = '[□■●◆▲★☆◇○〇△▽※▶►]';
const SP = '[ \\t\\u3000]';
const HAN = '[\\u4e00-\\u9fff]';
const NUM = '[\\d一二三四五六七八九十]';
const PAGE = `[（(]?[上下][接转]第?${NUM}{1,3}版`;
/** Lines that close an article: "（新华社北京7月5日电）", "（执笔记者：张三）", "(Reporting by …)". */
const CLOSING =
  `[（(](?:(?:新华社|中新社|本报|\\S{2,4}日报)[^）)\\n]{0,24}?[电讯][）)]|[^（）()\\n]{0,8}?(?:记者|通讯员|执笔|撰稿))|` +
  `\\((?:(?:additional )?reporting|writing|editing) by |\\((?:Xinhua|Reuters|AP|AFP|Bloomberg)\\b`;
/** A subtitle: "——访内蒙古自治区党委书记孙绍骋", "— An interview with …" (no sentence on the line). */
const SUBTITLE = `(?:——|—\\s|--\\s?)(?![^\\n]*[，。；！？.;!?]\\s*(?:\\n|$))`;
/** Lines that start a paragraph: markers, datelines, Q/A, numbered sections, sources. */
const STARTS = new RegExp(
  `${MARK}|(?:新华社|中新社|本报)[^\\n，。]{0,12}?\\d{1,2}月\\d{1,2}日[电讯]|[问答][:：]|` +
    `[（(]${NUM}{1,2}[)）]|[一二三四五六七八九十]{1,3}、|《[^》\\n]{1,30}》[ \\t\\u3000]*[（(]|` +
    `${PAGE}|\\(?continued (?:from|on) (?:page|p\\.)|${CLOSING}|${SUBTITLE}`,
  'iy',
);
/** Lines that are complete by themselves: source lines and continuation markers. */
const COMPLETE = new RegExp(
  `${MARK}?[ \\t\\u3000]?(?:《[^》\\n]{1,30}》[ \\t\\u3000]*[（(][^\\n]{1,40}?[)）]|${PAGE}[)）]?|` +
    `\\(?continued (?:from|on) (?:page|p\\.) ?[\\w-]{1,6}\\)?|(?:${CLOSING})(?:[^\\n]{0,40}?[)）])?|` +
    `${SUBTITLE}[^\\n]{1,60}?|` +
    `(?:(?:本报|新华社|中新社|\\S{2,4}日报)(?:记者|通讯员)[:：]?${SP}*|(?:记者|通讯员)${SP}+)` +
    `${HAN}{1,4}(?:[、 \\t\\u3000]+${HAN}{1,4}){0,5})` +
    `[ \\t\\u3000]*(?:\\n|$)`,
  'iy',
);

const isAlnum = (c: number): boolean => is(c, ALNUM);
const isLetter = (c: number): boolean =>
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  (c >= 0xc0 && /\p{L}/u.test(String.fromCharCode(c)));
const isLower = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 0xdf && /\p{Ll}/u.test(String.fromCharCode(c)));

type Scan = ReturnType<typeof scan>;

/**
 * Half-ems past which a line's width changes no decision: the widest column is
 * 160 and the largest threshold 1.5 × 160 + 4 = 244 (in \`decide\`), so a long
 * unwrapped line stops being measured there.
 */
const WIDE_LINE = 256;

/** Half-em width of the CJK mark at i of line [f, e): compressed at the line end and in a run of marks. */
function markWidth(t: string, i: number, f: number, e: number): number {
  const run =
    (i > f && is(t.charCodeAt(i - 1), CPUNCT)) || (i + 1 < e && is(t.charCodeAt(i + 1), CPUNCT));
  return run || i === e - 1 ? 1 : 2;
}

/**
 * CJK text: at least 30% of the units that are not whitespace are wide. The
 * count stops once the units left could not change the answer whatever they
 * are: a third of the way into a Chinese text, three quarters into an English one.
 */
function isCjkText(t: string): boolean {
  const cjkShare = (wide: number, other: number): boolean => wide * 10 >= (wide + other) * 3;
  let wide = 0;
  let other = 0;
  for (let i = 0; i < t.length;) {
    for (const end = Math.min(t.length, i + 4096); i < end; i++) {
      const cls = CLS[t.charCodeAt(i)]!;
      if (cls & WIDE) wide++;
      else if (!(cls & WS)) other++;
    }
    const left = t.length - i;
    if (cjkShare(wide, other + left)) return true;
    if (!cjkShare(wide + left, other)) return false;
  }
  return cjkShare(wide, other);
}

/**
 * Per line: start, content start and end (whitespace trimmed), width in half-ems
 * (leading indentation included), flags (1: punctuation inside, 2: indented).
 */
function scan(t: string) {
  let n = 1;
  for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) n++;
  const cjk = isCjkText(t);
  const start = new Int32Array(n + 1);
  const cs = new Int32Array(n);
  const ce = new Int32Array(n);
  const width = new Int32Array(n);
  const flags = new Uint8Array(n);
  let nonEmpty = 0;
  let indented = 0;
  for (let k = 0, ls = 0; k < n; k++) {
    const nl = t.indexOf('\n', ls);
    const le = nl < 0 ? t.length : nl;
    start[k] = ls;
    let f = ls;
    let e = le;
    while (f < le && isWs(t.charCodeAt(f))) f++;
    while (e > f && isWs(t.charCodeAt(e - 1))) e--;
    cs[k] = f;
    ce[k] = e;
    ls = start[k + 1] = le + 1;
    if (f === e) continue;
    let seen = 0; // the classes of the units measured
    let w = 0;
    for (let i = start[k]!; i < f; i++) w += t.charCodeAt(i) === 0x3000 && cjk ? 2 : 1;
    // Past WIDE_LINE a line is no column line whatever its width: every threshold
    // below is under it, and its punctuation is never asked about.
    for (let i = f; i < e && w < WIDE_LINE; i++) {
      const c = t.charCodeAt(i);
      // Most of a Chinese text: ideographs, full width and no punctuation. Spares the
      // look-up in CLS (128 KB, of which the ideographs spread over 40 KB): 15% of a scan.
      if (cjk && c >= 0x4e00 && c <= 0x9fff) {
        w += 2;
        continue;
      }
      const cls = CLS[c]!;
      seen |= cls;
      // A low surrogate is the second half of a character already measured.
      if (cls & LOW) continue;
      w += !cjk ? 1 : cls & CPUNCT ? markWidth(t, i, f, e) : cls & WIDE ? 2 : 1;
    }
    width[k] = w;
    nonEmpty++;
    const c0 = t.charCodeAt(start[k]!);
    const ind = f > start[k]! && (c0 === 0x3000 || c0 === 9 || (c0 === 32 && f > start[k]! + 1));
    if (ind) indented++;
    flags[k] = (seen & PROSE ? 1 : 0) | (ind ? 2 : 0);
  }
  // The next non-empty line after each line, or -1: asked of every line, often more than once.
  const next = new Int32Array(n);
  for (let k = n - 1, c = -1; k >= 0; k--) {
    next[k] = c;
    if (ce[k]! > cs[k]!) c = k;
  }
  return { t, n, start, cs, ce, width, flags, next, nonEmpty, indented, cjk };
}

type Params = ReturnType<typeof analyse>;

/** The dominant column width in half-ems: the top of the busiest band of line widths. */
function columnOf(s: Scan): number {
  const { cjk, n } = s;
  const [minC, maxC] = cjk ? [20, 160] : [30, 160];
  const hist = new Int32Array(maxC + 2);
  for (let k = 0; k < n; k++) {
    const w = s.width[k]!;
    // Column lines carry punctuation; headlines, subtitles and datelines are set apart.
    if (s.ce[k]! === s.cs[k]! || w < minC || w > maxC || !(s.flags[k]! & 1)) continue;
    if (!matches(STARTS, s.t, s.cs[k]!) && !matches(COMPLETE, s.t, s.cs[k]!)) hist[w]!++;
  }
  const pre = new Int32Array(maxC + 3);
  for (let w = 0; w <= maxC + 1; w++) pre[w + 1] = pre[w]! + hist[w]!;
  // Full lines fall short of the column by up to one token: CJK by an em (2), Latin by 20%.
  const low = (w: number): number => (cjk ? Math.max(0, w - 3) : Math.floor(w * 0.8));
  const inWindow = (w: number): number => pre[w + 1]! - pre[low(w)]!;
  let column = 0;
  for (let w = minC; w <= maxC; w++)
    if (inWindow(w) > 0 && inWindow(w) >= inWindow(column)) column = w;
  if (!column) return 0;
  // The width reached by the longest 5% of the lines around that band.
  const lo = low(column);
  const hi = Math.min(maxC, cjk ? column + 4 : Math.ceil(column * 1.2));
  const total = pre[hi + 1]! - pre[lo]!;
  for (let w = hi; w >= lo; w--) if (pre[hi + 1]! - pre[w]! >= Math.max(1, total * 0.05)) return w;
  return column;
}

/**
 * The column, tolerances and counts that decide whether the text is hard-wrapped.
 * With `onlyIfWrapped`, the indent tells a reflow needs (and the reasons count)
 * are left out of a text that is not hard-wrapped: most of a cold analysis.
 */
function analyse(s: Scan, onlyIfWrapped = false) {
  const { cjk, n } = s;
  const column = columnOf(s);
  const nearTol = cjk ? Math.max(4, Math.round(column * 0.12)) : Math.round(column * 0.2);
  const tolUp = cjk ? Math.max(6, Math.ceil(column * 0.35)) : Math.max(3, Math.ceil(column * 0.1));
  const indent = cjk ? 4 : 2;
  const slack = cjk ? 1 : 0;
  let near = 0;
  let wrapped = 0;
  let prose = 0;
  let marked = 0; // markers, bylines, source lines: their own paragraphs, not column lines
  for (let k = 0; k < n && column; k++) {
    const w = s.width[k]!;
    if (s.ce[k]! === s.cs[k]!) continue;
    if (w < column - nearTol || w > column + tolUp) {
      if (matches(STARTS, s.t, s.cs[k]!) || matches(COMPLETE, s.t, s.cs[k]!)) marked++;
      continue;
    }
    near++;
    if (!endsSentence(s.t, s.cs[k]!, s.ce[k]!, cjk)) wrapped++;
    prose += s.flags[k]! & 1;
  }
  const lines = s.nonEmpty;
  const body = lines - marked;
  const hardWrapped =
    body >= 3 &&
    column > 0 &&
    near >= body * 0.5 &&
    wrapped >= Math.max(2, body * 0.4) &&
    prose >= near * 0.3;
  // Mid-sentence lines full only at an indent short (paragraph first lines whose indent
  // extraction dropped), and short lines that end a sentence (paragraph ends).
  let firstShort = 0;
  let ends = 0;
  // Half-em width of the next line's first token, per line: what `fullAt` weighs a line against.
  const tok = new Int32Array(n);
  const p0 = { column, cjk, indent, slack, nearTol, tolUp, dropped: false, tok };
  const tells = column > 0 && (hardWrapped || !onlyIfWrapped);
  for (let k = 0; k < n && tells; k++) {
    const c = s.next[k]!;
    if (s.ce[k]! === s.cs[k]! || c < 0) continue;
    tok[k] = tokenWidth(s, p0, k, c);
    if (!fullAt(s, p0, k, 0)) {
      if (endsSentence(s.t, s.cs[k]!, s.ce[k]!, cjk)) ends++;
      else if (fullAt(s, p0, k, indent)) firstShort++;
    }
  }
  const dropped = firstShort >= 2 && firstShort * 5 >= ends * 2;
  const counts = { near, body, marked, wrapped, prose, firstShort, ends };
  return { ...p0, hardWrapped, lines, dropped, counts };
}

function reasonsOf(p: Params): string {
  const { column, cjk, nearTol, tolUp, dropped, lines } = p;
  const { near, body, marked, wrapped, prose, firstShort, ends } = p.counts;
  const em = (w: number): string => `${w / 2}`;
  return column
    ? `column ${em(column)} em (${cjk ? 'CJK' : 'Latin'}); ${near} of ${body} lines (${marked} ` +
        `marker lines aside) within ${em(column - nearTol)}–${em(column + tolUp)} em; ${wrapped} of ` +
        `them end mid-sentence; ${prose} hold punctuation; ${firstShort} ` +
        `mid-sentence lines full at an indent short, ${ends} short sentence ends` +
        (dropped ? ' (indent dropped)' : '')
    : `no dominant line width among ${lines} lines`;
}

function endsSentence(t: string, cs: number, ce: number, cjk: boolean): boolean {
  let c = t.charCodeAt(ce - 1);
  if (cjk && is(c, FIN_CJK)) return true;
  if (is(c, CLOSE) && ce - 2 >= cs) c = t.charCodeAt(ce - 2);
  return is(c, FIN) || (cjk && is(c, FIN_CJK));
}

const BREAK = 0;
const JOIN = 1;
const SPACE = 2;
const HYPHEN = 3;

/** How lines a and b (the next non-empty line) are joined. */
function joinOf(t: string, ace: number, bcs: number, cjk: boolean): number {
  const a = t.charCodeAt(ace - 1);
  const b = t.charCodeAt(bcs);
  if (a === 45 && isAlnum(t.charCodeAt(ace - 2))) return JOIN; // "COVID-\n19"
  if (isWide(a) || isWide(b) || (is(a, LOW) && isWide(t.charCodeAt(ace - 2)))) return JOIN;
  if (!cjk) return SPACE;
  return isAlnum(b) && (isAlnum(a) || a === 44 || a === 59 || a === 58 || a === 33 || a === 63)
    ? SPACE
    : JOIN;
}

/** Half-em width of line b's first token set at the end of line a, with the space between. */
function tokenWidth(s: Scan, p: { cjk: boolean }, a: number, b: number): number {
  const { t } = s;
  const bcs = s.cs[b]!;
  const bce = s.ce[b]!;
  // Opening marks travel with what follows them, closing marks with what precedes them.
  let w = 0;
  let j = bcs;
  for (; j < bce && is(t.charCodeAt(j), OPEN); j++) w += p.cjk && isWide(t.charCodeAt(j)) ? 1 : 1;
  const c = t.charCodeAt(j);
  if (j < bce && isWide(c)) {
    w += is(c, CPUNCT) ? 1 : 2;
    j += is(c, HIGH) ? 2 : 1;
  } else
    for (const j0 = j; j < bce && j - j0 < 64; j++) {
      const d = t.charCodeAt(j);
      if (isWs(d) || isWide(d)) break;
      w += 1;
    }
  while (j < bce && is(t.charCodeAt(j), CLOSE | CPUNCT) && !is(t.charCodeAt(j), OPEN)) {
    w += 1;
    j++;
  }
  const sep = joinOf(t, s.ce[a]!, bcs, p.cjk) === SPACE ? 1 : 0;
  return Math.max(1, w) + sep;
}

/**
 * True when line a, `indent` half-ems narrower than the column, could not also
 * take the first token of the next non-empty line.
 */
function fullAt(
  s: Scan,
  p: { column: number; slack: number; tok: Int32Array },
  a: number,
  indent: number,
): boolean {
  return s.width[a]! + indent + p.tok[a]! > p.column - p.slack;
}

function matches(re: RegExp, t: string, at: number): boolean {
  if (!is(t.charCodeAt(at), TRIGGER)) return false;
  re.lastIndex = at;
  return re.test(t);
}

const SHORT = 0;
const FLAT = 1;
const FIRST = 2;

/**
 * On an indent-dropped page, what line b's width says it is (c: the line after it): a
 * full line (FLAT), a paragraph's first line, full only at an indent short (FIRST), or SHORT.
 */
function shape(s: Scan, p: Params, b: number, c: number): number {
  if (!p.dropped || c < 0) return SHORT;
  if (fullAt(s, p, b, 0)) return FLAT;
  return fullAt(s, p, b, p.indent) ? FIRST : SHORT;
}

/**
 * Line b starts a paragraph: it has a first line's width and goes on mid-sentence, or
 * it ends a sentence and the line after it is a full continuation line (after a
 * paragraph's last line would come another first line or a short one).
 */
function firstLine(s: Scan, p: Params, b: number, c: number): boolean {
  if (shape(s, p, b, c) !== FIRST) return false;
  if (!endsSentence(s.t, s.cs[b]!, s.ce[b]!, p.cjk)) return true;
  // c must be wider than any first line: a first line pushed short by a long token looks full.
  const flat = shape(s, p, c, s.next[c]!) === FLAT && s.width[c]! > p.column - p.indent + p.slack;
  return flat && !matches(STARTS, s.t, s.cs[c]!);
}

/**
 * How line a and the next non-empty line b are joined; `blank` when a blank
 * line (a column end) lies between, `starts` when a begins a paragraph.
 */
function decide(s: Scan, p: Params, a: number, b: number, blank: boolean, starts: boolean): number {
  const { t } = s;
  const C = p.column;
  const acs = s.cs[a]!;
  const ace = s.ce[a]!;
  const bcs = s.cs[b]!;
  // Lines far wider than the column are not column lines (one paragraph per line).
  if (!C || Math.max(s.width[a]!, s.width[b]!) > C * 1.5 + 4) return BREAK;
  if (((s.flags[b]! & 2) !== 0 && s.indented * 2 < s.nonEmpty) || matches(STARTS, t, bcs))
    return BREAK;
  if (matches(COMPLETE, t, acs)) return BREAK;
  if (t.charCodeAt(ace - 1) === 45 && isLetter(t.charCodeAt(ace - 2)) && isLower(t.charCodeAt(bcs)))
    return HYPHEN;
  const join = joinOf(t, ace, bcs, p.cjk);
  // A clause that ends in a comma goes on: no paragraph or heading ends so.
  if (is(t.charCodeAt(ace - 1), COMMA)) return join;
  const isFull = fullAt(s, p, a, (p.dropped || !p.cjk) && starts ? p.indent : 0);
  // On an indent-dropped page, what b's width says about b: a full continuation line, or a
  // paragraph's first line (full only at an indent short) that does not end there.
  const c = s.next[b]!;
  const bFlat = shape(s, p, b, c) === FLAT;
  const bFirst = firstLine(s, p, b, c);
  if (endsSentence(t, acs, ace, p.cjk)) {
    if (!isFull) return BREAK;
    if (bFirst) return BREAK;
    if (bFlat) return join;
    if (blank && !p.dropped) return BREAK;
    // A full line ends a sentence; a short line without punctuation after it is a headline.
    if (is(t.charCodeAt(s.ce[b]! - 1), PUNCT)) return join;
    const short = c >= 0 ? !fullAt(s, p, b, 0) : s.width[b]! < C - p.nearTol;
    return short ? BREAK : join;
  }
  if (bFirst) return BREAK;
  // An enumerated heading ("（三）多措并举，稳就业保民生") before a line an indent short.
  const gap = C - s.width[b]!;
  if (p.dropped && starts && matches(STARTS, t, acs) && !fullAt(s, p, a, 0) && gap >= p.indent)
    return BREAK;
  return isFull || (!p.cjk && s.width[a]! >= C - p.nearTol) ? join : BREAK;
}

function reflowScan(s: Scan, p: Params): Reflowed {
  const { t } = s;
  const parts: string[] = [];
  const runs: number[] = [];
  let out = 0;
  const keep = (o: number, len: number, str?: string): void => {
    if (len <= 0) return;
    parts.push(str ?? t.slice(o, o + len));
    const k = runs.length;
    if (k > 0 && runs[k - 3]! + runs[k - 1]! === out && runs[k - 2]! + runs[k - 1]! === o)
      runs[k - 1]! += len;
    else runs.push(out, o, len);
    out += len;
  };
  let paragraphs = 0;
  let prev = -1;
  let blank = false;
  let starts = true;
  for (let k = 0; k < s.n; k++) {
    if (s.ce[k] === s.cs[k]) {
      blank = prev >= 0;
      continue;
    }
    if (prev < 0) paragraphs = 1;
    else {
      const d = decide(s, p, prev, k, blank, starts);
      const cs = s.cs[prev]!;
      keep(cs, s.ce[prev]! - cs - (d === HYPHEN ? 1 : 0));
      const newline = s.start[prev + 1]! - 1;
      starts = d === BREAK;
      if (d === BREAK) {
        keep(newline, 1, '\n');
        paragraphs++;
      } else if (d === SPACE) keep(newline, 1, ' ');
    }
    prev = k;
    blank = false;
  }
  if (prev >= 0) keep(s.cs[prev]!, s.ce[prev]! - s.cs[prev]!);
  const map = { runs, reflowedLength: out, originalLength: t.length };
  return { text: parts.join(''), map, lines: s.nonEmpty, paragraphs };
}

export function analyseWrap(text: string): WrapAnalysis {
  const p = analyse(scan(text));
  return {
    hardWrapped: p.hardWrapped,
    column: p.column / 2,
    lines: p.lines,
    reasons: reasonsOf(p),
  };
}

/** Always reflows (the caller decided). */
export function reflow(original: string): Reflowed {
  const s = scan(original);
  return reflowScan(s, analyse(s));
}

/**
 * Past this length (a book, or a year of articles in one file) a text is first
 * asked, through evenly spread whole lines, whether it is hard-wrapped at all.
 * Every test in `analyse` is a share of the lines, which such a sample keeps;
 * its scan is a small part of the whole one's (10 MB: 60 → 20 ms, cold), and most
 * large files are not hard-wrapped. One that is gets the full analysis, as before.
 */
const SAMPLE_FROM = 1 << 20;
const SAMPLE_WINDOWS = 32;
const SAMPLE_WINDOW = 8 * 1024;

/** Whole lines from SAMPLE_WINDOWS windows spread over t, one after another. */
function sampleLines(t: string): string {
  const parts: string[] = [];
  const step = (t.length - SAMPLE_WINDOW) / (SAMPLE_WINDOWS - 1);
  for (let w = 0; w < SAMPLE_WINDOWS; w++) {
    const at = Math.floor(step * w);
    const from = at === 0 ? 0 : t.indexOf('\n', at) + 1;
    const to = t.lastIndexOf('\n', at + SAMPLE_WINDOW);
    // A window inside one long line gives nothing.
    if ((at === 0 || from > 0) && to > from) parts.push(t.slice(from, to));
  }
  return parts.join('\n');
}

/** Null when analyseWrap says the text is not hard-wrapped, or when no line would be joined. */
export function maybeReflow(original: string): Reflowed | null {
  if (original.length > SAMPLE_FROM && !analyse(scan(sampleLines(original)), true).hardWrapped)
    return null;
  const s = scan(original);
  const p = analyse(s, true);
  if (!p.hardWrapped) return null;
  const r = reflowScan(s, p);
  // "Reflowed 3 lines into 3 paragraphs" would only have dropped blank lines.
  return r.paragraphs < r.lines ? r : null;
}
