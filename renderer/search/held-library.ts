import Dexie from 'dexie';
import { foldAnnotation } from '../../shared/find';
import { byDocument } from './annotation-lists';
import { EVERY, type Bound } from './doc-bounds';
import { HeldAnnotations, type AnnotationRange } from './held-annotations';
import { KeptTexts } from './kept-texts';
import type { ChangedKeys } from './library-changes';
import { LibraryDb } from './library-db';

/** One list of a read's parameters, so that read and readNow cannot drift apart. */
type ReadSpan = [docs: readonly string[], from: number, to: number, lower: Bound, upper: Bound];

/** What one read brought. */
export interface Batch extends AnnotationRange {
  /** By docId: the text, or undefined when there is none now. */
  texts: Map<string, string | undefined>;
}

/**
 * What the engine holds of the library and the reads that fill it: what a
 * read brings is kept as it arrives, whichever search asked for it, so that
 * a search that supersedes another takes over its reads.
 */
export class HeldLibrary {
  readonly texts: KeptTexts;
  readonly annotations: HeldAnnotations;
  private readonly db: LibraryDb;
  /** Every document with a text, in primary-key order; null: list again. */
  private order: string[] | null = null;
  private readonly reads = new Set<Promise<unknown>>();

  constructor(dbName: string, keepUnits: number) {
    this.db = new LibraryDb(dbName);
    this.texts = new KeptTexts(keepUnits);
    this.annotations = new HeldAnnotations(this.db);
  }

  /** Reads not yet settled: a new search waits for them, so that none is read twice. */
  get inflight(): ReadonlySet<Promise<unknown>> {
    return this.reads;
  }

  async listOrder(): Promise<string[]> {
    while (this.order === null) {
      const epoch = this.texts.epoch;
      const { texts } = await this.db.tables();
      const keys = (await texts.toCollection().primaryKeys()).map(String);
      if (epoch === this.texts.epoch) this.order = keys;
    }
    return this.order;
  }

  textsChanged(keys: ChangedKeys): void {
    this.texts.changed(keys);
    this.order = null;
  }

  /**
   * One transaction: the texts of `docs[from, to)` not kept, and the
   * annotations of the docIds in [lower, upper) unless `lower` is `upper`.
   */
  read(...span: ReadSpan): Promise<Batch> {
    const reading = this.readNow(...span);
    this.reads.add(reading);
    reading.then(
      () => this.reads.delete(reading),
      () => this.reads.delete(reading),
    );
    return reading;
  }

  /** A document passed over as kept and dropped since by a change: read on its own. */
  async readOne(docId: string): Promise<Batch> {
    const { texts, annotations } = await this.db.tables();
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

  close(): void {
    this.db.close();
  }

  private async readNow(...[docs, from, to, lower, upper]: ReadSpan): Promise<Batch> {
    const textsEpoch = this.texts.epoch;
    const changes = this.annotations.changes;
    const need = docs.slice(from, to).filter((docId) => !this.texts.has(docId));
    const range = lower !== upper && lower !== EVERY;
    const { db, texts, annotations } = await this.db.tables();
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
    this.annotations.keep(batch);
    for (const docId of need) {
      const doc = found.get(docId);
      batch.texts.set(docId, doc);
      if (doc !== undefined) this.texts.add(docId, doc, textsEpoch);
    }
    return batch;
  }
}
