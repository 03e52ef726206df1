import { describe, expect, it } from 'vitest';
import { searchLibrary } from '../../shared/find';
import { createLibrarySearch, type WorkerLike } from './library-search';
import {
  createRequestHandler,
  type SearchRequest,
  type SearchResponse,
} from './library-search.worker';

const docs = [
  { docId: 'd1', text: '２０２４年ＧＤＰ增长５．２％，经济运行稳中向好。' },
  { docId: 'd2', text: 'China GDP grew 5.2% in 2024.' },
];
const annotations = [
  { id: 'a1', docId: 'd2', quote: 'China GDP grew', note: '增长口径' },
  { id: 'a2', docId: 'd1', quote: '经济运行', note: 'official GDP wording' },
];

/** A worker double: the real request handler, answering a tick later, messages cloned. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<SearchResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: SearchRequest[] = [];
  terminated = false;
  private readonly handle = createRequestHandler();

  postMessage(message: SearchRequest): void {
    const copy = structuredClone(message);
    this.received.push(copy);
    setTimeout(() => {
      if (this.terminated) return;
      const response = this.handle(copy);
      if (response) this.onmessage?.({ data: structuredClone(response) } as MessageEvent);
    }, 1);
  }

  terminate(): void {
    this.terminated = true;
  }

  fail(): void {
    this.onerror?.({ preventDefault() {}, message: 'boom' } as ErrorEvent);
  }

  searches(): string[] {
    return this.received.flatMap((m) => (m.type === 'search' ? [m.query] : []));
  }
}

describe('createLibrarySearch without Worker (inline)', () => {
  it('gives the same hits as searchLibrary', async () => {
    expect(typeof Worker).toBe('undefined');
    const search = createLibrarySearch();
    search.setDocuments(docs);
    search.setAnnotations(annotations);
    expect(await search.search('gdp')).toEqual(searchLibrary(docs, annotations, 'gdp'));
    expect(await search.search('增长5', 1)).toEqual(searchLibrary(docs, annotations, '增长5', 1));
    search.setDocuments([docs[1]!]);
    expect((await search.search('增长')).map((h) => [h.docId, h.kind])).toEqual([['d2', 'note']]);
    search.dispose();
    expect(await search.search('gdp')).toEqual([]);
  });
});

describe('createLibrarySearch with a worker', () => {
  function setup(batchChars?: number) {
    const worker = new FakeWorker();
    const search = createLibrarySearch({ createWorker: () => worker, batchChars });
    search.setDocuments(docs);
    search.setAnnotations(annotations);
    return { worker, search };
  }

  it('answers queries from the worker', async () => {
    const { worker, search } = setup();
    expect(await search.search('ＧＤＰ')).toEqual(searchLibrary(docs, annotations, 'gdp'));
    expect(worker.searches()).toEqual(['ＧＤＰ']);
    search.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('sends only the documents whose text changed', () => {
    const { worker, search } = setup();
    search.setDocuments([docs[0]!, { docId: 'd2', text: 'changed' }, { docId: 'd3', text: 'new' }]);
    search.setDocuments([{ docId: 'd3', text: 'new' }]);
    const sent = worker.received.flatMap((m) => (m.type === 'documents' ? [m] : []));
    expect(sent.map((m) => [m.order, m.changed.map((d) => d.docId)])).toEqual([
      [
        ['d1', 'd2'],
        ['d1', 'd2'],
      ],
      [
        ['d1', 'd2', 'd3'],
        ['d2', 'd3'],
      ],
      [['d3'], []],
    ]);
    search.dispose();
  });

  it('sends big libraries in batches, yielding between them, in order', async () => {
    const { worker, search } = setup(10);
    const many = Array.from({ length: 6 }, (_, i) => ({
      docId: `m${i}`,
      text: `文档${i}：经济增长`,
    }));
    search.setDocuments(many);
    const pending = search.search('增长');
    // Only the first batch went out synchronously; the rest, and the query, follow later.
    expect(worker.searches()).toEqual([]);
    const hits = await pending;
    expect(hits.filter((h) => h.kind === 'text').map((h) => h.docId)).toEqual(
      many.map((d) => d.docId),
    );
    const kinds = worker.received.map((m) => m.type);
    expect(kinds.filter((k) => k === 'texts').length).toBeGreaterThan(1);
    expect(kinds.at(-1)).toBe('search');
    search.dispose();
  });

  it('drops superseded queries and settles every open promise with the newest hits', async () => {
    const { worker, search } = setup();
    const first = search.search('gdp');
    const second = search.search('经济');
    const third = search.search('增长');
    const expected = searchLibrary(docs, annotations, '增长');
    expect(await Promise.all([first, second, third])).toEqual([expected, expected, expected]);
    // 'gdp' was already running; '经济' was replaced before it was sent.
    expect(worker.searches()).toEqual(['gdp', '增长']);
    search.dispose();
  });

  it('reruns a query when the documents change while it runs', async () => {
    const { worker, search } = setup();
    const pending = search.search('new text');
    search.setDocuments([...docs, { docId: 'd3', text: 'Some new text.' }]);
    const hits = await pending;
    expect(hits.map((h) => h.docId)).toEqual(['d3']);
    expect(worker.searches()).toEqual(['new text', 'new text']);
    search.dispose();
  });

  it('falls back to searching inline when the worker fails', async () => {
    const { worker, search } = setup();
    const pending = search.search('gdp');
    worker.fail();
    expect(await pending).toEqual(searchLibrary(docs, annotations, 'gdp'));
    expect(worker.terminated).toBe(true);
    expect(await search.search('经济')).toEqual(searchLibrary(docs, annotations, '经济'));
    search.dispose();
  });

  it('searches inline when the worker cannot be created', async () => {
    const search = createLibrarySearch({
      createWorker: () => {
        throw new Error('blocked by CSP');
      },
    });
    search.setDocuments(docs);
    expect(await search.search('gdp')).toEqual(searchLibrary(docs, [], 'gdp'));
    search.dispose();
  });

  it('settles open searches with no hits on dispose', async () => {
    const { search } = setup();
    const pending = search.search('gdp');
    search.dispose();
    expect(await pending).toEqual([]);
  });
});
