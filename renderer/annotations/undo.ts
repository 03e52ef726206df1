import type { Annotation, Category, Dismissal } from '../../shared/types';

/** One record's state before and after a change; null means "absent". */
export type Change = AnnotationChange | CategoryChange | DismissalChange;

export interface AnnotationChange {
  table?: 'annotations';
  before: Annotation | null;
  after: Annotation | null;
}

/** Codebook edits share the history, so Ctrl+Z undoes a rename as well as a highlight. */
export interface CategoryChange {
  table: 'categories';
  before: Category | null;
  after: Category | null;
}

/** Dismissing a suggestion is undone like any other edit. */
export interface DismissalChange {
  table: 'dismissals';
  before: Dismissal | null;
  after: Dismissal | null;
}

export interface UndoEntry {
  label: string;
  changes: Change[];
  /** Consecutive entries with the same key fold into one (typing a note). */
  mergeKey?: string;
}

/** Undo history of annotation changes, kept for the session. */
export class UndoHistory {
  private done: UndoEntry[] = [];
  private undone: UndoEntry[] = [];

  constructor(private readonly limit = 500) {}

  push(entry: UndoEntry): void {
    const top = this.done.at(-1);
    this.undone = [];
    if (entry.mergeKey && top?.mergeKey === entry.mergeKey) {
      top.changes = top.changes.map(
        (c, i) => ({ ...c, after: entry.changes[i]?.after ?? c.after }) as Change,
      );
      return;
    }
    this.done.push(entry);
    if (this.done.length > this.limit) this.done.shift();
  }

  /** Ends folding, so the next note edit starts a new undo step. */
  seal(): void {
    const top = this.done.at(-1);
    if (top) delete top.mergeKey;
  }

  /**
   * Drops every step touching a document whose text was replaced or reflowed:
   * those records hold positions in a text that no longer exists.
   */
  forget(docId: string): void {
    const keep = (e: UndoEntry) =>
      !e.changes.some(
        (c) => c.table !== 'categories' && (c.before?.docId === docId || c.after?.docId === docId),
      );
    this.done = this.done.filter(keep);
    this.undone = this.undone.filter(keep);
  }

  /** After a restore from backup nothing in the history refers to the library any more. */
  clear(): void {
    this.done = [];
    this.undone = [];
  }

  takeUndo(): UndoEntry | undefined {
    const entry = this.done.pop();
    if (entry) this.undone.push(entry);
    return entry;
  }

  takeRedo(): UndoEntry | undefined {
    const entry = this.undone.pop();
    if (entry) this.done.push(entry);
    return entry;
  }

  /** Puts an entry back when applying it failed, so nothing is lost from history. */
  restoreUndo(entry: UndoEntry): void {
    this.undone.pop();
    this.done.push(entry);
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }
}
