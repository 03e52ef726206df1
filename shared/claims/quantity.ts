/**
 * Finds the quantities a claim can rest on — amounts, counts, percentages,
 * multiples — in Chinese and English news text.
 *
 * Decisions (see quantity.test.ts for each one pinned down):
 * - `text` is the number with its magnitude and unit as written ("2700多万吨",
 *   "$3.5bn", "12,000 households"); the approximation words around it (超过,
 *   以上, "more than") are outside `text` and reported as `approx`.
 * - Percent forms (%, ％, 百分之X, X成, "percent", "per cent") all get unit "%";
 *   "个百分点"/"百分点" stay as written, "percentage point(s)" becomes
 *   "percentage points". Other units are as written, magnitudes removed.
 * - Currency before the number is the unit as written: "$", "€", "US$", "RMB".
 * - Fractions (三分之二, "two-thirds", 一半) are percentages rounded to two
 *   decimals (66.67 %, exact when the denominator is a power of ten), with the
 *   exact ratio in `fraction`.
 * - Dates, clock times and durations (2024年, 7月5日, 连续3年, 近两年, "5 years")
 *   are time, not quantities, and are skipped.
 * - A range (3至5万, 3-5万, "3 to 5 million") gives two quantities marked
 *   `range: 'from'` and `range: 'to'`; the magnitude and unit of the second end
 *   apply to the first when it has none, while its `text` stays as written ("3").
 * - 十几, 几十万, 2700多万: the lower bound, with approx 'more'.
 */
import {
  CURRENCY_CODES,
  CURRENCY_SIGNS,
  DOLLAR_PREFIXES,
  SLOGANS,
  type Approx,
} from './quantity-lexicon';
import {
  decimalValue,
  digitAt,
  englishDenominator,
  englishSmallValue,
  isBigMagnitude,
  isChineseNumeralChar,
  isChineseNumeralCode,
  isEnglishNumberWord,
  magnitudeExp,
  parseChineseNumeral,
  spokenDecimals,
  parseEnglishNumberWords,
  percentOf,
  EN_MAGNITUDES,
} from './numerals';
import { approxAfter, approxBefore, isLatinLetter, readTail, type Tail } from './quantity-tail';
import { nameSpans } from './quantity-names';
import { isLabel, oneOf, wordEnd } from './quantity-labels';

export interface Quantity {
  /** UTF-16 offsets of the quantity in the text given. */
  start: number;
  end: number;
  /** As written: "1.35亿千瓦", "16.4万户", "6.4%". */
  text: string;
  /** Normalised: 135000000, 164000, 6.4. */
  value: number;
  /** As written, magnitude words removed: "千瓦", "户", "%", "个百分点", "" if none. */
  unit: string;
  approx?: Approx;
  /** Which end of a range (3至5万) this quantity is. */
  range?: 'from' | 'to';
  /** The exact ratio behind a fraction given as a percentage (三分之二 → 66.67 %). */
  fraction?: { numerator: number; denominator: number };
}

/** One number with its tail, before the decision whether it is an amount. */
interface Single {
  start: number;
  end: number;
  /** value = digits × 10^exp, or `value` when computed directly (fractions). */
  digits: string;
  exp: number;
  value?: number;
  negative: boolean;
  /** Written with a magnitude (万, 亿, million), and its power of ten, for a range's other end. */
  magnitude: boolean;
  magExp: number;
  /** A currency sign or code came before the digits. */
  currency: boolean;
  tail: Tail;
  /** Not an amount: an ordinal, date, label, name … */
  label: boolean;
  /** A Chinese numeral without unit or 万/亿 (三 in 三至五万): an amount only as a range end. */
  bare?: boolean;
  fraction?: { numerator: number; denominator: number };
}

interface Read {
  single: Single | null;
  next: number;
}

const OPEN_QUOTES = '“「『《〈‘"';
const MINUS = '-−－';

function isDigitAt(text: string, i: number): boolean {
  return digitAt(text, i) >= 0;
}

