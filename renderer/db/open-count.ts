import { useSyncExternalStore } from 'react';

/**
 * How many annotations the open document has, from its in-memory model
 * (use-annotations.ts). Its library row shows this number: at a start the
 * row's own read waited behind the start's other reads, 100–400 ms after the
 * panel had its count, and after a key press the row and the panel now
 * change in the same frame, the write still under way.
 */
let open: { docId: string; count: number } | null = null;
const listeners = new Set<() => void>();

export function publishOpenCount(value: { docId: string; count: number } | null): void {
  if (open?.docId === value?.docId && open?.count === value?.count) return;
  open = value;
  for (const listener of listeners) listener();
}

/** `docId` is no longer open (another may be by now: its count stays). */
export function clearOpenCount(docId: string): void {
  if (open?.docId === docId) publishOpenCount(null);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The count of `docId` when it is the open document, read; undefined otherwise. */
export function useOpenCount(docId: string): number | undefined {
  return useSyncExternalStore(subscribe, () => (open?.docId === docId ? open.count : undefined));
}
