import { describe, expect, it } from 'vitest';
import { MAX_STRAY_NULS, countNuls, strayNulLimit, utf16ByNuls } from './decode-damage';

describe('strayNulLimit', () => {
  it('allows one NUL per thousand bytes, at least one and at most MAX_STRAY_NULS', () => {
    expect(strayNulLimit(10)).toBe(1);
    expect(strayNulLimit(1999)).toBe(1);
    expect(strayNulLimit(3000)).toBe(3);
    expect(strayNulLimit(16_000)).toBe(16);
    expect(strayNulLimit(64 * 1024 * 1024)).toBe(MAX_STRAY_NULS);
  });
});

describe('utf16ByNuls', () => {
  const utf16le = (s: string) =>
    new Uint8Array([...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));

  it('takes NULs at odd offsets for UTF-16LE and at even ones for UTF-16BE', () => {
    const le = utf16le('The minister said on Tuesday.\n');
    expect(utf16ByNuls(countNuls(le), le.length)).toBe('utf-16le');
    const be = le.map((_, i) => le[i ^ 1] ?? 0);
    expect(utf16ByNuls(countNuls(be), be.length)).toBe('utf-16be');
  });

  it('does not take NULs at both offsets, or too few of them, for UTF-16', () => {
    expect(utf16ByNuls({ even: 40, odd: 40 }, 400)).toBeNull();
    // A few stray NULs that happen to share an offset.
    expect(utf16ByNuls({ even: 0, odd: 3 }, 400)).toBeNull();
    // Eight, but in 10 KB: 0.16% of the code units.
    expect(utf16ByNuls({ even: 0, odd: 8 }, 10_000)).toBeNull();
  });
});
