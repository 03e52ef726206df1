import { describe, expect, it } from 'vitest';
import { findAll, LibraryIndex, lineContext, searchLibrary } from './find';

const slices = (text: string, query: string) =>
  findAll(text, query).map((m) => text.slice(m.start, m.end));

describe('findAll', () => {
  it('matches across full width and case', () => {
    const text = '２０２４年ＧＤＰ增长５．２％';
    expect(findAll(text, '2024年gdp')).toEqual([{ start: 0, end: 8 }]);
    expect(slices(text, '增长5.2%')).toEqual(['增长５．２％']);
  });

  it('matches a full-width digit in the query against a half-width one in the text', () => {
    expect(slices('今年经济增长5.2%，明年增长5%', '增长５')).toEqual(['增长5', '增长5']);
  });

  it('ignores Latin case', () => {
    expect(findAll('Hello, World', 'WORLD')).toEqual([{ start: 7, end: 12 }]);
    expect(slices('GDP, gdp and Gdp', 'gDp')).toEqual(['GDP', 'gdp', 'Gdp']);
  });

  it('treats full-width and half-width punctuation alike', () => {
    expect(slices('北京，上海,广州', '，')).toEqual(['，', ',']);
    expect(slices('a；b;c', ';')).toEqual(['；', ';']);
  });

  it('finds Chinese substrings without word boundaries', () => {
    expect(findAll('中华人民共和国国务院', '人民')).toEqual([{ start: 2, end: 4 }]);
    expect(findAll('中华人民共和国', '和国')).toEqual([{ start: 5, end: 7 }]);
  });

  it('returns non-overlapping matches in order', () => {
    expect(findAll('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(findAll('哈哈哈', '哈哈')).toEqual([{ start: 0, end: 2 }]);
  });

  it('caps the number of matches', () => {
    const text = 'ab'.repeat(20_000);
    expect(findAll(text, 'a', 5)).toHaveLength(5);
    expect(findAll(text, 'A')).toHaveLength(10_000);
    expect(findAll(text, 'a', 0)).toEqual([]);
  });

  it('matches nothing for an empty query or an absent one', () => {
    expect(findAll('abc', '')).toEqual([]);
    expect(findAll('abc', 'x')).toEqual([]);
    expect(findAll('', 'x')).toEqual([]);
  });

  it('does not reuse the fold of another text of the same length', () => {
    expect(findAll('ABCD', 'b')).toEqual([{ start: 1, end: 2 }]);
    expect(findAll('XYZB', 'b')).toEqual([{ start: 3, end: 4 }]);
  });

  it('searches 10 MB of Chinese text quickly', () => {
    const para =
      '　　新华社北京１月１７日电　国家统计局发布，２０２４年ＧＤＰ增长５．２％，经济运行稳中向好。\n';
    let text = '';
    while (text.length < 3_400_000) text += para; // ~10 MB in UTF-8
    let t0 = performance.now();
    const first = findAll(text, '增长5.2%', 1e6);
    const firstMs = performance.now() - t0;
    t0 = performance.now();
    const again = findAll(text, 'gdp增长', 1e6);
    const againMs = performance.now() - t0;
    console.log(
      `findAll over ${text.length} chars: first query (with fold) ${firstMs.toFixed(1)} ms, next query ${againMs.toFixed(1)} ms`,
    );
    expect(first.length).toBe(Math.ceil(3_400_000 / para.length));
    expect(again.length).toBe(first.length);
  });
});

describe('lineContext', () => {
  it('takes ~30 characters each side, stopping at line breaks', () => {
    const text = `第一行\n${'甲'.repeat(40)}目标${'乙'.repeat(40)}\n第三行`;
    const start = text.indexOf('目标');
    const { context, matchStart } = lineContext(text, start, start + 2);
    expect(context).toBe(`${'甲'.repeat(30)}目标${'乙'.repeat(30)}`);
    expect(context.slice(matchStart, matchStart + 2)).toBe('目标');
    const short = lineContext('上一行\n短句目标。\n下一行', 6, 8);
    expect(short).toEqual({ context: '短句目标。', matchStart: 2 });
  });

  it('trims white space and never splits a surrogate pair', () => {
    const text = `\u3000\u3000${'😀'.repeat(20)}目标`;
    const start = text.indexOf('目标');
    const { context } = lineContext(text, start, start + 2, 5);
    expect(context).toBe('😀😀目标');
    expect(lineContext('　　目标　　', 2, 4)).toEqual({ context: '目标', matchStart: 0 });
  });
});

describe('searchLibrary', () => {
  const docs = [
    { docId: 'd1', text: '标题\n２０２４年ＧＤＰ增长５．２％，经济运行稳中向好。\n其他内容' },
    { docId: 'd2', text: 'Reuters: China GDP grew 5.2% in 2024.' },
    { docId: 'd3', text: '没有相关内容。' },
  ];
  const annotations = [
    { id: 'a1', docId: 'd2', quote: 'China GDP grew', note: 'compare with ＮＢＳ data' },
    { id: 'a2', docId: 'd1', quote: '经济运行稳中向好', note: '官方说法，GDP口径' },
    { id: 'a3', docId: 'gone', quote: 'old GDP quote', note: '' },
  ];

  it('groups hits by document: text first, then quotes and notes', () => {
    const hits = searchLibrary(docs, annotations, 'ｇｄｐ');
    expect(hits.map((h) => [h.docId, h.kind, h.annotationId])).toEqual([
      ['d1', 'text', undefined],
      ['d1', 'note', 'a2'],
      ['d2', 'text', undefined],
      ['d2', 'quote', 'a1'],
      ['gone', 'quote', 'a3'],
    ]);
    const [d1, d1note, d2] = hits;
    expect(d1).toMatchObject({
      start: 8,
      end: 11,
      context: '２０２４年ＧＤＰ增长５．２％，经济运行稳中向好。',
    });
    expect(d1?.contextStart).toBe(5);
    expect(d1note).toMatchObject({ start: 5, end: 8, context: '官方说法，GDP口径' });
    expect(d2?.context).toBe('Reuters: China GDP grew 5.2% in 2024.');
  });

  it('finds notes and quotes with folded queries', () => {
    const hits = searchLibrary(docs, annotations, 'nbs');
    expect(hits).toEqual([
      {
        docId: 'd2',
        kind: 'note',
        annotationId: 'a1',
        start: 13,
        end: 16,
        context: 'compare with ＮＢＳ data',
        contextStart: 13,
      },
    ]);
  });

  it('caps text hits and annotation hits per document', () => {
    const many = [{ docId: 'x', text: 'GDP '.repeat(50) }];
    const notes = Array.from({ length: 10 }, (_, i) => ({
      id: `n${i}`,
      docId: 'x',
      quote: 'GDP',
      note: 'gdp',
    }));
    const hits = searchLibrary(many, notes, 'gdp', 3);
    expect(hits.filter((h) => h.kind === 'text')).toHaveLength(3);
    expect(hits.filter((h) => h.kind !== 'text')).toHaveLength(3);
  });

  it('returns nothing for an empty query', () => {
    expect(searchLibrary(docs, annotations, '')).toEqual([]);
  });
});

describe('LibraryIndex', () => {
  it('keeps documents between updates and follows changed texts and order', () => {
    const index = new LibraryIndex();
    index.setDocuments([
      { docId: 'a', text: '经济增长' },
      { docId: 'b', text: '增长放缓' },
    ]);
    expect(index.search('增长').map((h) => h.docId)).toEqual(['a', 'b']);
    index.updateDocuments(['b', 'a', 'c'], [{ docId: 'a', text: '没有' }]);
    expect(index.search('增长').map((h) => h.docId)).toEqual(['b']);
    index.updateDocuments(['a'], []);
    expect(index.search('没有').map((h) => h.docId)).toEqual(['a']);
    expect(index.search('增长')).toEqual([]);
  });

  it('searches 200 documents (20 million characters) quickly once folded', () => {
    const para =
      '国家统计局发布数据显示，２０２４年国内生产总值增长５．２％，Economy grew steadily.\n';
    const body = para.repeat(Math.ceil(100_000 / para.length));
    const docs = Array.from({ length: 200 }, (_, i) => ({
      docId: `d${i}`,
      text: `文档${i}\n${body}`,
    }));
    const index = new LibraryIndex();
    let t0 = performance.now();
    index.setDocuments(docs);
    const foldMs = performance.now() - t0;
    t0 = performance.now();
    const hits = index.search('文档199');
    const rareMs0 = performance.now() - t0;
    t0 = performance.now();
    index.search('文档198');
    const rareMs = performance.now() - t0;
    t0 = performance.now();
    const common = index.search('增长5.2%', 50);
    const commonMs = performance.now() - t0;
    const total = docs.reduce((n, d) => n + d.text.length, 0);
    console.log(
      `LibraryIndex over 200 docs, ${total} chars: fold ${foldMs.toFixed(0)} ms, first rare query ${rareMs0.toFixed(1)} ms, rare query ${rareMs.toFixed(1)} ms, common query (50/doc) ${commonMs.toFixed(1)} ms`,
    );
    expect(hits).toHaveLength(1);
    expect(common).toHaveLength(200 * 50);
  });
});
