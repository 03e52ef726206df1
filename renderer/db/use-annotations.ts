import { useEffect, useState } from 'react';
import type { Annotation } from '../../shared/types';
import { DocumentAnnotations } from './document-annotations';
import { db } from './instance';

/** The model of the document open in this window, for the store to show its changes in at once. */
let open: DocumentAnnotations | null = null;
export const openAnnotations = (): DocumentAnnotations | null => open;

/** The open document's annotations, from its in-memory model; undefined while loading. */
export function useAnnotations(docId: string | null): Annotation[] | undefined {
  const [result, setResult] = useState<{ docId: string | null; list: Annotation[] }>();
  useEffect(() => {
    if (!docId) {
      setResult({ docId, list: [] });
      return;
    }
    const model = new DocumentAnnotations(
      db,
      docId,
      (list) => setResult({ docId, list }),
      (error) => console.warn('Claimmark: could not read the annotations of', docId, error),
    );
    open = model;
    return () => {
      model.close();
      if (open === model) open = null;
    };
  }, [docId]);
  return result?.docId === docId ? result.list : undefined;
}
