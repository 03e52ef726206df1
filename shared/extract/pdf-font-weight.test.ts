import { describe, expect, it } from 'vitest';
import { fontNameIsBold } from './pdf-font-weight';

describe('fontNameIsBold', () => {
  it('reads the weight from the style part of the names producers write', () => {
    for (const name of [
      'ABCDEF+LiberationSerif-Bold',
      'BAAAAA+NotoSerifCJKjp-Bold-VKana',
      'TimesNewRomanPS-BoldMT',
      'Arial,Bold',
      'Arial,BoldItalic',
      'MyriadPro-Semibold',
      'SourceHanSerifSC-Heavy',
      'FrutigerLTStd-Black',
      'HiraKakuPro-W6',
      'ArialBold',
    ]) {
      expect(fontNameIsBold(name), name).toBe(true);
    }
  });

  it('takes regular, medium and light faces, and bold-sounding family names, as not bold', () => {
    for (const name of [
      'CAAAAA+NotoSerifCJKjp-Regular-VKana',
      'TimesNewRomanPSMT',
      'Arial,Italic',
      'HelveticaNeue-Medium',
      'HiraMinPro-W3',
      'BlackletterStd-Regular',
      'SimSun',
      undefined,
    ]) {
      expect(fontNameIsBold(name), String(name)).toBe(false);
    }
  });
});
