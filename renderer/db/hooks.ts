import { useLive } from './live';
import type { Category, DocumentRecord } from '../../shared/types';
import { db } from './instance';

// Each hook returns undefined while loading.

export const useDocuments = (): DocumentRecord[] | undefined =>
  useLive(() => db.documents.toArray(), []);

/**
 * docId → number of annotations. One `count()` per document: IndexedDB counts
 * an index range itself, while reading every key through a cursor (and the live
 * query recording each one) took 300 ms per change with 20,000 annotations.
 */
export const useAnnotationCounts = (): Map<string, number> | undefined =>
  useLive(async () => {
    const ids = (await db.documents.toCollection().primaryKeys()).map(String);
    const counts = await Promise.all(
      ids.map((id) => db.annotations.where('docId').equals(id).count()),
    );
    return new Map(ids.map((id, i) => [id, counts[i] ?? 0]));
  }, []);

/**
 * A live query keeps its last result while the query for a new key runs;
 * these hooks answer undefined until the result is the new document's, so
 * nothing ever pairs one document's text with another's annotations.
 */
export function useDocumentText(docId: string | null): string | null | undefined {
  const result = useLive(
    async () => ({ docId, text: docId ? ((await db.texts.get(docId))?.text ?? null) : null }),
    [docId],
  );
  return result?.docId === docId ? result.text : undefined;
}

export const useCategories = (): Category[] | undefined =>
  useLive(() => db.categories.orderBy('order').toArray(), []);

export const useSetting = (key: string): string | null | undefined =>
  useLive(async () => (await db.settings.get(key))?.value ?? null, [key]);

/** Every speaker named so far, for suggestions. */
export const useSpeakers = (): string[] | undefined =>
  useLive(
    async () => (await db.annotations.orderBy('speaker').uniqueKeys()).map(String).filter(Boolean),
    [],
  );
