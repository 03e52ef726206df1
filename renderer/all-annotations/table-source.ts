/**
 * The All annotations view's data, read so that the first rows are on screen
 * long before a large library is read: a first small read gives the table's
 * first rows (its natural order), then the rest comes in chunks, each in its
 * own transaction, so the main thread is never held for long. Rows read so
 * far are shown now and then while the rest is read; since the reads follow
 * the natural order, rows only ever join at the end.
 *
 * Once everything is read it stays live as a live query would, but cheaper:
 * Dexie's `storagemutated` names the records each write touched (in this
 * window or another), and only those are read again.
 */
import { type ObservabilitySet } from 'dexie';
import type { Annotation, Category, DocumentRecord } from '../../shared/types';
import { isClosedError } from '../db/connection';
import type { ClaimmarkDB } from '../db/db';
import { singleKeys, StoreFollower } from '../db/store-follower';
import { RowBuilder, buildRows, tableOrder } from './build-rows';
import { START, readOn } from './read-in-order';
import type { TableRow } from './table-model';

/** How far the first read of everything has come. */
export interface TableLoading {
  /** Annotations read so far (the rows, and any of documents not listed). */
  read: number;
  /** Annotations stored, once counted. */
  stored: number | null;
}

export interface TableData {
  /** In natural order; while loading, the first rows of the table. */
  rows: TableRow[];
  documents: DocumentRecord[];
  categories: Category[];
  /** Null once every annotation has been read. */
  loading: TableLoading | null;
}

export interface TableSourceOptions {
  /** Rows in the first read: more than a tall window shows. */
  firstRows: number;
  /** Annotations per later read (and transaction). */
  chunkRows: number;
  /** How often, at most, the rows read so far are shown. */
  publishMs: number;
  /**
   * New rows are shown only once they are this many times as many as last
   * shown (in between, only how far the read is): each showing filters
   * (perhaps sorts) all of them, so in all that costs about two showings of
   * the whole table, however long the read takes.
   */
  publishGrowth: number;
  /** Awaited before each read after the first (a test holds the reads here). */
  pause: () => Promise<void>;
}

// Each read already gives the UI its turn while IndexedDB works: no pause of its own.
export const TABLE_SOURCE_DEFAULTS: TableSourceOptions = {
  firstRows: 150,
  chunkRows: 2000,
  publishMs: 250,
  publishGrowth: 2,
  pause: () => Promise.resolve(),
};

/** The documents (no texts) and the codebook, as the table lists them. */
export interface TableMeta {
  documents: DocumentRecord[];
  categories: Category[];
}

async function readMeta(db: ClaimmarkDB): Promise<TableMeta> {
  const [documents, categories] = await Promise.all([
    db.documents.toArray(),
    db.categories.orderBy('order').toArray(),
  ]);
  return { documents, categories };
}

const sameMeta = (a: TableMeta, b: TableMeta): boolean =>
  JSON.stringify(a.documents) === JSON.stringify(b.documents) &&
  JSON.stringify(a.categories) === JSON.stringify(b.categories);

export class TableSource extends StoreFollower {
  private readonly options: TableSourceOptions;
  private documents: DocumentRecord[] = [];
  private categories: Category[] = [];
  /** Every annotation read, by id; complete once `loaded`. */
  private annotations = new Map<string, Annotation>();
  private loaded = false;
  /** Changes reported and not read yet, gathered so that a burst is read once. */
  private readonly changedIds = new Set<string>();
  private metaChanged = false;
  private everythingChanged = false;
  private flushQueued = false;

  constructor(
    private readonly db: ClaimmarkDB,
    private readonly publish: (data: TableData) => void,
    onError: (error: unknown) => void,
    options: Partial<TableSourceOptions> = {},
    /** The documents and codebook the app holds already, if it does: the first read is shorter. */
    known?: TableMeta,
  ) {
    // A newer Claimmark closed the connection: what is shown stays, and the window says to reload.
    super((error) => {
      if (!isClosedError(error)) onError(error);
    });
    this.options = { ...TABLE_SOURCE_DEFAULTS, ...options };
    this.enqueue(() => this.load(true, known));
  }

  /** `rows` is handed on as it is: a snapshot, never the builder's own array. */
  private emit(rows: TableRow[], loading: TableLoading | null): void {
    if (this.closed) return;
    this.publish({
      rows,
      documents: this.documents,
      categories: this.categories,
      loading,
    });
  }

