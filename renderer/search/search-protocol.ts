/** The messages between the library search client (library-search.ts) and its engine (search-engine.ts). */
import type { LibraryHit } from '../../shared/find';

export type EngineRequest =
  /** Opens the database (by name) and lists its documents: sent once, ahead of any query. */
  | { type: 'open'; dbName: string }
  /** The window's first document is on screen: read the first documents ahead of a query. */
  | { type: 'head' }
  /** The panel opened: read the library ahead of the query. */
  | { type: 'prepare' }
  /** Searches the library; a newer search (or 'stop') ends it. */
  | { type: 'search'; id: number; query: string; limitPerDoc: number }
  /** Nothing is shown any more: stop searching, and stop searching again when the library changes. */
  | { type: 'stop' };

export type EngineReply =
  /**
   * The results of search `id` from index `from` on (earlier ones as sent
   * before; `from` 0 starts the list again), after `searched` of `total`
   * documents. The last message of a search says `done`; a change to the
   * library while a search is shown sends its results again, all at once.
   */
  | {
      type: 'progress';
      id: number;
      from: number;
      hits: LibraryHit[];
      searched: number;
      total: number;
      done: boolean;
    }
  | { type: 'failed'; id: number; message: string };
