import { useEffect, useState } from 'react';
import type { Annotation } from '../../shared/types';
import { DocumentAnnotations } from './document-annotations';
import { db } from './instance';

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
    return () => model.close();
  }, [docId]);
  return result?.docId === docId ? result.list : undefined;
}
