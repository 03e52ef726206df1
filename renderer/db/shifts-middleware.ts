import Dexie, {
  cmp,
  RangeSet,
  type DBCore,
  type DBCoreCursor,
  type DBCoreIndex,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreQueryRequest,
  type DBCoreQueryResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { RangeType } from './range-types';
import {
  GEN,
  hasSteps,
  isShiftsRecord,
  isStoredAnnotation as isStored,
  placeOf,
  SHIFTS_TABLE,
  type ShiftsRecord,
  type StoredAnnotation as Stored,
} from './shifts';

const ANNOTATIONS = 'annotations';
/** The index whose keys hold positions: stale for records read through a step. */
const POSITIONS = '[docId+start+end]';

/**
 * Keeps annotation positions right across replaced texts (shifts.ts) for
 * everyone above it: every record read comes out at its current position,
 * without its generation; every record written is stamped with its
 * document's current generation; a query of the position index for a
 * document still read through a step is answered from its records. A write
 * of a shifts record reports every annotation changed, so whatever follows
 * the annotations in memory reads them again.
 *
 * Its level puts it below all of Dexie's own but the transaction cache
 * (-1): their writes need the caller's zone, which an await here loses, and
 * a query of a prefix of the position index (a virtual index) comes here as
 * one of the index. The spans middleware (10) so reads and writes current
 * positions only.
 */
export const shiftsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'shifts',
  level: -0.5,
  create(down) {
    if (!down.schema.tables.some((t) => t.name === SHIFTS_TABLE)) return down;
    const annotationsPart = `idb://${down.schema.name}/${ANNOTATIONS}/`;
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = stores.includes(ANNOTATIONS) && !stores.includes(SHIFTS_TABLE);
        return down.transaction(widen ? [...stores, SHIFTS_TABLE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name === SHIFTS_TABLE)
          return {
            ...table,
            mutate: async (req) => {
              // What this transaction read of the records is now stale (reads
              // already asked for keep theirs: they were answered before the write).
              known.delete(req.trans);
              // A new step moves annotations no write names: every one is reported
              // changed (Dexie's observability, above, reports the parts it gave
              // the request). A record deleted goes with its document's annotations,
              // which are reported as deleted already.
              if ((req.type === 'put' || req.type === 'add') && req.mutatedParts)
                req.mutatedParts[annotationsPart] = new RangeSet(down.MIN_KEY, down.MAX_KEY);
              const res = await table.mutate(req);
              known.delete(req.trans);
              return res;
            },
          };
        if (name !== ANNOTATIONS) return table;
        return shiftedTable(table, down.table(SHIFTS_TABLE));
      },
    };
  },
};

/** An upgrade from a version before the shifts table runs without it. */
function reaches(trans: DBCoreTransaction): boolean {
  const names = (trans as unknown as Partial<IDBTransaction>).objectStoreNames;
  return !!names && names.contains(SHIFTS_TABLE);
}

/** Each transaction's shifts records as read, by document (undefined: none). */
const known = new WeakMap<DBCoreTransaction, Map<string, ShiftsRecord | undefined>>();

async function recordsOf(
  shifts: DBCoreTable,
  trans: DBCoreTransaction,
  docIds: Iterable<string>,
): Promise<Map<string, ShiftsRecord | undefined>> {
  let held = known.get(trans);
  if (!held) known.set(trans, (held = new Map()));
  const unread = [...docIds].filter((d) => !held.has(d));
  if (unread.length > 0) {
    const read = await shifts.getMany({ trans, keys: unread });
    unread.forEach((docId, i) => {
      const r: unknown = read[i];
      held.set(docId, isShiftsRecord(r) ? r : undefined);
    });
  }
  return held;
}

const copy = (v: unknown): unknown => (isStored(v) ? { ...v } : v);

const docIdsOf = (values: readonly unknown[]): Set<string> => {
  const ids = new Set<string>();
  for (const v of values) if (isStored(v)) ids.add(v.docId);
  return ids;
};

/** Puts each record (fresh from the database: changed in place) at its current position. */
function placeAll(values: readonly unknown[], records: Map<string, ShiftsRecord | undefined>) {
  for (const v of values) if (isStored(v)) place(v, records.get(v.docId));
}

function place(v: Stored, record: ShiftsRecord | undefined): void {
  const now = placeOf(v, record);
  if (GEN in v) delete v[GEN];
  if (now) [v.start, v.end] = now;
}

async function placed<T extends readonly unknown[]>(
  shifts: DBCoreTable,
  trans: DBCoreTransaction,
  values: T,
): Promise<T> {
  if (!reaches(trans)) return values;
  placeAll(values, await recordsOf(shifts, trans, docIdsOf(values)));
  return values;
}

