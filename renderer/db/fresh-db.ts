import Dexie from 'dexie';
import { afterEach } from 'vitest';
import { ClaimmarkDB } from './db';

/**
 * For unit tests (fake-indexeddb): a maker of databases of their own, each
 * closed and deleted after the test that made it.
 */
export function freshDatabases(prefix: string): () => ClaimmarkDB {
  const opened: ClaimmarkDB[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close();
      await Dexie.delete(db.name);
    }
  });
  return () => {
    const db = new ClaimmarkDB(`${prefix}-${crypto.randomUUID()}`);
    opened.push(db);
    return db;
  };
}
