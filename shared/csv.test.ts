import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Annotation, Category, DocumentRecord } from './types';
import type { AnnotationsCsvInput } from './csv';
import {
  CSV_COLUMNS,
  annotationRows,
  annotationsToCsv,
  formatTimestamp,
  parseAnnotationsCsv,
} from './csv';
import { reflow } from './reflow';

const HEADER =
  'annotation_id,document_title,document_file,document_sha256,categories,quote,note,' +
  'prefix,suffix,start,end,created_at,updated_at,source_line,source_column,section,page,' +
  'status,speaker,evidence,quantities,value,unit,repeated_in,conflicts_with,coder';

const TEXT_A = '前言𠀀𠀀：政府表示，"明年"经济增长 5%。😀 结尾';
const TEXT_B = 'Plain English text about a claim.';

function doc(id: string, title: string): DocumentRecord {
  return {
    id,
    sha256: `sha-${id}`,
    title,
    fileName: `${id}.txt`,
    encoding: 'utf-8',
    bom: false,
    length: 0,
    addedAt: '2026-11-22T00:00:00.000Z',
    reflow: null,
  };
}

const CATEGORIES: Category[] = [
  { id: 'c-econ', name: 'Economy', color: '#ff0000', description: '', order: 2, parentId: null },
  { id: 'c-claim', name: '事实声明', color: '#00ff00', description: '', order: 1, parentId: null },
  { id: 'c-gov', name: 'Government', color: '#0000ff', description: '', order: 3, parentId: null },
];

function annotation(docId: string, text: string, quote: string, extra: Partial<Annotation> = {}) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return {
    id: `a-${quote}`,
    docId,
    start,
    end: start + quote.length,
    quote,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(start + quote.length, start + quote.length + 32),
    categoryIds: [],
    note: '',
    createdAt: '2026-11-22T13:00:05.123Z',
    updatedAt: '2026-11-22T13:00:05.123Z',
    status: 'unverified',
    speaker: '',
    evidence: '',
    ...extra,
  } satisfies Annotation;
}

function input(annotations: Annotation[], offset = 480): AnnotationsCsvInput {
  return {
    documents: [doc('a', 'Doc A'), doc('b', 'Doc B')],
    texts: new Map([
      ['a', TEXT_A],
      ['b', TEXT_B],
    ]),
    annotations,
    categories: CATEGORIES,
    utcOffsetMinutes: () => offset,
  };
}

/** Rows as a spreadsheet would see them (no formula-guard removal). */
function rawRows(csv: string): string[][] {
  return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
}

describe('annotationsToCsv: file format', () => {
  const csv = annotationsToCsv(
    input([annotation('a', TEXT_A, '政府表示', { note: 'line one\nline two' })]),
  );

  it('starts with a UTF-8 BOM and the header in the documented order', () => {
    expect(csv.startsWith('\uFEFF' + HEADER + '\r\n')).toBe(true);
    expect(CSV_COLUMNS.join(',')).toBe(HEADER);
  });

  it('ends every record, the last one included, with CRLF', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    // The only bare LF is the one inside the quoted note.
    expect(csv.replace(/\r\n/g, '').split('\n')).toHaveLength(2);
  });

  it('writes just the header when there is nothing to export', () => {
    expect(annotationsToCsv(input([]))).toBe('\uFEFF' + HEADER + '\r\n');
  });

  it('quotes cells with commas, quotes, CR or LF and doubles inner quotes', () => {
    const csv = annotationsToCsv(
      input([
        annotation('a', TEXT_A, '，"明年"经济', { note: 'a, b' }),
        annotation('b', TEXT_B, 'claim', { note: 'x\r\ny' }),
      ]),
    );
    expect(csv).toContain(',"，""明年""经济",');
    expect(csv).toContain(',"a, b",');
    expect(csv).toContain(',"x\r\ny",');
  });
});

