import type { DBCore, Middleware } from 'dexie';

/**
 * For tests and the bench: counts the annotation records put, as the app
 * asks for them (use it before the database opens; it sits above the app's
 * own middlewares).
 */
export function countAnnotationPuts(into: { n: number }): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'count-annotation-puts',
    create: (core) => ({
      ...core,
      table: (name) => {
        const table = core.table(name);
        if (name !== 'annotations') return table;
        return {
          ...table,
          mutate: (req) => {
            if (req.type === 'put') into.n += req.values.length;
            return table.mutate(req);
          },
        };
      },
    }),
  };
}
