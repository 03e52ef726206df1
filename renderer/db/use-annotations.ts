import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Annotation } from '../../shared/types';
import { DocumentAnnotations } from './document-annotations';
import { db } from './instance';
import { firstDocumentCounted } from '../app/first-document';
import { clearOpenCount, publishOpenCount } from './open-count';
import type { Span } from './spans';
import { handedSpans, releaseSpans } from './spans-handoff';

/** The model of the document open in this window, for the store to show its changes in at once. */
let current: DocumentAnnotations | null = null;
export const openAnnotations = (): DocumentAnnotations | null => current;

export interface OpenAnnotations {
  /** From the in-memory model; undefined while loading. */
  annotations: Annotation[] | undefined;
  /** The highlights to paint until then (from the spans record), when it has one. */
  early: Span[] | undefined;
}

/** Past this, the records are read even though the text has not arrived. */
const TEXT_WAIT_MS = 1500;

/**
 * The open document's annotations; while they load, its highlights alone.
 * Their records are read once `textRead` (the document's text is in), so the
 * text is not read behind them.
 */
export function useAnnotations(docId: string | null, textRead: boolean): OpenAnnotations {
  const [result, setResult] = useState<{ docId: string | null; list: Annotation[] }>();
  const [early, setEarly] = useState<{ docId: string; spans: Span[] }>();
  const gate = useRef<{ docId: string; open(): void } | null>(null);
  const earlyHeld = early?.docId === docId;
  // A start's handed record counts the row in the text's first frame too.
  useLayoutEffect(() => {
    const handed = handedSpans(docId);
    if (docId && handed) publishOpenCount({ docId, count: handed.count });
  }, [docId]);
  useEffect(() => {
    if (earlyHeld && docId) releaseSpans(docId);
  }, [earlyHeld, docId]);
  useEffect(() => {
    if (textRead && gate.current?.docId === docId) gate.current.open();
  }, [textRead, docId]);
  useEffect(() => {
    if (!docId) {
      setResult({ docId, list: [] });
      return;
    }
    let open: () => void = () => {};
    const mayRead = new Promise<void>((resolve) => (open = resolve));
    const timer = setTimeout(open, TEXT_WAIT_MS);
    gate.current = { docId, open };
    if (textRead) open();
    const model = new DocumentAnnotations(
      db,
      docId,
      (list) => {
        setResult({ docId, list });
        publishOpenCount({ docId, count: list.length });
        firstDocumentCounted();
      },
      (error) => console.warn('Claimmark: could not read the annotations of', docId, error),
      (spans, count) => {
        setEarly({ docId, spans });
        // The library row shows it too; the records' count replaces it when they are read.
        publishOpenCount({ docId, count });
      },
      mayRead,
    );
    current = model;
    return () => {
      clearTimeout(timer);
      releaseSpans(docId);
      open();
      model.close();
      if (current === model) current = null;
      clearOpenCount(docId);
    };
    // One model per document; the gate above opens it when the text arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [docId]);
  return {
    annotations: result?.docId === docId ? result.list : undefined,
    early: early?.docId === docId ? early.spans : handedSpans(docId)?.spans,
  };
}
