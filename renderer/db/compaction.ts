/**
 * After a replaced text, the annotations a shift step places (shifts.ts) are
 * rewritten at their current positions, a chunk per transaction, so that the
 * position index is exact again and reads need no step. Nothing anyone sees
 * changes: the middleware already reads them there. So this writes through
 * IndexedDB itself, below Dexie: no change is reported, and nothing held in
 * memory is read again for it. Whatever stops it (a closed window, a full
 * disk) leaves the records right, only slower to query; the next start goes
 * on with it.
 */
import type { ClaimmarkDB } from './db';
import {
  GEN,
  isShiftsRecord,
  placeOf,
  SHIFTS_TABLE,
  type ShiftsRecord,
  type StoredAnnotation,
} from './shifts';

/** Which record a compaction works for: the same epoch and generation, or it starts again. */
interface Version {
  docId: string;
  epoch: string;
  gen: number;
}

const isAt = (record: unknown, v: Version): record is ShiftsRecord =>
  isShiftsRecord(record) && record.epoch === v.epoch && record.gen === v.gen;

/** Records per transaction: about 50 ms of IndexedDB here, so a key press waits no longer. */
export const COMPACT_CHUNK = 250;

interface Runs {
  waiting: Set<string>;
  run: Promise<void> | null;
  /** Records rewritten since the database was opened here. */
  rewritten: number;
}
const runs = new WeakMap<ClaimmarkDB, Runs>();

/** Compacts the document soon (once, however often asked), after what is queued already. */
export function scheduleCompaction(db: ClaimmarkDB, docId: string): void {
  let state = runs.get(db);
  if (!state) runs.set(db, (state = { waiting: new Set(), run: null, rewritten: 0 }));
  state.waiting.add(docId);
  if (state.run) return;
  const s = state;
  s.run = (async () => {
    while (s.waiting.size > 0) {
      const [next] = s.waiting;
      s.waiting.delete(next!);
      try {
        s.rewritten += await compact(db, next!);
      } catch {
        // The records stay right through the middleware; the next start tries again.
        if (!db.isOpen()) s.waiting.clear();
      }
    }
    s.run = null;
  })();
}

/** Resolves once every compaction asked for so far has ended. */
export async function compactionIdle(db: ClaimmarkDB): Promise<void> {
  for (let state = runs.get(db); state?.run; state = runs.get(db)) await state.run;
}

/** How many records the compactions of this database rewrote so far. */
export const compactedRecords = (db: ClaimmarkDB): number => runs.get(db)?.rewritten ?? 0;

/** At start: the documents a compaction did not finish (the window closed during it). */
export async function compactLeftovers(db: ClaimmarkDB): Promise<void> {
  const records = await db.shifts.toArray();
  for (const r of records) if (r.steps.length > 0) scheduleCompaction(db, r.docId);
}

/**
 * Rewrites the document's records read through a step, then drops its
 * steps; gives how many it rewrote. The records are taken by key, a chunk
 * per transaction, each asked for at once (a cursor waits for each record
 * before the next). A replacement in between (a newer generation) starts it
 * again; a record added meanwhile is stamped with the current generation,
 * so the steps are dropped only when no record needs one.
 */
export async function compact(
  db: ClaimmarkDB,
  docId: string,
  pause: () => Promise<unknown> = nextTask,
): Promise<number> {
  const idb = db.backendDB();
  let rewritten = 0;
  for (;;) {
    const { version, ids } = await keysOf(idb, docId);
    if (version === null) return rewritten;
    let again = false;
    for (let i = 0; i < ids.length && !again; i += COMPACT_CHUNK) {
      const chunk = await compactChunk(idb, version, ids.slice(i, i + COMPACT_CHUNK));
      if (chunk === null) again = true;
      else rewritten += chunk;
      await pause();
    }
    if (!again && (await dropSteps(idb, version))) return rewritten;
  }
}

/** Whatever the app asked for meanwhile goes first. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs `work` in one transaction over the annotations and the shifts; resolves with what it set once committed. */
function inTransaction<T>(
  idb: IDBDatabase,
  mode: IDBTransactionMode,
  initial: T,
  work: (tx: IDBTransaction, set: (value: T) => void) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(['annotations', SHIFTS_TABLE], mode);
    let value = initial;
    tx.oncomplete = () => resolve(value);
    tx.onabort = () => reject(tx.error ?? new Error('The compaction was aborted.'));
    work(tx, (v) => (value = v));
  });
}

/** The document's record's version, if it has steps, and the keys of its records. */
function keysOf(
  idb: IDBDatabase,
  docId: string,
): Promise<{ version: Version | null; ids: string[] }> {
  const none = { version: null as Version | null, ids: [] as string[] };
  return inTransaction(idb, 'readonly', none, (tx, set) => {
    const read = tx.objectStore(SHIFTS_TABLE).get(docId);
    read.onsuccess = () => {
      const record: unknown = read.result;
      if (!isShiftsRecord(record) || record.steps.length === 0) return;
      const keys = tx.objectStore('annotations').index('docId').getAllKeys(IDBKeyRange.only(docId));
      const version = { docId, epoch: record.epoch, gen: record.gen };
      keys.onsuccess = () => set({ version, ids: keys.result as string[] });
    };
  });
}

/** Rewrites those of `ids` read through a step; null when the record is no longer at `version`. */
function compactChunk(
  idb: IDBDatabase,
  version: Version,
  ids: readonly string[],
): Promise<number | null> {
  return inTransaction<number | null>(idb, 'readwrite', 0, (tx, set) => {
    const read = tx.objectStore(SHIFTS_TABLE).get(version.docId);
    read.onsuccess = () => {
      const record: unknown = read.result;
      if (!isAt(record, version)) return set(null);
      const store = tx.objectStore('annotations');
      let written = 0;
      for (const id of ids) {
        const got = store.get(id);
        got.onsuccess = () => {
          const v = got.result as StoredAnnotation | undefined;
          const now = v && v.docId === record.docId ? placeOf(v, record) : null;
          if (!v || !now) return;
          store.put({ ...v, start: now[0], end: now[1], [GEN]: record.gen });
          set(++written);
        };
      }
    };
  });
}

/** Drops the steps if the record is still at `version`; false when it changed. */
function dropSteps(idb: IDBDatabase, version: Version): Promise<boolean> {
  return inTransaction(idb, 'readwrite', false, (tx, set) => {
    const shifts = tx.objectStore(SHIFTS_TABLE);
    const read = shifts.get(version.docId);
    read.onsuccess = () => {
      const record: unknown = read.result;
      if (!isAt(record, version)) return set(!isShiftsRecord(record));
      shifts.put({ ...record, steps: [] } satisfies ShiftsRecord);
      set(true);
    };
  });
}
