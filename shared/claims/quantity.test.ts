import { describe, expect, it } from 'vitest';
import { findQuantities, type Quantity } from './quantity';
import { parseChineseNumeral } from './numerals';

type Expected = Pick<Quantity, 'text' | 'value' | 'unit'> & Partial<Quantity>;

/** The quantities found, without offsets, for comparing with a table row. */
function found(input: string): Omit<Quantity, 'start' | 'end'>[] {
  return findQuantities(input).map(({ start: _s, end: _e, ...rest }) => rest);
}

function only(input: string): Omit<Quantity, 'start' | 'end'> {
  const qs = found(input);
  expect(qs).toHaveLength(1);
  return qs[0] as Omit<Quantity, 'start' | 'end'>;
}

describe('Chinese amounts with magnitudes and units', () => {
  it.each<[string, Expected]>([
    ['新能源装机达到1.35亿千瓦', { text: '1.35亿千瓦', value: 135000000, unit: '千瓦' }],
    ['民营经营主体净增16.4万户', { text: '16.4万户', value: 164000, unit: '户' }],
    ['引进到位资金1万亿元', { text: '1万亿元', value: 1e12, unit: '元' }],
    ['建设风电光伏装机2727万千瓦', { text: '2727万千瓦', value: 27270000, unit: '千瓦' }],
    ['去年全区治沙1954万亩', { text: '1954万亩', value: 19540000, unit: '亩' }],
    ['以日均6万亩的速度', { text: '6万亩', value: 60000, unit: '亩' }],
    ['货运量1.2亿吨', { text: '1.2亿吨', value: 120000000, unit: '吨' }],
    ['制度创新成果223项', { text: '223项', value: 223, unit: '项' }],
    ['高层次人才1431名', { text: '1431名', value: 1431, unit: '名' }],
    ['外送绿电800亿千瓦时', { text: '800亿千瓦时', value: 80000000000, unit: '千瓦时' }],
    ['绿电交易762亿千瓦时', { text: '762亿千瓦时', value: 76200000000, unit: '千瓦时' }],
    ['出让矿业权66宗', { text: '66宗', value: 66, unit: '宗' }],
    ['17个试点旗县', { text: '17个', value: 17, unit: '个' }],
    ['累计节能量1200万吨标准煤', { text: '1200万吨标准煤', value: 12000000, unit: '吨标准煤' }],
    ['节水3.8亿立方米', { text: '3.8亿立方米', value: 380000000, unit: '立方米' }],
    ['粮食产量820.1亿斤', { text: '820.1亿斤', value: 82010000000, unit: '斤' }],
    ['聘请21位专家', { text: '21位', value: 21, unit: '位' }],
    ['每秒1000万亿次计算', { text: '1000万亿次', value: 1e15, unit: '次' }],
    ['智算规模8.7万P', { text: '8.7万P', value: 87000, unit: 'P' }],
    ['价格500元/吨', { text: '500元/吨', value: 500, unit: '元/吨' }],
    ['出口１２３万美元', { text: '１２３万美元', value: 1230000, unit: '美元' }],
    ['共有1,000家企业', { text: '1,000家', value: 1000, unit: '家' }],
    ['共有1，000家企业', { text: '1，000家', value: 1000, unit: '家' }],
    ['装机3千万千瓦', { text: '3千万千瓦', value: 30000000, unit: '千瓦' }],
    ['功率5千瓦', { text: '5千瓦', value: 5, unit: '千瓦' }],
    ['长3km', { text: '3km', value: 3, unit: 'km' }],
    ['增长4.52万', { text: '4.52万', value: 45200, unit: '' }],
  ])('%s', (input, expected) => {
    expect(only(input)).toEqual(expected);
  });

  it('treats 万千瓦 as a magnitude on 千瓦, not a unit of its own', () => {
    expect(only('储能装机500万千瓦')).toEqual({ text: '500万千瓦', value: 5e6, unit: '千瓦' });
  });
});