  /**
   * Reads everything in table order. The first time (`progressive`), the first
   * rows are shown at once and the rows read so far now and then; a later
   * reload keeps showing what it replaces until it is done, as a live query does.
   */
  private async load(progressive: boolean, known?: TableMeta): Promise<void> {
    const { db } = this;
    const { firstRows, chunkRows, publishMs, publishGrowth, pause } = this.options;
    // With the documents and codebook the app already holds, the first read is
    // one request: at a start IndexedDB is busy, and each round trip waits.
    const first = known
      ? await db.transaction('r', db.annotations, async () => {
          const order = tableOrder(known.documents);
          return { ...known, order, ...(await readOn(db, order, START, firstRows)) };
        })
      : await db.transaction('r', db.documents, db.categories, db.annotations, async () => {
          const meta = await readMeta(db);
          const order = tableOrder(meta.documents);
          return { ...meta, order, ...(await readOn(db, order, START, firstRows)) };
        });
    if (this.closed) return;
    const { documents, categories, order } = first;
    const builder = new RowBuilder(documents, categories);
    const annotations = new Map<string, Annotation>();
    const take = (list: readonly Annotation[]) => {
      for (const a of list) annotations.set(a.id, a);
      builder.add(list);
    };
    take(first.annotations);

    let next = first.next;
    const progress: TableLoading = { read: annotations.size, stored: null };
    let shownAt = performance.now();
    // The rows last shown: a progress-only showing hands the very same array on,
    // so nothing that depends on the rows is worked out again.
    let shownRows: TableRow[] = [];
    const show = (withRows: boolean) => {
      if (!progressive || !next) return;
      if (withRows || shownRows.length === 0) shownRows = [...builder.rows];
      this.emit(shownRows, { ...progress });
      shownAt = performance.now();
    };
    if (progressive) {
      this.documents = documents;
      this.categories = categories;
      show(true);
    }
    /** How many annotations each document holds, in table order, once counted: it plans the reads. */
    let sizes: number[] | undefined;
    if (next || known) {
      // Counted per listed document through the docId index (no record is
      // read): the total says how far the read has come, and an annotation of
      // a deleted document, never read, is not in it.
      const [meta, counts] = await db.transaction(
        'r',
        db.documents,
        db.categories,
        db.annotations,
        () =>
          Promise.all([
            known ? readMeta(db) : null,
            next
              ? Promise.all(order.map((d) => db.annotations.where('docId').equals(d.id).count()))
              : [],
          ]),
      );
      if (this.closed) return;
      // What the app held was not what is stored (a change just before the view opened): again from the store.
      if (known && meta && !sameMeta(known, meta)) return this.load(progressive);
      sizes = counts;
      progress.stored = counts.reduce((sum, n) => sum + n, 0);
      show(false);
    }
    while (next) {
      await pause();
      if (this.closed) return;
      const from = next;
      const chunk = await db.transaction('r', db.annotations, () =>
        readOn(db, order, from, chunkRows, sizes),
      );
      if (this.closed) return;
      take(chunk.annotations);
      next = chunk.next;
      progress.read = annotations.size;
      if (performance.now() - shownAt >= publishMs)
        show(builder.rows.length >= shownRows.length * publishGrowth);
    }
    this.documents = documents;
    this.categories = categories;
    this.annotations = annotations;
    this.loaded = true;
    this.emit(builder.finish(), null);
  }

  protected mutated(parts: ObservabilitySet): void {
    const base = `idb://${this.db.name}/`;
    const touches = (table: string) =>
      Object.keys(parts).some((key) => key.startsWith(`${base}${table}/`));
    if (touches('documents') || touches('categories')) this.metaChanged = true;
    const changed = parts[`${base}annotations/`];
    const deleted = parts[`${base}annotations/:dels`];
    if (changed || deleted) {
      if (!singleKeys(changed, this.changedIds) || !singleKeys(deleted, this.changedIds))
        this.everythingChanged = true;
    }
    if (!this.metaChanged && !this.everythingChanged && this.changedIds.size === 0) return;
    if (this.flushQueued) return;
    this.flushQueued = true;
    this.enqueue(() => this.flush());
  }

  /** Reads what changed since the last flush (everything again after a bulk change) and shows it. */
  private async flush(): Promise<void> {
    this.flushQueued = false;
    if (this.everythingChanged || !this.loaded) {
      this.everythingChanged = false;
      this.metaChanged = false;
      this.changedIds.clear();
      return this.load(false);
    }
    const { db } = this;
    const ids = [...this.changedIds];
    this.changedIds.clear();
    const metaToo = this.metaChanged;
    this.metaChanged = false;
    await db.transaction('r', db.documents, db.categories, db.annotations, async () => {
      if (metaToo)
        ({ documents: this.documents, categories: this.categories } = await readMeta(db));
      const records = await db.annotations.bulkGet(ids);
      ids.forEach((id, i) => {
        const a = records[i];
        if (a) this.annotations.set(id, a);
        else this.annotations.delete(id);
      });
    });
    if (this.closed) return;
    this.emit(buildRows([...this.annotations.values()], this.documents, this.categories), null);
  }
}
