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
import Dexie, {
  cmp,
  type IndexableType,
  type IntervalTree,
  type ObservabilitySet,
  type Table,
} from 'dexie';
import {
  foldAnnotation,
  searchAnnotations,
  searchText,
  type FoldedAnnotation,
  type LibraryHit,
} from '../../shared/find';
import { foldPattern, foldQuery } from '../../shared/fold';
import type { Annotation, DocumentText } from '../../shared/types';
import { singleKeys } from '../db/store-follower';
import type { EngineReply } from './search-protocol';

export interface EngineOptions {
  /**
   * UTF-16 units of text kept between searches. Past it, documents are read
   * again at each search, costing time rather than memory: the 20 MB of
   * Chinese the benchmark searches are about 9.5 million units (19 MB in
   * memory), 2,000 news articles of 10 KB about 7 million.
   */
  keepUnits?: number;
  /** Units read in the first batch: small, for the first hits; each next one doubles… */
  firstBatchUnits?: number;
  /** …up to this. */
  maxBatchUnits?: number;
  /** Least time between two progress messages of a search (its first hits and its end go at once). */
  progressEveryMs?: number;
}

const DEFAULTS: Required<EngineOptions> = {
  keepUnits: 48_000_000,
  firstBatchUnits: 32_768,
  maxBatchUnits: 1_048_576,
  progressEveryMs: 100,
};

/** A guess at a document's size before any has been read. */
const FIRST_GUESS_UNITS = 50_000;

interface Query {
  id: number;
  query: string;
  limitPerDoc: number;
}

/** Past every key: all annotations are held. */
const EVERY = Symbol('every');
/** Annotations are held for every docId below this (in IndexedDB's key order); null: none. */
type Bound = IndexableType | typeof EVERY | null;

/** What one read brought. */
interface Batch {
  /** By docId: the text, or undefined when there is none now. */
  texts: Map<string, string | undefined>;
  /** The annotations of the docIds in [lower, upper), by docId; null when none were read. */
  annotations: Map<string, FoldedAnnotation[]> | null;
  lower: Bound;
  upper: Bound;
  /** annotationChanges when the read began. */
  changes: number;
}

const byId = (a: FoldedAnnotation, b: FoldedAnnotation) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const nothing = (): void => {};

const sameBound = (a: Bound, b: Bound): boolean =>
  a === b || (a !== null && b !== null && a !== EVERY && b !== EVERY && cmp(a, b) === 0);

/** The single keys of the parts' range sets, or null when one holds a range (a bulk change). */
function keysOf(parts: (IntervalTree | undefined)[] | null): Set<string> | null {
  if (!parts) return null;
  const keys = new Set<string>();
  return parts.every((tree) => singleKeys(tree, keys)) ? keys : null;
}

/** Annotations by docId, each document's in id order (as the docId index gives them). */
function byDocument(records: readonly Annotation[]): Map<string, FoldedAnnotation[]> {
  const map = new Map<string, FoldedAnnotation[]>();
  for (const a of records) {
    const list = map.get(a.docId);
    if (list) list.push(foldAnnotation(a));
    else map.set(a.docId, [foldAnnotation(a)]);
  }
  return map;
}

