import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, foldPattern, foldQuery } from './fold';

describe('foldForSearch', () => {
  it.each([
    ['full-width digits', '１２３４５６７８９０', '1234567890'],
    ['full-width capitals', 'ＡＢＣＧＤＰ', 'abcgdp'],
    ['full-width small letters', 'ａｂｃｘｙｚ', 'abcxyz'],
    [
      'full-width punctuation',
      '，；：！？（）％．／＂＇［］｛｝～＠＃＆＊＋－＝＜＞｜＼＾＿｀',
      ',;:!?()%./"\'[]{}~@#&*+-=<>|\\^_`',
    ],
    ['ideographic space', '经济\u3000增长', '经济 增长'],
    ['full-width signs', '￥１００￡￠', '¥100£¢'],
    ['Latin case', 'Hello, WORLD', 'hello, world'],
    ['accented Latin, Greek, Cyrillic', 'ÉLYSÉE ΑΘΗΝΑ МОСКВА', 'élysée αθηνα москва'],
    ['final sigma folds with sigma', 'ΟΔΟΣ οδος', 'οδοσ οδοσ'],
    [
      'CJK and its own punctuation untouched',
      '中国经济增长。“好”、《报》',
      '中国经济增长。“好”、《报》',
    ],
    ['mixed headline', '２０２４年ＧＤＰ增长５．２％', '2024年gdp增长5.2%'],
  ])('%s', (_name, input, expected) => {
    const { folded } = foldForSearch(input);
    expect(folded).toBe(expected);
    expect(folded.length).toBe(input.length);
  });

  it('leaves characters that NFKC would expand or that change length in lower case', () => {
    for (const s of ['ﬁ', '㈠', '㍿', 'ｶﾞ', 'İ', 'e\u0301', '😀', '𠀀']) {
      expect(foldForSearch(s).folded).toBe(s);
    }
  });

  it('returns the very string when nothing folds', () => {
    const s = '中国经济增长达到新的水平。'.repeat(20);
    expect(foldForSearch(s).folded).toBe(s);
  });

  it('folds long strings the same way as short ones', () => {
    const unit = 'Ａb，Ｃ中\u3000';
    const long = unit.repeat(500);
    expect(foldForSearch(long).folded).toBe(foldForSearch(unit).folded.repeat(500));
  });

  it('maps folded offsets back to the same original offsets, clamped to the text', () => {
    const text = '２０２４年ＧＤＰ增长';
    const { folded, toOriginal } = foldForSearch(text);
    const at = folded.indexOf('gdp');
    expect(at).toBe(5);
    expect(text.slice(toOriginal(at), toOriginal(at + 3))).toBe('ＧＤＰ');
    expect(toOriginal(-3)).toBe(0);
    expect(toOriginal(999)).toBe(text.length);
  });

  it('keeps the length of any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(foldForSearch(s).folded.length).toBe(s.length);
        const long = s.repeat(3) + '\ud800ＡＢ'.repeat(40);
        expect(foldForSearch(long).folded.length).toBe(long.length);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (s) => {
        const once = foldForSearch(s).folded;
        expect(foldForSearch(once).folded).toBe(once);
      }),
    );
  });
});

describe('foldQuery', () => {
  it('folds a query as the text is folded', () => {
    expect(foldQuery('增长５')).toBe('增长5');
    expect(foldQuery('WORLD')).toBe('world');
    expect(foldQuery('ＧＤＰ，')).toBe('gdp,');
    expect(foldQuery('')).toBe('');
  });
});

/** Every start of a non-overlapping match, as library search finds them. */
function starts(text: string, query: string): { folded: number[]; pattern: number[] } {
  const folded: number[] = [];
  const f = foldForSearch(text).folded;
  const q = foldQuery(query);
  for (let i = f.indexOf(q); q && i !== -1; i = f.indexOf(q, i + q.length)) folded.push(i);
  const pattern: number[] = [];
  const re = foldPattern(query);
  for (let m = re?.exec(text); m; m = re?.exec(text)) pattern.push(m.index);
  return { folded, pattern };
}

describe('foldPattern', () => {
  // Every BMP unit but the surrogates (decoded text holds no lone one).
  const everyUnit = Array.from({ length: 0x10000 }, (_, c) => c)
    .filter((c) => c < 0xd800 || c > 0xdfff)
    .map((c) => String.fromCharCode(c))
    .join('');

  it('matches each unit of the text exactly where the fold makes it the query', () => {
    const queries = 'aAａＡkK\u212a2２,，;； \u3000¥￥σΣςİi中。、Ω'.split('');
    for (let i = 0; i < 200; i++) queries.push(everyUnit.charAt((i * 7919) % everyUnit.length));
    for (const q of queries) {
      const { folded, pattern } = starts(everyUnit, q);
      expect(pattern, `U+${q.charCodeAt(0).toString(16)}`).toEqual(folded);
    }
  });

  it('finds what the folded query finds in the folded text, for any text and query', () => {
    const unit = fc.constantFrom(...'aAａＡbBｂ2２3，,Σσς İi\u3000中经济。\n'.split(''));
    const text = fc.array(unit, { maxLength: 300 }).map((a) => a.join(''));
    const query = fc.array(unit, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, query, (t, q) => {
        const { folded, pattern } = starts(t, q);
        expect(pattern).toEqual(folded);
      }),
    );
  });

  it('is null for an empty query', () => {
    expect(foldPattern('')).toBeNull();
    expect(starts('ＡＢＣ abc', 'ABC')).toEqual({ folded: [0, 4], pattern: [0, 4] });
  });
});
