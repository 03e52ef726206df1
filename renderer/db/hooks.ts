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

export const useDocumentText = (docId: string | null): string | null | undefined =>
  useLiveQuery(async () => (docId ? ((await db.texts.get(docId))?.text ?? null) : null), [docId]);

export const useAnnotations = (docId: string | null): Annotation[] | undefined =>
  useLiveQuery(
    async () =>
      docId
        ? db.annotations
            .where('[docId+start+end]')
            .between([docId, Dexie.minKey, Dexie.minKey], [docId, Dexie.maxKey, Dexie.maxKey])
            .toArray()
        : [],
    [docId],
  );

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