export class SearchEngine {
  private readonly options: Required<EngineOptions>;
  private db: Dexie | null = null;
  private opening: Promise<Dexie> | null = null;
  /** Every document with a text, in primary-key order; null: list again. */
  private order: string[] | null = null;
  private readonly kept = new Map<string, string>();
  private keptUnits = 0;
  private readUnits = 0;
  private readDocs = 0;
  /**
   * The annotations held: those of every docId below `annotatedBelow`, by
   * docId. They are read by ranges of the docId index, batch by batch along
   * the texts (one request a batch, and the annotations of documents without
   * a text come with them), never one document at a time.
   */
  private readonly byDoc = new Map<string, FoldedAnnotation[]>();
  private annotatedBelow: Bound = null;
  private readonly docOf = new Map<string, string>();
  /** Annotations changed since they were read: read again before the next search. */
  private readonly changed = new Set<string>();
  private changedRead: Promise<void> | null = null;
  /** Reads not yet settled: a new search waits for them, so that none is read twice. */
  private readonly inflight = new Set<Promise<unknown>>();
  /** Bumped by every change to the texts, so that a read begun before it is not kept. */
  private textsEpoch = 0;
  /** Bumped when all annotations must be read again (a bulk change). */
  private annotationResets = 0;
  /**
   * Bumped by every change to the annotations: a range read begun before one
   * is used by its search but not held, so that it can never put back what a
   * change replaced.
   */
  private annotationChanges = 0;
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
    this.options = { ...DEFAULTS, ...options };
    Dexie.on('storagemutated', this.listener);
  }

  /**
   * Opens the database and lists its documents, so that a first query does
   * not wait for IndexedDB to open, or for the fold's tables to be built.
   */
  async warm(): Promise<void> {
    await this.listOrder();
    foldPattern('a'); // builds the tables behind it: tens of milliseconds, now rather than at the query
  }

  /**
   * Reads the first documents (one small transaction, firstBatchUnits of
   * text), so that a first query shows its first hits without waiting for
   * IndexedDB. Asked for once the window's first document is on screen: read
   * at once, they were read beside that document's own (10 MB) reads.
   */
  async readHead(): Promise<void> {
    const order = await this.listOrder();
    // A search or a read ahead begun meanwhile reads the head itself.
    if (this.passes > 0 || order.length === 0 || this.annotatedBelow !== null) return;
    let to = 0;
    for (let units = 0; to < order.length && units < this.options.firstBatchUnits; to++)
      units += this.guessUnits();
    await this.read(order, 0, to, null, to < order.length ? (order[to] as string) : EVERY);
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
    this.db?.close();
    this.db = null;
  }

  private open(): Promise<Dexie> {
    // Opened without a schema: the engine only reads, so it never creates or
    // upgrades the library, and it works whatever version the app is at.
    this.opening ??= (async () => {
      const db = new Dexie(this.dbName, { cache: 'disabled' });
      await db.open();
      this.db = db;
      return db;
    })().catch((error: unknown) => {
      this.opening = null; // try again at the next search
      throw error;
    });
    return this.opening;
  }

  private async tables(): Promise<{
    db: Dexie;
    texts: Table<DocumentText, string>;
    annotations: Table<Annotation, string>;
  }> {
    const db = await this.open();
    return { db, texts: db.table('texts'), annotations: db.table('annotations') };
  }

  private async listOrder(): Promise<string[]> {
    while (this.order === null) {
      const epoch = this.textsEpoch;
      const { texts } = await this.tables();
      const keys = (await texts.toCollection().primaryKeys()).map(String);
      if (epoch === this.textsEpoch) this.order = keys;
    }
    return this.order;
  }

  private held(docId: string): boolean {
    const below = this.annotatedBelow;
    return below === EVERY || (below !== null && cmp(docId, below) < 0);
  }

  private mutated(parts: ObservabilitySet): void {
    const prefix = `idb://${this.dbName}/`;
    const everything = 'all' in parts;
    const texts = [parts[`${prefix}texts/`], parts[`${prefix}texts/:dels`]];
    const annotations = [parts[`${prefix}annotations/`], parts[`${prefix}annotations/:dels`]];
    let dirty = false;
    if (everything || texts.some(Boolean)) {
      this.textsChanged(everything ? null : texts);
      dirty = true;
    }
    if (everything || annotations.some(Boolean)) {
      this.annotationsChanged(everything ? null : annotations);
      dirty = true;
    }
    if (dirty && this.current && this.rerunTimer === null) {
      // One search again for all the changes of a task (a transaction reports each table).
      this.rerunTimer = setTimeout(() => {
        this.rerunTimer = null;
        if (this.current) void this.run(this.current, this.currentDone);
      }, 0);
    }
  }

  private textsChanged(parts: (IntervalTree | undefined)[] | null): void {
    this.textsEpoch++;
    this.order = null;
    const keys = keysOf(parts);
    if (!keys) {
      this.kept.clear();
      this.keptUnits = 0;
      return;
    }
    for (const key of keys) {
      const doc = this.kept.get(key);
      if (doc === undefined) continue;
      this.keptUnits -= doc.length;
      this.kept.delete(key);
    }
  }

  private annotationsChanged(parts: (IntervalTree | undefined)[] | null): void {
    this.annotationChanges++;
    const keys = keysOf(parts);
    if (!keys) {
      this.annotationResets++;
      this.byDoc.clear();
      this.docOf.clear();
      this.changed.clear();
      this.annotatedBelow = null;
      return;
    }
    for (const key of keys) this.changed.add(key);
  }

  /**
   * Reads the changed annotations again, until none is left, and puts each
   * where it now belongs. One read at a time, shared by the searches that
   * wait for it, so that a search superseded meanwhile cannot take the
   * changes away from the one that supersedes it.
   */
  private async readChanged(): Promise<void> {
    while (this.changed.size > 0 || this.changedRead) {
      this.changedRead ??= this.readChangedOnce().finally(() => (this.changedRead = null));
      await this.changedRead;
    }
  }

  private async readChangedOnce(): Promise<void> {
    const ids = [...this.changed];
    this.changed.clear();
    const resets = this.annotationResets;
    const { annotations } = await this.tables();
    const records = await annotations.bulkGet(ids);
    if (resets !== this.annotationResets) return; // all are read again anyway
    const touched = new Map<string, FoldedAnnotation[]>();
    const gone = new Set(ids);
    const touch = (docId: string) => {
      let added = touched.get(docId);
      if (!added) touched.set(docId, (added = []));
      return added;
    };
    ids.forEach((id, i) => {
      const old = this.docOf.get(id);
      if (old !== undefined) touch(old);
      this.docOf.delete(id);
      const record = records[i];
      if (record && this.held(record.docId)) {
        touch(record.docId).push(foldAnnotation(record));
        this.docOf.set(id, record.docId);
      }
    });
    for (const [docId, added] of touched) {
      const list = (this.byDoc.get(docId) ?? []).filter((a) => !gone.has(a.id)).concat(added);
      if (list.length > 0) this.byDoc.set(docId, list.sort(byId));
      else this.byDoc.delete(docId);
    }
  }

  private guessUnits(): number {
    return this.readDocs > 0 ? this.readUnits / this.readDocs : FIRST_GUESS_UNITS;
  }

  /**
   * One transaction: the texts of `docs[from, to)` not kept, and the
   * annotations of the docIds in [lower, upper) unless `lower` is `upper`;
   * what it read is kept as it arrives, whichever search asked for it.
   */
  private read(
    docs: readonly string[],
    from: number,
    to: number,
    lower: Bound,
    upper: Bound,
  ): Promise<Batch> {
    const reading = this.readNow(docs, from, to, lower, upper);
    this.inflight.add(reading);
    reading.then(
      () => this.inflight.delete(reading),
      () => this.inflight.delete(reading),
    );
    return reading;
  }

  private async readNow(
    docs: readonly string[],
    from: number,
    to: number,
    lower: Bound,
    upper: Bound,
  ): Promise<Batch> {
    const textsEpoch = this.textsEpoch;
    const changes = this.annotationChanges;
    const need = docs.slice(from, to).filter((docId) => !this.kept.has(docId));
    const range = lower !== upper && lower !== EVERY;
    const { db, texts, annotations } = await this.tables();
    const [textRecords, annotationRecords] = await db.transaction('r', [texts, annotations], () =>
      Promise.all([
        // All of a batch at once as one range where none is kept (a first search), else one by one.
        need.length > 1 && need.length === to - from
          ? texts
              .where(':id')
              .between(docs[from] as string, docs[to - 1] as string, true, true)
              .toArray()
          : texts.bulkGet(need),
        range
          ? annotations
              .where('docId')
              .between(
                lower ?? Dexie.minKey,
                upper === EVERY || upper === null ? Dexie.maxKey : upper,
                true,
                upper === EVERY || upper === null,
              )
              .toArray()
          : [],
      ]),
    );
    const found = new Map<string, string>();
    for (const r of textRecords) if (r) found.set(r.docId, r.text);
    const batch: Batch = {
      texts: new Map(),
      annotations: range ? byDocument(annotationRecords) : null,
      lower,
      upper,
      changes,
    };
    this.keep(batch);
    for (const docId of need) {
      const doc = found.get(docId);
      batch.texts.set(docId, doc);
      if (doc === undefined) continue;
      this.readUnits += doc.length;
      this.readDocs++;
      if (textsEpoch === this.textsEpoch && this.keptUnits + doc.length <= this.options.keepUnits) {
        this.kept.set(docId, doc);
        this.keptUnits += doc.length;
      }
    }
    return batch;
  }

  /** Holds a batch's annotations when they carry on from those held. */
  private keep(batch: Batch): void {
    if (!batch.annotations || batch.changes !== this.annotationChanges) return;
    if (!sameBound(this.annotatedBelow, batch.lower)) return;
    for (const [docId, list] of batch.annotations) {
      this.byDoc.set(docId, list);
      for (const a of list) this.docOf.set(a.id, docId);
    }
    this.annotatedBelow = batch.upper;
  }

  /** Searches for `query` (null: only reads what is not held yet). */
  private async run(query: Query | null, quiet: boolean): Promise<void> {
    const pass = ++this.passes;
    const live = () => pass === this.passes;
    // Texts are searched as they are, through the fold's classes; quotes and notes are kept folded.
    const pattern = query && foldPattern(query.query);
    const q = query ? foldQuery(query.query) : '';
    const limit = query?.limitPerDoc ?? 0;
    const hits: LibraryHit[] = [];
    let sent = 0;
    let searched = 0;
    let total = 0;
    let lastPost = performance.now();
    let posted = false;
    /**
     * Sends what is new: before waiting for a read when there are new hits
     * (or nothing was sent yet, to say how far it got), at the end, and
     * otherwise at most every progressEveryMs; a quiet search only at the
     * end. A search of what is held thus sends its results once.
     */
    const post = (when: 'step' | 'wait' | 'done') => {
      const now = performance.now();
      const done = when === 'done';
      if (!query) return;
      if (!done) {
        if (quiet) return;
        const news = when === 'wait' && (!posted || hits.length > sent);
        if (!news && now - lastPost < this.options.progressEveryMs) return;
      }
      this.send({
        type: 'progress',
        id: query.id,
        from: sent,
        hits: hits.slice(sent),
        searched,
        total,
        done,
      });
      sent = hits.length;
      lastPost = now;
      posted = true;
      if (done) this.currentDone = true;
    };
    try {
      if (query && (!pattern || limit <= 0)) return post('done');
      const order = await this.listOrder();
      if (!live()) return;
      await this.readChanged();
      if (!live()) return;
      total = order.length;
      const listed = new Set(order);
      /** Annotations of documents without a text, from batches that could not be held. */
      const unlisted = new Map<string, FoldedAnnotation[]>();
      let reader: ReturnType<SearchEngine['reader']> | null = null;
      for (let i = 0; i < order.length; i++) {
        const docId = order[i] as string;
        let text = this.kept.get(docId);
        let annotations = this.held(docId) ? (this.byDoc.get(docId) ?? []) : undefined;
        if (!reader && (text === undefined || annotations === undefined)) {
          // What was being read for a search this one replaced (or ahead of
          // it, as the panel opened) comes first, a read at a time, rather
          // than being read twice.
          while (this.inflight.size > 0 && (text === undefined || annotations === undefined)) {
            post('wait');
            await Promise.race([...this.inflight].map((read) => read.then(nothing, nothing)));
            if (!live()) return;
            text = this.kept.get(docId);
            annotations = this.held(docId) ? (this.byDoc.get(docId) ?? []) : undefined;
          }
          // Small first reads only while nothing is on screen: they are for the first hits.
          reader = this.reader(
            order,
            hits.length > 0 ? this.options.maxBatchUnits / 2 : this.options.firstBatchUnits,
          );
        }
        if (text === undefined || annotations === undefined) {
          const read = (reader ??= this.reader(order)).get(i);
          post('wait');
          const batch = await read;
          if (!live()) return;
          for (const [id, list] of batch.annotations ?? [])
            if (!listed.has(id)) unlisted.set(id, list);
          text ??= batch.texts.get(docId);
          annotations ??= batch.annotations?.get(docId) ?? this.byDoc.get(docId) ?? [];
        }
        // No text any more: deleted since the list was made, and searched again once it says so.
        if (pattern && text !== undefined) {
          searchText(docId, text, pattern, limit, hits);
          searchAnnotations(docId, annotations, q, limit, hits);
        }
        reader?.passed(i);
        searched++;
        post('step');
      }
      if (this.annotatedBelow !== EVERY) {
        // The docIds past the last text's (annotations of documents deleted since, say).
        const tail = await this.read(order, 0, 0, this.annotatedBelow, EVERY);
        if (!live()) return;
        for (const [id, list] of tail.annotations ?? [])
          if (!listed.has(id)) unlisted.set(id, list);
      }
      if (!pattern) return;
      for (const [id, list] of this.byDoc) if (!listed.has(id)) unlisted.set(id, list);
      this.searchUnlisted(unlisted, q, limit, hits);
      post('done');
    } catch (error) {
      // A failed read ahead of a query says nothing: the search itself reads again.
      if (query && live()) {
        this.send({
          type: 'failed',
          id: query.id,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }

  /**
   * Reads for the search, ahead of it: `get(i)` resolves with the batch that
   * read `order[i]`, scheduling batches up to it and the one after, each
   * twice the size of the last; `passed(i)` lets go of the batches before.
   * A batch reads the texts it lacks and the annotations from where those
   * held (or read by the batch before) end to the next batch's first docId.
   */
  private reader(order: readonly string[], firstUnits = this.options.firstBatchUnits) {
    // At most two batches in flight: the one being searched and the next.
    const queue: { batch: Promise<Batch>; from: number; to: number }[] = [];
    let next = 0;
    let annotatedTo: Bound = this.annotatedBelow;
    let units = firstUnits;
    const schedule = () => {
      const from = next;
      let size = 0;
      while (next < order.length && (size === 0 || size < units)) {
        const docId = order[next++] as string;
        const lacksText = !this.kept.has(docId);
        const lacksAnnotations = !this.held(docId);
        if (lacksText || lacksAnnotations) size += lacksText ? this.guessUnits() : 1;
      }
      if (size === 0) return;
      units = Math.min(units * 2, this.options.maxBatchUnits);
      const upper: Bound = next < order.length ? (order[next] as string) : EVERY;
      const lower = annotatedTo;
      const reads =
        lower !== EVERY &&
        (lower === null || cmp(lower, upper === EVERY ? Dexie.maxKey : upper) < 0);
      queue.push({
        batch: this.read(order, from, next, reads ? lower : upper, upper),
        from,
        to: next,
      });
      if (reads) annotatedTo = upper;
    };
    return {
      get: (i: number): Promise<Batch> => {
        while (next <= i) schedule();
        const at = queue.findIndex((b) => b.to > i);
        const entry = queue[at];
        if (!entry || entry.from > i) return this.readOne(order[i] as string);
        if (at === queue.length - 1) schedule(); // the next batch reads while this one is searched
        return entry.batch;
      },
      passed: (i: number): void => {
        while (queue[0] && queue[0].to <= i + 1) queue.shift();
      },
    };
  }

  /** A document passed over as kept and dropped since by a change: read on its own. */
  private async readOne(docId: string): Promise<Batch> {
    const { texts, annotations } = await this.tables();
    const [text, records] = await Promise.all([
      texts.get(docId),
      annotations.where('docId').equals(docId).toArray(),
    ]);
    return {
      texts: new Map([[docId, text?.text]]),
      annotations: new Map([[docId, records.map(foldAnnotation)]]),
      lower: null,
      upper: null,
      changes: -1, // never held: it is not a range
    };
  }

  /**
   * Annotations whose document has no text (older versions could leave them)
   * come last, as LibraryIndex gives them: by document, documents in the
   * order of their first annotation's id.
   */
  private searchUnlisted(
    unlisted: ReadonlyMap<string, FoldedAnnotation[]>,
    q: string,
    limit: number,
    hits: LibraryHit[],
  ): void {
    const lists = [...unlisted].flatMap(([docId, list]) => {
      const first = list[0];
      return first ? [{ docId, list, first }] : [];
    });
    lists.sort((a, b) => byId(a.first, b.first));
    for (const { docId, list } of lists) searchAnnotations(docId, list, q, limit, hits);
  }
}
