import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  Middleware,
} from 'dexie';
import type { DocumentText } from '../../shared/types';
import { HEADS_TABLE, headOf } from './heads';

const TEXTS = 'texts';

/**
 * Keeps each long text's head (heads.ts) in step with the text, inside the
 * transaction that writes it, whoever writes it: an import, a replaced or
 * reflowed text, a restore, a merge, a deletion. A head can then never show
 * words the text no longer has.
 */
export const headsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'heads',
  create(down) {
    if (!down.schema.tables.some((t) => t.name === HEADS_TABLE)) return down;
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen =
          mode === 'readwrite' && stores.includes(TEXTS) && !stores.includes(HEADS_TABLE);
        return down.transaction(widen ? [...stores, HEADS_TABLE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== TEXTS) return table;
        return {
          ...table,
          mutate: (req) => mutateKeepingHeads(table, down.table(HEADS_TABLE), req),
        };
      },
    };
  },
};

async function mutateKeepingHeads(
  texts: DBCoreTable,
  heads: DBCoreTable,
  req: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  // An upgrade from a version before the heads table runs without it.
  const names = (trans as unknown as Partial<IDBTransaction>).objectStoreNames;
  if (!names?.contains(HEADS_TABLE)) return texts.mutate(req);
  const res = await texts.mutate(req);
  const fail = (r: DBCoreMutateResponse) => {
    if (r.numFailures > 0) throw Object.values(r.failures)[0];
  };
  if (req.type === 'delete') fail(await heads.mutate({ trans, type: 'delete', keys: req.keys }));
  else if (req.type === 'deleteRange')
    fail(await heads.mutate({ trans, type: 'deleteRange', range: req.range }));
  else {
    // A bulkAdd goes on past a refused record (a duplicate): its head is not written.
    const values = (req.values as DocumentText[]).filter((_, i) => !(i in res.failures));
    const made = values.map(headOf);
    const kept = made.filter((h) => h !== null);
    const none = values.filter((_, i) => made[i] === null).map((v) => v.docId);
    if (kept.length > 0) fail(await heads.mutate({ trans, type: 'put', values: kept }));
    if (none.length > 0) fail(await heads.mutate({ trans, type: 'delete', keys: none }));
  }
  return res;
}
