import { useLive } from '../db/live';
import { useMemo } from 'react';
import { useCategories, useDocuments } from '../db/hooks';
import { db } from '../db/instance';
import { computeStats, type CorpusStats } from './compute';

/**
 * The statistics of the whole library (docId null) or of one document, kept
 * live: any change to annotations, categories or documents recomputes them.
 * Undefined while loading.
 */
export function useCorpusStats(docId: string | null): CorpusStats | undefined {
  const annotations = useLive(
    () =>
      docId ? db.annotations.where('docId').equals(docId).toArray() : db.annotations.toArray(),
    [docId],
  );
  const categories = useCategories();
  const documents = useDocuments();
  return useMemo(
    () =>
      annotations && categories && documents
        ? computeStats(annotations, categories, documents)
        : undefined,
    [annotations, categories, documents],
  );
}
