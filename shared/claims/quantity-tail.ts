/**
 * What comes after a number (magnitude, unit) and the approximation words
 * around it. Every lookup reads a bounded window, so the scan stays linear.
 */
import {
  CJK_AFTER,
  CJK_BEFORE,
  CJK_UNITS,
  CJK_UNIT_MAX,
  EN_AFTER,
  EN_BEFORE,
  EN_MAGNITUDE_ABBR,
  EN_NOT_UNITS,
  EN_UNITS,
  EN_UNIT_MAX_WORDS,
  LATIN_UNITS,
  LATIN_UNIT_MAX,
  type Approx,
  type UnitKind,
} from './quantity-lexicon';
import { EN_MAGNITUDES, isBigMagnitude, isSmallMagnitude, magnitudeExp } from './numerals';

export type TailKind = UnitKind | 'none' | 'alnum';

export interface Tail {
  end: number;
  /** Power of ten contributed by magnitudes (万, billion) and by 成. */
  exp: number;
  hasMagnitude: boolean;
  /** 多/余 between the number and its unit: 2700多万吨. */
  approx?: Approx;
  unit: string;
  kind: TailKind;
}

export function isLatinLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function latinRunEnd(text: string, p: number): number {
  let q = p;
  while (q < text.length && isLatinLetter(text.charCodeAt(q))) q++;
  return q;
}

/** Longest CJK unit (or time word, veto word …) starting at p. */
export function cjkUnitAt(text: string, p: number): { word: string; kind: UnitKind } | null {
  for (let len = Math.min(CJK_UNIT_MAX, text.length - p); len > 0; len--) {
    const word = text.slice(p, p + len);
    const kind = CJK_UNITS.get(word);
    if (kind) return { word, kind };
  }
  return null;
}

/** Up to EN_UNIT_MAX_WORDS words after p, as [phrase, end] from the longest. */
function englishPhrases(text: string, p: number): [string, number][] {
  const out: [string, number][] = [];
  let q = p;
  for (let n = 0; n < EN_UNIT_MAX_WORDS; n++) {
    const wEnd = latinRunEnd(text, q);
    if (wEnd === q) break;
    // Keeps "a.m." and "kilowatt-hours" whole.
    let e = wEnd;
    while (
      (text[e] === '.' || text[e] === '-') &&
      isLatinLetter(text.charCodeAt(e + 1) || 0) &&
      e - q < 20
    ) {
      e = latinRunEnd(text, e + 1);
    }
    if (text[e] === '.' && e - q <= 3) e++;
    out.push([text.slice(p, e), e]);
    if (text[e] !== ' ') break;
    q = e + 1;
  }
  return out.reverse();
}

function englishUnitAt(
  text: string,
  p: number,
  hyphenated: boolean,
): { unit: string; kind: UnitKind; end: number } | null {
  const phrases = englishPhrases(text, p);
  for (const [phrase, end] of phrases) {
    const lower = phrase.toLowerCase();
    const kind = EN_UNITS.get(lower) ?? EN_UNITS.get(lower.replace(/\.$/, ''));
    if (!kind) continue;
    const realEnd = EN_UNITS.has(lower) ? end : end - 1;
    if (kind === 'percent') return { unit: '%', kind, end: realEnd };
    if (kind === 'points') return { unit: 'percentage points', kind, end: realEnd };
    return { unit: text.slice(p, realEnd), kind, end: realEnd };
  }
  // Unlisted plural nouns ("12,000 households") still count as units.
  const last = phrases[phrases.length - 1];
  if (!last || hyphenated) return null;
  const [word, end] = last;
  if (/^[a-z]{3,}s$/.test(word) && !EN_NOT_UNITS.has(word)) {
    return { unit: word, kind: 'counter', end };
  }
  return null;
}

export interface TailOptions {
  /** The number was Chinese numerals: its magnitudes are already inside it. */
  chinese: boolean;
  /** Currency sign or code before the number: it is the unit. */
  currency: string;
}

function isParticle(ch: string | undefined): boolean {
  return ch === '多' || ch === '余';
}

export function readTail(text: string, p: number, opts: TailOptions): Tail {
  const head = readMagnitude(text, p, opts);
  const unit = readUnit(text, head.end, opts);
  return {
    end: unit.end,
    exp: head.exp + unit.exp,
    hasMagnitude: head.hasMagnitude,
    ...(head.approx ? { approx: head.approx } : {}),
    unit: unit.unit,
    kind: unit.kind,
  };
}

interface Magnitude {
  end: number;
  exp: number;
  hasMagnitude: boolean;
  approx?: Approx;
}

