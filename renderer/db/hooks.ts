import { useEffect, useState } from 'react';
import { useAfterFirstDocument } from '../app/first-document';
import { useLive } from './live';
import { handedHead, handedText, releaseHead, releaseText } from './text-handoff';
import type { Category } from '../../shared/types';
import { db } from './instance';
import { annotationCountOf, speakerNames } from './library-reads';

// Each hook returns undefined while loading.

export { useDocuments } from './library-list';

/**
 * How many annotations one document has, for its row in the library (asked
 * only by the rows on screen). Dexie runs it again only when an annotation is
 * written into that document or one of its keys is written or deleted: a
 * change elsewhere costs this row nothing. One count() per document instead
 * ran again for every write anywhere (Dexie cannot tell which document a
 * deleted key was in, so a count watches every deletion, and a put is
 * reported as one): 2,000 counts for each keystroke of a note.
 */
export const useAnnotationCount = (docId: string, asked = true): number | undefined =>
  useLive(() => (asked ? annotationCountOf(db, docId) : undefined), [docId, asked]);

/**
 * A live query keeps its last result while the query for a new key runs;
 * these hooks answer undefined until the result is the new document's, so
 * nothing ever pairs one document's text with another's annotations. A
 * document just imported shows the text handed over by the import meanwhile.
 */
export function useDocumentText(docId: string | null, asked = true): string | null | undefined {
  // Once asked for a document, always: a text that grows long while open
  // (replaced, reflowed) must not be dropped while its head is read.
  const [askedFor, setAskedFor] = useState<string | null>(null);
  const reading = asked || (docId !== null && askedFor === docId);
  useEffect(() => {
    if (asked) setAskedFor(docId);
  }, [asked, docId]);
  const result = useLive(
    async () =>
      reading
        ? { docId, text: docId ? ((await db.texts.get(docId))?.text ?? null) : null }
        : undefined,
    [docId, reading],
  );
  // A text read as missing may still be on its way: an import shows its document before the write.
  const stored = result?.docId === docId && result.text !== null;
  useEffect(() => {
    if (stored && docId) releaseText(docId);
  }, [stored, docId]);
  return stored ? result.text : (handedText(docId) ?? (result?.docId === docId ? null : undefined));
}

/**
 * The start of a long document's text (heads.ts), to show while the whole
 * text is read; null for a text stored without one, undefined while reading.
 * Read once per document, not kept live: the whole text replaces it within a
 * few frames. Called before useDocumentText, so IndexedDB answers it first.
 */
export function useDocumentHead(docId: string | null): string | null | undefined {
  const [read, setRead] = useState<{ docId: string; head: string | null } | null>(null);
  useEffect(() => {
    if (!docId) return;
    let current = true;
    // Read at start already (last-document.ts): the first frame drew it, and
    // once the whole text is in (released) it is not wanted again.
    if (handedHead(docId) === undefined)
      db.heads
        .get(docId)
        .then((h) => current && setRead({ docId, head: h?.head ?? null }))
        // Only a faster first screen is lost: the whole text still comes.
        .catch(() => current && setRead({ docId, head: null }));
    return () => {
      current = false;
      // A head read before may be out of date when the document comes back.
      setRead(null);
      releaseHead(docId);
    };
  }, [docId]);
  return handedHead(docId) ?? (read?.docId === docId ? read.head : undefined);
}

export const useCategories = (): Category[] | undefined =>
  useLive(() => db.categories.orderBy('order').toArray(), []);

export const useSetting = (key: string): string | null | undefined =>
  useLive(async () => (await db.settings.get(key))?.value ?? null, [key]);

/**
 * Every speaker named so far, for suggestions. Asked once the first document
 * shows: 200 ms of reads with 200,000 annotations, and no one types a speaker
 * before that.
 */
export function useSpeakers(): string[] | undefined {
  const asked = useAfterFirstDocument(START_WAIT_MS);
  return useLive(async () => (asked ? speakerNames(db) : undefined), [asked]);
}

/** A window that opens no document still gets its start-up reads after this. */
export const START_WAIT_MS = 1500;
