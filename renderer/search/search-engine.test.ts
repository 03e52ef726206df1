import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchLibrary, type LibraryHit } from '../../shared/find';
import type { Annotation, DocumentRecord } from '../../shared/types';
import { WIDTHS, hardWrap, makeParagraphs } from '../../shared/wrap-fixtures';
import { AnnotationStore } from '../annotations/store';
import { ClaimmarkDB } from '../db/db';
import { buildBackup, restoreBackup } from '../export/backup';
import { runDecodeJob } from '../library/decode-job';
import { importFiles } from '../library/import-files';
import { deleteDocument } from '../library/library-actions';
import { setReflow } from '../reader/reflow-choice';
import { replaceText } from '../reader/replace-text';
import { createLibrarySearch, type LibrarySearch, type SearchProgress } from './library-search';
import { SearchEngine, type EngineOptions } from './search-engine';
import type { EngineReply } from './search-protocol';

let db: ClaimmarkDB;
let store: AnnotationStore;
const made: LibrarySearch[] = [];

beforeEach(async () => {
  db = new ClaimmarkDB(`search-engine-test-${crypto.randomUUID()}`);
  await db.open();
  store = new AnnotationStore(db, () => new Date('2026-01-02T03:04:05Z'));
});

afterEach(async () => {
  for (const s of made.splice(0)) s.dispose();
  db.close();
  await Dexie.delete(db.name);
});

/** The engine inline (no Worker under Node), as the app's client drives it. */
function engine(options: EngineOptions = {}): LibrarySearch {
  const search = createLibrarySearch({ dbName: db.name, engine: options });
  made.push(search);
  return search;
}

/** What the library holds now, searched the way LibraryIndex does: every text and annotation in memory. */
async function expected(query: string): Promise<LibraryHit[]> {
  return searchLibrary(await db.texts.toArray(), await db.annotations.toArray(), query);
}

/** A news text of `n` paragraphs; every third one carries a full-width date. */
function article(lang: 'zh' | 'en', n: number, seed: number): string {
  return makeParagraphs(lang, n, seed)
    .map((p, i) => (i % 3 === 0 ? `２０２３年１月，${p}` : p))
    .join('\n');
}

function documentOf(id: string, text: string): DocumentRecord {
  return {
    id,
    sha256: id,
    title: id,
    fileName: `${id}.txt`,
    encoding: 'utf-8',
    bom: false,
    length: text.length,
    addedAt: '2026-01-01T00:00:00.000Z',
    reflow: null,
  };
}

async function seedLibrary(count: number): Promise<string[]> {
  const texts = Array.from({ length: count }, (_, i) => ({
    docId: `doc-${String(i).padStart(3, '0')}`,
    text: article(i % 4 === 3 ? 'en' : 'zh', 6 + (i % 5), i + 1),
  }));
  await db.texts.bulkPut(texts);
  await db.documents.bulkPut(texts.map(({ docId, text }) => documentOf(docId, text)));
  for (const [i, { docId, text }] of texts.entries()) {
    if (i % 2) continue;
    const a = await store.create(docId, text, 10, 18, 'c1');
    await store.update(a, { note: i % 4 ? `核实 Check ${i}` : '数据待核实' });
  }
  return texts.map((t) => t.text);
}

/** Records every report of one search until it is done. */
async function searchAll(search: LibrarySearch, query: string) {
  const reports: SearchProgress[] = [];
  const hits = await search.search(query, undefined, (p) => reports.push(p));
  return { hits, reports };
}

