import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  contextAround,
  normalizeNewlines,
  sha256Hex,
  toCodePointOffsets,
} from './text';

// '𠀀' (U+20000) and '😀' (U+1F600) are two UTF-16 units each.
const TEXT = 'a𠀀b😀中文\n😀x';

describe('normalizeNewlines', () => {
  it('turns CRLF and lone CR into LF and leaves LF alone', () => {
    expect(normalizeNewlines('a\r\nb\rc\nd\r\n\r\ne\r')).toBe('a\nb\nc\nd\n\ne\n');
  });
});

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 vector for "abc"', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('hashes the UTF-8 bytes of non-ASCII text', async () => {
    // printf '中文' | sha256sum
    expect(await sha256Hex('中文')).toBe(
      '72726d8818f693066ceb69afa364218b692e62ea92b385782363780f47529c21',
    );
  });
});

describe('codePointLength', () => {
  it('counts characters outside the BMP once', () => {
    expect(TEXT.length).toBe(12);
    expect(codePointLength(TEXT)).toBe(9);
    expect(codePointLength(TEXT)).toBe([...TEXT].length);
    expect(codePointLength('')).toBe(0);
  });
  it('counts a lone surrogate once, as [...s] does', () => {
    for (const s of ['a\ud800b', '\udc00\ud83d\ude00', '\ud83d\ud83d\ude00\ude00', '\ud800'])
      expect(codePointLength(s)).toBe([...s].length);
  });
});

describe('toCodePointOffsets', () => {
  it('converts every UTF-16 offset to the code-point offset Python would use', () => {
    const offsets = Array.from({ length: TEXT.length + 1 }, (_, i) => i).filter(
      // Skip positions between the halves of a surrogate pair.
      (i) => !/[\uDC00-\uDFFF]/.test(TEXT[i] ?? ''),
    );
    const points = toCodePointOffsets(TEXT, offsets);
    offsets.forEach((o, i) => {
      expect(points[i]).toBe([...TEXT.slice(0, o)].length);
    });
  });

  it('returns results in input order whatever the order of the offsets', () => {
    // 'a' 0, '𠀀' 1–2, 'b' 3, '😀' 4–5, '中' 6 → code points 0, 1, 2, 3, 4
    expect(toCodePointOffsets(TEXT, [6, 0, 3, 3, 1, 12])).toEqual([4, 0, 2, 2, 1, 9]);
  });

  it('clamps offsets outside the text and counts a split pair as passed', () => {
    expect(toCodePointOffsets(TEXT, [-5, 99, 2])).toEqual([0, 9, 2]);
    expect(toCodePointOffsets('', [0, 3])).toEqual([0, 0]);
  });

  it('gives quote positions that slice the same text out of the code-point array', () => {
    const text = '前言𠀀𠀀 quote 😀 here 引文𠀀尾';
    const quote = 'quote 😀 here 引文𠀀';
    const start = text.indexOf(quote);
    const [s, e] = toCodePointOffsets(text, [start, start + quote.length]);
    expect([...text].slice(s, e).join('')).toBe(quote);
  });

  it('handles a long text with many offsets in one pass', () => {
    const text = '𠀀a'.repeat(500_000); // 1.5 M units
    const offsets = Array.from({ length: 10_000 }, (_, i) => ((i * 7919) % 500_000) * 3);
    const points = toCodePointOffsets(text, offsets);
    offsets.forEach((o, i) => expect(points[i]).toBe((o / 3) * 2));
  });
});

describe('contextAround', () => {
  it('returns the quote with 32 units of context on each side', () => {
    const text = 'x'.repeat(40) + 'QUOTE' + 'y'.repeat(40);
    expect(contextAround(text, 40, 45)).toEqual({
      quote: 'QUOTE',
      prefix: 'x'.repeat(32),
      suffix: 'y'.repeat(32),
    });
  });

  it('returns shorter context at the edges of the text', () => {
    expect(contextAround('abcQdef', 3, 4)).toEqual({ quote: 'Q', prefix: 'abc', suffix: 'def' });
  });

  it('never splits a surrogate pair at either cut', () => {
    // Each '𠀀' is two units; an odd number of units before the quote puts the
    // 32-unit cut in the middle of a pair on both sides.
    const pairs = '𠀀'.repeat(20);
    const text = 'a' + pairs + 'Q' + pairs + 'b';
    const start = text.indexOf('Q');
    for (const chars of [31, 32, 33]) {
      const { prefix, suffix, quote } = contextAround(text, start, start + 1, chars);
      expect(quote).toBe('Q');
      expect(prefix.length).toBeLessThanOrEqual(chars);
      expect(suffix.length).toBeLessThanOrEqual(chars);
      expect(prefix.length).toBeGreaterThanOrEqual(chars - 1);
      for (const part of [prefix, suffix]) {
        expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
        expect(part.replaceAll('𠀀', '')).toBe('');
      }
    }
  });
});
