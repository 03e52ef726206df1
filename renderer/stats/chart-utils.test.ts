import { describe, expect, it } from 'vitest';
import { cellShade, luminance, parseHex, ramp, textOn, textWidth, truncate } from './chart-utils';

describe('chart text', () => {
  it('counts CJK as twice as wide as Latin', () => {
    expect(textWidth('数据')).toBeCloseTo(2 * textWidth('ab'));
    expect(textWidth('𠀀')).toBeCloseTo(textWidth('数'));
  });

  it('truncates with an ellipsis on whole code points', () => {
    expect(truncate('Short', 200)).toBe('Short');
    const cut = truncate('新华社记者报道经济增长的长篇标题', 80);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut)).toBeLessThanOrEqual(80);
    expect(truncate('𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀𠀀', 50)).toMatch(/^(𠀀)+…$/u);
  });
});

describe('chart colours', () => {
  it('parses hex colours', () => {
    expect(parseHex('#fff')).toEqual([255, 255, 255]);
    expect(parseHex('#1f5fbf')).toEqual([31, 95, 191]);
    expect(parseHex('var(--accent)')).toBeNull();
  });

  it('picks the text colour by the cell luminance', () => {
    expect(luminance([255, 255, 255])).toBeCloseTo(1);
    expect(textOn(ramp(0))).toBe('#111111');
    expect(textOn(ramp(1))).toBe('#ffffff');
    expect(textOn('#ffff00')).toBe('#111111');
    expect(textOn('#000080')).toBe('#ffffff');
  });

  it('shades zero as blank and darkens with the count', () => {
    expect(cellShade(0, 10)).toBeNull();
    const light = luminance(parseHex(cellShade(1, 10) ?? '') ?? [0, 0, 0]);
    const dark = luminance(parseHex(cellShade(10, 10) ?? '') ?? [255, 255, 255]);
    expect(light).toBeGreaterThan(dark);
  });
});
