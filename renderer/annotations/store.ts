import { anchorFields } from './anchor-fields';
import type { Annotation } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';
import type { DocumentAnnotations, Preview } from '../db/document-annotations';
import { UndoHistory, type AnnotationChange, type Change, type UndoEntry } from './undo';

/** What the store needs of the open document's in-memory annotations. */
export type ShownAnnotations = Pick<
  DocumentAnnotations,
  'docId' | 'preview' | 'get' | 'atSpan' | 'loaded'
>;

const annotationChanges = (changes: readonly Change[]): AnnotationChange[] =>
  changes.filter((c): c is AnnotationChange => c.table === undefined || c.table === 'annotations');

export type AnnotationPatch = Partial<
  Pick<Annotation, 'categoryIds' | 'note' | 'status' | 'speaker' | 'evidence'>
>;

/** An annotation or dismissal was written for a document that no longer exists. */
export class DocumentGoneError extends Error {
  constructor(readonly docId: string) {
    super('its document was deleted');
    this.name = 'DocumentGoneError';
  }
}

/** The stored field changed since the editor's draft began (another window wrote it). */
export class EditConflictError extends Error {
  constructor(readonly field: string) {
    super(`the ${field} was changed in another window`);
    this.name = 'EditConflictError';
  }
}

/**
 * Every annotation change goes through here: shown at once in the open
 * document (its in-memory model), then written to IndexedDB in one
 * transaction, one change after another, and recorded for undo. A write that
 * fails takes back what was shown; the caller says why.
 */
export class AnnotationStore {
  readonly history = new UndoHistory();
  /** Writes run one after another, so each sees the one before it stored. */
  private queue: Promise<unknown> = Promise.resolve();
  private queued = 0;

  constructor(
    private readonly db: ClaimmarkDB,
    private readonly now: () => Date = () => new Date(),
    /** The open document's annotations in memory, if any. */
    private readonly shown: () => ShownAnnotations | null = () => null,
    /** Who is coding (Settings ▸ Your name): stamped on each annotation made or changed. */
    private readonly coder: () => string = () => '',
  ) {}

  async create(
    docId: string,
    text: string,
    start: number,
    end: number,
    categoryId: string,
  ): Promise<Annotation> {
    const annotation = this.build(docId, text, start, end, categoryId);
    await this.add(annotation);
    return annotation;
  }

  /** A new annotation, not yet stored: its id can be made active before the write lands. */
  build(docId: string, text: string, start: number, end: number, categoryId: string): Annotation {
    const stamp = this.now().toISOString();
    return {
      id: crypto.randomUUID(),
      docId,
      start,
      end,
      ...anchorFields(text, start, end),
      categoryIds: [categoryId],
      note: '',
      status: 'unverified',
      speaker: '',
      evidence: '',
      createdAt: stamp,
      updatedAt: stamp,
      createdBy: this.coder(),
      updatedBy: this.coder(),
    };
  }

  add(annotation: Annotation): Promise<void> {
    return this.commit({ label: 'create', changes: [{ before: null, after: annotation }] });
  }

  /**
   * The annotation covering exactly this span, as shown: a second key press
   * right after the first finds the annotation the first one made, before it
   * is stored. From the database when the document is not (yet) in memory.
   */
  async findSpan(docId: string, start: number, end: number): Promise<Annotation | undefined> {
    const shown = this.shown();
    if (shown?.docId === docId) {
      const found = shown.atSpan(start, end);
      if (found !== undefined) return found ?? undefined;
    }
    return this.db.annotations.where('[docId+start+end]').equals([docId, start, end]).first();
  }

  /** The annotation as shown (ahead of its write), else as stored. */
  async get(id: string): Promise<Annotation | undefined> {
    const held = this.shown()?.get(id);
    return held ?? (await this.db.annotations.get(id));
  }

