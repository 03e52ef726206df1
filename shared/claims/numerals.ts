/**
 * Numeral parsing for quantity detection: exact decimal values from digit
 * strings, Chinese numerals (三千五百万, 一万二, 十几) and English number words.
 *
 * Values are built from digit strings and a power of ten, never by multiplying
 * floats, so that "4.52万" is 45200 and not 45199.999….
 */

/** ASCII or full-width decimal digit value, or -1. */
export function digitAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

/**
 * The nearest double to `digits × 10^exp10`. Going through the string form
 * lets the engine round once, exactly, instead of compounding float errors.
 */
export function decimalValue(digits: string, exp10: number): number {
  const d = digits.replace(/^0+(?=\d)/, '');
  return Number(`${d}e${exp10}`);
}

/** Rounded to two decimals, for ratios that have no finite decimal form (⅔). */
export function percentOf(numerator: number, denominator: number): number {
  return Math.round((numerator / denominator) * 10000) / 100;
}

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
  几: 1,
};
const CN_SMALL: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};
const CN_BIG: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

// A flat table: this test runs on every character of the text.
const CN_NUMERAL_CODES = new Uint8Array(0x10000);
for (const ch of Object.keys({ ...CN_DIGITS, ...CN_SMALL, ...CN_BIG })) {
  CN_NUMERAL_CODES[ch.charCodeAt(0)] = 1;
}

/** The digits after 点 in 五点八 or 三点一四, read one by one as they are spoken; '' when none. */
export function spokenDecimals(text: string, p: number): { digits: string; end: number } {
  let digits = '';
  let q = p;
  // 两 counts, never names a digit after the point.
  while (q < text.length && text[q] !== '两' && CN_DIGITS[text[q] ?? ''] !== undefined) {
    digits += String(CN_DIGITS[text[q] ?? '']);
    q++;
  }
  return { digits, end: q };
}

export function isChineseNumeralCode(c: number): boolean {
  return CN_NUMERAL_CODES[c] === 1;
}

export function isChineseNumeralChar(ch: string): boolean {
  return ch.length === 1 && CN_NUMERAL_CODES[ch.charCodeAt(0)] === 1;
}

/** Exponent of a Chinese magnitude character (十 → 1 … 亿 → 8), or 0. */
export function magnitudeExp(ch: string): number {
  switch (ch) {
    case '十':
    case '拾':
      return 1;
    case '百':
    case '佰':
      return 2;
    case '千':
    case '仟':
      return 3;
    case '万':
    case '萬':
      return 4;
    case '亿':
    case '億':
      return 8;
    default:
      return 0;
  }
}

export function isSmallMagnitude(ch: string): boolean {
  return ch in CN_SMALL;
}

export function isBigMagnitude(ch: string): boolean {
  return ch in CN_BIG;
}

export interface ChineseNumeral {
  value: number;
  /** 几 stood for an unknown digit: 十几 is "ten-odd". */
  fuzzy: boolean;
  /** Only digits (二〇二五): read digit by digit, a year or a code, never an amount. */
  digitsOnly: boolean;
  /** Only magnitudes (千亿, 万亿): an amount only before a measure unit. */
  magnitudeOnly: boolean;
  /** Contains 万 or 亿. */
  hasBig: boolean;
}

/**
 * Parses a whole run of Chinese numeral characters, or returns null when the
 * run is not one number (十四五, 亿万, 万一): such runs are names or idioms.
 */
