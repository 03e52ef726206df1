/**
 * Library search (Ctrl/Cmd+Shift+F) run off the UI thread.
 *
 * A Web Worker (library-search.worker.ts) keeps the folded texts, so a query
 * costs only the scans. At most one query runs at a time: one typed while
 * another runs waits, replacing any query already waiting, and every promise
 * still open settles with the hits of the newest query (results of a
 * superseded query are dropped, never shown). Where Worker is missing (unit
 * tests, odd hosts) or the worker fails, the same shared code runs inline.
 *
 * Copying texts into the worker costs the UI thread several milliseconds
 * per million characters, so new texts go in batches of BATCH_CHARS with a
 * yield between batches: handing over a 20 MB library never freezes the
 * window for long.
 */
import {
  DEFAULT_LIMIT_PER_DOC,
  LibraryIndex,
  type LibraryAnnotation,
  type LibraryDoc,
  type LibraryHit,
} from '../../shared/find';
import type { SearchRequest, SearchResponse } from './library-search.worker';

export type { LibraryAnnotation, LibraryDoc, LibraryHit };

export interface LibrarySearch {
  /** The documents to search, in result order; only changed texts are sent to the worker. */
  setDocuments(docs: readonly LibraryDoc[]): void;
  setAnnotations(annotations: readonly LibraryAnnotation[]): void;
  /**
   * Hits grouped by document (see LibraryIndex.search). Never rejects: a
   * query superseded by a newer one settles with the newer one's hits, and
   * after dispose() with none.
   */
  search(query: string, limitPerDoc?: number): Promise<LibraryHit[]>;
  dispose(): void;
}

/** What the client needs of a Worker; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: SearchRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<SearchResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface LibrarySearchOptions {
  /** Makes the worker; null (or throwing) means search inline. */
  createWorker?: () => WorkerLike | null;
  /** Characters of text per message to the worker (tests make it small). */
  batchChars?: number;
}

/** Characters of document text copied to the worker per UI-thread task. */
export const BATCH_CHARS = 500_000;

function defaultWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./library-search.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}

interface Query {
  query: string;
  limitPerDoc: number;
}