describe('exact decimal arithmetic', () => {
  it.each<[string, number]>([
    ['4.52万', 45200],
    ['1.35亿', 135000000],
    ['0.07万', 700],
    ['16.4万', 164000],
    ['2.6万亿', 2.6e12],
    ['1.1万', 11000],
    ['8.7万', 87000],
    ['0.3亿', 30000000],
  ])('%s is exactly %d', (input, value) => {
    expect(only(input).value).toBe(value);
  });

  it('keeps decimals of percentages as written', () => {
    expect(only('增长0.1%').value).toBe(0.1);
    expect(only('百分之4.52').value).toBe(4.52);
  });
});

describe('Chinese numerals', () => {
  it.each<[string, Expected]>([
    ['三千五百万', { text: '三千五百万', value: 35000000, unit: '' }],
    ['一万二', { text: '一万二', value: 12000, unit: '' }],
    ['两万五千人', { text: '两万五千人', value: 25000, unit: '人' }],
    ['十二亿吨', { text: '十二亿吨', value: 1200000000, unit: '吨' }],
    ['两人', { text: '两人', value: 2, unit: '人' }],
    ['二十一名', { text: '二十一名', value: 21, unit: '名' }],
    ['一百零五家', { text: '一百零五家', value: 105, unit: '家' }],
    ['十几个', { text: '十几个', value: 10, unit: '个', approx: 'more' }],
    ['几十万人', { text: '几十万人', value: 100000, unit: '人', approx: 'more' }],
    ['首次突破千亿元', { text: '千亿元', value: 1e11, unit: '元', approx: 'more' }],
    ['跨过万亿元大关', { text: '万亿元', value: 1e12, unit: '元' }],
    ['增长一倍', { text: '一倍', value: 1, unit: '倍' }],
  ])('%s', (input, expected) => {
    expect(only(input)).toEqual(expected);
  });

  it.each<[string, number | null]>([
    ['三千五百万', 35000000],
    ['一万二', 12000],
    ['十二', 12],
    ['二十', 20],
    ['三亿五千万', 350000000],
    ['一万亿', 1e12],
    ['十四五', null],
    ['亿万', null],
    ['万一', null],
    ['几', null],
  ])('parses the run %s as %s', (run, value) => {
    expect(parseChineseNumeral(run)?.value ?? null).toBe(value);
  });
});

describe('percentages, points, multiples, fractions', () => {
  it.each<[string, Expected]>([
    ['增长6.4%', { text: '6.4%', value: 6.4, unit: '%' }],
    ['增长６．４％', { text: '６．４％', value: 6.4, unit: '%' }],
    [
      '百分之五十',
      { text: '百分之五十', value: 50, unit: '%', fraction: { numerator: 50, denominator: 100 } },
    ],
    [
      '增长百分之五点八，增速',
      {
        text: '百分之五点八',
        value: 5.8,
        unit: '%',
        fraction: { numerator: 5.8, denominator: 100 },
      },
    ],
    [
      '百分之三十二点零五',
      {
        text: '百分之三十二点零五',
        value: 32.05,
        unit: '%',
        fraction: { numerator: 32.05, denominator: 100 },
      },
    ],
    ['约七成', { text: '七成', value: 70, unit: '%', approx: 'about' }],
    ['3成', { text: '3成', value: 30, unit: '%' }],
    ['提高2个百分点', { text: '2个百分点', value: 2, unit: '个百分点' }],
    ['下降两个百分点', { text: '两个百分点', value: 2, unit: '个百分点' }],
    ['增长4.8倍', { text: '4.8倍', value: 4.8, unit: '倍' }],
    ['增长-0.5%', { text: '-0.5%', value: -0.5, unit: '%' }],
    [
      '三分之二',
      { text: '三分之二', value: 66.67, unit: '%', fraction: { numerator: 2, denominator: 3 } },
    ],
    [
      '占黄河全长近六分之一',
      {
        text: '六分之一',
        value: 16.67,
        unit: '%',
        approx: 'less',
        fraction: { numerator: 1, denominator: 6 },
      },
    ],
    [
      '下降近一半',
      {
        text: '一半',
        value: 50,
        unit: '%',
        approx: 'less',
        fraction: { numerator: 1, denominator: 2 },
      },
    ],
  ])('%s', (input, expected) => {
    expect(only(input)).toEqual(expected);
  });

  it('keeps percentage points apart from percent', () => {
    expect(found('增长3%，提高3个百分点').map((q) => q.unit)).toEqual(['%', '个百分点']);
  });

  it.each<[string, string[]]>([
    ['保持在10%和70%以上', ['10%', '70%']],
    ['分别增长113%、68.3%、53%', ['113%', '68.3%', '53%']],
    ['400公里长、5公里宽', ['400公里', '5公里']],
  ])('lists: %s', (input, texts) => {
    expect(found(input).map((q) => q.text)).toEqual(texts);
  });

  it('10%和70%以上: only the second is at least', () => {
    expect(found('保持在10%和70%以上').map((q) => q.approx)).toEqual([undefined, 'at-least']);
  });
});

