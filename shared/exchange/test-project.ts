import type { Annotation, Category, DocumentRecord } from '../types';
import type { ProjectInput } from './qde-write';

/**
 * A small library for the REFI-QDA and Web Annotation tests: Chinese text with
 * characters outside the BMP (𠀀, 😀) before the quotes, so UTF-16 and code
 * point offsets differ; nested categories; two coders; a note, claim fields,
 * and an orphan.
 */
export const TEXT_A =
  '前言𠀀𠀀：政府表示，"明年"经济增长 5%。😀 结尾\n第二段：粮食总产量13908亿斤。';
export const TEXT_B = 'Plain English text about a claim & <markup>.';

const doc = (id: string, title: string, addedAt: string): DocumentRecord => ({
  id,
  sha256: '0'.repeat(64),
  title,
  fileName: `${title}.txt`,
  encoding: 'utf-8',
  bom: false,
  length: 0,
  addedAt,
  reflow: null,
});

export const DOC_A = doc(
  '6f1c2b3a-0000-4000-8000-00000000000a',
  '经济 "报道"',
  '2026-11-20T08:00:00.000Z',
);
export const DOC_B = doc(
  '6f1c2b3a-0000-4000-8000-00000000000b',
  'English & co',
  '2026-11-21T08:00:00.000Z',
);

export const CATEGORIES: Category[] = [
  {
    id: 'c-stat',
    name: 'Statistic 数据',
    color: '#e0a100',
    description: 'Numbers <as> fact',
    order: 0,
    parentId: null,
  },
  {
    id: 'c-stat-gdp',
    name: 'GDP',
    color: '#aa3300',
    description: '',
    order: 1,
    parentId: 'c-stat',
  },
  {
    id: '0b0e8c5e-1111-4222-8333-444455556666',
    name: 'Target 目标',
    color: '#2f8fd8',
    description: '',
    order: 2,
    parentId: null,
  },
];

function at(
  text: string,
  docId: string,
  quote: string,
  extra: Partial<Annotation> & { id: string },
): Annotation {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in text: ${quote}`);
  return {
    docId,
    start,
    end: start + quote.length,
    quote,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(start + quote.length, start + quote.length + 32),
    categoryIds: ['c-stat'],
    note: '',
    createdAt: '2026-11-22T13:00:05.123Z',
    updatedAt: '2026-11-22T13:00:05.123Z',
    status: 'unverified',
    speaker: '',
    evidence: '',
    createdBy: '李明',
    updatedBy: '李明',
    ...extra,
  };
}

export const ANNOTATIONS: Annotation[] = [
  at(TEXT_A, DOC_A.id, '经济增长 5%', {
    id: 'a0000000-0000-4000-8000-000000000001',
    categoryIds: ['c-stat', 'c-stat-gdp'],
    note: '需要核实\r\n第二行 & <b>',
    status: 'disputed',
    speaker: '政府',
    evidence: 'http://example.org/a\nsecond line',
    updatedBy: 'Ana',
    updatedAt: '2026-11-23T09:00:00.000Z',
  }),
  at(TEXT_A, DOC_A.id, '😀 结尾', { id: 'a0000000-0000-4000-8000-000000000002', categoryIds: [] }),
  at(TEXT_A, DOC_A.id, '13908亿斤', {
    id: 'a0000000-0000-4000-8000-000000000003',
    categoryIds: ['0b0e8c5e-1111-4222-8333-444455556666'],
    createdBy: '',
    updatedBy: '',
  }),
  at(TEXT_B, DOC_B.id, 'claim & <markup>', {
    id: 'not-a-uuid',
    createdBy: 'Ana',
    updatedBy: 'Ana',
  }),
  {
    ...at(TEXT_B, DOC_B.id, 'Plain', { id: 'a0000000-0000-4000-8000-000000000005' }),
    quote: 'gone words',
    orphaned: true,
  },
];

export const PROJECT: ProjectInput = {
  name: 'Claimmark library',
  documents: [
    { doc: DOC_A, text: TEXT_A },
    { doc: DOC_B, text: TEXT_B },
  ],
  annotations: ANNOTATIONS,
  categories: CATEGORIES,
  now: new Date('2026-12-01T00:00:00Z'),
};
