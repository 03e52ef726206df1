import Dexie, { type EntityTable } from 'dexie';
import type { Annotation } from '../../shared/types';

export type DraftFieldName = 'note' | 'speaker' | 'evidence';

export interface Draft {
  /** `${annotationId}\n${field}` */
  key: string;
  annotationId: string;
  field: DraftFieldName;
  value: string;
  at: string;
}

/**
 * A journal of what is being typed, in a database of its own. Each keystroke
 * is put here at once: no live query reads this database, so the put never
 * waits behind the reads a big library's changes set off, the way the write
 * to the annotation does. An entry goes once its value is stored in the
 * annotation; one still here at start is text typed just before a crash.
 */
export class DraftJournal extends Dexie {
  drafts!: EntityTable<Draft, 'key'>;

  constructor(name = 'claimmark-drafts') {
    super(name, { cache: 'disabled' });
    this.version(1).stores({ drafts: 'key' });
  }
}

const keyOf = (annotationId: string, field: DraftFieldName) => `${annotationId}\n${field}`;
const ignore = () => undefined;

/**
 * One put, committed as it is sent. Dexie commits only once the put's success
 * has come back to this thread, and a busy main thread (a big document's
 * highlights being drawn) can hold that back past the next keystroke; an
 * explicit commit() goes to the database with the put and needs nothing more
 * from this thread.
 */
function putAndCommit(db: IDBDatabase, draft: Draft): Promise<void> {
  const tx = db.transaction('drafts', 'readwrite');
  tx.objectStore('drafts').put(draft);
  tx.commit();
  return new Promise((resolve) => {
    tx.oncomplete = tx.onabort = () => resolve();
  });
}

/**
 * Puts keystrokes into the journal, each in its own transaction at once: they
 * commit in the order they were made (IndexedDB runs write transactions on one
 * store in order), and none waits for the one before, so a crash loses only
 * those typed within one commit of it.
 */
export class DraftWriter {
  /** The newest value written per field, so that settling never removes a newer one. */
  private readonly latest = new Map<string, string>();

  constructor(
    private readonly journal: DraftJournal,
    private readonly now: () => Date = () => new Date(),
  ) {}

  write(annotationId: string, field: DraftFieldName, value: string): Promise<void> {
    const key = keyOf(annotationId, field);
    this.latest.set(key, value);
    const draft = { key, annotationId, field, value, at: this.now().toISOString() };
    // A full disk fails this too; the annotation's own write reports it.
    if (this.journal.isOpen()) {
      try {
        return putAndCommit(this.journal.backendDB(), draft);
      } catch {
        // The connection went (a version change): Dexie opens it again below.
      }
    }
    return this.journal.drafts.put(draft).then(ignore, ignore);
  }

  /** The annotation now holds `value`: the entry can go, unless newer keystrokes replaced it. */
  async settle(annotationId: string, field: DraftFieldName, value: string): Promise<void> {
    const key = keyOf(annotationId, field);
    if (this.latest.get(key) !== value) return;
    this.latest.delete(key);
    await this.journal
      .transaction('rw', this.journal.drafts, async () => {
        if ((await this.journal.drafts.get(key))?.value === value)
          await this.journal.drafts.delete(key);
      })
      .catch(() => undefined);
  }
}

export interface RecoveredDraft {
  annotation: Annotation;
  field: DraftFieldName;
}

/**
 * Writes into their annotations the drafts a crash left unstored, and empties
 * the journal of those already stored or whose annotation is gone.
 */
export async function recoverDrafts(
  journal: DraftJournal,
  read: (id: string) => Promise<Annotation | undefined>,
  write: (annotation: Annotation, field: DraftFieldName, value: string) => Promise<unknown>,
): Promise<RecoveredDraft[]> {
  const recovered: RecoveredDraft[] = [];
  for (const draft of await journal.drafts.toArray()) {
    const annotation = await read(draft.annotationId);
    if (annotation && annotation[draft.field] !== draft.value) {
      await write(annotation, draft.field, draft.value);
      recovered.push({ annotation, field: draft.field });
    }
    await journal.drafts.delete(draft.key);
  }
  return recovered;
}
