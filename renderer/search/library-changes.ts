/**
 * Which keys of the library a write changed, from Dexie's storagemutated
 * report, so that only those are dropped or read again; where the report
 * cannot say (a bulk change, or `all`), everything is.
 */
import type { IntervalTree, ObservabilitySet } from 'dexie';
import { singleKeys } from '../db/store-follower';

/** The keys changed in one table; null: any of them may have. */
export type ChangedKeys = Set<string> | null;

/** The single keys of the parts' range sets, or null when one holds a range (a bulk change). */
function keysOf(parts: (IntervalTree | undefined)[]): ChangedKeys {
  const keys = new Set<string>();
  return parts.every((tree) => singleKeys(tree, keys)) ? keys : null;
}

/** What one report changed of the texts and of the annotations; undefined: nothing. */
export function changesIn(
  parts: ObservabilitySet,
  dbName: string,
): { texts: ChangedKeys | undefined; annotations: ChangedKeys | undefined } {
  const prefix = `idb://${dbName}/`;
  const everything = 'all' in parts;
  const changed = (table: string): ChangedKeys | undefined => {
    if (everything) return null;
    const trees = [parts[`${prefix}${table}/`], parts[`${prefix}${table}/:dels`]];
    return trees.some(Boolean) ? keysOf(trees) : undefined;
  };
  return { texts: changed('texts'), annotations: changed('annotations') };
}
