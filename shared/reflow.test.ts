import { describe, expect, it } from 'vitest';
import {
  analyseWrap,
  identityMap,
  lineColumn,
  lineStarts,
  maybeReflow,
  reflow,
  toOriginal,
  toReflowed,
} from './reflow';
import { WIDTHS, hardWrap, makeHardWrapped, makeParagraphs, type Lang } from './wrap-fixtures';

const lines = (...l: string[]): string => l.join('\n') + '\n';

const ISSUE = lines(
  '内蒙古聚焦高质量发展，紧扣铸牢中华',
  '民族共同体意识工作主线，建设我国向',
  '',
  '北开放重要桥头堡，弘扬蒙古马精神，',
  '经济发展取得可喜成果。',
);

const EN = lines(
  'The regional government announced on Monday a programme to restore the eco-',
  'nomy of the northern grasslands, which herders say have suffered from years',
  '',
  'of drought and overgrazing. Officials expect the work to take a decade and',
  'to cost $1.2 billion, according to figures seen by reporters.',
  'Analysts were cautious.',
  'Herders Adapt to Drought',
  'By Li Wei',
  'Local officials questioned the plan on Tuesday, saying that the money would',
  'be better spent on wells and pipelines for the driest pastures in the west.',
);

/** Lines copied from ../shared/corpus/inner-mongolia-interviews-2025.txt (one paragraph per line). */
const CORPUS = lines(
  '《人民日报》',
  '《人民日报》(2025年01月17日 第02版)',
  '权威访谈·谋发展 启新篇',
  '把祖国北疆这道风景线',
  '打造得更加亮丽',
  '——访内蒙古自治区党委书记孙绍骋',
  '内蒙古聚焦高质量发展,紧扣铸牢中华民族共同体意识工作主线,建设我国向北开放重要桥头堡,弘扬蒙古马精神,经济发展取得可喜成果。内蒙古在新的一年如何做好工作,把祖国北疆这道风景线打造得更加亮丽?记者采访了内蒙古自治区党委书记孙绍骋。',
  '加快步入高质量发展良性循环',
  '记者:内蒙古加快发展的势头扬起来了,自治区推动经济高质量发展采取了哪些重大举措,取得了哪些突出成效?',
  '孙绍骋:习近平总书记强调,高质量发展是全面建设社会主义现代化国家的首要任务。我们牢固树立新发展理念,从解决制约高质量发展的堵点难点和突出短板入手,推动经济实现质的有效提升和量的合理增长。',
  '努力实现美丽与发展双赢',
  '人民日报记者:陈沸宇 丁志军',
  '来源:人民日报、新华社、经济日报',
  '采编:康悦莹',
);

