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
/** Imported documents shown before their write commits, until the read list has them. */
const pending = new Map<string, DocumentRecord>();
/** The read list with the pending documents after it: what views get, the same array until either changes. */
let shown: DocumentRecord[] | undefined;

function publish(): void {
  const extra = [...pending.values()];
  shown = list === undefined || extra.length === 0 ? list : [...list, ...extra];
  for (const listener of listeners) listener();
}

let firstRead: (() => void) | null = null;
/** Resolves once the held list has first been read (or could not be). */
export const documentListRead = new Promise<void>((resolve) => (firstRead = resolve));

/** Keeps the list read and followed until the returned function is called. */
export function holdDocumentList(): () => void {
  holders++;
  subscription ??= liveQuery(() => db.documents.toArray()).subscribe({
    next(value) {
      firstRead?.();
      list = value;
      if (pending.size) for (const doc of value) pending.delete(doc.id);
      publish();
    },
    error(error: unknown) {
      firstRead?.();
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
      shown = undefined;
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

/**
 * Shows a document in the list before its write has committed (an import
 * paints its row and text first, then stores them), so long as the list is
 * read and has no document of the same text; returns null otherwise. The
 * returned function takes it back (the write failed); once the read list
 * has the stored record, that shows instead.
 */
export function showBeforeStored(doc: DocumentRecord): (() => void) | null {
  if (list === undefined || list.some((d) => d.sha256 === doc.sha256 || d.id === doc.id))
    return null;
  pending.set(doc.id, doc);
  publish();
  return () => {
    if (pending.delete(doc.id)) publish();
  };
}

/** Every document of the library (unsorted); undefined until first read. */
export const useDocuments = (): DocumentRecord[] | undefined =>
  useSyncExternalStore(subscribe, () => shown);