describe('SearchEngine: results as the library is read', () => {
  it('shows the first hits before the whole library is read and ends with exactly the full result set', async () => {
    const texts = await seedLibrary(40);
    const common = texts[0]!.slice(12, 14);
    const search = engine({ firstBatchUnits: 500, maxBatchUnits: 4000, progressEveryMs: 0 });
    const { hits, reports } = await searchAll(search, '２０２３年１月');
    const want = await expected('２０２３年１月');
    expect(want.length).toBeGreaterThan(40);
    expect(hits).toEqual(want);
    expect(reports.at(-1)).toMatchObject({ hits: want, searched: 40, total: 40, done: true });
    const early = reports.find((r) => r.hits.length > 0);
    expect(early?.searched).toBeLessThan(10);
    expect(early?.done).toBe(false);
    // Every report is the beginning of the final list, and the count only goes up.
    for (const [i, r] of reports.entries()) {
      expect(r.hits).toEqual(want.slice(0, r.hits.length));
      expect(r.searched).toBeGreaterThanOrEqual(reports[i - 1]?.searched ?? 0);
    }
    // Later queries search what was kept: the same hits as a fresh read.
    for (const q of [common, 'CHECK 1', '数据待核实', '，', 'no such words']) {
      expect(await search.search(q), q).toEqual(await expected(q));
    }
  });

  it('gives the same results past its memory budget, reading the rest at each search', async () => {
    await seedLibrary(12);
    const search = engine({ keepUnits: 2000, firstBatchUnits: 300 });
    for (const q of ['２０２３年１月', 'check', '数据待核实']) {
      expect(await search.search(q), q).toEqual(await expected(q));
      expect(await search.search(q), q).toEqual(await expected(q));
    }
  });

  it('puts annotations whose document has no text last, as LibraryIndex does', async () => {
    await seedLibrary(3);
    const stray = (id: string, docId: string): Annotation => ({
      id,
      docId,
      start: 0,
      end: 4,
      quote: '数据核实',
      prefix: '',
      suffix: '',
      categoryIds: ['c1'],
      note: '',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      status: 'unverified',
      speaker: '',
      evidence: '',
    });
    // By first annotation id, zz comes before aa; one lies between two documents' ids.
    await db.annotations.bulkPut([
      stray('b', 'aa'),
      stray('a', 'zz'),
      stray('d', 'doc-000a'),
      stray('c', 'aa'),
    ]);
    const search = engine({ firstBatchUnits: 500 });
    const hits = await search.search('核实');
    expect(hits).toEqual(await expected('核实'));
    expect(hits.slice(-4).map((h) => [h.docId, h.annotationId])).toEqual([
      ['zz', 'a'],
      ['aa', 'b'],
      ['aa', 'c'],
      ['doc-000a', 'd'],
    ]);
    // Searched again from what it holds, and after one of them is deleted.
    expect(await search.search('核实')).toEqual(hits);
    await db.annotations.delete('a');
    expect(await search.search('核实')).toEqual(await expected('核实'));
  });
});

describe('SearchEngine: reading ahead while the query is typed', () => {
  /** Writes texts behind Dexie's back, so that only a read that happened before shows the old ones. */
  async function overwriteUnseen(texts: { docId: string; text: string }[]) {
    const raw = db.backendDB();
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction('texts', 'readwrite');
      for (const t of texts) tx.objectStore('texts').put(t);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }

  function engineWithReplies(options: EngineOptions = {}) {
    const replies: EngineReply[] = [];
    const engine = new SearchEngine(db.name, (r) => replies.push(r), options);
    const done = (id: number) =>
      expect
        .poll(() => replies.some((r) => r.id === id && r.type === 'progress' && r.done))
        .toBe(true);
    // As the client reads them: `from` 0 starts the list again (a change while a search is shown resends it).
    const hitsOf = (id: number) =>
      replies.reduce<LibraryHit[]>(
        (list, r) =>
          r.id === id && r.type === 'progress' ? [...list.slice(0, r.from), ...r.hits] : list,
        [],
      );
    return { engine, done, hitsOf };
  }

  it('holds the whole library once the panel has opened, before any query', async () => {
    await seedLibrary(10);
    const before = await expected('２０２３年１月');
    const { engine, done, hitsOf } = engineWithReplies({ firstBatchUnits: 500 });
    await engine.prepare();
    const ids = (await db.texts.toCollection().primaryKeys()).map(String);
    await overwriteUnseen(ids.map((docId) => ({ docId, text: 'nothing to find' })));
    engine.search({ id: 1, query: '２０２３年１月', limitPerDoc: 50 });
    await done(1);
    expect(hitsOf(1)).toEqual(before);
    engine.close();
  });

  it('holds the first documents once warmed, and drops one whose text changes', async () => {
    await seedLibrary(10);
    const before = await expected('２０２３年１月');
    const { engine, done, hitsOf } = engineWithReplies({ firstBatchUnits: 500 });
    await engine.warm();
    await engine.readHead();
    const ids = (await db.texts.toCollection().primaryKeys()).map(String);
    await overwriteUnseen(ids.map((docId) => ({ docId, text: 'nothing to find' })));
    engine.search({ id: 1, query: '２０２３年１月', limitPerDoc: 50 });
    await done(1);
    // Only the head was read ahead: its hits are the old text's, the rest as the texts are now.
    const head = before.filter((h) => h.docId === ids[0] || h.kind !== 'text');
    expect(head.some((h) => h.docId === ids[0] && h.kind === 'text')).toBe(true);
    expect(hitsOf(1)).toEqual(head);

    // A change through Dexie reaches what it holds.
    await db.texts.put({ docId: ids[0]!, text: '２０２３年１月 changed' });
    engine.search({ id: 2, query: '２０２３年１月', limitPerDoc: 50 });
    await done(2);
    expect(hitsOf(2)).toEqual(await expected('２０２３年１月'));
    expect(
      hitsOf(2)
        .filter((h) => h.kind === 'text')
        .map((h) => h.context),
    ).toEqual(['２０２３年１月 changed']);
    engine.close();
  });

  it('gives a query typed while it reads exactly the full result set', async () => {
    await seedLibrary(30);
    const { engine, done, hitsOf } = engineWithReplies({ firstBatchUnits: 500 });
    void engine.prepare();
    await new Promise((resolve) => setTimeout(resolve, 0));
    engine.search({ id: 1, query: '核实', limitPerDoc: 50 });
    await done(1);
    expect(hitsOf(1)).toEqual(await expected('核实'));
    engine.close();
  });
});

