/**
 * The annotations are held up to a docId rather than document by document,
 * because they are read by ranges of the docId index: those of documents
 * without a text lie between the texts' docIds and come with the ranges.
 */
import { cmp, type IndexableType } from 'dexie';

/** Past every key: all annotations are held. */
export const EVERY = Symbol('every');
/** Annotations are held for every docId below this (in IndexedDB's key order); null: none. */
export type Bound = IndexableType | typeof EVERY | null;

export const sameBound = (a: Bound, b: Bound): boolean =>
  a === b || (a !== null && b !== null && a !== EVERY && b !== EVERY && cmp(a, b) === 0);

export const isBelow = (docId: string, bound: Bound): boolean =>
  bound === EVERY || (bound !== null && cmp(docId, bound) < 0);
