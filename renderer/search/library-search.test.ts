import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchLibrary, type LibraryAnnotation, type LibraryDoc } from '../../shared/find';
import type { Annotation } from '../../shared/types';
import { ClaimmarkDB } from '../db/db';
import {
  createLibrarySearch,
  type LibrarySearch,
  type SearchProgress,
  type WorkerLike,
} from './library-search';
import { createRequestHandler } from './request-handler';
import type { EngineReply, EngineRequest } from './search-protocol';

const docs: LibraryDoc[] = [
  { docId: 'd1', text: '２０２４年ＧＤＰ增长５．２％，经济运行稳中向好。' },
  { docId: 'd2', text: 'China GDP grew 5.2% in 2024.' },
];
const annotations: LibraryAnnotation[] = [
  { id: 'a1', docId: 'd2', quote: 'China GDP grew', note: '增长口径' },
  { id: 'a2', docId: 'd1', quote: '经济运行', note: 'official GDP wording' },
];

function record(a: LibraryAnnotation): Annotation {
  return {
    ...a,
    start: 0,
    end: a.quote.length,
    prefix: '',
    suffix: '',
    categoryIds: ['c1'],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    status: 'unverified',
    speaker: '',
    evidence: '',
  };
}

let db: ClaimmarkDB;
const made: LibrarySearch[] = [];

beforeEach(async () => {
  db = new ClaimmarkDB(`library-search-test-${crypto.randomUUID()}`);
  await db.texts.bulkPut(docs);
  await db.annotations.bulkPut(annotations.map(record));
});

afterEach(async () => {
  for (const s of made.splice(0)) s.dispose();
  db.close();
  await Dexie.delete(db.name);
});

function track(search: LibrarySearch): LibrarySearch {
  made.push(search);
  return search;
}

/** A worker double: the real request handler, each message cloned and answered a tick later. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<EngineReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: EngineRequest[] = [];
  terminated = false;
  private readonly handler = createRequestHandler((reply) =>
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: structuredClone(reply) } as MessageEvent);
    }, 1),
  );

  postMessage(message: EngineRequest): void {
    const copy = structuredClone(message);
    this.received.push(copy);
    setTimeout(() => !this.terminated && this.handler.handle(copy), 1);
  }

  terminate(): void {
    this.terminated = true;
    this.handler.close();
  }

  fail(): void {
    this.onerror?.({ preventDefault() {}, message: 'boom' } as ErrorEvent);
  }

  searches(): string[] {
    return this.received.flatMap((m) => (m.type === 'search' ? [m.query] : []));
  }
}

/** What the library holds now, searched the way today's LibraryIndex does it. */
async function expected(query: string, limitPerDoc?: number) {
  const texts = await db.texts.toArray();
  const all = await db.annotations.toArray();
  return searchLibrary(texts, all, query, limitPerDoc);
}

describe('createLibrarySearch without Worker (inline)', () => {
  it('gives the same hits as searchLibrary', async () => {
    expect(typeof Worker).toBe('undefined');
    const search = track(createLibrarySearch({ dbName: db.name }));
    expect(await search.search('gdp')).toEqual(searchLibrary(docs, annotations, 'gdp'));
    expect(await search.search('增长5', 1)).toEqual(searchLibrary(docs, annotations, '增长5', 1));
    await db.texts.delete('d1');
    expect((await search.search('增长')).map((h) => [h.docId, h.kind])).toEqual([['d2', 'note']]);
    search.dispose();
    expect(await search.search('gdp')).toEqual([]);
  });
});

