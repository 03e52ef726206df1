import { figureRecords } from '../../shared/claims/link';
import { findQuantities } from '../../shared/claims/quantity';
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/types';
import { ClaimmarkDB } from '../db/db';
import { AnnotationStore, EditConflictError } from './store';
import { UndoHistory } from './undo';

const STAMP = '2026-01-02T03:04:05.000Z';
const DOC = 'doc-1';
// 40 characters of context on each side, so the stored 32-character prefix and
// suffix are cut from the text rather than being the whole text.
const BEFORE = '新华社北京1月2日电 国家统计局今日发布数据显示，去年全国粮食总产量达到了';
const QUOTE = '13908亿斤';
const AFTER =
  '，比上年增加177.6亿斤，增长1.3%。专家认为这一成绩来之不易，值得肯定。后续还会发布更多数据。';
const TEXT = BEFORE + QUOTE + AFTER;
const START = BEFORE.length;
const END = START + QUOTE.length;

let db: ClaimmarkDB;
let store: AnnotationStore;

beforeEach(async () => {
  db = new ClaimmarkDB(`store-test-${crypto.randomUUID()}`);
  await db.open();
  // Annotations are written only for a document that exists.
  await db.documents.add({
    id: DOC,
    sha256: '0'.repeat(64),
    title: '统计公报',
    fileName: 'a.txt',
    encoding: 'utf-8',
    bom: false,
    length: TEXT.length,
    addedAt: STAMP,
    reflow: null,
  });
  store = new AnnotationStore(db, () => new Date('2026-01-02T03:04:05Z'));
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const stored = (id: string): Promise<Annotation | undefined> => db.annotations.get(id);

/** Types a note one character at a time, the way the note field reports it. */
async function typeNote(a: Annotation, text: string): Promise<Annotation> {
  let current = a;
  for (let i = 1; i <= text.length; i++) {
    current = await store.update(current, { note: a.note + text.slice(0, i) }, `note:${a.id}`);
  }
  return current;
}

describe('AnnotationStore.create', () => {
  it('stores the quote with 32 characters of context on each side and one category', async () => {
    expect(BEFORE.length).toBeGreaterThan(32);
    expect(AFTER.length).toBeGreaterThan(32);

    const a = await store.create(DOC, TEXT, START, END, 'cat-stat');

    expect(a.quote).toBe('13908亿斤');
    expect(a.prefix).toBe(BEFORE.slice(-32));
    expect(a.suffix).toBe(AFTER.slice(0, 32));
    expect(a).toMatchObject({
      docId: DOC,
      start: START,
      end: END,
      categoryIds: ['cat-stat'],
      note: '',
      createdAt: STAMP,
      updatedAt: STAMP,
      status: 'unverified',
      speaker: '',
      evidence: '',
    });
    expect(await stored(a.id)).toEqual(a);
  });

  it('takes shorter context at the edges of the text', async () => {
    const a = await store.create(DOC, 'GDP grew 5%.', 0, 3, 'c');
    expect(a).toMatchObject({ quote: 'GDP', prefix: '', suffix: ' grew 5%.' });
  });

  it('gives every annotation its own id', async () => {
    const a = await store.create(DOC, TEXT, 0, 3, 'c');
    const b = await store.create(DOC, TEXT, 0, 3, 'c');
    expect(a.id).not.toBe(b.id);
    expect(await db.annotations.count()).toBe(2);
  });

  it('is undone by removing the annotation, and redone by putting it back', async () => {
    const a = await store.create(DOC, TEXT, START, END, 'c');
    await store.undo();
    expect(await stored(a.id)).toBeUndefined();
    await store.redo();
    expect(await stored(a.id)).toEqual(a);
  });
});

describe('the coder', () => {
  it('is recorded as the author of a new annotation, and as the one who changed it last', async () => {
    let coder = '李明';
    const coded = new AnnotationStore(
      db,
      () => new Date(STAMP),
      undefined,
      () => coder,
    );
    const a = await coded.create(DOC, TEXT, START, END, 'c1');
    expect(await stored(a.id)).toMatchObject({ createdBy: '李明', updatedBy: '李明' });
    coder = 'Ana';
    await coded.update(a, { note: 'checked' });
    expect(await stored(a.id)).toMatchObject({
      createdBy: '李明',
      updatedBy: 'Ana',
      note: 'checked',
    });
    // Undo puts back the record as it was, author of the change included.
    await coded.undo();
    expect(await stored(a.id)).toMatchObject({ updatedBy: '李明', note: '' });
  });
});

describe('AnnotationStore.update', () => {
  it('does not bring back an annotation deleted while an edit was on its way', async () => {
    const a = await store.create(DOC, TEXT, START, END, 'cat-a');
    await store.remove(a);
    await store.update(a, { note: 'typed after the delete' });
    expect(await stored(a.id)).toBeUndefined();
  });

  it('applies a patch to the stored record, keeping a note typed since the caller read it', async () => {
    const a = await store.create(DOC, TEXT, START, END, 'cat-a');
    await store.update(a, { note: 'fresh note' });
    await store.update(a, { categoryIds: ['cat-a', 'cat-b'] });
    expect(await stored(a.id)).toMatchObject({
      note: 'fresh note',
      categoryIds: ['cat-a', 'cat-b'],
    });
  });

  it('refuses to write over a note another window changed since the draft began', async () => {
    const a = await store.create(DOC, TEXT, START, END, 'cat-a');
    await store.update(a, { note: 'written in the other window' });
    await expect(
      store.update(a, { note: 'stale draft, one more key' }, undefined, { note: '' }),
    ).rejects.toBeInstanceOf(EditConflictError);
    expect((await stored(a.id))?.note).toBe('written in the other window');
    // The draft that grew from the stored note is written.
    await store.update(a, { note: 'mine' }, undefined, { note: 'written in the other window' });
    expect((await stored(a.id))?.note).toBe('mine');
  });

  it('adds a second category and stamps the change', async () => {
    let clock = new Date('2026-01-02T03:04:05Z');
    store = new AnnotationStore(db, () => clock);
    const a = await store.create(DOC, TEXT, START, END, 'cat-stat');
    clock = new Date('2026-01-03T00:00:00Z');

    const b = await store.update(a, { categoryIds: [...a.categoryIds, 'cat-policy'] });

    expect(await stored(a.id)).toEqual({
      ...a,
      categoryIds: ['cat-stat', 'cat-policy'],
      updatedAt: '2026-01-03T00:00:00.000Z',
      status: 'unverified',
      speaker: '',
      evidence: '',
    });
    expect(b.createdAt).toBe(STAMP);
  });

  it('undo restores the categories from before the change', async () => {
    const a = await store.create(DOC, TEXT, START, END, 'cat-stat');
    await store.update(a, { categoryIds: ['cat-stat', 'cat-policy'] });
    await store.undo();
    expect(await stored(a.id)).toEqual(a);
  });
});

describe('AnnotationStore delete, undo and redo', () => {
  it('undo brings the exact deleted record back; redo deletes it again', async () => {
    const created = await store.create(DOC, TEXT, START, END, 'cat-stat');
    const edited = await store.update(created, {
      categoryIds: ['cat-stat', 'cat-policy'],
      note: '核实来源',
    });
    const before = await stored(created.id);
    expect(before).toEqual(edited);

    await store.remove(edited);
    expect(await stored(created.id)).toBeUndefined();

    const undone = await store.undo();
    expect(undone !== 'stale' && undone?.label).toBe('delete');
    expect(await stored(created.id)).toEqual(before);

    const redone = await store.redo();
    expect(redone !== 'stale' && redone?.label).toBe('delete');
    expect(await stored(created.id)).toBeUndefined();

    // Undo again works after a redo.
    await store.undo();
    expect(await stored(created.id)).toEqual(before);
  });

  it('undo brings back a note whose write was still on its way when Delete was pressed', async () => {
    const created = await store.create(DOC, TEXT, START, END, 'cat-stat');
    // The row still shows the annotation without its note.
    const noting = store.update(created, { note: '谁要求的？' }, `note:${created.id}`);
    await store.remove(created);
    await noting;
    expect(await stored(created.id)).toBeUndefined();

    await store.undo();
    expect((await stored(created.id))?.note).toBe('谁要求的？');
  });

  it('deleting an annotation already gone adds no undo step that would bring it back', async () => {
    const created = await store.create(DOC, TEXT, START, END, 'cat-stat');
    await db.annotations.delete(created.id);
    await store.remove(created);
    await store.undo();
    expect(await stored(created.id)).toBeUndefined();
  });

  it('walks back through several steps in reverse order', async () => {
    const a = await store.create(DOC, TEXT, START, END, 'x');
    const b = await store.update(a, { categoryIds: ['x', 'y'] });
    await store.remove(b);

    await store.undo();
    expect(await stored(a.id)).toEqual(b);
    await store.undo();
    expect(await stored(a.id)).toEqual(a);
    await store.undo();
    expect(await stored(a.id)).toBeUndefined();
    expect(store.history.canUndo).toBe(false);
    expect(await store.undo()).toBeUndefined();
  });

  it('a new change after an undo clears redo', async () => {
    const a = await store.create(DOC, TEXT, START, END, 'x');
    const withY = await store.update(a, { categoryIds: ['x', 'y'] });
    await store.undo();
    expect(await stored(a.id)).toEqual(a);

    const withZ = await store.update(a, { categoryIds: ['x', 'z'] });
    expect(await store.redo()).toBeUndefined();
    expect(await stored(a.id)).toEqual(withZ);
    expect(await stored(a.id)).not.toEqual(withY);
  });

  it('keeps the step in history when writing the undo fails', async () => {
    const a = await store.create(DOC, TEXT, START, END, 'x');
    await store.update(a, { note: 'n' });
    db.close();
    await expect(store.undo()).rejects.toThrow();
    await db.open();
    // The failed undo did not lose the step: it can be tried again.
    await store.undo();
    expect(await stored(a.id)).toEqual(a);
  });
});

describe('note edits', () => {
  it('fold into one undo step that restores the note from before the first keystroke', async () => {
    const a = await store.create(DOC, TEXT, START, END, 'x');
    const withNote = await store.update(a, { note: '来源：' }, `note:${a.id}`);
    store.history.seal();

    const typed = await typeNote(withNote, '统计局');
    expect((await stored(a.id))?.note).toBe('来源：统计局');
    expect(typed.note).toBe('来源：统计局');

    await store.undo();
    expect(await stored(a.id)).toEqual(withNote);
    // The next undo goes to before the first (sealed) note step, then the creation.
    await store.undo();
    expect(await stored(a.id)).toEqual(a);
    await store.undo();
    expect(await stored(a.id)).toBeUndefined();
  });

  it('redo after a folded undo restores the last keystroke', async () => {
    const a = await store.create(DOC, TEXT, START, END, 'x');
    await typeNote(a, 'abc');
    await store.undo();
    expect((await stored(a.id))?.note).toBe('');
    await store.redo();
    expect((await stored(a.id))?.note).toBe('abc');
  });

  it('start a new undo step after history.seal()', async () => {
    const a = await store.create(DOC, TEXT, START, END, 'x');
    const first = await typeNote(a, 'one');
    store.history.seal();
    await typeNote(first, ' two');
    expect((await stored(a.id))?.note).toBe('one two');

    await store.undo();
    expect((await stored(a.id))?.note).toBe('one');
    await store.undo();
    expect((await stored(a.id))?.note).toBe('');
  });

  it('do not fold into an edit of another annotation or a category change', async () => {
    const a = await store.create(DOC, TEXT, START, END, 'x');
    const b = await store.create(DOC, TEXT, 0, 3, 'x');
    await typeNote(a, 'aa');
    await typeNote(b, 'bb');
    await store.undo();
    expect((await stored(b.id))?.note).toBe('');
    expect((await stored(a.id))?.note).toBe('aa');

    const a2 = (await stored(a.id))!;
    const a3 = await store.update(a2, { categoryIds: ['x', 'y'] });
    await typeNote(a3, 'c');
    await store.undo();
    expect(await stored(a.id)).toEqual(a3);
    await store.undo();
    expect(await stored(a.id)).toEqual(a2);
  });
});

describe('AnnotationStore.reattach', () => {
  // The article after an edit: the figure was revised and moved into a new sentence.
  const NEW_BEFORE = '国家统计局1月2日发布的修订数据显示，经过核查，去年全国粮食总产量为';
  const NEW_QUOTE = '13910亿斤';
  const NEW_TEXT = NEW_BEFORE + NEW_QUOTE + AFTER;
  const NEW_START = NEW_BEFORE.length;
  const NEW_END = NEW_START + NEW_QUOTE.length;

  /** An annotation that could not be placed after the text changed. */
  async function makeOrphan(): Promise<Annotation> {
    // Where it was in the old text, with the old quote and context.
    const orphan: Annotation = {
      ...(await store.create(DOC, TEXT, START, END, 'cat-stat')),
      categoryIds: ['cat-stat', 'cat-policy'],
      note: '与上年数据对比',
      updatedAt: '2026-01-01T00:00:00.000Z',
      orphaned: true,
    };
    await db.annotations.put(orphan);
    return orphan;
  }

  it('places the orphan on the selected text, reading quote and context from it', async () => {
    const orphan = await makeOrphan();
    store = new AnnotationStore(db, () => new Date('2026-02-03T04:05:06Z'));

    const placed = await store.reattach(orphan, NEW_TEXT, NEW_START, NEW_END);

    const { orphaned: _, ...kept } = orphan;
    const expected: Annotation = {
      ...kept,
      start: NEW_START,
      end: NEW_END,
      quote: '13910亿斤',
      prefix: NEW_BEFORE.slice(-32),
      suffix: AFTER.slice(0, 32),
      // The figures are read again from the new quote: the revised one, not the old.
      quantities: [{ start: 0, end: 7, text: '13910亿斤', value: 1_391_000_000_000, unit: '斤' }],
      claimFigures: figureRecords('13910亿斤', findQuantities('13910亿斤')),
      updatedAt: '2026-02-03T04:05:06.000Z',
    };
    // Categories, note and creation time stay with it.
    expect(expected).toMatchObject({
      categoryIds: ['cat-stat', 'cat-policy'],
      note: '与上年数据对比',
      createdAt: STAMP,
    });
    expect(placed).toEqual(expected);
    const row = await stored(orphan.id);
    expect(row).toEqual(expected);
    // No longer an orphan: the flag is gone, not set to false.
    expect(row && 'orphaned' in row).toBe(false);
    expect(await db.annotations.count()).toBe(1);
  });

  it('takes short context at the edges of the new text', async () => {
    const orphan = await makeOrphan();
    const placed = await store.reattach(orphan, '粮食产量13910亿斤', 4, 11);
    expect(placed).toMatchObject({
      start: 4,
      end: 11,
      quote: '13910亿斤',
      prefix: '粮食产量',
      suffix: '',
    });
  });

  it('is undone by restoring the orphan exactly, and redone by placing it again', async () => {
    const orphan = await makeOrphan();
    const placed = await store.reattach(orphan, NEW_TEXT, NEW_START, NEW_END);

    const undone = await store.undo();

    expect(undone !== 'stale' && undone?.label).toBe('reattach');
    expect(await stored(orphan.id)).toEqual(orphan);
    expect((await stored(orphan.id))?.orphaned).toBe(true);

    await store.redo();
    expect(await stored(orphan.id)).toEqual(placed);
  });
});

describe('UndoHistory', () => {
  const rec = (note: string): Annotation => ({
    id: 'a',
    docId: 'd',
    start: 0,
    end: 1,
    quote: 'q',
    prefix: '',
    suffix: '',
    categoryIds: ['c'],
    note,
    createdAt: STAMP,
    updatedAt: STAMP,
    status: 'unverified',
    speaker: '',
    evidence: '',
  });

  it('folds entries with the same mergeKey, keeping the first before and the last after', () => {
    const h = new UndoHistory();
    h.push({ label: 'edit', changes: [{ before: rec(''), after: rec('a') }], mergeKey: 'k' });
    h.push({ label: 'edit', changes: [{ before: rec('a'), after: rec('ab') }], mergeKey: 'k' });
    h.push({ label: 'edit', changes: [{ before: rec('ab'), after: rec('abc') }], mergeKey: 'k' });
    const entry = h.takeUndo();
    expect(entry?.changes).toEqual([{ before: rec(''), after: rec('abc') }]);
    expect(h.canUndo).toBe(false);
  });

  it('drops the oldest steps beyond its limit', () => {
    const h = new UndoHistory(2);
    for (const n of ['1', '2', '3']) h.push({ label: n, changes: [] });
    expect(h.takeUndo()?.label).toBe('3');
    expect(h.takeUndo()?.label).toBe('2');
    expect(h.takeUndo()).toBeUndefined();
  });
});
