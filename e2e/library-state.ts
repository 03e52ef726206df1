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

/**
 * Each named store's records as IndexedDB holds them, read directly (below the
 * app and its middlewares); a store in `keysOnly` gives its primary keys alone,
 * so that no text or file bytes cross to the test.
 */
export const storedRecords = (
  page: Page,
  stores: string[],
  keysOnly: string[] = [],
): Promise<Record<string, unknown[]>> =>
  page.evaluate(
    async ([records, keys]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('claimmark');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const read = (store: string, keyOnly: boolean) =>
        new Promise<unknown[]>((resolve, reject) => {
          const source = db.transaction(store).objectStore(store);
          const request = keyOnly ? source.getAllKeys() : source.getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      try {
        const out: Record<string, unknown[]> = {};
        for (const store of records) out[store] = await read(store, false);
        for (const store of keys) out[store] = await read(store, true);
        return out;
      } finally {
        db.close();
      }
    },
    [stores, keysOnly] as const,
  );

/** The library as IndexedDB holds it, read directly (not through the app). */
export async function libraryState(page: Page): Promise<LibraryState> {
  const stored = await storedRecords(page, ['documents', 'annotations'], ['texts', 'sources']);
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