describe('SearchEngine: what it keeps follows every change to the library', () => {
  const file = (name: string, text: string) => ({
    ok: true as const,
    file: { name, bytes: new Uint8Array(iconv.encode(text, 'gb18030')) },
  });
  const deps = () => ({ db, decode: runDecodeJob, now: () => new Date('2026-01-02T03:04:05Z') });

  async function importText(name: string, text: string) {
    const [outcome] = await importFiles([file(name, text)], deps());
    if (outcome?.kind !== 'added') throw new Error(`not added: ${JSON.stringify(outcome)}`);
    return outcome.doc;
  }

  it('after import, notes, reflow, replace text, delete and restore', async () => {
    const search = engine({ firstBatchUnits: 400 });
    const queries = ['２０２３年１月', '核实', 'the', '。\n'];
    const same = async (step: string) => {
      for (const q of queries)
        expect(await search.search(q), `${step}: ${q}`).toEqual(await expected(q));
    };
    const a = await importText('a.txt', article('zh', 8, 1));
    const wrapped = hardWrap(makeParagraphs('zh', 12, 3), {
      seed: 3,
      ...WIDTHS.zh,
      columnBreakChance: 0.2,
    });
    const b = await importText('b.txt', wrapped.text);
    expect(b.reflow).not.toBeNull();
    await same('imported');

    const shownA = (await db.texts.get(a.id))?.text ?? '';
    const quote = await store.create(a.id, shownA, 3, 9, 'c1');
    await same('annotated');
    await store.update(quote, { note: '需要核实口径' });
    await same('note written');

    await setReflow(db, b.id, false);
    await same('reflow off');
    expect(await search.search('。\n')).not.toEqual([]);
    await setReflow(db, b.id, true);
    await same('reflow on');

    const replaced = await replaceText(
      db,
      a.id,
      { name: 'a2.txt', bytes: new TextEncoder().encode(article('en', 5, 9)) },
      runDecodeJob,
    );
    expect(replaced.kind).toBe('replaced');
    await same('text replaced');

    const backup = await buildBackup(db);
    const c = await importText('c.txt', article('zh', 4, 5));
    await same('third imported');
    await deleteDocument(db, b.id);
    await same('deleted');
    expect((await search.search('核实')).some((h) => h.docId === b.id)).toBe(false);

    await restoreBackup(db, backup);
    await same('restored');
    const ids = new Set((await search.search('，')).map((h) => h.docId));
    expect(ids.has(b.id) && !ids.has(c.id)).toBe(true);
  });

  it('loses no note written while the library is still being read', async () => {
    await seedLibrary(30);
    const search = engine({ firstBatchUnits: 300, maxBatchUnits: 600, progressEveryMs: 0 });
    const [late] = await db.annotations.where('docId').equals('doc-028').toArray();
    let last: SearchProgress | null = null;
    let written: Promise<unknown> | null = null;
    void search.search('新写的备注', undefined, (p) => {
      last = p;
      written ??= store.update(late!, { note: '新写的备注' });
    });
    await expect.poll(() => (last as SearchProgress | null)?.hits.length ?? 0).toBe(1);
    await written;
    const want = await expected('新写的备注');
    expect(want.map((h) => [h.docId, h.kind])).toEqual([['doc-028', 'note']]);
    expect(last).toMatchObject({ done: true, hits: want });
    expect(await search.search('新写的备注')).toEqual(want);
  });

  it('searches the query on screen again when the library changes', async () => {
    await seedLibrary(4);
    const search = engine();
    const reports: SearchProgress[] = [];
    await search.search('数据待核实', undefined, (p) => reports.push(p));
    const before = reports.length;
    const [first] = await db.annotations.orderBy('id').toArray();
    await store.update(first!, { note: '又一条数据待核实' });
    await expect.poll(() => reports.length).toBeGreaterThan(before);
    expect(reports.at(-1)).toMatchObject({ done: true, hits: await expected('数据待核实') });
    // Closed: no more searching.
    search.stop();
    const stopped = reports.length;
    await store.update(first!, { note: '' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reports.length).toBe(stopped);
  });
});