export function createLibrarySearch(options: LibrarySearchOptions = {}): LibrarySearch {
  const makeWorker = options.createWorker ?? defaultWorker;
  const batchChars = options.batchChars ?? BATCH_CHARS;
  let docs: readonly LibraryDoc[] = [];
  let annotations: readonly LibraryAnnotation[] = [];
  let disposed = false;

  // Inline path: fold lazily, at the first search after a change.
  let inline: LibraryIndex | null = null;
  let inlineDocsStale = true;
  let inlineAnnotationsStale = true;

  // Worker path.
  let worker: WorkerLike | null | undefined; // undefined: not started yet
  const sent = new Map<string, string>(); // docId → text the worker holds
  let nextId = 1;
  let running: (Query & { id: number }) | null = null;
  let waiting: Query | null = null;
  let waiters: ((hits: LibraryHit[]) => void)[] = [];
  // Messages wait here while texts are being sent batch by batch, keeping order.
  let outbox: SearchRequest[] = [];
  let pumping: ReturnType<typeof setTimeout> | null = null;

  /** Queues messages and sends what may go now (a batch yield may be pending). */
  function post(...messages: SearchRequest[]): void {
    outbox.push(...messages);
    if (pumping === null) pump();
  }

  function pump(): void {
    pumping = null;
    let chars = 0;
    while (worker && outbox.length > 0) {
      const message = outbox.shift() as SearchRequest;
      worker.postMessage(message);
      if (message.type !== 'texts') continue;
      for (const d of message.changed) chars += d.text.length;
      if (chars >= batchChars && outbox.length > 0) {
        pumping = setTimeout(pump, 0); // let the UI breathe between batches
        return;
      }
    }
    if (!worker) outbox = [];
  }

  function stopPumping(): void {
    if (pumping !== null) clearTimeout(pumping);
    pumping = null;
    outbox = [];
  }

  function settle(hits: LibraryHit[]): void {
    const list = waiters;
    waiters = [];
    for (const resolve of list) resolve(hits);
  }

  function searchInline(q: Query): LibraryHit[] {
    inline ??= new LibraryIndex();
    if (inlineDocsStale) inline.setDocuments(docs);
    if (inlineAnnotationsStale) inline.setAnnotations(annotations);
    inlineDocsStale = inlineAnnotationsStale = false;
    return inline.search(q.query, q.limitPerDoc);
  }

  /** The worker failed: answer what is open inline and stay inline. */
  function fallBack(): void {
    worker?.terminate();
    worker = null;
    sent.clear();
    stopPumping();
    const q = waiting ?? running;
    running = waiting = null;
    if (q) settle(searchInline(q));
  }

  function sendDocuments(): void {
    if (!worker) return;
    const messages: SearchRequest[] = [];
    let batch: LibraryDoc[] = [];
    let chars = 0;
    const ids = new Set<string>();
    for (const d of docs) {
      ids.add(d.docId);
      if (sent.get(d.docId) === d.text) continue;
      sent.set(d.docId, d.text);
      batch.push({ docId: d.docId, text: d.text });
      chars += d.text.length;
      if (chars >= batchChars) {
        messages.push({ type: 'texts', changed: batch });
        batch = [];
        chars = 0;
      }
    }
    for (const id of [...sent.keys()]) if (!ids.has(id)) sent.delete(id);
    messages.push({ type: 'documents', order: [...ids], changed: batch });
    post(...messages);
  }

  function sendAnnotations(): void {
    if (!worker) return;
    post({
      type: 'annotations',
      annotations: annotations.map((a) => ({
        id: a.id,
        docId: a.docId,
        quote: a.quote,
        note: a.note,
      })),
    });
  }

  function ensureWorker(): WorkerLike | null {
    if (worker !== undefined) return worker;
    try {
      worker = makeWorker();
    } catch {
      worker = null; // e.g. a CSP without worker-src: search inline
    }
    if (!worker) return null;
    worker.onmessage = (event) => onResponse(event.data);
    worker.onerror = (event) => {
      event.preventDefault(); // handled: no uncaught error in the console
      fallBack();
    };
    sendDocuments();
    sendAnnotations();
    return worker;
  }

  function run(q: Query): void {
    const w = ensureWorker();
    if (!w) {
      settle(searchInline(q));
      return;
    }
    running = { ...q, id: nextId++ };
    post({ type: 'search', ...running });
  }

  function onResponse(response: SearchResponse): void {
    if (!running || response.id !== running.id) return; // stale or after a fallback
    if (!response.ok) {
      fallBack();
      return;
    }
    running = null;
    if (waiting) {
      const q = waiting;
      waiting = null;
      run(q); // the answer is for a superseded query: drop it
      return;
    }
    settle(response.hits);
  }

  /** Data changed under a running query: its answer would be stale. */
  function rerunIfRunning(): void {
    if (running && !waiting) waiting = { query: running.query, limitPerDoc: running.limitPerDoc };
  }

  return {
    setDocuments(next) {
      if (disposed) return;
      docs = next;
      inlineDocsStale = true;
      if (worker === undefined) {
        ensureWorker(); // starts folding in the background now, not at the first query
      } else if (worker) {
        sendDocuments();
        rerunIfRunning();
      }
    },
    setAnnotations(next) {
      if (disposed) return;
      annotations = next;
      inlineAnnotationsStale = true;
      if (worker === undefined) {
        ensureWorker(); // starts folding in the background now, not at the first query
      } else if (worker) {
        sendAnnotations();
        rerunIfRunning();
      }
    },
    search(query, limitPerDoc = DEFAULT_LIMIT_PER_DOC) {
      if (disposed) return Promise.resolve([]);
      const promise = new Promise<LibraryHit[]>((resolve) => waiters.push(resolve));
      const q = { query, limitPerDoc };
      if (running) waiting = q;
      else run(q);
      return promise;
    },
    dispose() {
      disposed = true;
      worker?.terminate();
      worker = null;
      stopPumping();
      running = waiting = null;
      sent.clear();
      inline = null;
      settle([]);
    },
  };
}
