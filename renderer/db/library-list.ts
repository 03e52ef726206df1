import { liveQuery, type Subscription } from 'dexie';
import { useSyncExternalStore } from 'react';
import type { DocumentRecord } from '../../shared/types';
import { isClosedError } from './connection';
import { db } from './instance';

/**
 * The library's document list: one live query for the window, however many
 * views show it. A start holds it from the moment the app's code runs
 * (main.tsx), so the 2,000 records of a big library are read while the
 * database opens and React draws its first frame; asked by the first
 * render's effects they were read after both.
 */
let list: DocumentRecord[] | undefined;
let subscription: Subscription | null = null;
let holders = 0;
const listeners = new Set<() => void>();

/** Keeps the list read and followed until the returned function is called. */
export function holdDocumentList(): () => void {
  holders++;
  subscription ??= liveQuery(() => db.documents.toArray()).subscribe({
    next(value) {
      list = value;
      for (const listener of listeners) listener();
    },
    error(error: unknown) {
      // A connection closed under it (a newer Claimmark elsewhere): the window
      // says to reload, and the last list stays readable until then.
      if (!isClosedError(error)) console.warn('Claimmark: could not read the library:', error);
    },
  });
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    holders--;
    // Not at once: a view that unmounts and mounts again (StrictMode, a
    // remount) would read the whole list again.
    setTimeout(() => {
      if (holders > 0 || !subscription) return;
      subscription.unsubscribe();
      subscription = null;
      list = undefined;
    });
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const release = holdDocumentList();
  return () => {
    listeners.delete(listener);
    release();
  };
}

/** Every document of the library (unsorted); undefined until first read. */
export const useDocuments = (): DocumentRecord[] | undefined =>
  useSyncExternalStore(subscribe, () => list);
