import { describe, expect, it } from 'vitest';
import { sentenceAt, wordAt } from './segment';

const sentence = (text: string, pos: number) => {
  const r = sentenceAt(text, pos);
  return text.slice(r.start, r.end);
};
const word = (text: string, pos: number) => {
  const r = wordAt(text, pos);
  return r && text.slice(r.start, r.end);
};

describe('sentenceAt', () => {
  const zh = '　　他说：“经济稳中向好。”记者问！真的吗？是的。\n下一行没有句号\n第三行。';

  it('finds Chinese sentences ended by 。！？, keeping closing quotes', () => {
    expect(sentence(zh, zh.indexOf('经济'))).toBe('他说：“经济稳中向好。”');
    expect(sentence(zh, zh.indexOf('记者'))).toBe('记者问！');
    expect(sentence(zh, zh.indexOf('！'))).toBe('记者问！');
    expect(sentence(zh, zh.indexOf('真的'))).toBe('真的吗？');
    expect(sentence(zh, zh.indexOf('是的'))).toBe('是的。');
  });

  it('trims the indentation and the white space around a sentence', () => {
    const r = sentenceAt(zh, 0);
    expect(r.start).toBe(2);
    expect(zh.slice(r.start, r.end)).toBe('他说：“经济稳中向好。”');
  });

  it('never crosses a line break', () => {
    expect(sentence(zh, zh.indexOf('下一行'))).toBe('下一行没有句号');
    expect(sentence(zh, zh.indexOf('句号'))).toBe('下一行没有句号');
    // The caret at the end of a line belongs to that line's last sentence.
    expect(sentence(zh, zh.indexOf('\n下一行'))).toBe('是的。');
    const text = '第一句没有结束\n第二句。';
    expect(sentenceAt(text, 2)).toEqual({ start: 0, end: 7 });
    expect(sentence(text, 9)).toBe('第二句。');
  });

  it('handles the start and the end of the text', () => {
    expect(sentence(zh, zh.length)).toBe('第三行。');
    expect(sentence(zh, zh.length - 1)).toBe('第三行。');
    expect(sentence('Hello there. Bye', 0)).toBe('Hello there.');
    expect(sentence('Hello there. Bye', 16)).toBe('Bye');
    expect(sentenceAt('', 0)).toEqual({ start: 0, end: 0 });
    expect(sentenceAt('a\n\nb', 2)).toEqual({ start: 2, end: 2 });
    expect(sentenceAt('abc', 99)).toEqual({ start: 0, end: 3 });
  });

  it('finds English sentences', () => {
    const en =
      'BEIJING (Reuters) - China\'s economy grew 5.2% in 2024. "We are confident," he said. Is it enough? Analysts doubt it.';
    expect(sentence(en, en.indexOf('economy'))).toBe(
      "BEIJING (Reuters) - China's economy grew 5.2% in 2024.",
    );
    expect(sentence(en, en.indexOf('confident'))).toBe('"We are confident," he said.');
    expect(sentence(en, en.indexOf('enough'))).toBe('Is it enough?');
    expect(sentence(en, en.indexOf('Analysts'))).toBe('Analysts doubt it.');
    // On the space after a sentence: that sentence.
    expect(sentence(en, en.indexOf(' Is'))).toBe('"We are confident," he said.');
  });

  it('handles mixed Chinese and English in one paragraph', () => {
    const mixed = "路透社报道称：“China's GDP grew 5.2%.”统计局未回应。";
    expect(sentence(mixed, mixed.indexOf('GDP'))).toBe("路透社报道称：“China's GDP grew 5.2%.”");
    expect(sentence(mixed, mixed.indexOf('统计局'))).toBe('统计局未回应。');
  });

  it('segments only a window of a 2 MB text', () => {
    const unit = '今年中国经济增长5.2%，GDP达到126万亿元。';
    const oneLine = unit.repeat(Math.ceil(2_000_000 / unit.length));
    const lines = (unit.repeat(8) + '\n').repeat(Math.ceil(2_000_000 / (unit.length * 8 + 1)));
    for (const [name, text] of [
      ['one 2 MB line', oneLine],
      ['2 MB in short lines', lines],
    ] as const) {
      const pos = text.indexOf('GDP', 1_000_000);
      const t0 = performance.now();
      const r = sentenceAt(text, pos);
      const ms = performance.now() - t0;
      console.log(`sentenceAt in ${name} (${text.length} chars): ${ms.toFixed(2)} ms`);
      expect(text.slice(r.start, r.end)).toBe(unit);
    }
  });
});

describe('wordAt', () => {
  const zh = '今年中国经济增长5.2%，GDP达到126万亿元。';

  it('returns dictionary words for Chinese, not single characters', () => {
    expect(word(zh, zh.indexOf('经'))).toBe('经济');
    expect(word(zh, zh.indexOf('济'))).toBe('经济');
    expect(word(zh, zh.indexOf('增'))).toBe('增长');
    expect(word(zh, zh.indexOf('长'))).toBe('增长');
    expect(word(zh, 0)).toBe('今年');
    expect(word(zh, zh.indexOf('中国'))).toBe('中国');
    expect(word(zh, zh.indexOf('达'))).toBe('达到');
  });

  it('returns numbers and Latin words inside Chinese text', () => {
    expect(word(zh, zh.indexOf('5.2'))).toBe('5.2');
    expect(word(zh, zh.indexOf('D'))).toBe('GDP');
    expect(wordAt(zh, zh.indexOf('GDP'))).toEqual({ start: 13, end: 16 });
  });

  it('returns English words', () => {
    const en = "Don't stop—the economy grew.";
    expect(word(en, 2)).toBe("Don't");
    expect(word(en, en.indexOf('conom'))).toBe('economy');
    expect(word(en, en.indexOf('stop'))).toBe('stop');
  });

  it('returns null on punctuation, white space, line breaks and outside the text', () => {
    expect(wordAt(zh, zh.indexOf('，'))).toBeNull();
    expect(wordAt(zh, zh.indexOf('。'))).toBeNull();
    expect(wordAt(zh, zh.indexOf('%'))).toBeNull();
    expect(wordAt('a b', 1)).toBeNull();
    expect(wordAt('　经济', 0)).toBeNull();
    expect(wordAt('a\nb', 1)).toBeNull();
    expect(wordAt('ab', 2)).toBeNull();
    expect(wordAt('ab', -1)).toBeNull();
  });

  it('stays within the line', () => {
    const text = '经济\n增长';
    expect(word(text, 1)).toBe('经济');
    expect(word(text, 3)).toBe('增长');
  });
});