/** 万, 亿千瓦's 亿, "billion", "bn", with the 多/余 that may sit on either side (2700多万). */
function readMagnitude(text: string, p: number, opts: TailOptions): Magnitude {
  let q = p;
  let exp = 0;
  let hasMagnitude = false;
  let approx: Approx | undefined;
  if (isParticle(text[q])) {
    approx = 'more';
    q++;
  }
  if (!opts.chinese || approx) {
    const c = text[q] ?? '';
    // 千瓦 and 百分点 are units, not magnitudes of 瓦 and 分点.
    if (isSmallMagnitude(c) && (cjkUnitAt(text, q)?.word.length ?? 0) < 2) {
      exp += magnitudeExp(c);
      q++;
      hasMagnitude = true;
    }
    let lastBig = 0;
    while (isBigMagnitude(text[q] ?? '')) {
      const e = magnitudeExp(text[q] ?? '');
      if (lastBig >= e) break;
      exp += e;
      lastBig = e;
      q++;
      hasMagnitude = true;
    }
  }
  if (!opts.chinese && !hasMagnitude) {
    const wEnd = latinRunEnd(text, q);
    const abbr = text.slice(q, wEnd);
    const abbrExp = EN_MAGNITUDE_ABBR[abbr.toLowerCase()];
    // 2m people and $2m are millions; a 2m wall is metres.
    const millionsNotMetres =
      abbr !== 'm' ||
      opts.currency !== '' ||
      (text[wEnd] === ' ' && englishUnitAt(text, wEnd + 1, false) !== null);
    const billionsNotBytes = abbr.toLowerCase() !== 'b' || opts.currency !== '';
    if (abbrExp !== undefined && abbr !== 'M' && millionsNotMetres && billionsNotBytes) {
      exp += abbrExp;
      q = wEnd;
      hasMagnitude = true;
    } else if (text[q] === ' ') {
      const w2End = latinRunEnd(text, q + 1);
      const word = text.slice(q + 1, w2End).toLowerCase();
      const e = EN_MAGNITUDES[word];
      if (e !== undefined && !isLatinLetter(text.charCodeAt(w2End) || 0)) {
        exp += e;
        q = w2End;
        hasMagnitude = true;
      }
    }
  }
  if (hasMagnitude && !approx && isParticle(text[q])) {
    approx = 'more';
    q++;
  }
  return { end: q, exp, hasMagnitude, ...(approx ? { approx } : {}) };
}

interface Unit {
  end: number;
  /** 成 is tenths: 七成 = 70 %. */
  exp: number;
  unit: string;
  kind: TailKind;
}

function done(unit: string, kind: TailKind, end: number, exp = 0): Unit {
  return { end, exp, unit, kind };
}

function readUnit(text: string, q: number, opts: TailOptions): Unit {
  if (opts.currency) {
    // "$3.5bn" or "RMB 5 billion yuan": the sign names the unit, a trailing currency word is redundant.
    return done(opts.currency, 'measure', q);
  }
  const c = text[q] ?? '';
  if (c === '%' || c === '％') return done('%', 'percent', q + 1);
  if (c === '‰') return done('‰', 'percent', q + 1);

  const cjk = cjkUnitAt(text, q);
  if (cjk && cjk.kind !== 'word') {
    const end = compound(text, q + cjk.word.length);
    const unit = text.slice(q, end);
    if (cjk.kind === 'tenths') return done('%', 'percent', end, 1);
    return done(unit, cjk.kind, end);
  }
  if (cjk) return done('', 'none', q);

  const lEnd = latinRunEnd(text, q);
  if (lEnd > q) {
    let e = lEnd;
    if (text[e] === '²' || text[e] === '³') e++;
    const sym = text.slice(q, e);
    if (e - q <= LATIN_UNIT_MAX + 1 && LATIN_UNITS.has(sym)) {
      return done(sym, 'measure', compound(text, e));
    }
    // Letters glued to digits: 5G, 1st, 1990s, 3D are names or ordinals.
    return done('', 'alnum', lEnd);
  }
  if (c === '°' && text[q + 1] === 'C') return done('°C', 'measure', q + 2);

  if (c === ' ' || c === '-') {
    const u = englishUnitAt(text, q + 1, c === '-');
    if (u) return done(u.unit, u.kind, u.end);
  }
  return done('', 'none', q);
}

/** 元/吨, 公里/小时: a per-unit denominator stays part of the unit. */
function compound(text: string, p: number): number {
  if (text[p] !== '/' && text[p] !== '／') return p;
  const cjk = cjkUnitAt(text, p + 1);
  if (cjk && cjk.kind !== 'word' && cjk.kind !== 'veto') return p + 1 + cjk.word.length;
  const lEnd = latinRunEnd(text, p + 1);
  if (lEnd > p + 1 && LATIN_UNITS.has(text.slice(p + 1, lEnd))) return lEnd;
  return p;
}

const EN_BEFORE_LIST = [...EN_BEFORE.entries()].sort((a, b) => b[0].length - a[0].length);

/** An approximation word right before `start`: 超过, 约, "more than" … */
export function approxBefore(text: string, start: number): Approx | undefined {
  if (text[start - 1] === ' ') {
    const end = start - 1;
    for (const [phrase, approx] of EN_BEFORE_LIST) {
      const s = end - phrase.length;
      if (s < 0 || isLatinLetter(text.charCodeAt(s - 1) || 0)) continue;
      if (text.slice(s, end).toLowerCase() === phrase) return approx;
    }
    return undefined;
  }
  let q = start;
  if (text[q - 1] === '了') q--;
  for (let len = 3; len > 0; len--) {
    if (q - len < 0) continue;
    const approx = CJK_BEFORE.get(text.slice(q - len, q));
    if (!approx) continue;
    // 最近 and 附近 are "recent" and "nearby", not "nearly".
    if (len === 1 && text[q - 1] === '近' && q >= 2 && '最附邻靠'.includes(text[q - 2] ?? ''))
      return undefined;
    return approx;
  }
  return undefined;
}

/** An approximation word right after `end`: 以上, 左右, "or more", "+" … */
export function approxAfter(text: string, end: number): Approx | undefined {
  const cjk = CJK_AFTER.get(text.slice(end, end + 2));
  if (cjk) return cjk;
  if (text[end] === '+' && !/[0-9]/.test(text[end + 1] ?? '')) return 'more';
  if (text.startsWith('-plus', end) || text.startsWith('-odd', end)) return 'more';
  if (text[end] === ' ') {
    for (const [phrase, approx] of EN_AFTER) {
      if (
        text.slice(end + 1, end + 1 + phrase.length).toLowerCase() === phrase &&
        !isLatinLetter(text.charCodeAt(end + 1 + phrase.length) || 0)
      ) {
        return approx;
      }
    }
  }
  return undefined;
}