describe('approximation words', () => {
  it.each<[string, string, Quantity['approx']]>([
    ['稀土产业产值突破1000亿元', '1000亿元', 'more'],
    ['超过70%', '70%', 'more'],
    ['逾200人', '200人', 'more'],
    ['多达30家', '30家', 'more'],
    ['突破了1000亿元', '1000亿元', 'more'],
    ['输沙2700多万吨', '2700多万吨', 'more'],
    ['达到4300多个', '4300多个', 'more'],
    ['1000余家', '1000余家', 'more'],
    ['投入近200亿元', '200亿元', 'less'],
    ['接近30%', '30%', 'less'],
    ['不足5%', '5%', 'less'],
    ['不到100人', '100人', 'less'],
    ['约300吨', '300吨', 'about'],
    ['大约300吨', '300吨', 'about'],
    ['增长6%左右', '6%', 'about'],
    ['10%上下', '10%', 'about'],
    ['1000万千瓦以上', '1000万千瓦', 'at-least'],
    ['至少3家', '3家', 'at-least'],
    ['降到10%以下', '10%', 'at-most'],
    ['控制在5%以内', '5%', 'at-most'],
    ['不超过3%', '3%', 'at-most'],
    ['增长6.4%', '6.4%', undefined],
  ])('%s', (input, text, approx) => {
    const q = only(input);
    expect(q.text).toBe(text);
    expect(q.approx).toBe(approx);
  });

  it('2700多万吨 is 27 million tonnes, more', () => {
    expect(only('每年向黄河输沙2700多万吨')).toEqual({
      text: '2700多万吨',
      value: 27000000,
      unit: '吨',
      approx: 'more',
    });
  });

  it('the year in 到2030年降到100万吨以下 is time, the amount is at most', () => {
    expect(only('争取到2030年降到100万吨以下')).toEqual({
      text: '100万吨',
      value: 1000000,
      unit: '吨',
      approx: 'at-most',
    });
  });
});

describe('ranges', () => {
  it.each<[string, Expected, Expected]>([
    [
      '3至5万',
      { text: '3', value: 30000, unit: '', range: 'from' },
      { text: '5万', value: 50000, unit: '', range: 'to' },
    ],
    [
      '3-5万吨',
      { text: '3', value: 30000, unit: '吨', range: 'from' },
      { text: '5万吨', value: 50000, unit: '吨', range: 'to' },
    ],
    [
      '3～5万',
      { text: '3', value: 30000, unit: '', range: 'from' },
      { text: '5万', value: 50000, unit: '', range: 'to' },
    ],
    [
      '3万至5万元',
      { text: '3万', value: 30000, unit: '元', range: 'from' },
      { text: '5万元', value: 50000, unit: '元', range: 'to' },
    ],
    [
      '三至五万吨',
      { text: '三', value: 30000, unit: '吨', range: 'from' },
      { text: '五万吨', value: 50000, unit: '吨', range: 'to' },
    ],
    [
      '3%-5%',
      { text: '3%', value: 3, unit: '%', range: 'from' },
      { text: '5%', value: 5, unit: '%', range: 'to' },
    ],
    [
      '3 to 5 million tonnes',
      { text: '3', value: 3e6, unit: 'tonnes', range: 'from' },
      { text: '5 million tonnes', value: 5e6, unit: 'tonnes', range: 'to' },
    ],
  ])('%s', (input, from, to) => {
    expect(found(input)).toEqual([from, to]);
  });

  it('does not join numbers with different units into a range', () => {
    expect(found('5吨-3人').map((q) => q.range)).toEqual([undefined, undefined]);
  });
});

