import search from 'approx-string-match';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateRegions, searchAnywhere } from './approx-regions';

/** Edit distance (insertions, deletions, substitutions of UTF-16 units). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const same = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + same));
    }
    row = next;
  }
  return row[b.length]!;
}

const small = (units: string[], min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...units), minLength: min, maxLength: max });
const FEW = ['a', 'b', 'c', '中', '文'];
/** Two hundred ideographs: a text where most windows hold few of a quote's characters. */
const MANY = Array.from({ length: 200 }, (_, i) => String.fromCharCode(0x4e00 + i * 7));

/** A piece of `text` changed by up to `edits` random edits: a quote after the text was edited. */
const edited = (units: string[], min: number, max: number) =>
  fc
    .record({
      text: small(units, min, max),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 40 }),
      edits: fc.array(fc.record({ at: fc.nat(), unit: fc.constantFrom(...units, '') }), {
        maxLength: 6,
      }),
      k: fc.nat({ max: 12 }),
    })
    .map(({ text, at, length, edits, k }) => {
      const start = at % text.length;
      let pattern = text.slice(start, start + length);
      for (const e of edits) {
        const p = e.at % (pattern.length + 1);
        pattern = pattern.slice(0, p) + e.unit + pattern.slice(p + 1);
      }
      if (pattern === '') pattern = text.slice(0, 1);
      return { text, pattern, k: Math.min(k, Math.floor(pattern.length / 2)) };
    });

describe('candidateRegions', () => {
  it('holds every substring within the error budget of the pattern', () => {
    fc.assert(
      fc.property(edited(FEW, 1, 50), ({ text, pattern, k }) => {
        const regions = candidateRegions(text, pattern, k);
        for (let s = 0; s < text.length; s++) {
          for (let e = s + 1; e <= text.length; e++) {
            if (distance(text.slice(s, e), pattern) > k) continue;
            const inside = regions.some(([from, to]) => from <= s && e <= to);
            expect(inside, `[${s}, ${e}) of ${JSON.stringify(text)}`).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out the text where the pattern cannot be', () => {
    const text = '今天天气很好。'.repeat(50) + '国家统计局发布数据' + '今天天气很好。'.repeat(50);
    const regions = candidateRegions(text, '国家统计局公布数据', 2);
    expect(regions.length).toBe(1);
    const [from, to] = regions[0]!;
    expect(text.slice(from, to)).toContain('国家统计局发布数据');
    expect(to - from).toBeLessThan(30);
    expect(candidateRegions(text, '新华社记者报道', 1)).toEqual([]);
  });
});

describe('searchAnywhere', () => {
  it('finds exactly what a search of the whole text finds, with few characters', () => {
    fc.assert(
      fc.property(edited(FEW, 1, 300), ({ text, pattern, k }) => {
        expect(searchAnywhere(text, pattern, k)).toEqual(search(text, pattern, k));
      }),
      { numRuns: 500 },
    );
  });

  it('finds exactly what a search of the whole text finds, with many characters', () => {
    let narrowed = 0;
    fc.assert(
      fc.property(edited(MANY, 200, 2000), ({ text, pattern, k }) => {
        const covered = candidateRegions(text, pattern, k).reduce((n, [f, t]) => n + t - f, 0);
        if (covered <= text.length / 2) narrowed++;
        expect(searchAnywhere(text, pattern, k)).toEqual(search(text, pattern, k));
      }),
      { numRuns: 300 },
    );
    // Most runs searched only the regions, not the whole text.
    expect(narrowed).toBeGreaterThan(200);
  });
});
