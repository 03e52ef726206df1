import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, DocumentRecord } from '../../shared/types';
import { ClaimmarkDB } from '../db/db';
import { deleteDocument, sortDocuments } from './library-actions';

function doc(id: string, title: string, addedAt: string): DocumentRecord {
  return {
    id,
    sha256: `sha-${id}`,
    title,
    fileName: `${id}.txt`,
    encoding: 'utf-8',
    bom: false,
    length: title.length,
    addedAt,
    reflow: null,
  };
}

function annotation(id: string, docId: string): Annotation {
  return {
    id,
    docId,
    start: 0,
    end: 1,
    quote: 'q',
    prefix: '',
    suffix: '',
    categoryIds: ['c'],
    note: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    status: 'unverified',
    speaker: '',
    evidence: '',
  };
}

describe('deleteDocument', () => {
  let db: ClaimmarkDB;

  beforeEach(async () => {
    db = new ClaimmarkDB(`library-test-${crypto.randomUUID()}`);
    await db.open();
    for (const id of ['d1', 'd2']) {
      await db.documents.add(doc(id, `Title ${id}`, '2026-01-01T00:00:00.000Z'));
      await db.texts.add({ docId: id, text: `text of ${id}` });
      await db.sources.add({ docId: id, bytes: new TextEncoder().encode(`text of ${id}`) });
    }
    await db.annotations.bulkAdd([
      annotation('a1', 'd1'),
      annotation('a2', 'd1'),
      annotation('a3', 'd1'),
      annotation('b1', 'd2'),
      annotation('b2', 'd2'),
    ]);
  });

  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('removes the document with its text, bytes and annotations, and returns how many annotations went', async () => {
    expect(await deleteDocument(db, 'd1')).toBe(3);

    expect(await db.documents.get('d1')).toBeUndefined();
    expect(await db.texts.get('d1')).toBeUndefined();
    expect(await db.sources.get('d1')).toBeUndefined();
    expect(await db.annotations.where('docId').equals('d1').count()).toBe(0);
  });

  it('leaves other documents and their annotations alone', async () => {
    await deleteDocument(db, 'd1');

    expect(await db.documents.get('d2')).toEqual(doc('d2', 'Title d2', '2026-01-01T00:00:00.000Z'));
    expect((await db.texts.get('d2'))?.text).toBe('text of d2');
    expect(await db.sources.get('d2')).toBeDefined();
    expect((await db.annotations.toArray()).map((a) => a.id).sort()).toEqual(['b1', 'b2']);
  });

  it('deletes a document without annotations and returns 0', async () => {
    await db.annotations.where('docId').equals('d2').delete();
    expect(await deleteDocument(db, 'd2')).toBe(0);
    expect(await db.documents.count()).toBe(1);
    expect(await db.annotations.count()).toBe(3);
  });
});

describe('sortDocuments', () => {
  const docs = [
    doc('b', '上海经济稳步增长', '2026-01-02T09:00:00.000Z'),
    doc('a', '北京发布新规', '2026-01-01T09:00:00.000Z'),
    doc('d', '中国粮食产量创新高', '2026-01-04T09:00:00.000Z'),
    doc('c', 'Annual report', '2026-01-03T09:00:00.000Z'),
  ];
  const ids = (list: readonly DocumentRecord[]) => list.map((d) => d.id);

  it('sorts newest first', () => {
    expect(ids(sortDocuments(docs, 'newest', 'en'))).toEqual(['d', 'c', 'b', 'a']);
  });

  it('sorts oldest first', () => {
    expect(ids(sortDocuments(docs, 'oldest', 'en'))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sorts Chinese titles by pinyin with the zh-CN collator (北京 < 上海 < 中国)', () => {
    const sorted = sortDocuments(docs, 'title', 'zh-CN');
    // (Where Latin titles go relative to Han ones is the collator's business.)
    expect(sorted.map((d) => d.title).filter((t) => !t.startsWith('Annual'))).toEqual([
      '北京发布新规',
      '上海经济稳步增长',
      '中国粮食产量创新高',
    ]);
    expect(sorted).toHaveLength(4);
  });

  it('sorts titles with numbers naturally and ignores case', () => {
    const list = [
      doc('1', 'report 10', '2026-01-01T00:00:00.000Z'),
      doc('2', 'Report 2', '2026-01-01T00:00:00.000Z'),
      doc('3', 'report 1', '2026-01-01T00:00:00.000Z'),
    ];
    expect(sortDocuments(list, 'title', 'en').map((d) => d.title)).toEqual([
      'report 1',
      'Report 2',
      'report 10',
    ]);
  });

  it('returns a new array and leaves the input order alone', () => {
    const input = [...docs];
    const sorted = sortDocuments(input, 'oldest', 'zh-CN');
    expect(sorted).not.toBe(input);
    expect(ids(input)).toEqual(['b', 'a', 'd', 'c']);
  });
});
