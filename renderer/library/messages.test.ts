import { describe, expect, it } from 'vitest';
import type { Translate } from '../i18n/i18n';
import { en, format, zh } from '../i18n/strings';
import { damageMessages, importedMessage } from './messages';

const tEn: Translate = (key, values) => format(en[key], values);
const tZh: Translate = (key, values) => format(zh[key], values);
const names = (n: number) => Array.from({ length: n }, (_, i) => `${'abcdefgh'[i]}.txt`);

describe('importedMessage', () => {
  it('names one file, in English and Chinese', () => {
    expect(importedMessage(tEn, ['article.txt'])).toBe('Imported “article.txt”.');
    expect(importedMessage(tZh, ['粮食.txt'])).toBe('已导入“粮食.txt”。');
  });

  it('names a few files with the count in the plural', () => {
    expect(importedMessage(tEn, names(2))).toBe('Imported 2 files: “a.txt”, “b.txt”.');
    expect(importedMessage(tEn, names(3))).toBe('Imported 3 files: “a.txt”, “b.txt”, “c.txt”.');
    expect(importedMessage(tZh, names(3))).toBe('已导入 3 个文件：“a.txt”、“b.txt”、“c.txt”。');
  });

  it('names all four of four files rather than saying "and 1 more"', () => {
    expect(importedMessage(tEn, names(4))).toBe(
      'Imported 4 files: “a.txt”, “b.txt”, “c.txt”, “d.txt”.',
    );
  });

  it('names the first three of many and counts the rest', () => {
    expect(importedMessage(tEn, names(7))).toBe(
      'Imported 7 files: “a.txt”, “b.txt”, “c.txt” and 4 more.',
    );
    expect(importedMessage(tZh, names(5))).toBe(
      '已导入 5 个文件：“a.txt”、“b.txt”、“c.txt” 及另外 2 个。',
    );
  });

  it('shows a file name with braces as it is', () => {
    expect(importedMessage(tEn, ['{n} {files}.txt'])).toBe('Imported “{n} {files}.txt”.');
    expect(importedMessage(tEn, ['{more}.txt', 'b.txt'])).toBe(
      'Imported 2 files: “{more}.txt”, “b.txt”.',
    );
  });
});

describe('damageMessages', () => {
  const damage = (undecodable: number, firstLine: number, nulsRemoved: number) => ({
    undecodable,
    firstLine,
    nulsRemoved,
  });

  it('counts the undecodable byte sequences and gives the first line', () => {
    expect(damageMessages(tEn, 'article.txt', damage(2, 14, 0))).toEqual([
      '“article.txt”: 2 byte sequences could not be decoded (the first on line 14); they show as �.',
    ]);
    expect(damageMessages(tEn, 'article.txt', damage(1, 3, 0))).toEqual([
      '“article.txt”: 1 byte sequence could not be decoded (on line 3); it shows as �.',
    ]);
    expect(damageMessages(tZh, '文章.txt', damage(2, 14, 0))).toEqual([
      '“文章.txt”中有 2 处字节无法解码（第一处在第 14 行），显示为 �。',
    ]);
  });

  it('counts the stray NULs taken out', () => {
    expect(damageMessages(tEn, 'x.txt', damage(0, 0, 3))).toEqual([
      '“x.txt”: 3 stray NUL characters were removed.',
    ]);
    expect(damageMessages(tEn, 'x.txt', damage(0, 0, 1))).toEqual([
      '“x.txt”: 1 stray NUL character was removed.',
    ]);
    expect(damageMessages(tZh, 'x.txt', damage(0, 0, 3))).toEqual([
      '已删除“x.txt”中夹杂的 3 个 NUL 字符。',
    ]);
  });

  it('gives one warning for each kind of damage', () => {
    expect(damageMessages(tEn, 'x.txt', damage(1, 2, 1))).toHaveLength(2);
    expect(damageMessages(tEn, 'x.txt', damage(0, 0, 0))).toEqual([]);
  });
});