describe('createLibrarySearch with a worker', () => {
  function setup() {
    const worker = new FakeWorker();
    const search = track(createLibrarySearch({ dbName: db.name, createWorker: () => worker }));
    return { worker, search };
  }

  it('answers queries from the worker', async () => {
    const { worker, search } = setup();
    expect(await search.search('ＧＤＰ')).toEqual(searchLibrary(docs, annotations, 'gdp'));
    expect(worker.searches()).toEqual(['ＧＤＰ']);
    search.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('keeps what it read, and reads again only the documents whose text changed', async () => {
    const { search } = setup();
    expect(await search.search('gdp')).toEqual(await expected('gdp'));
    // Written behind Dexie's back (no change reported): a kept text is not read again…
    const raw = db.backendDB();
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction('texts', 'readwrite');
      tx.objectStore('texts').put({ docId: 'd2', text: 'Unseen GDP text' });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    // …while one changed through Dexie, as the app writes, is.
    await db.texts.put({ docId: 'd1', text: '新的ＧＤＰ数据' });
    const hits = await search.search('gdp');
    expect(hits.filter((h) => h.kind === 'text').map((h) => [h.docId, h.context])).toEqual([
      ['d1', '新的ＧＤＰ数据'],
      ['d2', 'China GDP grew 5.2% in 2024.'],
    ]);
    // A new document is searched too.
    await db.texts.put({ docId: 'd0', text: 'gdp first' });
    expect((await search.search('gdp')).filter((h) => h.kind === 'text')[0]?.docId).toBe('d0');
  });

  it('drops superseded queries and settles every open promise with the newest hits', async () => {
    const { worker, search } = setup();
    const seen: Record<string, SearchProgress[]> = { gdp: [], 经济: [], 增长: [] };
    const first = search.search('gdp', undefined, (p) => seen.gdp?.push(p));
    const second = search.search('经济', undefined, (p) => seen['经济']?.push(p));
    const third = search.search('增长', undefined, (p) => seen['增长']?.push(p));
    const want = searchLibrary(docs, annotations, '增长');
    expect(await Promise.all([first, second, third])).toEqual([want, want, want]);
    expect(worker.searches()).toEqual(['gdp', '经济', '增长']);
    // Nothing of the two superseded queries reached the screen.
    expect(seen.gdp).toEqual([]);
    expect(seen['经济']).toEqual([]);
    expect(seen['增长']?.at(-1)).toMatchObject({ hits: want, done: true, failed: false });
  });

  it('shows a change to the library while its results are on screen', async () => {
    const { search } = setup();
    let last: SearchProgress | null = null;
    let changed: () => void = () => {};
    const rerun = new Promise<void>((resolve) => (changed = resolve));
    expect(await search.search('new text', undefined, (p) => (last = p))).toEqual([]);
    const before = last;
    search.search('new text', undefined, (p) => {
      last = p;
      if (p.done && p.hits.length > 0) changed();
    });
    await db.texts.put({ docId: 'd3', text: 'Some new text.' });
    await rerun;
    expect(before).toMatchObject({ hits: [], done: true });
    expect(last).toMatchObject({ done: true, hits: await expected('new text') });
    expect((last as SearchProgress | null)?.hits.map((h) => h.docId)).toEqual(['d3']);
  });

  it('falls back to searching inline when the worker fails', async () => {
    const { worker, search } = setup();
    const pending = search.search('gdp');
    worker.fail();
    expect(await pending).toEqual(searchLibrary(docs, annotations, 'gdp'));
    expect(worker.terminated).toBe(true);
    expect(await search.search('经济')).toEqual(searchLibrary(docs, annotations, '经济'));
  });

  it('searches inline when the worker cannot be created', async () => {
    const search = track(
      createLibrarySearch({
        dbName: db.name,
        createWorker: () => {
          throw new Error('blocked by CSP');
        },
      }),
    );
    expect(await search.search('gdp')).toEqual(searchLibrary(docs, annotations, 'gdp'));
  });

  it('settles open searches with no hits on dispose, and on stop', async () => {
    const { search } = setup();
    const pending = search.search('gdp');
    search.stop();
    expect(await pending).toEqual([]);
    const again = search.search('gdp');
    search.dispose();
    expect(await again).toEqual([]);
  });

  it('says so when the library cannot be read, and never rejects', async () => {
    const search = track(createLibrarySearch({ dbName: `missing-${crypto.randomUUID()}` }));
    let last: SearchProgress | null = null;
    expect(await search.search('gdp', undefined, (p) => (last = p))).toEqual([]);
    expect(last).toMatchObject({ hits: [], done: true, failed: true });
  });
});