describe('annotationsToCsv: content', () => {
  it('names the coder who made each annotation, guarded like any text cell', () => {
    const csv = annotationsToCsv(
      input([
        annotation('a', TEXT_A, '政府表示', { createdBy: '李明', updatedBy: 'Ana' }),
        annotation('b', TEXT_B, 'claim', { createdBy: '=Ana' }),
        annotation('b', TEXT_B, 'Plain'),
      ]),
    );
    expect(parseAnnotationsCsv(csv).map((r) => [r.quote, r.coder])).toEqual([
      ['政府表示', '李明'],
      ['Plain', ''],
      ['claim', '=Ana'],
    ]);
    expect(rawRows(csv)[3]?.at(-1)).toBe("'=Ana");
  });

  it('orders rows by document as given, then by start', () => {
    const csv = annotationsToCsv(
      input([
        annotation('b', TEXT_B, 'claim'),
        annotation('a', TEXT_A, '结尾'),
        annotation('b', TEXT_B, 'Plain'),
        annotation('a', TEXT_A, '前言'),
        annotation('z', TEXT_B, 'text'), // document not exported
      ]),
    );
    expect(rawRows(csv).map((r) => r[5])).toEqual(['quote', '前言', '结尾', 'Plain', 'claim']);
  });

  it('writes document fields and category names in codebook order', () => {
    const a = annotation('a', TEXT_A, '经济增长', {
      categoryIds: ['c-gov', 'missing', 'c-claim', 'c-econ'],
    });
    const row = parseAnnotationsCsv(annotationsToCsv(input([a])))[0];
    expect(row).toMatchObject({
      annotation_id: 'a-经济增长',
      document_title: 'Doc A',
      document_file: 'a.txt',
      document_sha256: 'sha-a',
      categories: '事实声明; Economy; Government',
    });
  });

  it('gives start and end in code points, so that Python slicing returns the quote', () => {
    for (const quote of ['政府表示', '😀 结尾', '前言𠀀', '𠀀：', '结尾']) {
      const a = annotation('a', TEXT_A, quote);
      const row = parseAnnotationsCsv(annotationsToCsv(input([a])))[0];
      expect([...TEXT_A].slice(Number(row?.start), Number(row?.end)).join('')).toBe(quote);
    }
    // '政府表示' is at UTF-16 offset 7 but code point 5 (each '𠀀' counts once).
    const row = parseAnnotationsCsv(annotationsToCsv(input([annotation('a', TEXT_A, '政府表示')])));
    expect(TEXT_A.indexOf('政府表示')).toBe(7);
    expect([row[0]?.start, row[0]?.end]).toEqual(['5', '9']);
  });

  it('refuses to export a document whose text is missing', () => {
    const bad = { ...input([annotation('a', TEXT_A, '前言')]), texts: new Map() };
    expect(() => annotationsToCsv(bad)).toThrow(/No text for document "Doc A"/);
  });
});

describe('annotationsToCsv: formula neutralisation', () => {
  it.each(['=', '+', '-', '@', '\t', '\r', '\n', '\0', '\u0001=', '\u001f+', '\0-'])(
    'prefixes a text cell starting with %j',
    (c) => {
      const a = annotation('b', TEXT_B, 'claim', { note: `${c}SUM(A1)`, id: `${c}id` });
      const [, row] = rawRows(annotationsToCsv(input([a])));
      expect(row?.[0]).toBe(`'${c}id`);
      expect(row?.[6]).toBe(`'${c}SUM(A1)`);
    },
  );

  it('leaves other cells, and the numeric offsets, alone', () => {
    const a = annotation('b', TEXT_B, 'claim', { note: "it's 1+1=2", prefix: '' });
    const [, row] = rawRows(annotationsToCsv(input([a])));
    expect(row?.[6]).toBe("it's 1+1=2");
    expect(row?.[7]).toBe('');
    expect(row?.slice(9, 11)).toEqual(['27', '32']);
  });

  it('guards a cell that starts with an apostrophe before a trigger', () => {
    const a = annotation('b', TEXT_B, 'claim', { note: "'=1" });
    expect(rawRows(annotationsToCsv(input([a])))[1]?.[6]).toBe("''=1");
  });
});

describe('formatTimestamp', () => {
  it.each([
    [480, '2026-11-22T21:00:05+08:00'],
    [-300, '2026-11-22T08:00:05-05:00'],
    [0, '2026-11-22T13:00:05+00:00'],
    [330, '2026-11-22T18:30:05+05:30'],
    [-600, '2026-11-22T03:00:05-10:00'],
  ])('formats with offset %i minutes as %s', (offset, expected) => {
    expect(formatTimestamp('2026-11-22T13:00:05.123Z', () => offset)).toBe(expected);
  });

  it('crosses midnight and the year end', () => {
    expect(formatTimestamp('2026-12-31T20:00:00.000Z', () => 480)).toBe(
      '2027-01-01T04:00:00+08:00',
    );
  });

  it('asks for the offset at the instant itself (daylight saving)', () => {
    const seen: string[] = [];
    formatTimestamp('2026-07-01T12:00:00.000Z', (d) => {
      seen.push(d.toISOString());
      return 0;
    });
    expect(seen).toEqual(['2026-07-01T12:00:00.000Z']);
  });

  it('is used for both timestamp columns', () => {
    const a = annotation('b', TEXT_B, 'claim', { updatedAt: '2026-11-23T01:02:03.000Z' });
    const row = parseAnnotationsCsv(annotationsToCsv(input([a], -300)))[0];
    expect(row?.created_at).toBe('2026-11-22T08:00:05-05:00');
    expect(row?.updated_at).toBe('2026-11-22T20:02:03-05:00');
  });
});

