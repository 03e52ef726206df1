import { useSyncExternalStore } from 'react';

/**
 * Work that can wait until the first document is on screen: started at once
 * it competes with that document's reads (10,000 annotations out of IndexedDB)
 * on a two-core machine. On screen means its text painted and its records
 * counted: released at the paint, it ran before the records' answer was
 * taken, and the library row's count came 60 ms after the text. A window that
 * opens no document runs it after `fallbackMs`.
 */
let shown = false;
let painted = false;
let counted = false;
const waiting: (() => void)[] = [];
let released = false;
const releasedListeners = new Set<() => void>();

export function afterFirstDocument(run: () => void, fallbackMs: number): void {
  if (shown) {
    run();
    return;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  waiting.push(once);
  setTimeout(once, fallbackMs);
}

/** The reader painted its first document's text and highlights. */
export function firstDocumentShown(): void {
  painted = true;
  release();
}

/** The first document's annotation records are read and counted. */
export function firstDocumentCounted(): void {
  counted = true;
  release();
}

function release(): void {
  if (shown || !painted || !counted) return;
  shown = true;
  // After this frame is painted, not inside it.
  setTimeout(() => {
    for (const run of waiting.splice(0)) run();
  }, 0);
}

/**
 * For React: false until the work that waits for the first document may run
 * (see afterFirstDocument), then true for good.
 */
export function useAfterFirstDocument(fallbackMs: number): boolean {
  return useSyncExternalStore(
    (listener) => {
      releasedListeners.add(listener);
      if (!released)
        afterFirstDocument(() => {
          released = true;
          for (const l of releasedListeners) l();
        }, fallbackMs);
      return () => releasedListeners.delete(listener);
    },
    () => released,
  );
}
