import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, foldQuery } from './fold';

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
