import { anchorFields } from './anchor-fields';
import type { Annotation } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';
import { UndoHistory, type Change, type UndoEntry } from './undo';

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
      ...anchorFields(text, start, end),
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
    const result = await this.db.transaction('rw', this.db.annotations, async () => {
      const current = await this.db.annotations.get(target.id);
      // Deleted meanwhile (another key, undo): an edit must not bring it back.
      if (!current) return null;
      for (const [field, value] of Object.entries(expected ?? {}))
        if (current[field as keyof AnnotationPatch] !== value) throw new EditConflictError(field);
      const next: Annotation = { ...current, ...patch, updatedAt: stamp };
      await this.db.annotations.put(next);
      return { before: current, after: next };
    });
    if (!result) return target;
    const { before, after } = result;
    this.history.push({
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
      ...anchorFields(text, start, end),
      updatedAt: this.now().toISOString(),
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

  async remove(annotation: Annotation): Promise<void> {
    await this.commit({ label: 'delete', changes: [{ before: annotation, after: null }] });
  }

  /** Undoes the last change; resolves to what was undone, if anything. */
  /**
   * Undoes the last change. Resolves to what was undone, to 'stale' when the
   * records changed since in another window (or there the text was replaced or reflowed)
   * so that undoing would put them on the wrong words, or to undefined.
   */
  async undo(): Promise<UndoEntry | 'stale' | undefined> {
    const entry = this.history.takeUndo();
    if (!entry) return undefined;
    try {
      const applied = await this.apply(
        entry.changes.map((c) => ({ ...c, before: c.after, after: c.before }) as Change),
        true,
      );
      return applied ? entry : 'stale';
    } catch (error) {
      this.history.restoreUndo(entry);
      throw error;
    }
  }

  async redo(): Promise<UndoEntry | 'stale' | undefined> {
    const entry = this.history.takeRedo();
    if (!entry) return undefined;
    return (await this.apply(entry.changes, true)) ? entry : 'stale';
  }

  /** Runs work after every change queued before it. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The annotation covering exactly this span, if there is one. */
  async findSpan(docId: string, start: number, end: number): Promise<Annotation | undefined> {
    return this.db.annotations.where('[docId+start+end]').equals([docId, start, end]).first();
  }

  get(id: string): Promise<Annotation | undefined> {
    return this.db.annotations.get(id);
  }

  private async commit(entry: UndoEntry): Promise<void> {
    await this.apply(entry.changes);
    this.history.push(entry);
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
