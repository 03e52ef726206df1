/**
 * A small library for the workbook tests: Chinese and English text, a quote
 * starting with "=", an id of long digits, "1-5" that Excel would turn into a
 * date, a figure, an orphan, a subcategory.
 */
import type { AnnotationsCsvInput } from '../../shared/csv';
import type { Annotation, Category, DocumentRecord } from '../../shared/types';

export const TEXT_ZH = '国家能源局表示，今年新增装机1.35亿千瓦，同比增长30%。';
export const TEXT_EN = 'Officials said =SUM(A1:A9) was the formula; grades 1-5 apply.';

function doc(id: string, title: string, addedAt: string): DocumentRecord {
  return {
    id,
    sha256: `${id}`.padEnd(64, '0'),
    title,
    fileName: `${id}.txt`,
    encoding: 'utf-8',
    bom: false,
    length: 0,
    addedAt,
    reflow: null,
  };
}

export const CATEGORIES: Category[] = [
  {
    id: 'c1',
    name: '事实声明',
    color: '#e15759',
    description: '可核实的事实',
    order: 0,
    parentId: null,
  },
  {
    id: 'c2',
    name: 'Statistic',
    color: '#4e79a7',
    description: '=a figure',
    order: 1,
    parentId: 'c1',
  },
  { id: 'c3', name: 'Opinion', color: '#59a14f', description: '', order: 2, parentId: null },
];

function annotation(
  id: string,
  docId: string,
  text: string,
  quote: string,
  extra: Partial<Annotation> = {},
): Annotation {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return {
    id,
    docId,
    start,
    end: start + quote.length,
    quote,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(start + quote.length, start + quote.length + 32),
    categoryIds: ['c1'],
    note: '',
    createdAt: '2026-11-22T13:00:05.000Z',
    updatedAt: '2026-11-23T01:30:00.000Z',
    status: 'unverified',
    speaker: '',
    evidence: '',
    ...extra,
  };
}

export const ANNOTATIONS: Annotation[] = [
  annotation('a-zh', 'zh', TEXT_ZH, '今年新增装机1.35亿千瓦', {
    categoryIds: ['c1', 'c2'],
    note: '核对：国家能源局公报',
    speaker: '国家能源局',
  }),
  annotation('123456789012345678', 'en', TEXT_EN, '=SUM(A1:A9)', {
    note: '-not a formula either',
    categoryIds: ['c3'],
  }),
  annotation('a-range', 'en', TEXT_EN, '1-5', { status: 'disputed', evidence: '@source' }),
  annotation('a-orphan', 'en', TEXT_EN, 'Officials', { orphaned: true }),
];

export function fixtureInput(offsetMinutes = 480): AnnotationsCsvInput {
  return {
    documents: [
      doc('zh', '能源报道', '2026-11-20T00:00:00.000Z'),
      doc('en', 'Formula test', '2026-11-21T00:00:00.000Z'),
    ],
    texts: new Map([
      ['zh', TEXT_ZH],
      ['en', TEXT_EN],
    ]),
    annotations: ANNOTATIONS,
    categories: CATEGORIES,
    utcOffsetMinutes: () => offsetMinutes,
  };
}