export function parseChineseNumeral(run: string): ChineseNumeral | null {
  const chars = [...run];
  if (chars.length === 0) return null;
  if (chars.length > 1 && chars.every((c) => c in CN_DIGITS)) {
    return { value: NaN, fuzzy: false, digitsOnly: true, magnitudeOnly: false, hasBig: false };
  }
  const first = chars[0] ?? '';
  const magnitudeOnly = !(first in CN_DIGITS) && chars.every((c) => !(c in CN_DIGITS));
  if (magnitudeOnly && first !== '十' && first !== '拾') {
    // 千亿, 万亿, 百万: the product of the magnitudes, valid only if they rise.
    let exp = 0;
    let lastBig = 0;
    for (const c of chars) {
      const e = magnitudeExp(c);
      if (c in CN_BIG) {
        if (lastBig >= e && !(lastBig === 4 && e === 8)) return null;
        lastBig = e;
      } else if (exp > 0) return null;
      exp += e;
    }
    return {
      value: 10 ** exp,
      fuzzy: false,
      digitsOnly: false,
      magnitudeOnly: true,
      hasBig: lastBig > 0,
    };
  }
  if (!(first in CN_DIGITS) && first !== '十' && first !== '拾') return null;

  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let digitIsFuzzy = false;
  let lastSmall = Infinity;
  let lastMag = 0;
  let lastBig = 0;
  let afterZero = false;
  let prev: 'digit' | 'mag' | 'zero' | null = null;
  let fuzzy = false;
  let hasBig = false;

  for (const c of chars) {
    if (c in CN_DIGITS) {
      const d = CN_DIGITS[c] ?? 0;
      if (prev === 'digit') return null;
      if (d === 0) {
        afterZero = true;
        prev = 'zero';
        continue;
      }
      digit = d;
      digitIsFuzzy = c === '几';
      if (digitIsFuzzy) fuzzy = true;
      prev = 'digit';
    } else if (c in CN_SMALL) {
      const m = CN_SMALL[c] ?? 0;
      if (m >= lastSmall) return null;
      if (digit === null) {
        if (m !== 10) return null;
        digit = 1;
      }
      section += digit * m;
      digit = null;
      lastSmall = m;
      lastMag = m;
      afterZero = false;
      prev = 'mag';
    } else {
      const m = CN_BIG[c] ?? 0;
      const seg = section + (digit ?? 0);
      if (m === 1e4) {
        if (seg === 0 || lastBig === 1e4) return null;
        total += seg * 1e4;
      } else {
        if (seg === 0 && lastBig !== 1e4) return null;
        total = (total + seg) * 1e8;
      }
      hasBig = true;
      section = 0;
      digit = null;
      lastSmall = Infinity;
      lastBig = m;
      lastMag = m === 1e8 && lastMag === 1e4 && seg === 0 ? 1e12 : m;
      afterZero = false;
      prev = 'mag';
    }
  }
  let tail = 0;
  if (digit !== null) {
    if (digitIsFuzzy) tail = 0;
    else if (afterZero || lastMag === 0) tail = digit;
    else tail = (digit * lastMag) / 10; // 一万二 = 12000: the digit stands for the next lower magnitude
  }
  const value = total + section + tail;
  // 几 alone (这几个) or 零 alone is no amount.
  if (value === 0) return null;
  return { value, fuzzy, digitsOnly: false, magnitudeOnly: false, hasBig };
}

const EN_SMALL: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Powers of ten of the English magnitude words. */
export const EN_MAGNITUDES: Readonly<Record<string, number>> = {
  hundred: 2,
  thousand: 3,
  million: 6,
  billion: 9,
  trillion: 12,
};

export function isEnglishNumberWord(word: string): boolean {
  const w = word.toLowerCase();
  return w in EN_SMALL || w in EN_MAGNITUDES;
}

export function englishSmallValue(word: string): number | undefined {
  return EN_SMALL[word.toLowerCase()];
}

/**
 * Value of a sequence of English number words ("two hundred and fifty
 * thousand"), or null if they do not form one number.
 */
export function parseEnglishNumberWords(words: readonly string[]): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const raw of words) {
    const w = raw.toLowerCase();
    if (w === 'and') continue;
    const small = EN_SMALL[w];
    if (small !== undefined) {
      if (seen && current % 100 !== 0 && current % 10 !== 0) return null;
      current += small;
      seen = true;
      continue;
    }
    const exp = EN_MAGNITUDES[w];
    if (exp === undefined) return null;
    if (!seen) current = 1;
    if (exp === 2) current *= 100;
    else {
      total += current * 10 ** exp;
      current = 0;
    }
    seen = true;
  }
  return seen ? total + current : null;
}

const EN_DENOMINATORS: Readonly<Record<string, number>> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fourth: 4,
  fourths: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  seventh: 7,
  sevenths: 7,
  eighth: 8,
  eighths: 8,
  ninth: 9,
  ninths: 9,
  tenth: 10,
  tenths: 10,
};

export function englishDenominator(word: string): number | undefined {
  return EN_DENOMINATORS[word.toLowerCase()];
}