/**
 * A Dexie promise made in the caller's zone: whoever awaits it above goes on
 * in that zone, as after a request of Dexie's own (its middlewares read the
 * transaction from the zone).
 */
const inZone = <T>(work: Promise<T>): Promise<T> => Dexie.Promise.resolve(work);

/**
 * Per transaction, while a put waits for its documents' records: resolves
 * once it (and every put before it) has gone down. Requests asked for after
 * it wait for that, so IndexedDB gets them in the order they were made (a
 * read after a put sees the put), as without this middleware.
 */
const putsAhead = new WeakMap<DBCoreTransaction, Promise<void>>();

function inOrder<T>(trans: DBCoreTransaction, go: () => Promise<T>): Promise<T> {
  const ahead = putsAhead.get(trans);
  return ahead ? ahead.then(go) : go();
}

function shiftedTable(table: DBCoreTable, shifts: DBCoreTable): DBCoreTable {
  const wrapped = shiftedRequests(table, shifts);
  return {
    ...table,
    get: (req) => inZone(inOrder(req.trans, () => wrapped.get(req))),
    getMany: (req) => inZone(inOrder(req.trans, () => wrapped.getMany(req))),
    query: (req) => inZone(inOrder(req.trans, () => wrapped.query(req))),
    count: (req) => inZone(inOrder(req.trans, () => wrapped.count(req))),
    openCursor: (req) => inZone(inOrder(req.trans, () => wrapped.openCursor(req))),
    mutate: (req) =>
      inZone(
        (req.type !== 'put' && req.type !== 'add') || !reaches(req.trans)
          ? inOrder(req.trans, () => table.mutate(req))
          : stampedPut(table, shifts, req),
      ),
  };
}

/**
 * A put or add with its documents' generation. When this transaction has
 * read their records already it goes down at once; else after that read,
 * and what is asked for meanwhile waits for it (putsAhead).
 */
function stampedPut(
  table: DBCoreTable,
  shifts: DBCoreTable,
  req: DBCoreMutateRequest & { type: 'put' | 'add' },
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  const docIds = docIdsOf(req.values);
  const held = known.get(trans);
  const ahead = putsAhead.get(trans);
  if (!ahead && held && [...docIds].every((d) => held.has(d)))
    return table.mutate(stampedWith(req, held));
  let wentDown!: () => void;
  const gone = new Promise<void>((resolve) => (wentDown = resolve));
  const chain = ahead ? ahead.then(() => gone) : gone;
  putsAhead.set(trans, chain);
  const release = () => {
    wentDown();
    if (putsAhead.get(trans) === chain) putsAhead.delete(trans);
  };
  return (async () => {
    try {
      if (ahead) await ahead;
      const records = await recordsOf(shifts, trans, docIds);
      const res = table.mutate(stampedWith(req, records));
      release();
      return await res;
    } finally {
      release();
    }
  })();
}

function shiftedRequests(
  table: DBCoreTable,
  shifts: DBCoreTable,
): Pick<DBCoreTable, 'get' | 'getMany' | 'query' | 'count' | 'openCursor'> {
  return {
    get: async (req) => (await placed(shifts, req.trans, [await table.get(req)]))[0],
    getMany: async (req) => {
      const values = await table.getMany(req);
      // Dexie's transaction cache keeps (and hands out again) the very objects
      // it asked for: those are placed as copies, never twice.
      return placed(shifts, req.trans, req.cache ? values.map(copy) : values);
    },
    query: async (req) => {
      if (isPositions(req.query.index) && reaches(req.trans)) {
        const answered = await fromRecords(table, shifts, req);
        if (answered) return answered;
      }
      const res = await table.query(req);
      if (req.values) await placed(shifts, req.trans, res.result);
      return res;
    },
    count: async (req) => {
      if (isPositions(req.query.index) && reaches(req.trans)) {
        const answered = await fromRecords(table, shifts, { ...req, values: false });
        if (answered) return answered.result.length;
      }
      return table.count(req);
    },
    openCursor: async (req) => {
      if (!reaches(req.trans)) return table.openCursor(req);
      if (isPositions(req.query.index) && (await anyStepsIn(shifts, req.trans, req.query.range)))
        throw new Error(
          'A cursor on the position index of a document whose text was replaced is not supported; query it instead.',
        );
      // Every document's record first, so each value is placed as the cursor reaches it.
      const all = await shifts.query({ trans: req.trans, values: true, query: anyQuery(shifts) });
      const records = new Map<string, ShiftsRecord>();
      for (const r of all.result) if (isShiftsRecord(r)) records.set(r.docId, r);
      const cursor = await table.openCursor(req);
      if (!cursor || !req.values) return cursor;
      // IndexedDB gives one object per position: so does this, placed.
      let [raw, shown]: unknown[] = [undefined, undefined];
      // A browser's cursor getters refuse any receiver but the cursor itself:
      // those the wrapper inherits are asked of the cursor (as Dexie's own wrappers do).
      return Object.create(cursor, {
        key: { get: () => cursor.key },
        primaryKey: { get: () => cursor.primaryKey },
        value: {
          get() {
            const v: unknown = cursor.value;
            if (v === raw) return shown;
            raw = v;
            shown = copy(v);
            if (isStored(shown)) place(shown, records.get(shown.docId));
            return shown;
          },
        },
      }) as DBCoreCursor;
    },
  };
}

