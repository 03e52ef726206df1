import { describe, expect, it } from 'vitest';
import { detectClaims, kindOf } from './detect';

/** An interview answer as the app stores it (one paragraph per line), figures and none. */
const ANSWER = [
  '2025年是“十四五”规划收官之年。',
  '去年全区新能源装机达到1.35亿千瓦，储能装机突破1000万千瓦，绿电消费接近用电量的30%。',
  '我们牢固树立新发展理念，推动经济实现质的有效提升和量的合理增长。',
  '今年的目标是，力争新增4000万千瓦装机，氢能产能达到20万吨。',
  '一是优化产业结构。',
  '据统计，2024年全区民营经营主体净增16.4万户、增长6.4%。',
  '内蒙古经济增速连续3年高于全国平均水平，绿电交易规模居全国第1位。',
  '请问内蒙古新能源产业发展得怎么样，装机超过1亿千瓦了吗？',
  '记者采访了内蒙古自治区党委书记孙绍骋。',
].join('\n');

describe('detectClaims', () => {
  const claims = detectClaims(ANSWER);
  const quotes = claims.map((c) => c.quote);

  it('suggests the sentences that state a figure, and no other', () => {
    expect(quotes).toEqual([
      '去年全区新能源装机达到1.35亿千瓦，储能装机突破1000万千瓦，绿电消费接近用电量的30%。',
      '今年的目标是，力争新增4000万千瓦装机，氢能产能达到20万吨。',
      '据统计，2024年全区民营经营主体净增16.4万户、增长6.4%。',
      '内蒙古经济增速连续3年高于全国平均水平，绿电交易规模居全国第1位。',
    ]);
  });

  it('gives offsets into the text and the figures of each claim', () => {
    for (const c of claims) {
      expect(ANSWER.slice(c.start, c.end)).toBe(c.quote);
      for (const q of c.quantities) expect(ANSWER.slice(q.start, q.end)).toBe(q.text);
    }
    expect(claims[0]?.quantities.map((q) => [q.value, q.unit])).toEqual([
      [135_000_000, '千瓦'],
      [10_000_000, '千瓦'],
      [30, '%'],
    ]);
  });

  it('tells statistics, targets, attributions and comparisons apart', () => {
    expect(claims.map((c) => c.kind)).toEqual(['statistic', 'target', 'attribution', 'comparison']);
  });

  it('splits a long sentence at semicolons into the clauses that carry figures', () => {
    const text =
      '对外，我们扩大向俄蒙开放，全区陆路口岸货运量突破1.2亿吨；对内，不断深化与京津冀、长三角等地合作，北京资金到内蒙古投资额大幅增长；区内，重点推动各地区联动发展，新增重点项目223项。';
    expect(detectClaims(text).map((c) => c.quote)).toEqual([
      '对外，我们扩大向俄蒙开放，全区陆路口岸货运量突破1.2亿吨；',
      '对内，不断深化与京津冀、长三角等地合作，北京资金到内蒙古投资额大幅增长；区内，重点推动各地区联动发展，新增重点项目223项。',
    ]);
  });

  it('reads English sentences, abbreviations included', () => {
    const text =
      'Mr. Li said output rose 6.4% last year. The U.S. plan is to add 3 billion dollars by 2030. It was a good year.';
    const got = detectClaims(text);
    expect(got.map((c) => [c.quote, c.kind])).toEqual([
      ['Mr. Li said output rose 6.4% last year.', 'attribution'],
      ['The U.S. plan is to add 3 billion dollars by 2030.', 'target'],
    ]);
  });
});

describe('kindOf', () => {
  it.each([
    ['到2030年降到100万吨以下', 'target'],
    ['我们将新增4000万千瓦装机', 'target'],
    ['国家统计局表示，增长5.2%', 'attribution'],
    ['增速高于全国0.5个百分点', 'comparison'],
    ['煤炭产量突破12亿吨', 'statistic'],
    ['把卖煤变成输电，将燃料变成原料，产值1000亿元', 'statistic'],
  ] as const)('%s → %s', (quote, kind) => expect(kindOf(quote)).toBe(kind));
});

describe('claims without a quantity of their own', () => {
  it.each([
    ['经济增速连续3年高于全国平均水平，经济总量有望进入全国前20。', true],
    ['绿电交易规模居全国第1位。', true],
    ['接下来，突出抓好三件事：', false],
    ['一是优化产业结构。', false],
    ['2025年是“十四五”规划收官之年。', false],
  ] as const)('%s → %s', (sentence, claim) =>
    expect(detectClaims(sentence).length > 0).toBe(claim),
  );
});