describe('parseAnnotationsCsv', () => {
  it('reads back what was written, guard apostrophes removed', () => {
    const notes = ['=HYPERLINK("http://x")', "'=1", "'plain", '-5', '多行\n备注, "引号"', ''];
    const annotations = notes.map((note, i) =>
      annotation('a', TEXT_A, i % 2 ? '经济增长' : '政府表示', { note, id: `id-${i}` }),
    );
    annotations.push(annotation('a', TEXT_A, '"明年"', { id: '@x', categoryIds: ['c-claim'] }));
    const rows = parseAnnotationsCsv(annotationsToCsv(input(annotations)));
    expect(rows).toHaveLength(annotations.length);
    const byId = new Map(rows.map((r) => [r.annotation_id, r]));
    notes.forEach((note, i) => expect(byId.get(`id-${i}`)?.note).toBe(note));
    expect(byId.get('@x')).toMatchObject({ quote: '"明年"', categories: '事实声明' });
    expect(byId.get('id-0')).toMatchObject({ quote: '政府表示', prefix: '前言𠀀𠀀：' });
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
  });

  it('accepts the file without its BOM', () => {
    const csv = annotationsToCsv(input([annotation('b', TEXT_B, 'claim')]));
    expect(parseAnnotationsCsv(csv.slice(1))).toEqual(parseAnnotationsCsv(csv));
  });

  it('reads a CSV exported before the page column existed, page empty', () => {
    // As Claimmark wrote it before PDF import: no `page` between `section` and `status`.
    const csv =
      '\uFEFFannotation_id,document_title,document_file,document_sha256,categories,quote,note,' +
      'prefix,suffix,start,end,created_at,updated_at,source_line,source_column,section,' +
      'status,speaker,evidence,quantities,value,unit,repeated_in,conflicts_with,coder\r\n' +
      'a1,工业报告,report.txt,abc,事实声明,增长5.8%,,同比,，比上半年,12,18,' +
      '2026-11-22T21:00:05+08:00,2026-11-22T21:00:05+08:00,3,7,工业增加值,' +
      'supported,国家统计局,,5.8%=5.8 %,5.8,%,,,张三\r\n';
    const [row] = parseAnnotationsCsv(csv);
    expect(row).toMatchObject({
      annotation_id: 'a1',
      quote: '增长5.8%',
      section: '工业增加值',
      page: '',
      status: 'supported',
      speaker: '国家统计局',
      coder: '张三',
    });
  });

  it('reads the oldest column set, every later column empty', () => {
    const first = HEADER.slice(0, HEADER.indexOf(',source_line'));
    const [row] = parseAnnotationsCsv(`${first}\r\na1,T,t.txt,abc,,quote,,,,0,5,x,y\r\n`);
    expect(row).toMatchObject({ annotation_id: 'a1', quote: 'quote', end: '5', coder: '' });
  });

  it('finds cells by their header, not their position', () => {
    const csv = annotationsToCsv(input([annotation('b', TEXT_B, 'claim')]));
    const [head = '', line = ''] = csv.slice(1).split('\r\n');
    const swap = (cells: string[]) => [
      cells[10],
      cells[9],
      ...cells.slice(0, 9),
      ...cells.slice(11),
    ];
    const reordered = `${swap(head.split(',')).join(',')}\r\n${swap(line.split(',')).join(',')}\r\n`;
    expect(parseAnnotationsCsv(reordered)).toEqual(parseAnnotationsCsv(csv));
  });

  it('refuses a file whose header differs', () => {
    expect(() => parseAnnotationsCsv('id,quote\r\n1,x\r\n')).toThrow(/expected the header/);
    expect(() => parseAnnotationsCsv(`${HEADER},extra\r\n`)).toThrow(/found "annotation_id/);
    expect(() => parseAnnotationsCsv(`${HEADER},quote\r\n`)).toThrow(/Not a Claimmark/);
    const noQuote = HEADER.replace(',quote', '');
    expect(() => parseAnnotationsCsv(`${noQuote}\r\n`)).toThrow(/Not a Claimmark/);
    expect(() => parseAnnotationsCsv('')).toThrow(/Not a Claimmark annotations CSV/);
  });

  it('refuses a row with the wrong number of cells', () => {
    expect(() => parseAnnotationsCsv(`${HEADER}\r\na,b,c\r\n`)).toThrow(/Row 1 .* 3 cells/);
  });
});

describe('annotationsToCsv: where a quote stands in the file', () => {
  // Hard-wrapped as printed: the quote "增长百分之五" crosses a line break.
  const ORIGINAL = '经济稳步增长\n\n𠀀全区地区生产总值同比增\n长百分之五，增速居全国前\n列。';
  const SHOWN = '经济稳步增长\n𠀀全区地区生产总值同比增长百分之五，增速居全国前列。';
  const reflowed = reflow(ORIGINAL);

  function exportOne(a: Annotation, original = true): Record<string, string> {
    const d = { ...doc('r', 'Reflowed') };
    const csv = annotationsToCsv({
      documents: [d],
      texts: new Map([['r', SHOWN]]),
      originals: original
        ? new Map([['r', { docId: 'r', text: ORIGINAL, map: reflowed.map }]])
        : undefined,
      annotations: [a],
      categories: [],
      utcOffsetMinutes: () => 0,
    });
    const [row] = parseAnnotationsCsv(csv);
    if (!row) throw new Error('no row');
    return row;
  }

  it('gives the 1-based line and code-point column of the quote in the original file', () => {
    expect(reflowed.text).toBe(SHOWN);
    const row = exportOne(annotation('r', SHOWN, '增长百分之五'));
    expect(row.quote).toBe('增长百分之五');
    // "增" is the last character of line 3, after 𠀀 (one code point) and 10 others.
    expect([row.source_line, row.source_column]).toEqual(['3', '12']);
    expect(row.section).toBe('经济稳步增长');
  });

  it('leaves the position cells of an orphan empty', () => {
    const row = exportOne({ ...annotation('r', SHOWN, '增速'), orphaned: true });
    expect([row.start, row.end, row.source_line, row.source_column, row.section]).toEqual([
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(row.quote).toBe('增速');
  });
});

describe('annotationsToCsv: claim fields', () => {
  it('writes status, speaker and evidence, neutralising a formula in the evidence', () => {
    const a = {
      ...annotation('a', TEXT_A, '经济增长'),
      status: 'disputed' as const,
      speaker: '国家统计局 (NBS)',
      evidence: '=HYPERLINK("http://example.org")',
    };
    const [row] = parseAnnotationsCsv(annotationsToCsv(input([a])));
    expect([row?.status, row?.speaker, row?.evidence]).toEqual([
      'disputed',
      '国家统计局 (NBS)',
      '=HYPERLINK("http://example.org")',
    ]);
    expect(annotationsToCsv(input([a]))).toContain(`"'=HYPERLINK(""http://example.org"")"`);
  });
});

describe('annotationsToCsv: figures and the same claim elsewhere', () => {
  const TEXT = '去年全区新能源装机达到1.35亿千瓦，绿电消费接近用电量的30%。';
  const a = annotation('a', TEXT, '新能源装机达到1.35亿千瓦，绿电消费接近用电量的30%');

  it('writes every figure of the quote, and the first one’s value and unit', () => {
    const csv = annotationsToCsv({ ...input([a]), texts: new Map([['a', TEXT]]) });
    const [row] = parseAnnotationsCsv(csv);
    expect(row?.quantities).toBe('1.35亿千瓦=135000000 千瓦; 30%=30 %');
    expect([row?.value, row?.unit]).toEqual(['135000000', '千瓦']);
  });

  it('names the documents that repeat the claim and those that give another figure', () => {
    const links = new Map([
      [a.id, { repeatedIn: ['经济日报', '新华社'], conflictsWith: ['=旧稿'] }],
    ]);
    const csv = annotationsToCsv({ ...input([a]), texts: new Map([['a', TEXT]]), links });
    const [row] = parseAnnotationsCsv(csv);
    expect([row?.repeated_in, row?.conflicts_with]).toEqual(['经济日报; 新华社', '=旧稿']);
    expect(csv).toContain(",'=旧稿");
  });
});

describe('the page column', () => {
  it('gives the page of each annotation in a paged document, nothing for a text one', () => {
    const paged = 'Page one text.\nPage two starts here and has the claim.';
    const rows = annotationRows({
      documents: [{ ...doc('p', 'Paged'), format: 'pdf', pages: [0, 15] }, doc('b', 'Doc B')],
      texts: new Map([
        ['p', paged],
        ['b', TEXT_B],
      ]),
      annotations: [
        annotation('p', paged, 'one'),
        annotation('p', paged, 'the claim'),
        annotation('b', TEXT_B, 'claim'),
      ],
      categories: [],
      utcOffsetMinutes: () => 0,
    });
    expect(rows.map((r) => [r.quote, r.page])).toEqual([
      ['one', 1],
      ['the claim', 2],
      ['claim', null],
    ]);
  });
});
