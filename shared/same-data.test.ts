import { describe, expect, it } from 'vitest';
import { sameData } from './same-data';

const stored = {
  id: 'a1',
  start: 10,
  end: 14,
  quote: '1.35亿千瓦',
  categoryIds: ['c1', 'c2'],
  quantities: [{ text: '1.35亿千瓦', value: 135_000_000, unit: '千瓦', start: 0, end: 7 }],
};

describe('sameData', () => {
  it('is true for a copy built in another key order', () => {
    const { quantities, ...rest } = structuredClone(stored);
    expect(sameData({ quantities, ...rest }, stored)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a moved start', { ...stored, start: 11 }],
    ['another category order', { ...stored, categoryIds: ['c2', 'c1'] }],
    ['a figure more', { ...stored, quantities: [...stored.quantities, stored.quantities[0]] }],
    ['a changed figure', { ...stored, quantities: [{ ...stored.quantities[0], value: 1 }] }],
    ['a key added', { ...stored, orphaned: true }],
    ['a key present but undefined', { ...stored, orphaned: undefined }],
    ['an array for an object', [stored]],
    ['null', null],
  ])('is false for %s', (_label, other) => {
    expect(sameData(other, stored)).toBe(false);
    expect(sameData(stored, other)).toBe(false);
  });

  it('treats anything but plain data as different, so it is written', () => {
    expect(sameData(new Date(0), new Date(0))).toBe(false);
    expect(sameData(new Uint8Array([1]), new Uint8Array([1]))).toBe(false);
    expect(sameData(NaN, NaN)).toBe(true);
  });
});
