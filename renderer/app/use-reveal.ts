import { useEffect, useState, type RefObject } from 'react';
import type { Span } from '../db/spans';
import type { ReaderHandle } from '../reader/Reader';

export type RevealTarget =
  { docId: string; start: number; end: number } | { docId: string; annotationId: string };

/**
 * Opening a document at a place (a search hit, a row of All annotations)
 * must wait until the reader shows that document; this holds the place until then.
 */
export function useReveal(
  docId: string | null,
  text: string | null | undefined,
  placed: readonly Span[] | undefined,
  reader: RefObject<ReaderHandle | null>,
  setActive: (id: string | null) => void,
) {
  const [pending, setPending] = useState<RevealTarget | null>(null);
  useEffect(() => {
    if (!pending || pending.docId !== docId || typeof text !== 'string' || !placed) return;
    const handle = reader.current;
    // Queries of the previous document may still be on screen: wait for this one's.
    if (!handle || handle.docId() !== pending.docId) return;
    if ('annotationId' in pending) {
      const target = placed.find((a) => a.id === pending.annotationId);
      // An orphan has no place in the text: it is selected in the panel's list instead.
      setActive(pending.annotationId);
      if (target) handle.reveal(target);
    } else handle.select(pending.start, pending.end);
    setPending(null);
  }, [pending, docId, text, placed, reader, setActive]);
  return setPending;
}
