import { foldAnnotation, type FoldedAnnotation } from '../../shared/find';
import { byId } from './annotation-lists';
import { isBelow, sameBound, type Bound } from './doc-bounds';
import type { ChangedKeys } from './library-changes';
import type { LibraryDb } from './library-db';

/** What one read of a range of the docId index brought. */
export interface AnnotationRange {
  /** The annotations of the docIds in [lower, upper), by docId; null when none were read. */
  annotations: Map<string, FoldedAnnotation[]> | null;
  lower: Bound;
  upper: Bound;
  /** HeldAnnotations.changes when the read began. */
  changes: number;
}

/**
 * The annotations held: those of every docId below `below`, by docId. They
 * are read by ranges of the docId index, batch by batch along the texts (one
 * request a batch, and the annotations of documents without a text come
 * with them), never one document at a time.
 */
export class HeldAnnotations {
  private readonly byDoc = new Map<string, FoldedAnnotation[]>();
  private heldBelow: Bound = null;
  private readonly docOf = new Map<string, string>();
  /** Annotations changed since they were read: read again before the next search. */
  private readonly stale = new Set<string>();
  private staleRead: Promise<void> | null = null;
  /** Bumped when all annotations must be read again (a bulk change). */
  private resets = 0;
  private changeCount = 0;

  constructor(private readonly db: LibraryDb) {}

  get below(): Bound {
    return this.heldBelow;
  }

  /**
   * Bumped by every change to the annotations: a range read begun before one
   * is used by its search but not held, so that it can never put back what a
   * change replaced.
   */
  get changes(): number {
    return this.changeCount;
  }

  held(docId: string): boolean {
    return isBelow(docId, this.heldBelow);
  }

  get(docId: string): FoldedAnnotation[] | undefined {
    return this.byDoc.get(docId);
  }

  /** A document's annotations, or undefined when they are not held (not read yet). */
  of(docId: string): FoldedAnnotation[] | undefined {
    return this.held(docId) ? (this.byDoc.get(docId) ?? []) : undefined;
  }

  entries(): IterableIterator<[string, FoldedAnnotation[]]> {
    return this.byDoc.entries();
  }

  /** The annotations changed (null: any may have), to be read again before the next search. */
  changed(keys: ChangedKeys): void {
    this.changeCount++;
    if (!keys) {
      this.resets++;
      this.byDoc.clear();
      this.docOf.clear();
      this.stale.clear();
      this.heldBelow = null;
      return;
    }
    for (const key of keys) this.stale.add(key);
  }

  /**
   * Reads the changed annotations again, until none is left, and puts each
   * where it now belongs. One read at a time, shared by the searches that
   * wait for it, so that a search superseded meanwhile cannot take the
   * changes away from the one that supersedes it.
   */
  async readChanged(): Promise<void> {
    while (this.stale.size > 0 || this.staleRead) {
      this.staleRead ??= this.readChangedOnce().finally(() => (this.staleRead = null));
      await this.staleRead;
    }
  }

  /** Holds a range's annotations when they carry on from those held. */
  keep(range: AnnotationRange): void {
    if (!range.annotations || range.changes !== this.changeCount) return;
    if (!sameBound(this.heldBelow, range.lower)) return;
    for (const [docId, list] of range.annotations) {
      this.byDoc.set(docId, list);
      for (const a of list) this.docOf.set(a.id, docId);
    }
    this.heldBelow = range.upper;
  }

  private async readChangedOnce(): Promise<void> {
    const ids = [...this.stale];
    this.stale.clear();
    const resets = this.resets;
    const { annotations } = await this.db.tables();
    const records = await annotations.bulkGet(ids);
    if (resets !== this.resets) return; // all are read again anyway
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
}
