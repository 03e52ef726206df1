import { contextAround } from '../../shared/text';
import type { Annotation } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';
import { UndoHistory, type Change, type UndoEntry } from './undo';

export type AnnotationPatch = Partial<Pick<Annotation, 'categoryIds' | 'note'>>;

/**
 * Every annotation change goes through here: written to IndexedDB in one
 * transaction and recorded for undo.
 */
export class AnnotationStore {
  readonly history = new UndoHistory();
  /** Changes run one after another, so a quick second key press sees the first one's result. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: ClaimmarkDB,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(
    docId: string,
    text: string,
    start: number,
    end: number,
    categoryId: string,
  ): Promise<Annotation> {
    const stamp = this.now().toISOString();
    const annotation: Annotation = {
      id: crypto.randomUUID(),
      docId,
      start,
      end,
      ...contextAround(text, start, end),
      categoryIds: [categoryId],
      note: '',
      status: 'unverified',
      speaker: '',
      evidence: '',
      createdAt: stamp,
      updatedAt: stamp,
    };
    await this.commit({ label: 'create', changes: [{ before: null, after: annotation }] });
    return annotation;
  }

  async update(before: Annotation, patch: AnnotationPatch, mergeKey?: string): Promise<Annotation> {
    const after: Annotation = { ...before, ...patch, updatedAt: this.now().toISOString() };
    await this.commit({
      label: 'edit',
      changes: [{ before, after }],
      ...(mergeKey ? { mergeKey } : {}),
    });
    return after;
  }

  /** Gives an orphan a new place: the text the user selected. */
  async reattach(
    orphan: Annotation,
    text: string,
    start: number,
    end: number,
  ): Promise<Annotation> {
    const { orphaned: _, ...rest } = orphan;
    const after: Annotation = {
      ...rest,
      start,
      end,
      ...contextAround(text, start, end),
      updatedAt: this.now().toISOString(),
    };
    await this.commit({ label: 'reattach', changes: [{ before: orphan, after }] });
    return after;
  }

  async remove(annotation: Annotation): Promise<void> {
    await this.commit({ label: 'delete', changes: [{ before: annotation, after: null }] });
  }

  /** Undoes the last change; resolves to what was undone, if anything. */
  async undo(): Promise<UndoEntry | undefined> {
    const entry = this.history.takeUndo();
    if (!entry) return undefined;
    try {
      await this.apply(entry.changes.map((c) => ({ before: c.after, after: c.before })));
    } catch (error) {
      this.history.restoreUndo(entry);
      throw error;
    }
    return entry;
  }

  async redo(): Promise<UndoEntry | undefined> {
    const entry = this.history.takeRedo();
    if (entry) await this.apply(entry.changes);
    return entry;
  }

  /** Runs work after every change queued before it. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The annotation covering exactly this span, if there is one. */
  async findSpan(docId: string, start: number, end: number): Promise<Annotation | undefined> {
    return this.db.annotations
      .where('docId')
      .equals(docId)
      .filter((a) => a.start === start && a.end === end)
      .first();
  }

  get(id: string): Promise<Annotation | undefined> {
    return this.db.annotations.get(id);
  }

  private async commit(entry: UndoEntry): Promise<void> {
    await this.apply(entry.changes);
    this.history.push(entry);
  }

  private async apply(changes: Change[]): Promise<void> {
    await this.db.transaction('rw', this.db.annotations, async () => {
      for (const { before, after } of changes) {
        if (after) await this.db.annotations.put(after);
        else if (before) await this.db.annotations.delete(before.id);
      }
    });
  }
}
