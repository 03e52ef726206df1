import { describe, expect, it } from 'vitest';
import { formatCount, formatDay, formatDayTime, formatFigure } from './format';

describe('format', () => {
  const at = '2026-03-04T05:06:07.000Z';
  it('writes what toLocaleString writes, in English and Chinese', () => {
    for (const locale of ['en', 'zh-CN']) {
      expect(formatCount(1234567, locale)).toBe((1234567).toLocaleString(locale));
      expect(formatDay(at, locale)).toBe(new Date(at).toLocaleDateString(locale));
      expect(formatDayTime(at, locale)).toBe(new Date(at).toLocaleString(locale));
    }
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
  });

  it('keeps a figure exact to 12 fraction digits, and each locale its own formatter', () => {
    expect(formatFigure(320000000, 'en-US')).toBe('320,000,000');
    expect(formatFigure(0.123456789012, 'en-US')).toBe('0.123456789012');
    expect(formatCount(1000, 'de')).toBe('1.000');
    expect(formatCount(1000, 'en')).toBe('1,000');
  });
});
