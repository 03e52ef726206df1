import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { Annotation } from '../../shared/types';
import { RangeType } from './range-types';
import {
  isSpansRecord,
  orphansOf,
  orphansWithWrites,
  spansOf,
  spansRecordOf,
  withWrites,
  type Span,
  type SpansRecord,
} from './spans';

/** What a record holds, as the middleware works on it. */
interface Held {
  spans: Span[];
  orphans: string[];
}

export const SPANS_TABLE = 'spans';
const ANNOTATIONS = 'annotations';

/**
 * Keeps each document's spans record (spans.ts) in step with its
 * annotations, inside the transaction that writes them, whoever writes them:
 * the store, a merge, a restore, a replaced text. A document without a record
 * gets none here (one is made when it is next opened); a record that exists
 * is never left behind its annotations. An annotation's document never
 * changes (no writer moves one), so a put needs no read of what it replaces
 * to find the record; a small one is read to see whether any highlight moved.
 */
export const spansMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'spans',
  create(down) {
    if (!down.schema.tables.some((t) => t.name === SPANS_TABLE)) return down;
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.includes(ANNOTATIONS);
        return down.transaction(
          widen && !stores.includes(SPANS_TABLE) ? [...stores, SPANS_TABLE] : stores,
          mode,
          options,
        );
      },
      table(name) {
        const table = down.table(name);
        if (name !== ANNOTATIONS) return table;
        return {
          ...table,
          mutate: (req) => mutateKeepingSpans(table, down.table(SPANS_TABLE), req),
        };
      },
    };
  },
};

/** An upgrade from a version before the spans table runs without it. */
function reaches(trans: DBCoreTransaction): boolean {
  const names = (trans as unknown as Partial<IDBTransaction>).objectStoreNames;
  return !!names && names.contains(SPANS_TABLE);
}

/**
 * Each transaction's spans as last written, by document: replacing a text
 * writes 10,000 annotations in ten chunks, and reading the record back for
 * each chunk would undo what the chunks save.
 */
const held = new WeakMap<DBCoreTransaction, Map<string, Held | null>>();

const succeeded = <T>(items: readonly T[], res: DBCoreMutateResponse): T[] =>
  res.numFailures === 0 ? [...items] : items.filter((_, i) => !(i in res.failures));

async function mutateKeepingSpans(
  table: DBCoreTable,
  spans: DBCoreTable,
  req: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  if (!reaches(trans)) return table.mutate(req);
  // Any: every key, what clear() deletes.
  // Every key: what clear() deletes.
  if (req.type === 'deleteRange' && req.range.type === RangeType.Any) {
    held.delete(trans);
    const res = await table.mutate(req);
    await spans.mutate({ trans, type: 'deleteRange', range: req.range });
    return res;
  }
  // A deletion names keys only: which documents lose them is in the records.
  const doomed =
    req.type === 'delete'
      ? await table.getMany({ trans, keys: req.keys })
      : req.type === 'deleteRange'
        ? await inRange(table, trans, req.range)
        : [];
  // Asked for before the put, not awaited: IndexedDB answers a transaction's
  // requests in order, so this reads what the put replaces, and the put is
  // made in the caller's tick (Dexie's hooks below need its zone).
  const replaced = req.type === 'put' ? replacedBy(table, trans, req.values as Annotation[]) : null;
  // (A put refused fails the transaction, and this read with it.)
  replaced?.catch(() => undefined);
  const res = await table.mutate(req);
  const moved = replaced && (await replaced);
  const written: Annotation[] =
    req.type === 'add' || req.type === 'put'
      ? succeeded(req.values as Annotation[], res).filter((a) => !moved || moved.has(a.id))
      : [];
  const deleted: Annotation[] =
    req.type === 'delete'
      ? succeeded(doomed as (Annotation | undefined)[], res).filter(
          (a): a is Annotation => a !== undefined,
        )
      : (doomed as Annotation[]);
  const byDoc = new Map<string, { written: Annotation[]; deleted: Set<string> }>();
  const entry = (docId: string) => {
    let e = byDoc.get(docId);
    if (!e) byDoc.set(docId, (e = { written: [], deleted: new Set() }));
    return e;
  };
  for (const a of written) entry(a.docId).written.push(a);
  for (const a of deleted) entry(a.docId).deleted.add(a.id);
  if (byDoc.size === 0) return res;
  const docIds = [...byDoc.keys()];
  const known = held.get(trans) ?? new Map<string, Held | null>();
  held.set(trans, known);
  const unread = docIds.filter((docId) => !known.has(docId));
  if (unread.length > 0) {
    const records = await spans.getMany({ trans, keys: unread });
    unread.forEach((docId, i) => {
      const record: unknown = records[i];
      known.set(
        docId,
        isSpansRecord(record) ? { spans: spansOf(record), orphans: orphansOf(record) } : null,
      );
    });
  }
  const updated: SpansRecord[] = [];
  const dropped: string[] = [];
  for (const docId of docIds) {
    const current = known.get(docId);
    if (!current) continue;
    const e = byDoc.get(docId)!;
    const next: Held = {
      spans: withWrites(docId, current.spans, e.written, e.deleted),
      orphans: orphansWithWrites(docId, current.orphans, e.written, e.deleted),
    };
    const record = spansRecordOf(docId, next.spans, next.orphans);
    known.set(docId, record ? next : null);
    if (record) updated.push(record);
    else dropped.push(docId);
  }
  if (dropped.length > 0) await spans.mutate({ trans, type: 'delete', keys: dropped });
  if (updated.length > 0) {
    const put = await spans.mutate({ trans, type: 'put', values: updated });
    // Failing here fails the caller's transaction: annotations never go ahead of their record.
    if (put.numFailures > 0) throw Object.values(put.failures)[0];
  }
  return res;
}

/**
 * A put of a few records is compared with what it replaces, and those that
 * keep their highlight (a note, a status, a speaker: each keystroke of a
 * field) are left out: reading and rewriting a 20,000-annotation document's
 * record for them cost every keystroke about a megabyte each way. A bigger
 * put (a replaced text) is not read back; null: all of them count.
 */
const CHECKED_PUT = 32;

async function replacedBy(
  table: DBCoreTable,
  trans: DBCoreTransaction,
  values: readonly Annotation[],
): Promise<Set<string> | null> {
  if (values.length > CHECKED_PUT) return null;
  const before = (await table.getMany({ trans, keys: values.map((a) => a.id) })) as (
    Annotation | undefined
  )[];
  return new Set(values.filter((a, i) => !sameHighlight(before[i], a)).map((a) => a.id));
}

function sameHighlight(a: Annotation | undefined, b: Annotation): boolean {
  return (
    !!a &&
    a.docId === b.docId &&
    a.start === b.start &&
    a.end === b.end &&
    !a.orphaned === !b.orphaned &&
    a.categoryIds.length === b.categoryIds.length &&
    a.categoryIds.every((c, i) => c === b.categoryIds[i])
  );
}

async function inRange(
  table: DBCoreTable,
  trans: DBCoreTransaction,
  range: DBCoreKeyRange,
): Promise<unknown[]> {
  const { result } = await table.query({
    trans,
    values: true,
    query: { index: table.schema.primaryKey, range },
  });
  return result;
}