function isLetterOrDigit(text: string, i: number): boolean {
  return i >= 0 && (isLatinLetter(text.charCodeAt(i)) || isDigitAt(text, i));
}

// Characters a quantity can start with; everything else is passed over with one table read.
const STARTS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  const digit = (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
  if (digit || isLatinLetter(c) || isChineseNumeralCode(c)) STARTS[c] = 1;
}
for (const ch of CURRENCY_SIGNS + MINUS) STARTS[ch.charCodeAt(0)] = 1;

export function findQuantities(text: string): Quantity[] {
  const names = nameSpans(text);
  const out: Quantity[] = [];
  let i = 0;
  while (i < text.length) {
    if (STARTS[text.charCodeAt(i)] !== 1 || names[i]) {
      i++;
      continue;
    }
    const read = readAt(text, i);
    if (!read) {
      i++;
      continue;
    }
    if (read.single) {
      const range = readRange(text, read.single);
      if (range) {
        if (!range[0].label && !range[1].label) {
          out.push(toQuantity(text, range[0], 'from'), toQuantity(text, range[1], 'to'));
        }
        i = range[1].end;
        continue;
      }
      if (!read.single.label && !read.single.bare) out.push(toQuantity(text, read.single));
    }
    i = Math.max(read.next, i + 1);
  }
  return out;
}

function readAt(text: string, i: number): Read | null {
  const ch = text[i] ?? '';
  if (isDigitAt(text, i)) return readArabic(text, i, i, '', false);
  if (oneOf(CURRENCY_SIGNS, ch) && isDigitAt(text, i + 1)) {
    return readArabic(text, i, i + 1, ch, false);
  }
  if (
    oneOf(MINUS, ch) &&
    isDigitAt(text, i + 1) &&
    !isLetterOrDigit(text, i - 1) &&
    !oneOf(MINUS, text[i - 1])
  ) {
    return readArabic(text, i, i + 1, '', true);
  }
  if (isChineseNumeralChar(ch)) return readChinese(text, i);
  if (isLatinLetter(text.charCodeAt(i))) return readLatin(text, i);
  return null;
}

// Dates and clock times are recognised whole, so that their parts are never read as amounts.
const D = '[0-9０-９]';
const DATE_OR_TIME = new RegExp(
  [
    `${D}{4}([-/.])${D}{1,2}\\1${D}{1,2}`,
    `${D}{1,2}([/.])${D}{1,2}\\2${D}{2,4}`,
    `${D}{1,2}[:：]${D}{2}(?:[:：]${D}{2})?`,
  ].join('|'),
  'y',
);

function readDecimal(
  text: string,
  p: number,
): { int: string; frac: string; end: number; grouped: boolean } {
  let q = p;
  let int = '';
  while (isDigitAt(text, q)) int += String(digitAt(text, q++));
  let grouped = false;
  // 1,000 and 1，000 group only with threes after a head of one to three digits.
  if (int.length <= 3) {
    while (
      (text[q] === ',' || text[q] === '，') &&
      isDigitAt(text, q + 1) &&
      isDigitAt(text, q + 2) &&
      isDigitAt(text, q + 3) &&
      !isDigitAt(text, q + 4)
    ) {
      int += `${digitAt(text, q + 1)}${digitAt(text, q + 2)}${digitAt(text, q + 3)}`;
      q += 4;
      grouped = true;
    }
  }
  let frac = '';
  if ((text[q] === '.' || text[q] === '．') && isDigitAt(text, q + 1)) {
    q++;
    while (isDigitAt(text, q)) frac += String(digitAt(text, q++));
  }
  return { int, frac, end: q, grouped };
}

function skipAlnum(text: string, p: number): number {
  let q = p;
  while (q < text.length && (isLetterOrDigit(text, q) || text[q] === '.')) q++;
  return q;
}

