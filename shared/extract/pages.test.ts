import { describe, expect, it } from 'vitest';
import { pageAt } from './pages';

describe('pageAt', () => {
  const pages = [0, 120, 300, 301];

  it('finds the page an offset falls on, a page start belonging to its page', () => {
    expect(pageAt(pages, 0)).toBe(1);
    expect(pageAt(pages, 119)).toBe(1);
    expect(pageAt(pages, 120)).toBe(2);
    expect(pageAt(pages, 299)).toBe(2);
    expect(pageAt(pages, 300)).toBe(3);
    expect(pageAt(pages, 301)).toBe(4);
    expect(pageAt(pages, 10_000)).toBe(4);
  });

  it('gives no page for a document without pages', () => {
    expect(pageAt(undefined, 5)).toBeNull();
    expect(pageAt([], 5)).toBeNull();
  });

  it('agrees with a linear scan on many pages', () => {
    const many = Array.from({ length: 500 }, (_, i) => i * 37);
    for (const offset of [0, 36, 37, 9000, 18_462, 18_463, 99_999]) {
      const linear = many.filter((start) => start <= offset).length;
      expect(pageAt(many, offset)).toBe(linear);
    }
  });
});
