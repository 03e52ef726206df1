/**
 * What decoding could not read cleanly: the byte sequences a decoder replaced
 * with U+FFFD (not a U+FFFD that the file itself encodes), where the first of
 * them is, and NUL bytes — a few stray ones in a text, or the high bytes of
 * UTF-16 without a byte order mark, or binary data.
 */
import { normalizeNewlines, utf8Length } from './text';
import type { Encoding } from './types';

/** Damage a decoded text came with; absent from a clean decode. */
export interface DecodeDamage {
  /**
   * Byte sequences the decoder could not read. Each shows as U+FFFD in the
   * text; a U+FFFD encoded in the file (EF BF BD in UTF-8) is a character, not
   * damage, and is not counted.
   */
  undecodable: number;
  /** 1-based line of the file (as decoded, before any reflow) of the first one; 0 when none. */
  firstLine: number;
  /** Stray NUL characters taken out of the text (the stored original bytes keep them). */
  nulsRemoved: number;
}

/**
 * NUL characters a text may hold and still be imported (with them removed):
 * one per thousand bytes, at least one and at most MAX_STRAY_NULS. Text has no
 * NULs; a few come from a copy or transfer error, a string terminator written
 * by a tool, a byte of a glued-on fragment. Binary files have many more:
 * compressed or random data (the bodies of PNG, ZIP, PDF streams) has one NUL
 * in 256 bytes, four times the limit, and headers (PNG, ZIP, ELF) and machine
 * code far more; in UTF-16 every other byte of ASCII is a NUL. Files over the
 * limit are read as UTF-16 when the NULs follow its pattern (`utf16ByNuls`)
 * and refused as binary otherwise. Whatever the NULs, the rest must still pass
 * the usual checks — few other control characters (random data has 11%), few
 * undecodable bytes — so a small binary file that happens to have few NULs is
 * still refused.
 */
export const STRAY_NUL_RATIO = 0.001;
export const MAX_STRAY_NULS = 16;

export function strayNulLimit(byteLength: number): number {
  return Math.min(MAX_STRAY_NULS, Math.max(1, Math.floor(byteLength * STRAY_NUL_RATIO)));
}

export interface NulCount {
  /** NUL bytes at even offsets (the high byte of an ASCII character in UTF-16BE). */
  even: number;
  /** NUL bytes at odd offsets (the high byte of an ASCII character in UTF-16LE). */
  odd: number;
}

export function countNuls(bytes: Uint8Array): NulCount {
  let even = 0;
  let odd = 0;
  for (let i = bytes.indexOf(0); i >= 0; i = bytes.indexOf(0, i + 1)) {
    if (i % 2 === 0) even++;
    else odd++;
  }
  return { even, odd };
}

/**
 * NULs at the other offset, as a share of those at the expected one, above
 * which the bytes are not taken for UTF-16. Text in UTF-16 puts a NUL at the
 * high byte of every ASCII character and at the low byte only of U+0100,
 * U+0200… (rare letters) and of U+0000; binary data has NULs at both.
 */
const UTF16_OTHER_NULS = 0.05;
/**
 * NULs at the expected offset needed to take the bytes for UTF-16: at least
 * this many, and this share of the code units. UTF-16 text has one for each
 * ASCII character, line ends included (a share of 20–50% in English, a few
 * percent in Chinese news). Without a floor, ASCII text with a few stray NULs
 * that happen to share an offset would be read as UTF-16 — and every pair of
 * ASCII bytes is a valid UTF-16 character, mostly a CJK ideograph.
 */
const MIN_UTF16_NULS = 8;
const MIN_UTF16_NUL_SHARE = 0.005;

/**
 * UTF-16 without a byte order mark, by where the NULs fall: enough of them at
 * odd offsets (little-endian) or even ones (big-endian), almost none at the
 * other. Only a guess; the caller still decodes and checks the text.
 */
export function utf16ByNuls({ even, odd }: NulCount, byteLength: number): Encoding | null {
  const enough = (n: number) => n >= MIN_UTF16_NULS && n >= (byteLength / 2) * MIN_UTF16_NUL_SHARE;
  if (enough(odd) && even <= odd * UTF16_OTHER_NULS) return 'utf-16le';
  if (enough(even) && odd <= even * UTF16_OTHER_NULS) return 'utf-16be';
  return null;
}

