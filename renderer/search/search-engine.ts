/**
 * Library search where the library is: the engine reads the texts and
 * annotations from IndexedDB itself (in the search worker, or inline where
 * there is none), keeps them for the next query, and answers a query
 * document by document, so the first hits are on screen long before the
 * whole library has been read. Texts are never folded: a query becomes a
 * RegExp of the fold's classes (foldPattern), which finds in the text as it
 * is what the folded query finds in the folded text, so there is no second
 * copy of the library to make, keep or store. Once done, the results are
 * exactly those of LibraryIndex.search over every text (in primary-key
 * order, as `texts.toArray()` gives them) and every annotation.
 *
 * What it keeps stays in step through Dexie's storagemutated event (writes
 * of this window, of its worker and of other windows): a changed text is
 * dropped and read again at the next search, a changed annotation read again
 * by id, and the query on screen is searched again.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import { foldPattern } from '../../shared/fold';
import { ENGINE_DEFAULTS, type EngineOptions } from './engine-options';
import { HeldLibrary } from './held-library';
import { changesIn } from './library-changes';
import { readFirstBatch } from './read-plan';
import { runPass, type Query } from './search-pass';
import type { EngineReply } from './search-protocol';

export type { EngineOptions };

export class SearchEngine {
  private readonly options: Required<EngineOptions>;
  private readonly library: HeldLibrary;
  private current: Query | null = null;
  private preparing: { pass: number; done: Promise<void> } | null = null;
  /** True once the current query's results have all been sent. */
  private currentDone = false;
  private passes = 0;
  private rerunTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listener = (parts: ObservabilitySet) => this.mutated(parts);

  constructor(
    private readonly dbName: string,
    private readonly send: (reply: EngineReply) => void,
    options: EngineOptions = {},
  ) {
    this.options = { ...ENGINE_DEFAULTS, ...options };
    this.library = new HeldLibrary(dbName, this.options.keepUnits);
    Dexie.on('storagemutated', this.listener);
  }

  /**
   * Opens the database and lists its documents, so that a first query does
   * not wait for IndexedDB to open, or for the fold's tables to be built.
   */
  async warm(): Promise<void> {
    await this.library.listOrder();
    foldPattern('a'); // builds the tables behind it: tens of milliseconds, now rather than at the query
  }

  /**
   * Reads the first documents (one small transaction, firstBatchUnits of
   * text), so that a first query shows its first hits without waiting for
   * IndexedDB. Asked for once the window's first document is on screen: read
   * at once, they were read beside that document's own (10 MB) reads.
   */
  async readHead(): Promise<void> {
    const order = await this.library.listOrder();
    // A search or a read ahead begun meanwhile reads the head itself.
    if (this.passes > 0 || order.length === 0 || this.library.annotations.below !== null) return;
    await readFirstBatch(this.library, order, this.options.firstBatchUnits);
  }

  search(query: Query): void {
    this.current = query;
    this.currentDone = false;
    void this.run(query, false);
  }

  /**
   * The search panel opened: read the library while the query is typed, so
   * that the search finds most of it held. A search supersedes this, and
   * takes over what it was reading. Resolves when done or superseded.
   */
  prepare(): Promise<void> {
    if (this.current) return Promise.resolve();
    // One read ahead at a time: while it is the newest pass, it is the one reading.
    if (this.preparing && this.preparing.pass === this.passes) return this.preparing.done;
    const done = this.run(null, true);
    this.preparing = { pass: this.passes, done };
    return done;
  }

  stop(): void {
    this.current = null;
    this.passes++;
  }

  close(): void {
    this.stop();
    Dexie.on('storagemutated').unsubscribe(this.listener);
    if (this.rerunTimer !== null) clearTimeout(this.rerunTimer);
    this.library.close();
  }

  private mutated(parts: ObservabilitySet): void {
    const { texts, annotations } = changesIn(parts, this.dbName);
    if (texts !== undefined) this.library.textsChanged(texts);
    if (annotations !== undefined) this.library.annotations.changed(annotations);
    const dirty = texts !== undefined || annotations !== undefined;
    if (dirty && this.current && this.rerunTimer === null) {
      // One search again for all the changes of a task (a transaction reports each table).
      this.rerunTimer = setTimeout(() => {
        this.rerunTimer = null;
        if (this.current) void this.run(this.current, this.currentDone);
      }, 0);
    }
  }

  private run(query: Query | null, quiet: boolean): Promise<void> {
    const pass = ++this.passes;
    return runPass(
      {
        library: this.library,
        options: this.options,
        send: this.send,
        live: () => pass === this.passes,
        done: () => (this.currentDone = true),
      },
      query,
      quiet,
    );
  }
}