describe('not quantities', () => {
  it.each([
    ['a date', '2025年01月17日'],
    ['a year', '2024年'],
    ['a year as the time of a target', '到2030年'],
    ['a month range', '1-5月'],
    ['a month and day', '7月5日'],
    ['last year', '去年'],
    ['a year range', '2024-2025年'],
    ['an ISO date', '2025-01-17'],
    ['a clock time', '10:30'],
    ['a clock time, full-width colon', '10：30开会'],
    ['a year in Chinese digits', '二〇二五年'],
    ['a duration in years', '连续3年'],
    ['a duration in Chinese', '近两年'],
    ['a duration in months', '3个月'],
    ['an ordinal', '第二'],
    ['an ordinal with digits', '第1'],
    ['a rank', '排第3'],
    ['a top-N rank', '进入全国前20'],
    ['a list marker 一是', '一是优化产业结构'],
    ['a list marker 二是', '二是聚商气拢人气'],
    ['a bracketed list marker', '（三）'],
    ['a list marker with 、', '一、'],
    ['a numbered line', '\n1. 概述'],
    ['a page number', '第02版'],
    ['a plan name', '“十四五”规划'],
    ['a plan name unquoted', '十四五规划'],
    ['a party congress session', '二十届三中全会'],
    ['a party congress', '二十大'],
    ['a slogan', '办好两件大事'],
    ['a slogan with 大', '五大任务'],
    ['a slogan with 个', '七个摒弃'],
    ['a quoted slogan with 个', '抓好“六个工程”'],
    ['a quoted name', '“五个大起底”行动'],
    ['a region name', '“三北”工程'],
    ['a region name unquoted', '三北工程'],
    ['an initiative', '一带一路'],
    ['a title', '《二十大报告》'],
    ['a model name', 'G7'],
    ['network generations', '4G/5G'],
    ['a disease name', 'COVID-19'],
    ['defence lines', '四道防线'],
    ['the article 一', '一批标志性工程'],
    ['an idiom', '千方百计'],
    ['an idiom with a counter', '千家万户'],
    ['double digits', '两位数增长'],
    ['a second-hand car', '二手车出口量'],
    ['几 alone', '这几个产业'],
    ['a numbered thing', '3号线'],
    ['a ranking name', '世界500强'],
    ['English year', 'in 2024'],
    ['English date', 'January 17, 2025'],
    ['English date, day first', '17 January'],
    ['English page', 'page 3'],
    ['English number label', 'No. 1'],
    ['English duration', 'for 5 years'],
    ['English clock', 'at 3 pm'],
    ['English decade', 'the 1990s'],
    ['English ordinal', 'the 1st'],
    ['English pronoun one', 'one of them'],
    ['English ordinal third', 'a third term'],
    ['English age', 'a 40-year-old man'],
  ])('%s: %s', (_name, input) => {
    expect(findQuantities(input)).toEqual([]);
  });
});

