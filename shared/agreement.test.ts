import { describe, expect, it } from 'vitest';
import {
  alphaOf,
  characterKappa,
  endToEnd,
  percentAgreement,
  unitizingAlpha,
  unitizingDisagreement,
  type Unit,
} from './agreement';

const u = (coder: string, start: number, end: number): Unit => ({ coder, start, end });

/**
 * Krippendorff (2004), Content Analysis, p. 254: two observers unitize a
 * continuum from 150 to 450 into categories c and k. Given there as offset
 * and length; here shifted to start at 0 and written start–end.
 */
const B = 150;
const L = 300;
const at = (coder: string, offset: number, length: number) =>
  u(coder, offset - B, offset - B + length);
const C = [
  at('i', 225, 70),
  at('i', 370, 30),
  at('j', 220, 80),
  at('j', 355, 20),
  at('j', 400, 20),
];
const K = [at('i', 180, 60), at('i', 300, 50), at('j', 180, 60), at('j', 300, 50)];

describe('unitizingAlpha: Krippendorff 2004, p. 254', () => {
  it('category c: observed 0.0144, expected 0.0532, α_u 0.7286', () => {
    const d = unitizingDisagreement(L, C);
    // Observed by hand: δ² 50 (225+70 vs 220+80) + 850 (370+30 vs 355+20)
    // + 400 (j's 400+20 inside i's closing gap) = 1300; 2·1300 / (2·1·300²).
    expect(d.observed).toBeCloseTo(1300 / 90_000, 10);
    expect(d.expected).toBeCloseTo(0.0532, 4);
    expect(unitizingAlpha(L, C)).toBeCloseTo(0.7286, 4);
  });

  it('category k: both observers agree exactly, α_u 1 (expected 0.0490)', () => {
    const d = unitizingDisagreement(L, K);
    expect(d.observed).toBe(0);
    expect(d.expected).toBeCloseTo(0.049, 4);
    expect(unitizingAlpha(L, K)).toBe(1);
  });

  it('overall α_u over both categories is 0.8591', () => {
    const overall = alphaOf([unitizingDisagreement(L, C), unitizingDisagreement(L, K)]);
    // The book divides its rounded disagreements (0.0144 / 2) / ((0.0532 + 0.0490) / 2)
    // = 0.8591; unrounded it is 0.85867. DKPro's KrippendorffAlphaUnitizingAgreement
    // computes it the same way (mean observed over categories, mean expected, then
    // 1 − D_o/D_e; the same δ², the same expected-disagreement sum) and so gets
    // 0.85867 too, which its test accepts with a tolerance of 0.0005.
    expect(Math.abs(overall - 0.8591)).toBeLessThan(0.0005);
    expect(overall).toBeCloseTo(1 - 0.0144444444 / (0.0532217799 + 0.0489785658), 8);
    expect(1 - 0.0144 / (0.0532 + 0.049)).toBeCloseTo(0.8591, 4); // the book's rounding
    // Not the mean of the two alphas: the disagreements are pooled first.
    expect(overall).not.toBeCloseTo((0.7286 + 1) / 2, 3);
  });

  it('does not depend on the order the units come in', () => {
    expect(unitizingAlpha(L, [...C].reverse())).toBeCloseTo(unitizingAlpha(L, C), 12);
  });
});