  /**
   * Applies a patch to the annotation as stored now, not as the caller last
   * saw it: a category added right after a keystroke must not drop the note.
   * With `expected`, those fields must still hold those values, or nothing is
   * written and an EditConflictError is thrown.
   */
  async update(
    target: Annotation,
    patch: AnnotationPatch,
    mergeKey?: string,
    expected?: AnnotationPatch,
  ): Promise<Annotation> {
    // (An update needs no document check: deleting a document deletes its annotations.)
    const stamp = this.now().toISOString();
    const by = this.coder();
    // Categories are drawn in the reader, so they are shown at once; a field's
    // text is on screen in its own editor, which must learn only from the
    // store whether it was saved.
    const shown = 'categoryIds' in patch ? this.shown() : null;
    const current = shown?.get(target.id);
    const preview = current
      ? shown?.preview([
          { before: current, after: { ...current, ...patch, updatedAt: stamp, updatedBy: by } },
        ])
      : null;
    const result = await this.written(
      preview ?? null,
      async () => {
        const r = await this.db.transaction('rw', this.db.annotations, async () => {
          const stored = await this.db.annotations.get(target.id);
          // Deleted meanwhile (another key, undo): an edit must not bring it back.
          if (!stored) return null;
          for (const [field, value] of Object.entries(expected ?? {}))
            if (stored[field as keyof AnnotationPatch] !== value)
              throw new EditConflictError(field);
          const next: Annotation = { ...stored, ...patch, updatedAt: stamp, updatedBy: by };
          await this.db.annotations.put(next);
          return { before: stored, after: next };
        });
        // In the queue: an undo queued after this edit finds it.
        if (r)
          this.history.push({ label: 'edit', changes: [r], ...(mergeKey ? { mergeKey } : {}) });
        return r;
      },
      (r) => (r ? [r] : [{ before: { ...target }, after: null }]),
    );
    return result?.after ?? target;
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
      ...anchorFields(text, start, end),
      updatedAt: this.now().toISOString(),
      updatedBy: this.coder(),
    };
    await this.commit({ label: 'reattach', changes: [{ before: orphan, after }] });
    return after;
  }

  /** Hides a suggested claim in its document (undoable). */
  async dismiss(docId: string, quote: string): Promise<void> {
    const after = { id: `${docId}\n${quote}`, docId, quote, at: this.now().toISOString() };
    const before = (await this.db.dismissals.get(after.id)) ?? null;
    await this.commit({ label: 'dismiss', changes: [{ table: 'dismissals', before, after }] });
  }

  /**
   * Deletes the annotation as stored when the delete runs, not as its row
   * showed it: a note whose write was still on its way when Delete was
   * clicked comes back with an undo.
   */
  async remove(annotation: Annotation): Promise<void> {
    const { annotations } = this.db;
    await this.written(
      this.show([{ before: annotation, after: null }]),
      async () => {
        const change = await this.db.transaction('rw', annotations, async () => {
          const stored = await annotations.get(annotation.id);
          if (stored) await annotations.delete(stored.id);
          return stored ? { before: stored, after: null } : null;
        });
        // Gone already (another window): there is nothing to undo.
        if (change) this.history.push({ label: 'delete', changes: [change] });
        return change;
      },
      (change) => [change ?? { before: annotation, after: null }],
    );
  }

  /** Undoes the last change; resolves to what was undone, if anything. */
  /**
   * Undoes the last change. Resolves to what was undone, to 'stale' when the
   * records changed since in another window (or there the text was replaced or reflowed)
   * so that undoing would put them on the wrong words, or to undefined.
   */
  async undo(): Promise<UndoEntry | 'stale' | undefined> {
    return this.serial(async () => {
      const entry = this.history.takeUndo();
      if (!entry) return undefined;
      const back = entry.changes.map((c) => ({ ...c, before: c.after, after: c.before }) as Change);
      try {
        return (await this.applyShown(back)) ? entry : 'stale';
      } catch (error) {
        this.history.restoreUndo(entry);
        throw error;
      }
    });
  }

  async redo(): Promise<UndoEntry | 'stale' | undefined> {
    return this.serial(async () => {
      const entry = this.history.takeRedo();
      if (!entry) return undefined;
      return (await this.applyShown(entry.changes)) ? entry : 'stale';
    });
  }

  /** A checked write (undo, redo), shown at once and taken back if the records changed meanwhile. */
  private async applyShown(changes: Change[]): Promise<boolean> {
    const preview = this.show(changes);
    try {
      const applied = await this.apply(changes, true);
      if (applied) preview?.settle(annotationChanges(changes));
      else preview?.revert();
      return applied;
    } catch (error) {
      preview?.revert();
      throw error;
    }
  }

  /**
   * Runs work after every write queued before it; at once when none is, so
   * its transaction is opened in the same task as the key press that asked.
   * (Work run here must not call back into another queued method: it would
   * wait for itself.)
   */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next =
      this.queued === 0 ? new Promise<T>((run) => run(work())) : this.queue.then(work, work);
    this.queued++;
    const done = () => void this.queued--;
    next.then(done, done);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs `write` after every write queued before it, with `preview` on screen
   * meanwhile: settled with what `stored` says was written, or taken back.
   */
  private written<T>(
    preview: Preview | null,
    write: () => Promise<T>,
    stored: (result: T) => readonly AnnotationChange[],
  ): Promise<T> {
    return this.serial(write).then(
      (result) => {
        preview?.settle(stored(result));
        return result;
      },
      (error: unknown) => {
        preview?.revert();
        throw error;
      },
    );
  }

  private show(changes: readonly Change[]): Preview | null {
    const mine = annotationChanges(changes);
    return mine.length ? (this.shown()?.preview(mine) ?? null) : null;
  }

  private async commit(entry: UndoEntry): Promise<void> {
    await this.written(
      this.show(entry.changes),
      async () => {
        await this.apply(entry.changes);
        this.history.push(entry);
      },
      () => annotationChanges(entry.changes),
    );
  }

  /**
   * Records changes already written in a transaction of their own (a merge of
   * another analyst's work), after every write queued before: undo takes them back.
   */
  async remember(label: string, changes: Change[]): Promise<void> {
    if (changes.length) await this.serial(async () => this.history.push({ label, changes }));
  }

  /** Records changes made elsewhere (the codebook) so that they can be undone too. */
  async commitChanges(label: string, changes: Change[]): Promise<void> {
    await this.commit({ label, changes });
  }

  /**
   * Writes changes in one transaction. With `checked`, each record must still
   * be as `before` says, or nothing is written and the result is false.
   */
  private async apply(changes: Change[], checked = false): Promise<boolean> {
    const { annotations, categories, dismissals, documents } = this.db;
    return this.db.transaction('rw', [annotations, categories, dismissals, documents], async () => {
      // Checked inside the write: a document deleted meanwhile (in another tab, or
      // while key presses were queued) gets no annotation that points at nothing.
      for (const c of changes) {
        if (c.table === 'categories' || !c.after) continue;
        if (await documents.get(c.after.docId)) continue;
        // An undo or redo for a deleted document is stale; a new change is refused.
        if (checked) return false;
        throw new DocumentGoneError(c.after.docId);
      }
      if (checked) {
        for (const c of changes) {
          const id = (c.before ?? c.after)?.id;
          if (id === undefined) continue;
          const current =
            c.table === 'categories'
              ? await categories.get(id)
              : c.table === 'dismissals'
                ? await dismissals.get(id)
                : await annotations.get(id);
          if (!sameRecord<object>(current ?? null, c.before)) return false;
        }
      }
      await writeChanges(this.db, changes);
      return true;
    });
  }
}

/** Writes each change's `after` (or deletes the record when it is null). */
export async function writeChanges(db: ClaimmarkDB, changes: Change[]): Promise<void> {
  for (const c of changes) {
    if (c.table === 'categories') {
      if (c.after) await db.categories.put(c.after);
      else if (c.before) await db.categories.delete(c.before.id);
    } else if (c.table === 'dismissals') {
      if (c.after) await db.dismissals.put(c.after);
      else if (c.before) await db.dismissals.delete(c.before.id);
    } else if (c.after) await db.annotations.put(c.after);
    else if (c.before) await db.annotations.delete(c.before.id);
  }
}

/** Field-by-field equality of two stored records (null: absent). */
export function sameRecord<T extends object>(a: T | null, b: T | null): boolean {
  if (!a || !b) return a === b;
  const x0 = a as Record<string, unknown>;
  const y0 = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(x0), ...Object.keys(y0)])) {
    const x = x0[key];
    const y = y0[key];
    // Arrays of ids or of figures: stored copies are equal by content, not identity.
    if (Array.isArray(x) && Array.isArray(y)) {
      if (JSON.stringify(x) !== JSON.stringify(y)) return false;
    } else if (x !== y) return false;
  }
  return true;
}
