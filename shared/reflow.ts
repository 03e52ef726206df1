/**
 * Reflow of hard-wrapped text (newspaper columns copied out of PDFs) into one
 * paragraph per line, with a compact map back to the original text.
 *
 * Widths are counted in characters (Unicode code points, trailing whitespace
 * excluded) for CJK and Latin text alike. The column is the dominant line width:
 * the most frequent width for CJK text, and for Latin text (ragged right) the
 * width reached by the longest 5% of the lines around the most frequent one.
 * A line break is a join when the line is full (the first word or character of
 * the next line would not have fitted) and the sentence goes on; a break where a
 * line ends a sentence short of the column, or at a short line (headline,
 * byline), or before a marker ("■上接第1版", "□新华社记者"), a source line, an
 * indented line. Pure and linear: no per-character allocation, no Segmenter.
 */

import type { OffsetMap } from './offset-map';

export type { OffsetMap } from './offset-map';
export { identityMap, lineColumn, lineStarts, toOriginal, toReflowed } from './offset-map';

export interface WrapAnalysis {
  hardWrapped: boolean;
  /** The dominant line width in characters (0 when there is none). */
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
mark(FIN_CJK, '。！？；…」』）”');
mark(FIN, '.!?…。！？');
mark(OPEN, '“‘《（「『〈【〔([');
mark(CLOSE, '"\')]’”」』）');
mark(PUNCT, '，。、；：？！…”」』）,.;:!?"\'’)');
mark(PROSE, '，。、；：？！,.;:?!');
mark(TRIGGER, '□■●◆▲★☆◇○〇△▽※▶►新中本问答（(一二三四五六七八九十《上下cC记通人经光');
const is = (c: number, bit: number): boolean => ((CLS[c] ?? 0) & bit) !== 0;
const isWs = (c: number): boolean => is(c, WS);
const isWide = (c: number): boolean => is(c, WIDE);
const MARK = '[□■●◆▲★☆◇○〇△▽※▶►]';
const SP = '[ \\t\\u3000]';
const HAN = '[\\u4e00-\\u9fff]';
const NUM = '[\\d一二三四五六七八九十]';
const PAGE = `[（(]?[上下][接转]第?${NUM}{1,3}版`;
/** Lines that start a paragraph: markers, datelines, Q/A, numbered sections, sources. */
const STARTS = new RegExp(
  `${MARK}|(?:新华社|中新社|本报)[^\\n，。]{0,12}?\\d{1,2}月\\d{1,2}日[电讯]|[问答][:：]|` +
    `[（(]${NUM}{1,2}[)）]|[一二三四五六七八九十]{1,3}、|《[^》\\n]{1,30}》[ \\t\\u3000]*[（(]|` +
    `${PAGE}|\\(?continued (?:from|on) (?:page|p\\.)`,
  'iy',
);
/** Lines that are complete by themselves: source lines and continuation markers. */
const COMPLETE = new RegExp(
  `${MARK}?[ \\t\\u3000]?(?:《[^》\\n]{1,30}》[ \\t\\u3000]*[（(][^\\n]{1,40}?[)）]|${PAGE}[)）]?|` +
    `\\(?continued (?:from|on) (?:page|p\\.) ?[\\w-]{1,6}\\)?|` +
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
 * Per line: start, content start and end (whitespace trimmed), width in code
 * points (leading indentation included), flags (1: punctuation inside, 2: indented).
 */
function scan(t: string) {
  let n = 1;
  for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) n++;
  const start = new Int32Array(n + 1);
  const cs = new Int32Array(n);
  const ce = new Int32Array(n);
  const width = new Int32Array(n);
  const flags = new Uint8Array(n);
  let wide = 0;
  let other = 0;
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
    let lows = 0;
    let punct = 0;
    for (let i = f; i < e; i++) {
      const cls = CLS[t.charCodeAt(i)]!;
      if (cls & WIDE) wide++;
      else if (!(cls & WS)) other++;
      if (cls & PROSE) punct = 1;
      if (cls & LOW) lows++;
    }
    width[k] = e - start[k]! - lows;
    nonEmpty++;
    const c0 = t.charCodeAt(start[k]!);
    const ind = f > start[k]! && (c0 === 0x3000 || c0 === 9 || (c0 === 32 && f > start[k]! + 1));
    if (ind) indented++;
    flags[k] = punct | (ind ? 2 : 0);
  }
  const cjk = wide * 10 >= (wide + other) * 3;
  return { t, n, start, cs, ce, width, flags, nonEmpty, indented, cjk };
}

type Params = ReturnType<typeof analyse>;

