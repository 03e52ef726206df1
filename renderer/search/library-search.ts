/**
 * Library search (Ctrl/Cmd+Shift+F), the window's side. The search engine
 * (search-engine.ts) runs in a Web Worker and reads the library from
 * IndexedDB itself, so no text is read or copied on this thread; it keeps
 * the texts it read (within a budget) and the folded annotations for the
 * next query. A query's hits come in as the
 * documents are searched, each search ending with the full result set.
 *
 * Only the newest query counts: a query typed while another runs replaces
 * it (the engine stops reading for the old one), every promise still open
 * settles with the hits of the newest query, and no progress of a superseded
 * query is reported. Where Worker is missing or the worker fails, the same
 * engine runs inline.
 */
import { DEFAULT_LIMIT_PER_DOC, type LibraryHit } from '../../shared/find';
import type { EngineOptions } from './search-engine';
import type { EngineReply, EngineRequest } from './search-protocol';
import { createRequestHandler } from './request-handler';

export type { LibraryHit };

export interface SearchProgress {
  /** The hits so far, in their final order (a fresh array each time). */
  hits: LibraryHit[];
  searched: number;
  /** Documents in the library (0 until the engine has listed them). */
  total: number;
  done: boolean;
  /** The library could not be read: `hits` is empty. */
  failed: boolean;
}

export interface LibrarySearch {
  /** Starts the engine and opens the library ahead of the first query. */
  warm(): void;
  /** Reads the first documents ahead of the first query. */
  readHead(): void;
  /** Reads the library ahead of a query about to be typed (the search panel opened). */
  prepare(): void;
  /**
   * Hits grouped by document (as LibraryIndex.search gives them), reported
   * to `onProgress` as they come. Never rejects: a query superseded by a
   * newer one settles with the newer one's hits, and after stop() or
   * dispose() with none. While a query is the newest, a change to the
   * library reports its results again.
   */
  search(
    query: string,
    limitPerDoc?: number,
    onProgress?: (progress: SearchProgress) => void,
  ): Promise<LibraryHit[]>;
  /** Nothing is shown any more: forget the query (and stop searching for it). */
  stop(): void;
  dispose(): void;
}

/** What the client needs of a Worker; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: EngineRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<EngineReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface LibrarySearchOptions {
  /** The IndexedDB database to search: the app's own. */
  dbName: string;
  /** Makes the worker; null (or throwing) means search inline. */
  createWorker?: () => WorkerLike | null;
  /** For the engine when it runs inline (tests make batches small). */
  engine?: EngineOptions;
}

function defaultWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./library-search.worker.ts', import.meta.url), {
    type: 'module',
    name: 'library-search',
  }) as unknown as WorkerLike;
}

interface Port {
  post(request: EngineRequest): void;
  close(): void;
}

interface Current {
  id: number;
  query: string;
  limitPerDoc: number;
  hits: LibraryHit[];
  onProgress?: (progress: SearchProgress) => void;
}

export function createLibrarySearch(options: LibrarySearchOptions): LibrarySearch {
  const makeWorker = options.createWorker ?? defaultWorker;
  let port: Port | null = null;
  let inline = false;
  let disposed = false;
  let nextId = 1;
  let current: Current | null = null;
  let waiters: ((hits: LibraryHit[]) => void)[] = [];

  function settle(hits: LibraryHit[]): void {
    const list = waiters;
    waiters = [];
    for (const resolve of list) resolve(hits);
  }

  function inlinePort(): Port {
    inline = true;
    // Replies a task later, as from a worker: a caller never sees progress inside its own call.
    const engine = createRequestHandler(
      (reply) => setTimeout(() => onReply(reply), 0),
      options.engine,
    );
    return { post: (request) => engine.handle(request), close: () => engine.close() };
  }

  function workerPort(): Port | null {
    let worker: WorkerLike | null;
    try {
      worker = makeWorker();
    } catch {
      worker = null; // e.g. a CSP without worker-src: search inline
    }
    if (!worker) return null;
    const w = worker;
    w.onmessage = (event) => {
      if (port?.post === post) onReply(event.data);
    };
    w.onerror = (event) => {
      event.preventDefault(); // handled: no uncaught error in the console
      if (port?.post === post) fallBack();
    };
    const post = (request: EngineRequest) => w.postMessage(request);
    return { post, close: () => w.terminate() };
  }

  function ensurePort(): Port {
    if (!port) {
      port = workerPort() ?? inlinePort();
      port.post({ type: 'open', dbName: options.dbName });
    }
    return port;
  }

  /** The worker failed: go on inline, and search the current query there. */
  function fallBack(): void {
    port?.close();
    port = inlinePort();
    port.post({ type: 'open', dbName: options.dbName });
    if (current) send(current);
  }

  function send(c: Current): void {
    c.hits = [];
    ensurePort().post({ type: 'search', id: c.id, query: c.query, limitPerDoc: c.limitPerDoc });
  }

  function onReply(reply: EngineReply): void {
    const c = current;
    if (disposed || !c || reply.id !== c.id) return; // a superseded query's, or after stop
    if (reply.type === 'failed') {
      if (!inline) return fallBack();
      c.onProgress?.({ hits: [], searched: 0, total: 0, done: true, failed: true });
      settle([]);
      return;
    }
    c.hits.length = Math.min(c.hits.length, reply.from);
    for (const h of reply.hits) c.hits.push(h);
    const hits = c.hits.slice();
    c.onProgress?.({
      hits,
      searched: reply.searched,
      total: reply.total,
      done: reply.done,
      failed: false,
    });
    if (reply.done) settle(hits);
  }

  return {
    warm() {
      if (!disposed) ensurePort();
    },
    readHead() {
      if (!disposed && !current) ensurePort().post({ type: 'head' });
    },
    prepare() {
      if (!disposed && !current) ensurePort().post({ type: 'prepare' });
    },
    search(query, limitPerDoc = DEFAULT_LIMIT_PER_DOC, onProgress) {
      if (disposed) return Promise.resolve([]);
      const promise = new Promise<LibraryHit[]>((resolve) => waiters.push(resolve));
      current = { id: nextId++, query, limitPerDoc, hits: [], onProgress };
      send(current);
      return promise;
    },
    stop() {
      // Only a search is stopped: reading ahead for a panel goes on, for its next opening.
      if (current) port?.post({ type: 'stop' });
      current = null;
      settle([]);
    },
    dispose() {
      disposed = true;
      current = null;
      port?.close();
      port = null;
      settle([]);
    },
  };
}
