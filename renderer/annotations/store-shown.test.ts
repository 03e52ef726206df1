import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/types';
import { ClaimmarkDB } from '../db/db';
import { DocumentAnnotations } from '../db/document-annotations';
import { AnnotationStore, DocumentGoneError } from './store';

// The store paints the open document's changes before it writes them: these
// tests look at what the screen would show between the key press and the commit.
const DOC = 'doc-1';
const TEXT =
  '国家统计局今日发布数据显示，去年全国粮食总产量达到13908亿斤，比上年增加177.6亿斤，增长1.3%。';

let db: ClaimmarkDB;
let store: AnnotationStore;
let model: DocumentAnnotations;
let shown: Annotation[];

const spans = () => shown.map((a) => `${a.start}-${a.end}:${a.categoryIds.join('+')}`);

beforeEach(async () => {
  db = new ClaimmarkDB(`store-shown-${crypto.randomUUID()}`);
  await db.open();
  await db.documents.add({
    id: DOC,
    sha256: '0'.repeat(64),
    title: '统计公报',
    fileName: 'a.txt',
    encoding: 'utf-8',
    bom: false,
    length: TEXT.length,
    addedAt: '2026-12-01T00:00:00.000Z',
    reflow: null,
  });
  shown = [];
  model = new DocumentAnnotations(db, DOC, (list) => (shown = list));
  await model.loaded;
  store = new AnnotationStore(
    db,
    () => new Date('2026-12-01T00:00:00Z'),
    () => model,
  );
});

afterEach(async () => {
  model.close();
  db.close();
  await Dexie.delete(db.name);
});

describe('changes shown before they are written', () => {
  it('a new highlight is on screen before its transaction, and stored after', async () => {
    const writing = store.create(DOC, TEXT, 25, 33, 'c1');
    expect(spans()).toEqual(['25-33:c1']);
    expect(await db.annotations.count()).toBe(0);
    const made = await writing;
    expect(await db.annotations.get(made.id)).toMatchObject({ start: 25, end: 33 });
    await model.idle();
    expect(spans()).toEqual(['25-33:c1']);
  });

  it('a second key press finds the annotation the first made before it is stored', async () => {
    const first = store.create(DOC, TEXT, 25, 33, 'c1');
    const found = await store.findSpan(DOC, 25, 33);
    expect(found).toBeDefined();
    const second = store.update(found!, { categoryIds: ['c1', 'c2'] });
    expect(spans()).toEqual(['25-33:c1+c2']);
    await Promise.all([first, second]);
    expect((await db.annotations.toArray()).map((a) => a.categoryIds)).toEqual([['c1', 'c2']]);
  });

  it('keeps text order while shown ahead of the database', async () => {
    await store.create(DOC, TEXT, 40, 45, 'c1');
    await store.create(DOC, TEXT, 2, 5, 'c1');
    const pending = store.create(DOC, TEXT, 10, 12, 'c2');
    expect(spans()).toEqual(['2-5:c1', '10-12:c2', '40-45:c1']);
    await pending;
  });

  it('a failed write takes the highlight back', async () => {
    await db.documents.delete(DOC);
    const writing = store.create(DOC, TEXT, 25, 33, 'c1');
    expect(spans()).toEqual(['25-33:c1']);
    await expect(writing).rejects.toBeInstanceOf(DocumentGoneError);
    expect(spans()).toEqual([]);
    expect(store.history.canUndo).toBe(false);
  });

  it('a deletion disappears at once, and Ctrl+Z pressed before it is stored brings it back', async () => {
    const a = await store.create(DOC, TEXT, 25, 33, 'c1');
    const removing = store.remove(a);
    expect(spans()).toEqual([]);
    const undoing = store.undo();
    await removing;
    expect(await undoing).toMatchObject({ label: 'delete' });
    expect(spans()).toEqual(['25-33:c1']);
    expect(await db.annotations.get(a.id)).toMatchObject({ start: 25 });
  });

  it('an undo of a change made meanwhile in another window is taken back from the screen', async () => {
    const a = await store.create(DOC, TEXT, 25, 33, 'c1');
    await db.annotations.put({ ...a, categoryIds: ['c3'] });
    await model.idle();
    expect(await store.undo()).toBe('stale');
    await model.idle();
    expect(spans()).toEqual(['25-33:c3']);
  });

  it('what was written wins over what was shown when another window changed the record', async () => {
    const a = await store.create(DOC, TEXT, 25, 33, 'c1');
    // Stored elsewhere, not yet read here: the edit below merges with it.
    await db.annotations.put({ ...a, note: 'from the other window' });
    await store.update(a, { categoryIds: ['c1', 'c2'] });
    await model.idle();
    expect(shown[0]).toMatchObject({ note: 'from the other window', categoryIds: ['c1', 'c2'] });
  });
});