function analyse(s: Scan) {
  const { cjk, n } = s;
  const [minC, maxC] = cjk ? [10, 80] : [30, 160];
  const hist = new Int32Array(maxC + 1);
  for (let k = 0; k < n; k++) {
    const w = s.width[k]!;
    if (s.ce[k]! > s.cs[k]! && w >= minC && w <= maxC) hist[w]!++;
  }
  let column = 0;
  for (let w = minC; w <= maxC; w++) if (hist[w]! > 0 && hist[w]! >= hist[column]!) column = w;
  if (!cjk && column) {
    // Ragged right: the width L with most lines in [0.8 L, L], then the width reached by
    // the longest 5% of the lines around it.
    const pre = new Int32Array(maxC + 2);
    for (let w = 0; w <= maxC; w++) pre[w + 1] = pre[w]! + hist[w]!;
    const inWindow = (w: number): number => pre[w + 1]! - pre[Math.floor(w * 0.8)]!;
    for (let w = minC; w <= maxC; w++) if (inWindow(w) >= inWindow(column)) column = w;
    const lo = Math.floor(column * 0.8);
    const hi = Math.min(maxC, Math.ceil(column * 1.2));
    const total = pre[hi + 1]! - pre[lo]!;
    for (let w = hi; w >= lo; w--) {
      if (pre[hi + 1]! - pre[w]! >= Math.max(1, total * 0.05)) {
        column = w;
        break;
      }
    }
  }
  const nearTol = cjk ? Math.max(2, Math.round(column * 0.12)) : Math.round(column * 0.2);
  const tolUp = cjk ? Math.max(3, Math.ceil(column * 0.35)) : Math.max(3, Math.ceil(column * 0.1));
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
  const reasons = column
    ? `column ${column} (${cjk ? 'CJK' : 'Latin'}); ${near} of ${body} lines (${marked} marker ` +
      `lines aside) within ${column - nearTol}–${column + tolUp}; ${wrapped} of them end ` +
      `mid-sentence; ${prose} hold punctuation`
    : `no dominant line width between ${minC} and ${maxC} among ${lines} lines`;
  return { hardWrapped, column, lines, reasons, cjk, nearTol, tolUp };
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

/** True when the first word (or CJK character) of line b would not have fitted on line a. */
function full(s: Scan, p: Params, a: number, b: number): boolean {
  const { t } = s;
  const bcs = s.cs[b]!;
  const bce = s.ce[b]!;
  // Opening brackets and quotes travel with what follows them.
  let j = bcs;
  while (j < bce && is(t.charCodeAt(j), OPEN)) j++;
  if (j < bce && isWide(t.charCodeAt(j))) j++;
  else while (j < bce && j - bcs < 64 && !isWs(t.charCodeAt(j)) && !isWide(t.charCodeAt(j))) j++;
  const tok = Math.max(1, j - bcs);
  const sep = joinOf(t, s.ce[a]!, bcs, p.cjk) === SPACE ? 1 : 0;
  return s.width[a]! + sep + tok > p.column - (p.cjk ? 1 : 0);
}

function matches(re: RegExp, t: string, at: number): boolean {
  if (!is(t.charCodeAt(at), TRIGGER)) return false;
  re.lastIndex = at;
  return re.test(t);
}

function decide(s: Scan, p: Params, a: number, b: number, blank: boolean): number {
  const { t } = s;
  const C = p.column;
  const acs = s.cs[a]!;
  const ace = s.ce[a]!;
  const bcs = s.cs[b]!;
  // Lines far wider than the column are not column lines (one paragraph per line).
  if (!C || Math.max(s.width[a]!, s.width[b]!) > C * 1.5 + 2) return BREAK;
  if (((s.flags[b]! & 2) !== 0 && s.indented * 2 < s.nonEmpty) || matches(STARTS, t, bcs))
    return BREAK;
  if (matches(COMPLETE, t, acs)) return BREAK;
  if (t.charCodeAt(ace - 1) === 45 && isLetter(t.charCodeAt(ace - 2)) && isLower(t.charCodeAt(bcs)))
    return HYPHEN;
  const join = joinOf(t, ace, bcs, p.cjk);
  const isFull = full(s, p, a, b);
  if (endsSentence(t, acs, ace, p.cjk)) {
    if (blank || !isFull) return BREAK;
    // A full line ends a sentence; a short line without punctuation after it is a headline.
    if (is(t.charCodeAt(s.ce[b]! - 1), PUNCT)) return join;
    let c = b + 1;
    while (c < s.n && s.ce[c] === s.cs[c]) c++;
    const short = c < s.n ? !full(s, p, b, c) : s.width[b]! < C - p.nearTol;
    return short ? BREAK : join;
  }
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
  for (let k = 0; k < s.n; k++) {
    if (s.ce[k] === s.cs[k]) {
      blank = prev >= 0;
      continue;
    }
    if (prev < 0) paragraphs = 1;
    else {
      const d = decide(s, p, prev, k, blank);
      const cs = s.cs[prev]!;
      keep(cs, s.ce[prev]! - cs - (d === HYPHEN ? 1 : 0));
      const newline = s.start[prev + 1]! - 1;
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
  const { hardWrapped, column, lines, reasons } = analyse(scan(text));
  return { hardWrapped, column, lines, reasons };
}

/** Always reflows (the caller decided). */
export function reflow(original: string): Reflowed {
  const s = scan(original);
  return reflowScan(s, analyse(s));
}

/** Null when analyseWrap says the text is not hard-wrapped. */
export function maybeReflow(original: string): Reflowed | null {
  const s = scan(original);
  const p = analyse(s);
  return p.hardWrapped ? reflowScan(s, p) : null;
}
