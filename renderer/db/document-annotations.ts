import { RangeSet, type ObservabilitySet } from 'dexie';
import type { Annotation } from '../../shared/types';
import type { ClaimmarkDB } from './db';
import { byPosition, withChanges } from './sorted-annotations';
import {
  countOf,
  isSpansRecord,
  orphansOf,
  sameIds,
  sameSpans,
  spansOf,
  spansRecordOfAnnotations,
  type Span,
} from './spans';
import { handedSpansRecord } from './spans-handoff';
import { singleKeys, StoreFollower } from './store-follower';

/** Stores the document's spans record; a document whose ids cannot be joined has none. */
export async function keepSpans(db: ClaimmarkDB, docId: string, all: readonly Annotation[]) {
  const record = spansRecordOfAnnotations(docId, all);
  await (record ? db.spans.put(record) : db.spans.delete(docId));
}

/** A record's state before and after a change; null means "absent". */
export interface RecordChange {
  before: Annotation | null;
  after: Annotation | null;
}

/** Changes on screen before they are written. */
export interface Preview {
  /** Written: what was stored (it may differ from what was shown) replaces what is held. */
  settle(written: readonly RecordChange[]): void;
  /** Not written: the screen goes back to what is stored. */
  revert(): void;
}

/** The same stored record: a re-read of one's own write is no change. */
const same = (a: Annotation | undefined, b: Annotation | undefined) =>
  a === b || (!!a && !!b && JSON.stringify(a) === JSON.stringify(b));

/**
 * The open document's annotations, kept in memory. It is read whole once;
 * after that a change (from this window's writes or another window's, which
 * Dexie reports with the keys it touched) re-reads only the records changed,
 * and a change to another document costs nothing. A live query instead read
 * all of them again for every keystroke of a note: with 20,000 annotations,
 * 300–400 ms of a busy main thread per key.
 */
export class DocumentAnnotations extends StoreFollower {
  /** As stored, and the same records in text order. */
  private readonly byId = new Map<string, Annotation>();
  private sorted: Annotation[] = [];
  /** Shown ahead of the database: id → the record as it will be (null: gone), by preview. */
  private readonly ahead = new Map<string, { value: Annotation | null; by: object }>();
  private whenLoaded!: () => void;
  /** Resolves once the first whole read has landed. */
  readonly loaded: Promise<void> = new Promise((resolve) => (this.whenLoaded = resolve));
  /** Until the first whole read lands, an edit of any record may be one of ours. */
  private isLoaded = false;
  constructor(
    private readonly db: ClaimmarkDB,
    readonly docId: string,
    private readonly publish: (list: Annotation[]) => void,
    onError: (error: unknown) => void = () => {},
    /**
     * The document's highlights from its spans record, before its records
     * are read, and how many annotations it has in all (orphans too).
     */
    private readonly early: (spans: Span[], count: number) => void = () => {},
    /**
     * Resolves when the records may be read. IndexedDB answers one request
     * after another: 10,000 records asked for first kept the text 300 ms
     * behind them, so an open waits for its text.
     */
    private readonly mayRead: Promise<unknown> = Promise.resolve(),
  ) {
    super(onError);
    this.read(() => this.firstRead());
  }

  /**
   * The spans record first (one small read, so the text's read is not queued
   * behind 10,000 records), then every record. A document without a spans
   * record gets one from that read, in its transaction, so no write slips in
   * between; one whose record disagrees with its records has it made again.
   */
  private async firstRead(): Promise<boolean> {
    const handed = handedSpansRecord(this.docId);
    const stored: unknown = handed ? handed.record : await this.db.spans.get(this.docId);
    const record = isSpansRecord(stored) ? stored : null;
    const shown = record ? spansOf(record) : null;
    if (record && shown && !this.closed) this.early(shown, countOf(record));
    await this.mayRead;
    if (!record || !shown) {
      try {
        await this.db.transaction('rw', this.db.annotations, this.db.spans, async () => {
          await this.readAll();
          await keepSpans(this.db, this.docId, this.sorted);
        });
      } catch {
        // A full disk refuses the record: the annotations are read all the same.
        await this.readAll();
      }
      return true;
    }
    await this.readAll();
    const held = this.sorted.filter((a) => !a.orphaned);
    const heldOrphans = this.sorted.filter((a) => a.orphaned).map((a) => a.id);
    if (!sameSpans(shown, held) || !sameIds(orphansOf(record), heldOrphans)) this.rememberSpans();
    return true;
  }

  private rememberSpans(): void {
    const { db, docId } = this;
    db.transaction('rw', db.annotations, db.spans, async () => {
      const all = await db.annotations.where('docId').equals(docId).toArray();
      await keepSpans(db, docId, all);
    }).catch(() => undefined);
  }