function readArabic(
  text: string,
  start: number,
  p: number,
  currency: string,
  negative: boolean,
): Read {
  const before = text[start - 1] ?? '';
  // G7, COVID-19, H5N1, v1.2.3: digits inside a name or code.
  if (
    isLetterOrDigit(text, start - 1) ||
    (oneOf(MINUS, before) && isLatinLetter(text.charCodeAt(start - 2))) ||
    (before === '.' && isDigitAt(text, start - 2))
  ) {
    return { single: null, next: skipAlnum(text, p) };
  }
  DATE_OR_TIME.lastIndex = p;
  const date = DATE_OR_TIME.exec(text);
  if (date) return { single: null, next: p + date[0].length };

  const num = readDecimal(text, p);
  const tail = readTail(text, num.end, { chinese: false, currency });
  const single: Single = {
    start,
    end: tail.end,
    digits: num.int + num.frac,
    exp: tail.exp - num.frac.length,
    negative,
    magnitude: tail.hasMagnitude,
    magExp: tail.exp,
    currency: currency !== '',
    tail,
    label: false,
  };
  const intValue = Number(num.int);
  const yearLike =
    num.int.length === 4 &&
    !num.grouped &&
    !num.frac &&
    !tail.hasMagnitude &&
    tail.unit === '' &&
    intValue >= 1900 &&
    intValue <= 2100;
  const code = num.int.length > 1 && num.int[0] === '0' && !num.frac;
  single.label = yearLike || code || isLabel(text, single, false);
  return { single, next: single.end };
}

const SLOGANS_BY_FIRST = new Map<string, string[]>();
for (const s of SLOGANS) {
  const list = SLOGANS_BY_FIRST.get(s[0] ?? '') ?? [];
  list.push(s);
  SLOGANS_BY_FIRST.set(s[0] ?? '', list);
}

function chineseRunEnd(text: string, p: number): number {
  let q = p;
  while (q < text.length && isChineseNumeralChar(text[q] ?? '')) q++;
  return q;
}

/** The number after 百分之 or 三分之: Chinese numerals or digits. */
function readNumerator(text: string, p: number): { value: number; end: number } | null {
  if (isDigitAt(text, p)) {
    const n = readDecimal(text, p);
    return { value: decimalValue(n.int + n.frac, -n.frac.length), end: n.end };
  }
  const end = chineseRunEnd(text, p);
  const parsed = end > p ? parseChineseNumeral(text.slice(p, end)) : null;
  if (!parsed || parsed.digitsOnly) return null;
  // 百分之五点八 is 5.8 %, not 5 % followed by a stray 点八.
  const decimals = text[end] === '点' ? spokenDecimals(text, end + 1) : null;
  if (decimals?.digits && Number.isSafeInteger(parsed.value))
    return {
      value: decimalValue(`${parsed.value}${decimals.digits}`, -decimals.digits.length),
      end: decimals.end,
    };
  return { value: parsed.value, end };
}

function fractionSingle(
  text: string,
  start: number,
  end: number,
  numerator: number,
  denominator: number,
): Single {
  const exact = Math.log10(denominator);
  // 百分之4.52 must stay 4.52: shift the decimal point when the denominator allows.
  const value = Number.isInteger(exact)
    ? Number((numerator * 100).toPrecision(15)) / 10 ** exact
    : percentOf(numerator, denominator);
  const tail: Tail = { end, exp: 0, hasMagnitude: false, unit: '%', kind: 'percent' };
  const single: Single = {
    start,
    end,
    digits: '',
    exp: 0,
    value,
    negative: false,
    magnitude: false,
    magExp: 0,
    currency: false,
    tail,
    label: false,
    fraction: { numerator, denominator },
  };
  single.label = isLabel(text, single, true);
  return single;
}

/** 五万 → 4, 三千亿 → 8, 十万亿 → 12: the magnitude a range's first end shares. */
function trailingBigExp(run: string): number {
  let exp = 0;
  for (let k = run.length - 1; k >= 0 && isBigMagnitude(run[k] ?? ''); k--)
    exp += magnitudeExp(run[k] ?? '');
  return exp;
}