describe('unitizingAlpha: degenerate cases', () => {
  it('perfect agreement is 1', () => {
    expect(unitizingAlpha(100, [u('a', 10, 20), u('b', 10, 20)])).toBe(1);
    expect(unitizingAlpha(10, [u('a', 0, 10), u('b', 0, 10)])).toBe(1);
    const three = ['a', 'b', 'c'].flatMap((c) => [u(c, 3, 9), u(c, 40, 41)]);
    expect(unitizingAlpha(50, three)).toBe(1);
  });

  it('one coder marks nothing: −2 for one 5-character unit in 10 (worked by hand)', () => {
    // Observed: the unit lies inside b's one gap: δ² 25; 2·25 / (2·1·10²) = 0.25.
    // Expected: N = 1, so only the gap term: gaps ≥ 5 are b's 10 (a's are
    // 2 and 3): 25·(10 − 5 + 1) = 150; (2/10)·150 / (2·10·19 − 5·4) = 1/12.
    // α_u = 1 − 0.25 · 12 = −2.
    const byList = unitizingAlpha(10, [u('a', 2, 7)], ['a', 'b']);
    expect(byList).toBeCloseTo(-2, 12);
    // The same coder named by an empty unit.
    expect(unitizingAlpha(10, [u('a', 2, 7), u('b', 4, 4)])).toBeCloseTo(-2, 12);
  });

  it('is undefined (NaN) with one coder, nothing marked, or no text', () => {
    expect(unitizingAlpha(10, [u('a', 2, 7)])).toBeNaN();
    expect(unitizingAlpha(10, [], ['a', 'b'])).toBeNaN();
    expect(unitizingAlpha(0, [], ['a', 'b'])).toBeNaN();
  });

  it("merges one coder's overlapping units before computing", () => {
    const merged = unitizingAlpha(100, [u('a', 10, 30), u('b', 10, 30)]);
    expect(unitizingAlpha(100, [u('a', 10, 25), u('a', 20, 30), u('b', 10, 30)])).toBe(merged);
    // Touching units stay two: not the same as one long unit.
    expect(unitizingAlpha(100, [u('a', 10, 20), u('a', 20, 30), u('b', 10, 30)])).toBeLessThan(1);
  });

  it('a shifted unit agrees less than an exact one, more than a missed one', () => {
    const exact = unitizingAlpha(100, [
      u('a', 10, 30),
      u('b', 10, 30),
      u('a', 60, 70),
      u('b', 60, 70),
    ]);
    const shifted = unitizingAlpha(100, [
      u('a', 10, 30),
      u('b', 12, 30),
      u('a', 60, 70),
      u('b', 60, 70),
    ]);
    const missed = unitizingAlpha(100, [u('a', 10, 30), u('b', 10, 30), u('a', 60, 70)]);
    expect(exact).toBe(1);
    expect(shifted).toBeLessThan(exact);
    expect(shifted).toBeGreaterThan(missed);
  });

  it('refuses units outside the text, naming the coder', () => {
    expect(() => unitizingAlpha(10, [u('Wang', 5, 12)])).toThrow(/Wang.*5–12.*0–10/);
    expect(() => unitizingAlpha(10, [u('Li', 6, 5)])).toThrow(/Li/);
  });
});

describe('endToEnd', () => {
  it('lays documents one after another', () => {
    const joined = endToEnd([
      { length: 10, units: [u('a', 2, 4)] },
      { length: 5, units: [u('b', 0, 5)] },
    ]);
    expect(joined).toEqual({ length: 15, units: [u('a', 2, 4), u('b', 10, 15)] });
  });
});

describe('characterKappa', () => {
  it('A marks 0–4, B marks 2–6 of 10 characters: κ = 1/6', () => {
    // both 2, A only 2, B only 2, neither 4: p_o 0.6; p_e 0.4·0.4 + 0.6·0.6 = 0.52.
    expect(characterKappa(10, [u('a', 0, 4)], [u('b', 2, 6)])).toBeCloseTo(0.08 / 0.48, 12);
    expect(percentAgreement(10, [u('a', 0, 4)], [u('b', 2, 6)])).toBeCloseTo(0.6, 12);
  });

  it('identical marks give 1; complementary marks give −1', () => {
    expect(characterKappa(8, [u('a', 1, 3), u('a', 5, 6)], [u('b', 1, 3), u('b', 5, 6)])).toBe(1);
    expect(characterKappa(8, [u('a', 0, 4)], [u('b', 4, 8)])).toBe(-1);
  });

  it('one coder marks nothing: κ 0, though most characters agree', () => {
    // p_o 0.8; p_A 0.2, p_B 0 → p_e 0.8: agreement no better than chance.
    expect(characterKappa(10, [u('a', 0, 2)], [])).toBeCloseTo(0, 12);
    expect(percentAgreement(10, [u('a', 0, 2)], [])).toBeCloseTo(0.8, 12);
  });

  it('counts a character marked twice by one coder once', () => {
    const once = characterKappa(10, [u('a', 0, 4)], [u('b', 2, 6)]);
    expect(characterKappa(10, [u('a', 0, 3), u('a', 1, 4)], [u('b', 2, 6)])).toBeCloseTo(once, 12);
  });

  it('is undefined (NaN) when both mark nothing, both mark everything, or there is no text', () => {
    expect(characterKappa(10, [], [])).toBeNaN();
    expect(characterKappa(4, [u('a', 0, 4)], [u('b', 0, 4)])).toBeNaN();
    expect(characterKappa(0, [], [])).toBeNaN();
    expect(percentAgreement(10, [], [])).toBe(1);
  });
});
