import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';

/**
 * For tests and the bench: a middleware that sees every write to one table
 * before it goes down, and may answer it instead (a full disk). At `level`
 * (Dexie's default 10 sits above the app's own middlewares; 0 below the
 * spans middleware, to see its writes).
 */
export function aroundMutate(
  tableName: string,
  around: (
    req: DBCoreMutateRequest,
    down: (req: DBCoreMutateRequest) => Promise<DBCoreMutateResponse>,
  ) => Promise<DBCoreMutateResponse>,
  level?: number,
): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: `around-${tableName}-mutate`,
    ...(level === undefined ? {} : { level }),
    create: (core) => ({
      ...core,
      table: (name) => {
        const table = core.table(name);
        if (name !== tableName) return table;
        return { ...table, mutate: (req) => around(req, (r) => table.mutate(r)) };
      },
    }),
  };
}

/**
 * Records the ids of the annotation records each put asks for, one list per
 * request, as the app sends them (use it before the database opens). With
 * `failAt`, the request of that number fails as a full disk would.
 */
export const recordAnnotationPuts = (puts: string[][], failAt?: number): Middleware<DBCore> =>
  aroundMutate('annotations', (req, down) => {
    if (req.type === 'put') {
      puts.push(req.values.map((v: { id: string }) => v.id));
      if (puts.length === failAt) return Promise.reject(new Error('QuotaExceededError'));
    }
    return down(req);
  });

/** How many records the recorded puts asked for. */
export const recordsPut = (puts: readonly string[][]): number =>
  puts.reduce((n, ids) => n + ids.length, 0);