function readChinese(text: string, i: number): Read {
  for (const s of SLOGANS_BY_FIRST.get(text[i] ?? '') ?? []) {
    if (text.startsWith(s, i)) return { single: null, next: i + s.length };
  }
  const runEnd = chineseRunEnd(text, i);
  const run = text.slice(i, runEnd);
  if (text.startsWith('分之', runEnd)) {
    const den = parseChineseNumeral(run);
    const num = readNumerator(text, runEnd + 2);
    if (!den || den.digitsOnly || !num || den.value === 0) return { single: null, next: runEnd };
    return { single: fractionSingle(text, i, num.end, num.value, den.value), next: num.end };
  }
  if ((run === '一' || run === '壹') && text[runEnd] === '半') {
    return { single: fractionSingle(text, i, runEnd + 1, 1, 2), next: runEnd + 1 };
  }
  const parsed = parseChineseNumeral(run);
  if (!parsed || parsed.digitsOnly) return { single: null, next: runEnd };
  const tail = readTail(text, runEnd, { chinese: true, currency: '' });
  const single: Single = {
    start: i,
    end: tail.end,
    digits: String(parsed.value),
    exp: tail.exp,
    negative: false,
    magnitude: parsed.hasBig || tail.hasMagnitude,
    magExp: trailingBigExp(run) + tail.exp,
    currency: false,
    tail: parsed.fuzzy && !tail.approx ? { ...tail, approx: 'more' } : tail,
    label: false,
  };
  const loneOne = (run === '一' || run === '壹') && tail.kind !== 'times' && tail.kind !== 'points';
  const bare = tail.unit === '' && !parsed.hasBig && !tail.hasMagnitude;
  const idiom = parsed.magnitudeOnly && tail.kind !== 'measure';
  single.bare = bare;
  single.label = loneOne || idiom || oneOf(OPEN_QUOTES, text[i - 1]) || isLabel(text, single, true);
  return { single, next: single.end };
}

function readLatin(text: string, i: number): Read {
  const end = wordEnd(text, i);
  const word = text.slice(i, end);
  if (CURRENCY_CODES.has(word)) {
    const d = text[end] === ' ' ? end + 1 : end;
    if (isDigitAt(text, d)) return readArabic(text, i, d, word, false);
  }
  if (DOLLAR_PREFIXES.has(word) && text[end] === '$' && isDigitAt(text, end + 1)) {
    return readArabic(text, i, end + 1, `${word}$`, false);
  }
  const lower = word.toLowerCase();
  const article = lower === 'a' || lower === 'an';
  if (!isEnglishNumberWord(word) && !article) return { single: null, next: end };

  // Collect number words joined by spaces, hyphens and "and".
  const words: string[] = [];
  let q = i;
  let lastEnd = end;
  for (;;) {
    const e = wordEnd(text, q);
    const w = text.slice(q, e);
    const isArticle = words.length === 0 && article;
    if (!isArticle && !isEnglishNumberWord(w) && !(w.toLowerCase() === 'and' && words.length)) {
      break;
    }
    words.push(w);
    lastEnd = e;
    const sep = text[e];
    if ((sep !== ' ' && sep !== '-') || !isLatinLetter(text.charCodeAt(e + 1))) break;
    q = e + 1;
  }
  while (words.length && words[words.length - 1]?.toLowerCase() === 'and') words.pop();

  const first = words[0] ?? '';
  const sepAfterFirst = text[i + first.length] ?? '';
  const denWordStart = i + first.length + 1;
  const denWordEnd = wordEnd(text, denWordStart);
  const den = englishDenominator(text.slice(denWordStart, denWordEnd));
  const numValue = article ? 1 : englishSmallValue(first);
  if (
    den &&
    numValue !== undefined &&
    numValue > 0 &&
    (sepAfterFirst === '-' || sepAfterFirst === ' ')
  ) {
    const plural = /s$/i.test(text.slice(denWordStart, denWordEnd));
    // "a third term" is an ordinal; "a third of" and "two-thirds" are fractions.
    const fractionReading = sepAfterFirst === '-' || plural || text.startsWith(' of', denWordEnd);
    if (fractionReading && !(article && sepAfterFirst === '-')) {
      return { single: fractionSingle(text, i, denWordEnd, numValue, den), next: denWordEnd };
    }
  }
  if (article) {
    // "a million", "a hundred": only before a magnitude is the article a number.
    if (words.length < 2 || !((words[1] ?? '').toLowerCase() in EN_MAGNITUDES)) {
      return { single: null, next: end };
    }
    words[0] = 'one';
  }
  const value = parseEnglishNumberWords(words);
  if (value === null) return { single: null, next: lastEnd };
  const tail = readTail(text, lastEnd, { chinese: true, currency: '' });
  const single: Single = {
    start: i,
    end: tail.end,
    digits: String(value),
    exp: tail.exp,
    negative: false,
    magnitude: false,
    magExp: 0,
    currency: false,
    tail,
    label: false,
  };
  const hasMagnitudeWord = words.some((w) => w.toLowerCase() in EN_MAGNITUDES);
  // Bare number words ("the two sides agreed", "one of them") are rarely claims' figures.
  single.label =
    (tail.unit === '' && !hasMagnitudeWord) ||
    (value === 1 && !hasMagnitudeWord && tail.kind !== 'percent') ||
    isLabel(text, single, false);
  return { single, next: single.end };
}