describe('analyseWrap and reflow', () => {
  it('reflows the example of the issue into one paragraph across the blank column break', () => {
    const r = maybeReflow(ISSUE);
    expect(r?.text).toBe(
      '内蒙古聚焦高质量发展，紧扣铸牢中华民族共同体意识工作主线，建设我国向北开放重要桥头堡，弘扬蒙古马精神，经济发展取得可喜成果。',
    );
    expect(r).toMatchObject({ lines: 4, paragraphs: 1 });
    expect(analyseWrap(ISSUE)).toMatchObject({ hardWrapped: true, column: 17, lines: 4 });
  });

  it('joins English lines with a space, rejoins a hyphenated word and crosses a column break', () => {
    expect(maybeReflow(EN)?.text.split('\n')).toEqual([
      'The regional government announced on Monday a programme to restore the economy of the ' +
        'northern grasslands, which herders say have suffered from years of drought and ' +
        'overgrazing. Officials expect the work to take a decade and to cost $1.2 billion, ' +
        'according to figures seen by reporters.',
      'Analysts were cautious.',
      'Herders Adapt to Drought',
      'By Li Wei',
      'Local officials questioned the plan on Tuesday, saying that the money would be better ' +
        'spent on wells and pipelines for the driest pastures in the west.',
    ]);
  });

  it('keeps a hyphen before a capital or a digit, without a space', () => {
    const text = lines(
      'Officials said the cross-border project with the Franco-',
      'German group and the new COVID-19 clinics would open soon-',
      'er than expected, in the spring of next year, before the',
      'summer grazing season begins in the northern pastures.',
    );
    expect(reflow(text).text).toBe(
      'Officials said the cross-border project with the Franco-German group and the new ' +
        'COVID-19 clinics would open sooner than expected, in the spring of next year, before ' +
        'the summer grazing season begins in the northern pastures.',
    );
  });

  it('keeps headlines, bylines, markers and source lines as their own paragraphs', () => {
    const text = lines(
      '《人民日报》(2025年01月17日 第02版)',
      '■上接第1版',
      '内蒙古聚焦高质量发展，紧扣铸牢中华',
      '民族共同体意识工作主线，建设我国向',
      '北开放重要桥头堡。',
      '加快步入高质量发展良性循环',
      '□新华社记者 张三',
      '弘扬蒙古马精神，经济发展取得可喜成',
      '果，在新的一年把祖国北疆这道风景线',
      '打造得更加亮丽。',
      '（下转第2版）',
    );
    expect(maybeReflow(text)?.text.split('\n')).toEqual([
      '《人民日报》(2025年01月17日 第02版)',
      '■上接第1版',
      '内蒙古聚焦高质量发展，紧扣铸牢中华民族共同体意识工作主线，建设我国向北开放重要桥头堡。',
      '加快步入高质量发展良性循环',
      '□新华社记者 张三',
      '弘扬蒙古马精神，经济发展取得可喜成果，在新的一年把祖国北疆这道风景线打造得更加亮丽。',
      '（下转第2版）',
    ]);
  });

  it('starts a paragraph at an indented line even after a full line', () => {
    const text = lines(
      '　　内蒙古聚焦高质量发展，紧扣铸牢',
      '中华民族共同体意识工作主线，建设我',
      '国向北开放重要桥头堡，取得新成效。',
      '　　弘扬蒙古马精神，经济发展取得可',
      '喜成果。',
    );
    expect(reflow(text).text.split('\n')).toHaveLength(2);
  });

  it('leaves a file with one paragraph per line alone', () => {
    const a = analyseWrap(CORPUS);
    expect(a.hardWrapped, a.reasons).toBe(false);
    expect(maybeReflow(CORPUS)).toBeNull();
  });

  it.each([
    ['a poem', lines('床前明月光', '疑是地上霜', '举头望明月', '低头思故乡')],
    [
      'a list of headlines',
      lines('绿色发展新路径更宽广', '向北开放桥头堡更坚实', '民生保障水平再提高'),
    ],
    ['a short note', lines('Dear team,', 'please find the report attached.', 'Best,', 'Anna')],
    [
      'two lines',
      lines('内蒙古聚焦高质量发展，紧扣铸牢中华', '民族共同体意识工作主线，建设我国向'),
    ],
    ['one line', '经济发展取得可喜成果。'],
    ['nothing', ''],
  ])('does not take %s for hard-wrapped text', (_, text) => {
    expect(maybeReflow(text)).toBeNull();
  });

  it('restores generated paragraphs exactly (Chinese and English, several seeds)', () => {
    for (const lang of ['zh', 'en'] as Lang[]) {
      for (let seed = 1; seed <= 6; seed++) {
        const w = hardWrap(makeParagraphs(lang, 30, seed), {
          seed,
          ...WIDTHS[lang],
          columnBreakChance: 0.15,
          standaloneChance: 0.2,
          indent: seed % 3 === 0,
        });
        const r = maybeReflow(w.text);
        expect(r?.text.split('\n'), `${lang} seed ${seed}`).toEqual(w.paragraphs);
        expect(r?.paragraphs).toBe(w.paragraphs.length);
      }
    }
  });

  it('measures a text as CJK or Latin by all of it, wherever its wide characters stand', () => {
    // Near a 30% share of wide characters, with more than one 4096-unit chunk on either side.
    const zh = makeHardWrapped('zh', 6000, 1).text;
    const filler = 'Filler words, and then more filler words, to pad this text out.\n';
    const solid = (text: string) => text.replace(/\s/g, '').length;
    const wide = (zh.match(/[\u4e00-\u9fff，。、：；？！“”（）]/g) ?? []).length;
    // Units of filler at which 30% of what is not whitespace is wide.
    const flip = ((wide / 0.3 - solid(zh)) * filler.length) / solid(filler);
    const seen = new Set<string>();
    for (let pad = flip * 0.9; pad < flip * 1.1; pad += flip * 0.02) {
      const latin = filler.repeat(Math.ceil(pad / filler.length));
      const mode = (text: string) => /\((CJK|Latin)\)/.exec(analyseWrap(text).reasons ?? '')?.[1];
      const first = mode(zh + latin);
      expect(first, `${latin.length} units of Latin`).toBeDefined();
      expect(mode(latin + zh), `${latin.length} units of Latin`).toBe(first);
      seen.add(first!);
    }
    expect([...seen].sort()).toEqual(['CJK', 'Latin']);
  });
});

