import type { DBCore, Middleware } from 'dexie';

/**
 * For tests and the bench: records the ids of the annotation records each
 * put asks for, one list per request, as the app sends them (use it before
 * the database opens; it sits above the app's own middlewares). With
 * `failAt`, the request of that number fails as a full disk would.
 */
export function recordAnnotationPuts(puts: string[][], failAt?: number): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'record-annotation-puts',
    create: (core) => ({
      ...core,
      table: (name) => {
        const table = core.table(name);
        if (name !== 'annotations') return table;
        return {
          ...table,
          mutate: (req) => {
            if (req.type === 'put') {
              puts.push(req.values.map((v: { id: string }) => v.id));
              if (puts.length === failAt) return Promise.reject(new Error('QuotaExceededError'));
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
}

/** How many records the recorded puts asked for. */
export const recordsPut = (puts: readonly string[][]): number =>
  puts.reduce((n, ids) => n + ids.length, 0);