describe('English', () => {
  it.each<[string, Expected]>([
    ['1.35 billion', { text: '1.35 billion', value: 1350000000, unit: '' }],
    ['12,000 households', { text: '12,000 households', value: 12000, unit: 'households' }],
    ['grew 6.4%', { text: '6.4%', value: 6.4, unit: '%' }],
    ['grew 6.4 percent', { text: '6.4 percent', value: 6.4, unit: '%' }],
    ['grew 6.4 per cent', { text: '6.4 per cent', value: 6.4, unit: '%' }],
    [
      'rose 3 percentage points',
      { text: '3 percentage points', value: 3, unit: 'percentage points' },
    ],
    ['a $3.5bn deal', { text: '$3.5bn', value: 3500000000, unit: '$' }],
    ['US$3.5 billion', { text: 'US$3.5 billion', value: 3500000000, unit: 'US$' }],
    ['RMB 5 billion', { text: 'RMB 5 billion', value: 5e9, unit: 'RMB' }],
    ['€2 million', { text: '€2 million', value: 2000000, unit: '€' }],
    ['$2m', { text: '$2m', value: 2000000, unit: '$' }],
    ['1.2m people', { text: '1.2m people', value: 1200000, unit: 'people' }],
    ['a 2m wall', { text: '2m', value: 2, unit: 'm' }],
    [
      'two-thirds of voters',
      { text: 'two-thirds', value: 66.67, unit: '%', fraction: { numerator: 2, denominator: 3 } },
    ],
    [
      'a third of voters',
      { text: 'a third', value: 33.33, unit: '%', fraction: { numerator: 1, denominator: 3 } },
    ],
    [
      'three-quarters',
      { text: 'three-quarters', value: 75, unit: '%', fraction: { numerator: 3, denominator: 4 } },
    ],
    ['more than 200 people', { text: '200 people', value: 200, unit: 'people', approx: 'more' }],
    ['about 40 tonnes', { text: '40 tonnes', value: 40, unit: 'tonnes', approx: 'about' }],
    ['nearly 1,500 jobs', { text: '1,500 jobs', value: 1500, unit: 'jobs', approx: 'less' }],
    ['at least 3 deaths', { text: '3 deaths', value: 3, unit: 'deaths', approx: 'at-least' }],
    [
      'up to 5,000 workers',
      { text: '5,000 workers', value: 5000, unit: 'workers', approx: 'at-most' },
    ],
    [
      '50 companies or more',
      { text: '50 companies', value: 50, unit: 'companies', approx: 'at-least' },
    ],
    ['twenty-five people', { text: 'twenty-five people', value: 25, unit: 'people' }],
    [
      'two hundred and fifty thousand jobs',
      { text: 'two hundred and fifty thousand jobs', value: 250000, unit: 'jobs' },
    ],
    ['three million', { text: 'three million', value: 3e6, unit: '' }],
    ['a million people', { text: 'a million people', value: 1e6, unit: 'people' }],
    ['twelve tonnes', { text: 'twelve tonnes', value: 12, unit: 'tonnes' }],
    ['a 40-tonne truck', { text: '40-tonne', value: 40, unit: 'tonne' }],
  ])('%s', (input, expected) => {
    expect(only(input)).toEqual(expected);
  });
});

describe('offsets', () => {
  const paragraph = [
    '《人民日报》(2025年01月17日 第02版)',
    '一是优化产业结构。稀土产业产值突破1000亿元。近两年引进到位资金1万亿元、高层次人才1431名，',
    '2024年全区民营经营主体净增16.4万户、增长6.4%，企业活跃度提升到70%以上。',
    '过去，“十大孔兑”每年向黄河输沙2700多万吨，争取到2030年降到100万吨以下。',
    '黄河流经内蒙古843公里、占黄河全长近六分之一。𠀀𠀁 surrogate pairs before: 增长3至5万吨。',
    'In 2024 the firm hired more than 200 people and raised $3.5bn, about two-thirds of its target.',
  ].join('\n');
  const qs = findQuantities(paragraph);

  it('slices the text of every quantity back out of the input', () => {
    expect(qs.length).toBeGreaterThan(10);
    for (const q of qs) expect(paragraph.slice(q.start, q.end)).toBe(q.text);
  });

  it('returns quantities sorted and not overlapping', () => {
    for (let k = 1; k < qs.length; k++) {
      expect(qs[k]!.start).toBeGreaterThanOrEqual(qs[k - 1]!.end);
    }
  });

  it('finds exactly the quantities of the paragraph', () => {
    expect(qs.map((q) => q.text)).toEqual([
      '1000亿元',
      '1万亿元',
      '1431名',
      '16.4万户',
      '6.4%',
      '70%',
      '2700多万吨',
      '100万吨',
      '843公里',
      '六分之一',
      '3',
      '5万吨',
      '200 people',
      '$3.5bn',
      'two-thirds',
    ]);
  });

  it('counts offsets in UTF-16 code units past astral characters', () => {
    const text = '𠀀增长6.4%';
    const [q] = findQuantities(text);
    expect(q).toMatchObject({ start: 4, end: 8, text: '6.4%' });
  });
});

// Its speed is measured by `npm run bench`; here only that a megabyte comes through whole.
describe('a megabyte of text', () => {
  it('finds every figure of a long text', () => {
    const sentence =
      '去年全区新能源装机达到1.35亿千瓦，储能装机突破1000万千瓦，绿电消费接近用电量的30%，“十四五”规划收官。\n';
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const qs = findQuantities(text);
    expect(qs.length).toBe(3 * Math.ceil(1_000_000 / sentence.length));
  });
});