describe('offsets', () => {
  it('gives 1-based lines and columns in code points', () => {
    const text = 'a𠀀b\n中𠀀文';
    const starts = lineStarts(text);
    for (const s of [undefined, starts]) {
      expect(lineColumn(text, 0, s)).toEqual({ line: 1, column: 1 });
      expect(lineColumn(text, 3, s)).toEqual({ line: 1, column: 3 });
      expect(lineColumn(text, 5, s)).toEqual({ line: 2, column: 1 });
      expect(lineColumn(text, 8, s)).toEqual({ line: 2, column: 3 });
      expect(lineColumn(text, 99, s)).toEqual({ line: 2, column: 4 });
    }
  });

  it('maps every reflowed position back and forth', () => {
    const original = lines(
      '  Officials said the plan to restore the eco-',
      'nomy of the grasslands would take a decade,',
      '',
      'and herders in the 𠀀 north welcomed it with',
      'caution. 中文',
    );
    const r = reflow(original);
    expect(r.text).toBe(
      'Officials said the plan to restore the economy of the grasslands would take a decade, ' +
        'and herders in the 𠀀 north welcomed it with caution. 中文',
    );
    for (let i = 0; i <= r.text.length; i++) {
      expect(toReflowed(r.map, toOriginal(r.map, i))).toBe(i);
    }
    const nomy = r.text.indexOf('economy') + 3;
    expect(toOriginal(r.map, 0)).toBe(2); // the indentation is dropped
    expect(toOriginal(r.map, nomy)).toBe(original.indexOf('nomy'));
    expect(toReflowed(r.map, original.indexOf('eco-') + 3)).toBe(nomy); // the dropped hyphen
    const space = r.text.indexOf(', and') + 1; // replaced the line break and the blank line
    expect(toOriginal(r.map, space)).toBe(original.indexOf('decade,\n') + 7);
    expect(toReflowed(r.map, original.indexOf('\nand'))).toBe(space + 1);
    expect(toReflowed(r.map, 0)).toBe(0);
    expect(toReflowed(r.map, original.length)).toBe(r.text.length);
    expect(toOriginal(r.map, r.text.length)).toBe(original.lastIndexOf('文') + 1);
    expect(toOriginal(identityMap(5), 3)).toBe(3);
    expect(toReflowed(identityMap(5), 5)).toBe(5);
  });
});

// How fast belongs to `npm run bench` (the reflow section times reflow() and
// maybeReflow() on 10 MB); here a file that size must come out right.
describe('a 10 MB file', () => {
  it(
    'gives back every paragraph of 10 MB of hard-wrapped Chinese, positions mapped both ways',
    () => {
      const w = makeHardWrapped('zh', 3_700_000, 11);
      expect(new TextEncoder().encode(w.text).length).toBeGreaterThan(10e6);
      const r = maybeReflow(w.text);
      if (!r) throw new Error('not detected as hard-wrapped');
      expect(r.paragraphs).toBe(w.paragraphs.length);
      expect(r.text).toBe(w.paragraphs.join('\n'));
      const step = Math.floor(r.text.length / 997);
      for (let i = 0; i <= r.text.length; i += step) {
        const o = toOriginal(r.map, i);
        expect(w.text[o]).toBe(r.text[i]);
        expect(toReflowed(r.map, o)).toBe(i);
      }
    },
    // Not a speed bound: only so a hang fails rather than stalls the run.
    120_000,
  );
});

// Past a million characters maybeReflow first asks a sample of whole lines; it must
// decide as the analysis of the whole text does, whatever the text's kind.
describe('a text of over a million characters', () => {
  const paragraphsOf = (lang: Lang, chars: number, seed: number): string[] => {
    const out: string[] = [];
    for (let n = 0, batch = 0; n < chars; batch++)
      for (const p of makeParagraphs(lang, 200, seed + batch)) {
        out.push(p);
        n += p.length + 1;
      }
    return out;
  };
  const zhLines = paragraphsOf('zh', 1_300_000, 5).join('\n');
  const enLines = paragraphsOf('en', 1_300_000, 6).join('\n');
  const zhWrapped = makeHardWrapped('zh', 1_300_000, 7).text;
  const enWrapped = makeHardWrapped('en', 1_300_000, 8).text;
  // A book set one paragraph per line, then a year of wrapped pages: most lines are column lines.
  const mixed = zhLines.slice(0, 300_000) + '\n' + zhWrapped;
  const cases: [string, string, boolean][] = [
    ['Chinese, a paragraph per line', zhLines, false],
    ['English, a paragraph per line', enLines, false],
    ['hard-wrapped Chinese', zhWrapped, true],
    ['hard-wrapped English', enWrapped, true],
    ['unwrapped paragraphs, then wrapped pages', mixed, true],
  ];
  it.each(cases)(
    '%s: reflowed exactly when the whole text is hard-wrapped',
    (_, text, wrapped) => {
      expect(text.length).toBeGreaterThan(1 << 20);
      expect(analyseWrap(text).hardWrapped).toBe(wrapped);
      const r = maybeReflow(text);
      expect(r !== null).toBe(wrapped);
      if (r) expect(r.text).toBe(reflow(text).text);
    },
    60_000,
  );
});