const CONNECTORS = '至到～~〜—–－-';

/** The second end of a range after `a`, if there is one: 3至5万, 3-5%, "3 to 5 million". */
function readRange(text: string, a: Single): [Single, Single] | null {
  let p = a.end;
  if (oneOf(CONNECTORS, text[p])) p++;
  else if (text.startsWith(' to ', p)) p += 4;
  else if (text.startsWith(' - ', p) || text.startsWith(' – ', p)) p += 3;
  else return null;
  if (
    !isDigitAt(text, p) &&
    !isChineseNumeralChar(text[p] ?? '') &&
    !isLatinLetter(text.charCodeAt(p))
  ) {
    if (!(oneOf(CURRENCY_SIGNS, text[p]) && isDigitAt(text, p + 1))) {
      return null;
    }
  }
  const bRead = readAt(text, p);
  const b = bRead?.single;
  if (!b || b.start !== p || b.bare) return null;
  const aUnit = a.tail.unit;
  const bUnit = b.tail.unit;
  if (aUnit !== '' && bUnit !== '' && aUnit !== bUnit) return null;
  if (aUnit !== '' && bUnit === '' && !a.currency) return null;
  if (a.fraction || b.fraction) return null;
  // A range of times (1-5月, 2024-2025年) is time as a whole.
  const label = a.label || b.label;
  const from: Single = { ...a, label };
  const to: Single = { ...b, label };
  if (aUnit === '') {
    from.tail = { ...a.tail, unit: bUnit, kind: b.tail.kind };
    if (!a.magnitude) from.exp += b.magExp;
  }
  if (bUnit === '') to.tail = { ...b.tail, unit: aUnit, kind: a.tail.kind };
  return [from, to];
}

function toQuantity(text: string, s: Single, range?: 'from' | 'to'): Quantity {
  const magnitude = s.value ?? decimalValue(s.digits, s.exp);
  const value = s.negative ? -magnitude : magnitude;
  const approx =
    s.tail.approx ??
    (range === 'from' ? undefined : approxAfter(text, s.end)) ??
    (range === 'to' ? undefined : approxBefore(text, s.start));
  const q: Quantity = {
    start: s.start,
    end: s.end,
    text: text.slice(s.start, s.end),
    value,
    unit: s.tail.unit,
  };
  if (approx) q.approx = approx;
  if (range) q.range = range;
  if (s.fraction) q.fraction = s.fraction;
  return q;
}
