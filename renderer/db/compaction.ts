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
  isStale,
  shiftedSpan,
  SHIFTS_TABLE,
  type ShiftsRecord,
} from './shifts';

/** Records per transaction: about 50 ms of IndexedDB here, so a key press waits no longer. */
export const COMPACT_CHUNK = 250;

interface Stored {
  docId: string;
  start: number;
  end: number;
  orphaned?: boolean;
  [GEN]?: number;
}

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
export async function compact(db: ClaimmarkDB, docId: string): Promise<number> {
  const idb = db.backendDB();
  let rewritten = 0;
  for (;;) {
    const { gen, ids } = await keysOf(idb, docId);
    if (gen === null) return rewritten;
    let again = false;
    for (let i = 0; i < ids.length && !again; i += COMPACT_CHUNK) {
      const chunk = await compactChunk(idb, docId, gen, ids.slice(i, i + COMPACT_CHUNK));
      if (chunk === null) again = true;
      else rewritten += chunk;
      // Whatever the app asked for meanwhile goes first.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (!again && (await dropSteps(idb, docId, gen))) return rewritten;
  }
}

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

/** The document's generation, if it has steps, and the keys of its records. */
function keysOf(idb: IDBDatabase, docId: string): Promise<{ gen: number | null; ids: string[] }> {
  return inTransaction(
    idb,
    'readonly',
    { gen: null as number | null, ids: [] as string[] },
    (tx, set) => {
      const read = tx.objectStore(SHIFTS_TABLE).get(docId);
      read.onsuccess = () => {
        const record: unknown = read.result;
        if (!isShiftsRecord(record) || record.steps.length === 0) return;
        const keys = tx
          .objectStore('annotations')
          .index('docId')
          .getAllKeys(IDBKeyRange.only(docId));
        keys.onsuccess = () => set({ gen: record.gen, ids: keys.result as string[] });
      };
    },
  );
}

/** Rewrites those of `ids` read through a step; null when the generation is no longer `gen`. */
function compactChunk(
  idb: IDBDatabase,
  docId: string,
  gen: number,
  ids: readonly string[],
): Promise<number | null> {
  return inTransaction<number | null>(idb, 'readwrite', 0, (tx, set) => {
    const read = tx.objectStore(SHIFTS_TABLE).get(docId);
    read.onsuccess = () => {
      const record: unknown = read.result;
      if (!isShiftsRecord(record) || record.gen !== gen) return set(null);
      const store = tx.objectStore('annotations');
      let written = 0;
      for (const id of ids) {
        const got = store.get(id);
        got.onsuccess = () => {
          const v = got.result as Stored | undefined;
          const stored = v?.[GEN] ?? 0;
          if (!v || v.docId !== docId || v.orphaned || !isStale(record, stored)) return;
          const [start, end] = shiftedSpan(record, stored, v.start, v.end);
          store.put({ ...v, start, end, [GEN]: record.gen });
          set(++written);
        };
      }
    };
  });
}

/** Drops the steps if the generation is still `gen`; false when a newer one came. */
function dropSteps(idb: IDBDatabase, docId: string, gen: number): Promise<boolean> {
  return inTransaction(idb, 'readwrite', false, (tx, set) => {
    const shifts = tx.objectStore(SHIFTS_TABLE);
    const read = shifts.get(docId);
    read.onsuccess = () => {
      const record: unknown = read.result;
      if (!isShiftsRecord(record)) return set(true);
      if (record.gen !== gen) return;
      shifts.put({ ...record, steps: [] } satisfies ShiftsRecord);
      set(true);
    };
  });
}