/** U+FFFD characters in `text`. */
export function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Occurrences of `pattern` (at least one byte) in `bytes`. */
function countSequence(bytes: Uint8Array, pattern: readonly number[]): number {
  const first = pattern[0] ?? 0;
  let n = 0;
  for (let i = bytes.indexOf(first); i >= 0; i = bytes.indexOf(first, i + 1)) {
    if (pattern.every((b, k) => bytes[i + k] === b)) n++;
  }
  return n;
}

/** The bytes of U+FFFD in each encoding; Big5 has none. */
const ENCODED_REPLACEMENT: Record<Encoding, readonly number[] | null> = {
  'utf-8': [0xef, 0xbf, 0xbd],
  'utf-16le': [0xfd, 0xff],
  'utf-16be': [0xff, 0xfd],
  gb18030: [0x84, 0x31, 0xa4, 0x37],
  big5: null,
};

/**
 * U+FFFD characters that the file encodes, so that the decoder did not make
 * them up. Exact for UTF-8 (EF is never a trail byte) and UTF-16 (counted at
 * even offsets only); for GB18030 a lead byte just before 84 31 A4 37 could
 * shift it, which is not worth a full parse.
 */
export function encodedReplacements(encoding: Encoding, bytes: Uint8Array): number {
  const pattern = ENCODED_REPLACEMENT[encoding];
  if (!pattern) return 0;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    let n = 0;
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      if (bytes[i] === pattern[0] && bytes[i + 1] === pattern[1]) n++;
    }
    return n;
  }
  return countSequence(bytes, pattern);
}

/**
 * How many U+FFFD of `text` (the decoder's output for `bytes`, before newline
 * normalisation) come before the first one the decoder made up: the first
 * invented one is then replacement number (result + 1). -1 when `text` has no
 * invented one (which a caller expecting damage then finds by the bytes).
 */
export function encodedBeforeFirstInvented(
  encoding: Encoding,
  bytes: Uint8Array,
  text: string,
): number {
  if (encoding === 'big5') return text.includes('\uFFFD') ? 0 : -1;
  if (encoding === 'gb18030') {
    if (encodedReplacements('gb18030', bytes) === 0) return text.includes('\uFFFD') ? 0 : -1;
    return encodedBeforeFirstError('gb18030', bytes);
  }
  let seen = 0;
  let byte = 0;
  let from = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
    let encoded: boolean;
    if (encoding === 'utf-8') {
      byte += utf8Length(text, from, i);
      encoded = bytes[byte] === 0xef && bytes[byte + 1] === 0xbf && bytes[byte + 2] === 0xbd;
      byte += 3;
      from = i + 1;
    } else {
      // UTF-16: the decoder gives one code unit for each code unit of the file
      // (a pair for a pair, U+FFFD for a lone surrogate or a dangling byte).
      const [a, b] = ENCODED_REPLACEMENT[encoding] ?? [];
      encoded = 2 * i + 1 < bytes.length && bytes[2 * i] === a && bytes[2 * i + 1] === b;
    }
    if (!encoded) return seen;
    seen++;
  }
  return -1;
}

/**
 * The same by the decoder itself, for GB18030 files that also encode U+FFFD:
 * the longest start of the file a fatal, streaming decode accepts, found by
 * halving (about 26 decodes of a 64 MB file; damaged files with an encoded
 * U+FFFD are rare), holds only encoded ones.
 */
function encodedBeforeFirstError(encoding: Encoding, bytes: Uint8Array): number {
  const clean = (end: number): boolean => {
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, end), {
        stream: true,
      });
      return true;
    } catch {
      return false;
    }
  };
  // A clean whole file (in streaming mode) is only cut short at its end.
  let good = clean(bytes.length) ? bytes.length : 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    if (clean(mid)) good = mid;
    else bad = mid;
  }
  const prefix = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(0, good), {
    stream: true,
  });
  return countReplacements(prefix);
}

/** 1-based line of the character that starts at `offset` in `bytes`. */
export function lineOfByte(encoding: Encoding, bytes: Uint8Array, offset: number): number {
  const before = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(0, offset), {
    stream: true,
  });
  const text = normalizeNewlines(before);
  return lineAt(text, text.length);
}

/** 1-based line of text[index]; `text` has LF line ends only. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Index of replacement number `n + 1` in `text` (n encoded ones skipped), or -1. */
export function nthReplacement(text: string, n: number): number {
  let i = text.indexOf('\uFFFD');
  for (let k = 0; k < n && i >= 0; k++) i = text.indexOf('\uFFFD', i + 1);
  return i;
}
