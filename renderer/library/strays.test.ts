import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AnnotationStore, DocumentGoneError } from '../annotations/store';
import { deleteDocument } from './library-actions';
import { deleteStrays, strayAnnotations } from './strays';
import { freshDatabases } from '../db/fresh-db';

const freshDb = freshDatabases('strays');

const TEXT = '去年全区新能源装机达到1.35亿千瓦。';

async function withDocument() {
  const db = freshDb();
  await db.documents.add({
    id: 'd1',
    sha256: 'a'.repeat(64),
    title: '专访',
    fileName: 'a.txt',
    encoding: 'utf-8',
    bom: false,
    length: TEXT.length,
    addedAt: '2026-12-01T00:00:00.000Z',
    reflow: null,
  });
  await db.texts.add({ docId: 'd1', text: TEXT });
  return { db, store: new AnnotationStore(db) };
}

describe('annotations of a deleted document', () => {
  it('are never written: tags queued behind a deletion fail and leave nothing behind', async () => {
    const { db, store } = await withDocument();
    const first = store.create('d1', TEXT, 0, 4, 'c1');
    // The deletion lands between the key presses, as from another tab.
    const deletion = deleteDocument(db, 'd1');
    const later = Array.from({ length: 40 }, (_, i) =>
      store.create('d1', TEXT, i % 10, (i % 10) + 3, 'c1'),
    );
    await first;
    await deletion;
    const results = await Promise.allSettled(later);
    expect(
      results.every((r) => r.status === 'rejected' && r.reason instanceof DocumentGoneError),
    ).toBe(true);
    await expect(store.dismiss('d1', '一句。')).rejects.toBeInstanceOf(DocumentGoneError);
    expect(await db.annotations.count()).toBe(0);
    expect(await db.dismissals.count()).toBe(0);
  });

  it('left by an older version are found and deleted on request only', async () => {
    const { db, store } = await withDocument();
    const kept = await store.create('d1', TEXT, 0, 4, 'c1');
    const stray = { ...kept, id: 'stray', docId: 'gone' };
    await db.annotations.add(stray);
    await db.dismissals.add({ id: 'gone\nx', docId: 'gone', quote: 'x', at: kept.createdAt });
    expect((await strayAnnotations(db)).map((a) => a.id)).toEqual(['stray']);
    expect(await deleteStrays(db, ['stray', kept.id])).toBe(1);
    expect((await db.annotations.toArray()).map((a) => a.id)).toEqual([kept.id]);
    expect(await db.dismissals.count()).toBe(0);
  });
});

describe('strayAnnotations in a larger library', () => {
  it('finds strays whose document id sorts before, between and after the documents', async () => {
    const db = freshDb();
    // More documents than one slice of the check asks about at a time.
    const ids = Array.from({ length: 250 }, (_, i) => `doc-${String(i).padStart(3, '0')}`);
    await db.documents.bulkAdd(
      ids.map((id) => ({
        id,
        sha256: id,
        title: id,
        fileName: `${id}.txt`,
        encoding: 'utf-8' as const,
        bom: false,
        length: 1,
        addedAt: '2026-12-01T00:00:00.000Z',
        reflow: null,
      })),
    );
    const note = (id: string, docId: string) => ({
      id,
      docId,
      start: 0,
      end: 1,
      quote: 'x',
      prefix: '',
      suffix: '',
      categoryIds: ['c1'],
      note: '',
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
      status: 'unverified' as const,
      speaker: '',
      evidence: '',
    });
    await db.annotations.bulkAdd([
      ...ids.map((id) => note(`kept-${id}`, id)),
      note('before', 'a-gone'),
      note('between', 'doc-120x'),
      note('between-too', 'doc-120x'),
      note('last-gap', 'doc-249-old'),
      note('after', 'zz-gone'),
    ]);
    const strays = (await strayAnnotations(db)).map((a) => a.id).sort();
    expect(strays).toEqual(['after', 'before', 'between', 'between-too', 'last-gap']);

    await db.annotations.bulkDelete(strays);
    expect(await strayAnnotations(db)).toEqual([]);
    // With no document left, every annotation is a stray.
    await db.documents.clear();
    expect(await strayAnnotations(db)).toHaveLength(250);
  });
});
