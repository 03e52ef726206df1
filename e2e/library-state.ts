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

/** The library as IndexedDB holds it, read directly (not through the app). */
export const libraryState = (page: Page): Promise<LibraryState> =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('claimmark');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const documents = (await all<{ id: string }>('documents')).map((d) => d.id);
    const texts = new Set((await all<{ docId: string }>('texts')).map((t) => t.docId));
    const sources = new Set((await all<{ docId: string }>('sources')).map((s) => s.docId));
    const annotations = await all<{ id: string; docId: string; note: string }>('annotations');
    db.close();
    const known = new Set(documents);
    return {
      documents: documents.sort(),
      annotations: annotations.length,
      strays: annotations.filter((a) => !known.has(a.docId)).length,
      incomplete: documents.filter((id) => !texts.has(id) || !sources.has(id)),
      notes: Object.fromEntries(annotations.filter((a) => a.note).map((a) => [a.id, a.note])),
    };
  });