/** The values with their documents' generation: copies, so the caller's records stay as they were. */
function stampedWith(
  req: DBCoreMutateRequest & { type: 'put' | 'add' },
  records: Map<string, ShiftsRecord | undefined>,
): DBCoreMutateRequest {
  let changed = false;
  const values = req.values.map((v: unknown) => {
    if (!isStored(v)) return v;
    const gen = records.get(v.docId)?.gen ?? 0;
    if (gen > 0) {
      changed = true;
      return { ...v, [GEN]: gen };
    }
    if (!(GEN in v)) return v;
    changed = true;
    const { [GEN]: _, ...rest } = v;
    return rest;
  });
  return changed ? { ...req, values } : req;
}

const isPositions = (index: DBCoreIndex): boolean => index.name === POSITIONS;

const EVERY_KEY: DBCoreKeyRange = { type: RangeType.Any, lower: undefined, upper: undefined };
const anyQuery = (table: DBCoreTable) => ({ index: table.schema.primaryKey, range: EVERY_KEY });

/** The documents a range of the position index covers: [lower, upper], undefined for unbounded. */
function docSpan(range: DBCoreKeyRange): [string | undefined, string | undefined] {
  const first = (k: unknown) => (Array.isArray(k) && typeof k[0] === 'string' ? k[0] : undefined);
  return [first(range.lower), first(range.upper)];
}

async function anyStepsIn(
  shifts: DBCoreTable,
  trans: DBCoreTransaction,
  range: DBCoreKeyRange,
): Promise<boolean> {
  if (range.type === RangeType.Never) return false;
  const [lo, hi] = docSpan(range);
  if (lo !== undefined && lo === hi)
    return hasSteps((await recordsOf(shifts, trans, [lo])).get(lo));
  const all = await shifts.query({ trans, values: true, query: anyQuery(shifts) });
  return all.result.some(
    (r) =>
      isShiftsRecord(r) &&
      hasSteps(r) &&
      (lo === undefined || r.docId >= lo) &&
      (hi === undefined || r.docId <= hi),
  );
}

/**
 * A query of the position index answered from the documents' records, placed,
 * when one of them is read through a step (its index keys are stale); null
 * when none is, and the index answers.
 */
async function fromRecords(
  table: DBCoreTable,
  shifts: DBCoreTable,
  req: DBCoreQueryRequest,
): Promise<DBCoreQueryResponse | null> {
  const { trans, query } = req;
  const { range } = query;
  if (!(await anyStepsIn(shifts, trans, range))) return null;
  const [lo, hi] = docSpan(range);
  const docIndex = table.schema.indexes.find((i) => i.name === 'docId')!;
  const docRange: DBCoreKeyRange =
    lo !== undefined && lo === hi
      ? { type: RangeType.Equal, lower: lo, upper: lo }
      : lo === undefined && hi === undefined
        ? EVERY_KEY
        : { type: RangeType.Range, lower: lo, upper: hi, lowerOpen: false, upperOpen: false };
  const { result } = await table.query({
    trans,
    values: true,
    query: { index: docIndex, range: docRange },
  });
  const records = (await placed(shifts, trans, result)).filter(isStored);
  const keyOf = (a: Stored) => [a.docId, a.start, a.end];
  const inRange = records.filter((a) => within(range, keyOf(a)));
  inRange.sort((a, b) => cmp(keyOf(a), keyOf(b)) || cmp(a.id, b.id));
  if (req.direction === 'prev' || req.direction === 'prevunique') inRange.reverse();
  const limited = req.limit === undefined ? inRange : inRange.slice(0, req.limit);
  return { result: req.values ? limited : limited.map((a) => a.id) };
}

function within(range: DBCoreKeyRange, key: unknown[]): boolean {
  if (range.type === RangeType.Any) return true;
  if (range.type === RangeType.Never) return false;
  if (range.lower !== undefined) {
    const c = cmp(key, range.lower);
    if (c < 0 || (c === 0 && range.lowerOpen)) return false;
  }
  if (range.upper !== undefined) {
    const c = cmp(key, range.upper);
    if (c > 0 || (c === 0 && range.upperOpen)) return false;
  }
  return true;
}
