import type { Page } from '@playwright/test';

export interface LibraryState {
  documents: string[];
  annotations: number;
  /** Annotations whose document is gone. */
  strays: number;
  /** Documents stored without their text or their original bytes. */
  incomplete: string[];
  notes: Record<string, string>;
}

/** Of a store: its records whole, their primary keys alone, or only the named fields of each. */
export type Wanted = 'records' | 'keys' | readonly string[];

/**
 * Each named store as IndexedDB holds it, read directly (below the app and its
 * middlewares). Keys and fields are picked in the page: a 20,000-annotation
 * library's whole records, sent through the DevTools protocol, took over 10 s
 * on a loaded CI machine, while the app was reading them too.
 */
export const storedRecords = (
  page: Page,
  wanted: Record<string, Wanted>,
): Promise<Record<string, unknown[]>> =>
  page.evaluate(async (stores) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('claimmark');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const read = (store: string, keysOnly: boolean) =>
      new Promise<unknown[]>((resolve, reject) => {
        const source = db.transaction(store).objectStore(store);
        const request = keysOnly ? source.getAllKeys() : source.getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    try {
      const out: Record<string, unknown[]> = {};
      for (const [store, want] of Object.entries(stores)) {
        const all = await read(store, want === 'keys');
        out[store] =
          typeof want === 'string'
            ? all
            : all.map((r) =>
                Object.fromEntries(want.map((f) => [f, (r as Record<string, unknown>)[f]])),
              );
      }
      return out;
    } finally {
      db.close();
    }
  }, wanted);

/** The library as IndexedDB holds it, read directly (not through the app). */
export async function libraryState(page: Page): Promise<LibraryState> {
  const stored = await storedRecords(page, {
    documents: ['id'],
    annotations: ['id', 'docId', 'note'],
    texts: 'keys',
    sources: 'keys',
  });
  const documents = (stored['documents'] as { id: string }[]).map((d) => d.id);
  const texts = new Set(stored['texts'] as string[]);
  const sources = new Set(stored['sources'] as string[]);
  const annotations = stored['annotations'] as { id: string; docId: string; note: string }[];
  const known = new Set(documents);
  return {
    documents: documents.sort(),
    annotations: annotations.length,
    strays: annotations.filter((a) => !known.has(a.docId)).length,
    incomplete: documents.filter((id) => !texts.has(id) || !sources.has(id)),
    notes: Object.fromEntries(annotations.filter((a) => a.note).map((a) => [a.id, a.note])),
  };
}
