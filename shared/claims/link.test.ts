import { describe, expect, it } from 'vitest';
import { ClaimIndex, figureRecords, linkClaims, type LinkInput } from './link';
import { findQuantities } from './quantity';

const claim = (id: string, docId: string, text: string): LinkInput => ({
  id,
  docId,
  text,
  quantities: findQuantities(text),
});
const relations = (claims: LinkInput[]) =>
  linkClaims(claims)
    .map((l) => [[l.a, l.b].sort().join('~'), l.relation])
    .sort();

describe('linkClaims', () => {
  it('finds a restatement in other words, inside a longer sentence with other figures', () => {
    const claims = [
      claim('a', 'd1', '煤炭产量突破12亿吨。'),
      claim('b', 'd2', '去年全区煤炭产量首次突破十二亿吨，外运煤炭8亿吨，增长5%。'),
    ];
    expect(relations(claims)).toEqual([['a~b', 'same']]);
  });

  it('marks a restated claim with a changed figure as differing', () => {
    const claims = [
      claim('a', 'd1', '全区港口吞吐量达到3.2亿吨。'),
      claim('b', 'd2', '据介绍，全区港口吞吐量达到2.9亿吨。'),
    ];
    expect(relations(claims)).toEqual([['a~b', 'differs']]);
  });

  it('does not call two claims that only share a figure the same', () => {
    const claims = [
      claim('a', 'd1', '企业活跃度提升到70%以上。'),
      claim('b', 'd2', '税收占财政收入的比重保持在70%以上。'),
      claim('c', 'd3', '绿电消费接近用电量的30%。'),
      claim('d', 'd4', '新能源装机规模增长30%。'),
    ];
    expect(relations(claims)).toEqual([]);
  });

  it('links claims of different documents only', () => {
    const claims = [
      claim('a', 'd1', '新能源装机达到1.35亿千瓦。'),
      claim('b', 'd1', '全区新能源装机达到1.35亿千瓦。'),
      claim('c', 'd2', '去年全区新能源装机达到1.35亿千瓦。'),
    ];
    expect(relations(claims)).toEqual([
      ['a~c', 'same'],
      ['b~c', 'same'],
    ]);
  });

  it('reads Traditional characters and full-width digits as their Simplified forms', () => {
    const claims = [
      claim('a', 'd1', '新能源裝機達到１.３５億千瓦。'),
      claim('b', 'd2', '新能源装机达到1.35亿千瓦。'),
    ];
    expect(relations(claims)).toEqual([['a~b', 'same']]);
  });

  it('links English restatements', () => {
    const claims = [
      claim('a', 'd1', 'Coal output topped 1.2 billion tonnes last year.'),
      claim(
        'b',
        'd2',
        'Last year coal output in the region topped 1.2 billion tonnes for the first time.',
      ),
      claim('c', 'd3', 'Steel exports topped 1.2 billion tonnes.'),
    ];
    expect(relations(claims)).toEqual([['a~b', 'same']]);
  });
});

describe('ClaimIndex', () => {
  it('forgets a removed claim and finds an updated one', () => {
    const index = new ClaimIndex();
    index.add(claim('a', 'd1', '全区港口吞吐量达到3.2亿吨。'));
    const b = claim('b', 'd2', '全区港口吞吐量达到3.2亿吨。');
    expect(index.query(b).map((l) => [l.b, l.relation])).toEqual([['a', 'same']]);
    index.add(claim('a', 'd1', '全区港口吞吐量达到2.9亿吨。'));
    expect(index.query(b).map((l) => [l.b, l.relation])).toEqual([['a', 'differs']]);
    index.remove('a');
    expect(index.query(b)).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('indexes a claim from its stored figures without reading its text again', () => {
    const index = new ClaimIndex();
    const stored = claim('a', 'd1', '全区港口吞吐量达到3.2亿吨。');
    const figures = figureRecords(stored.text, stored.quantities);
    // The stored records alone carry the claim: its text is not read.
    index.add({ ...stored, text: '', figures });
    const probe = claim('b', 'd2', '据介绍，全区港口吞吐量达到3.2亿吨。');
    expect(index.query(probe).map((l) => [l.b, l.relation])).toEqual([['a', 'same']]);
    expect(JSON.parse(JSON.stringify(figures))).toEqual(figures);
  });
});
