import { describe, expect, it } from 'vitest';
import { clauses, sentences } from './sentences';

const texts = (text: string): string[] => sentences(text).map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it('splits Chinese at 。！？ and keeps closing quotes with the sentence', () => {
    expect(texts('孙绍骋说：“今年要加快发展。”我们将继续努力！这是为什么？好')).toEqual([
      '孙绍骋说：“今年要加快发展。”',
      '我们将继续努力！',
      '这是为什么？',
      '好',
    ]);
  });

  it('ends a sentence at a line break and trims the whitespace around it', () => {
    expect(texts('  标题一\n\n正文第一句。  正文第二句\n')).toEqual([
      '标题一',
      '正文第一句。',
      '正文第二句',
    ]);
  });

  it('keeps abbreviations, initials and decimals inside an English sentence', () => {
    expect(
      texts('Mr. Li met U.S. officials on Jan. 5. Output grew 6.4 percent. J. Smith agreed.'),
    ).toEqual([
      'Mr. Li met U.S. officials on Jan. 5.',
      'Output grew 6.4 percent.',
      'J. Smith agreed.',
    ]);
  });

  it('gives offsets into the text as given', () => {
    const text = '前言。\n𠀀第二句。';
    const [, second] = sentences(text);
    expect(text.slice(second!.start, second!.end)).toBe('𠀀第二句。');
  });
});

describe('clauses', () => {
  it('splits a sentence at semicolons, each clause keeping its mark', () => {
    const text = '对外，扩大开放；对内，深化合作；区内，协调发展。';
    expect(
      clauses(text, { start: 0, end: text.length }).map((c) => text.slice(c.start, c.end)),
    ).toEqual(['对外，扩大开放；', '对内，深化合作；', '区内，协调发展。']);
  });
});
