import Dexie, { cmp, RangeSet, type IntervalTree, type ObservabilitySet } from 'dexie';
import type { Annotation } from '../../shared/types';
import type { ClaimmarkDB } from './db';

/** Text order, as the [docId+start+end] index gives it (ties by id, the primary key). */
function byPosition(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The single keys of a range set, or null when it holds a range (a bulk change). */
function singleKeys(tree: IntervalTree | undefined, into: Set<string>): boolean {
  if (!tree) return true;
  for (const node of RangeSet(tree)) {
    if (cmp(node.from, node.to) !== 0) return false;
    into.add(String(node.from));
  }
  return true;
}

/**
 * The open document's annotations, kept in memory. It is read whole once;
 * after that a change (from this window's writes or another window's, which
 * Dexie reports with the keys it touched) re-reads only the records changed,
 * and a change to another document costs nothing. A live query instead read
 * all of them again for every keystroke of a note: with 20,000 annotations,
 * 300–400 ms of a busy main thread per key.
 */
export class DocumentAnnotations {
  private readonly byId = new Map<string, Annotation>();
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  /** Until the first whole read lands, an edit of any record may be one of ours. */
  private loaded = false;
  private readonly listener = (parts: ObservabilitySet) => this.mutated(parts);

  constructor(
    private readonly db: ClaimmarkDB,
    private readonly docId: string,
    private readonly publish: (list: Annotation[]) => void,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    Dexie.on('storagemutated', this.listener);
    this.enqueue(() => this.readAll());
  }

  /** Resolves once every change reported so far has been read. */
  async idle(): Promise<void> {
    let seen: Promise<void> | null = null;
    while (seen !== this.chain) {
      seen = this.chain;
      await seen;
    }
  }

  close(): void {
    this.closed = true;
    Dexie.on('storagemutated').unsubscribe(this.listener);
  }

  private mutated(parts: ObservabilitySet): void {
    const prefix = `idb://${this.db.name}/annotations/`;
    const changed = parts[prefix];
    const deleted = parts[`${prefix}:dels`];
    if (!changed && !deleted) return;
    const ids = new Set<string>();
    if (!singleKeys(changed, ids) || !singleKeys(deleted, ids)) {
      this.enqueue(() => this.readAll());
      return;
    }
    // Dexie names the docId of every record whose docId entry changed (a new
    // record, or one moved): those may now be this document's. Of the rest,
    // only the records held here matter; an edit elsewhere is not read at all.
    const docs = parts[`${prefix}docId`];
    const mayJoin = docs !== undefined && RangeSet(docs).hasKey(this.docId);
    const wanted = mayJoin || !this.loaded ? [...ids] : [...ids].filter((id) => this.byId.has(id));
    if (wanted.length > 0) this.enqueue(() => this.readSome(wanted));
  }

  /** One read at a time, each of the database as it is then: applied in order, they end right. */
  private enqueue(read: () => Promise<boolean>): void {
    this.chain = this.chain
      .then(async () => {
        if (this.closed) return;
        if ((await read()) && !this.closed) this.publish(this.list());
      })
      .catch((error: unknown) => this.onError(error));
  }

  private async readAll(): Promise<boolean> {
    const all = await this.db.annotations.where('docId').equals(this.docId).toArray();
    this.byId.clear();
    for (const a of all) this.byId.set(a.id, a);
    this.loaded = true;
    return true;
  }

  private async readSome(ids: string[]): Promise<boolean> {
    const records = await this.db.annotations.bulkGet(ids);
    let touched = false;
    ids.forEach((id, i) => {
      const a = records[i];
      if (a && a.docId === this.docId) {
        this.byId.set(id, a);
        touched = true;
      } else if (this.byId.delete(id)) touched = true;
    });
    return touched;
  }

  private list(): Annotation[] {
    return [...this.byId.values()].sort(byPosition);
  }
}
