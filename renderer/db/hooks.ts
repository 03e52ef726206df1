import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Annotation, Category, DocumentRecord } from '../../shared/types';
import { db } from './instance';

// Each hook returns undefined while loading.

export const useDocuments = (): DocumentRecord[] | undefined =>
  useLiveQuery(() => db.documents.toArray(), []);

/** docId → number of annotations, read from the index keys alone. */
export const useAnnotationCounts = (): Map<string, number> | undefined =>
  useLiveQuery(async () => {
    const counts = new Map<string, number>();
    for (const key of await db.annotations.orderBy('docId').keys()) {
      const id = String(key);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }, []);

/**
 * A live query keeps its last result while the query for a new key runs;
 * these hooks answer undefined until the result is the new document's, so
 * nothing ever pairs one document's text with another's annotations.
 */
export function useDocumentText(docId: string | null): string | null | undefined {
  const result = useLiveQuery(
    async () => ({ docId, text: docId ? ((await db.texts.get(docId))?.text ?? null) : null }),
    [docId],
  );
  return result?.docId === docId ? result.text : undefined;
}

export function useAnnotations(docId: string | null): Annotation[] | undefined {
  const result = useLiveQuery(
    async () => ({
      docId,
      list: docId
        ? await db.annotations
            .where('[docId+start+end]')
            .between([docId, Dexie.minKey, Dexie.minKey], [docId, Dexie.maxKey, Dexie.maxKey])
            .toArray()
        : [],
    }),
    [docId],
  );
  return result?.docId === docId ? result.list : undefined;
}

export const useCategories = (): Category[] | undefined =>
  useLiveQuery(() => db.categories.orderBy('order').toArray(), []);

export const useSetting = (key: string): string | null | undefined =>
  useLiveQuery(async () => (await db.settings.get(key))?.value ?? null, [key]);

/** Every speaker named so far, for suggestions. */
export const useSpeakers = (): string[] | undefined =>
  useLiveQuery(
    async () => (await db.annotations.orderBy('speaker').uniqueKeys()).map(String).filter(Boolean),
    [],
  );