  protected mutated(parts: ObservabilitySet): void {
    const prefix = `idb://${this.db.name}/annotations/`;
    const changed = parts[prefix];
    const deleted = parts[`${prefix}:dels`];
    if (!changed && !deleted) return;
    const ids = new Set<string>();
    if (!singleKeys(changed, ids) || !singleKeys(deleted, ids)) {
      this.read(() => this.readAll());
      return;
    }
    // Dexie names the docId of every record whose docId entry changed (a new
    // record, or one moved): those may now be this document's. Of the rest,
    // only the records held here matter; an edit elsewhere is not read at all.
    const docs = parts[`${prefix}docId`];
    const mayJoin = docs !== undefined && RangeSet(docs).hasKey(this.docId);
    const wanted =
      mayJoin || !this.isLoaded ? [...ids] : [...ids].filter((id) => this.byId.has(id));
    if (wanted.length > 0) this.read(() => this.readSome(wanted));
  }

  /** One read at a time, each of the database as it is then: applied in order, they end right. */
  /** A read that says whether it changed what is held: then the new list is published. */
  private read(step: () => Promise<boolean>): void {
    this.enqueue(async () => {
      if ((await step()) && !this.closed) this.publish(this.list());
    });
  }

  /** The record as shown (ahead of the database when a change is on its way); null when it is not here. */
  get(id: string): Annotation | null {
    const ahead = this.ahead.get(id);
    return ahead ? ahead.value : (this.byId.get(id) ?? null);
  }

  /**
   * The annotation covering exactly this span as shown, null when there is
   * none, undefined until the first read has landed (ask the database then).
   */
  atSpan(start: number, end: number): Annotation | null | undefined {
    if (!this.isLoaded) return undefined;
    for (const { value } of this.ahead.values())
      if (value && value.start === start && value.end === end) return value;
    for (const a of this.sorted) {
      if (a.start > start) break;
      if (a.start === start && a.end === end && !this.ahead.has(a.id)) return a;
    }
    return null;
  }

  /**
   * Shows changes at once, ahead of their write: a key press paints its
   * highlight in the next frame instead of after a transaction and a re-read.
   * Null when none of them touches this document.
   */
  preview(changes: readonly RecordChange[]): Preview | null {
    const mine = changes.filter(
      (c) => c.before?.docId === this.docId || c.after?.docId === this.docId,
    );
    if (mine.length === 0 || this.closed) return null;
    const by = {};
    const ids = mine.map((c) => (c.after ?? c.before)!.id);
    mine.forEach((c, i) => {
      const value = c.after?.docId === this.docId ? c.after : null;
      this.ahead.set(ids[i]!, { value, by });
    });
    // Before the first whole read the list holds only what is ahead: published
    // now, it would take every highlight painted from the spans record away.
    // The first read publishes it with the records.
    if (this.isLoaded) this.publish(this.list());
    const release = () => {
      for (const id of ids) if (this.ahead.get(id)?.by === by) this.ahead.delete(id);
    };
    const redrawIfChanged = (shown: (Annotation | null)[]) => {
      if (this.closed || !this.isLoaded) return;
      if (ids.some((id, i) => !same(shown[i] ?? undefined, this.get(id) ?? undefined)))
        this.publish(this.list());
    };
    return {
      settle: (written) => {
        const shown = ids.map((id) => this.get(id));
        release();
        this.hold(written.map((c) => c.after ?? c.before!.id));
        // Usually what was written is what was shown: nothing to draw again.
        redrawIfChanged(shown);
      },
      revert: () => {
        const shown = ids.map((id) => this.get(id));
        release();
        redrawIfChanged(shown);
      },
    };
  }

  private async readAll(): Promise<boolean> {
    const all = await this.db.annotations.where('docId').equals(this.docId).toArray();
    this.byId.clear();
    for (const a of all) this.byId.set(a.id, a);
    this.sorted = all.sort(byPosition);
    this.isLoaded = true;
    this.whenLoaded();
    return true;
  }

  private async readSome(ids: string[]): Promise<boolean> {
    const records = await this.db.annotations.bulkGet(ids);
    return this.hold(ids.map((id, i) => records[i] ?? id));
  }

  /** Takes records as stored (an id alone: absent); true when what is held changed. */
  private hold(records: readonly (Annotation | string)[]): boolean {
    const removed: Annotation[] = [];
    const added: Annotation[] = [];
    for (const r of records) {
      const id = typeof r === 'string' ? r : r.id;
      const old = this.byId.get(id);
      const next = typeof r !== 'string' && r.docId === this.docId ? r : undefined;
      if (same(old, next)) continue;
      if (old) removed.push(old);
      if (next) {
        added.push(next);
        this.byId.set(id, next);
      } else this.byId.delete(id);
    }
    if (removed.length === 0 && added.length === 0) return false;
    this.sorted = withChanges(this.sorted, removed, added);
    return true;
  }

  private list(): Annotation[] {
    if (this.ahead.size === 0) return this.sorted;
    const removed: Annotation[] = [];
    const added: Annotation[] = [];
    for (const [id, { value }] of this.ahead) {
      const held = this.byId.get(id);
      if (held) removed.push(held);
      if (value) added.push(value);
    }
    return withChanges(this.sorted, removed, added);
  }
}
