import { toOriginal, toReflowed, type OffsetMap } from '../../shared/offset-map';
import { anchorFields } from '../annotations/anchor-fields';
import type { Annotation, DocumentRecord } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';
import { putTexts } from '../library/import-files';
import { prepareText } from '../library/prepare-text';

type Span = { start: number; end: number };

/** Carries a span through the original text from one shown text to another. */
function remap(span: Span, from: OffsetMap | null, to: OffsetMap | null): Span {
  const toOrig = (p: number, end: boolean) =>
    from ? (end && p > 0 ? toOriginal(from, p - 1) + 1 : toOriginal(from, p)) : p;
  // An end just after a character the reflow dropped (line break, hyphen) must not
  // reach past the next shown character: hence the min.
  const toShown = (p: number, end: boolean) =>
    to
      ? end && p > 0
        ? Math.min(toReflowed(to, p - 1) + 1, toReflowed(to, p))
        : toReflowed(to, p)
      : p;
  const start = toShown(toOrig(span.start, false), false);
  return { start, end: Math.max(start, toShown(toOrig(span.end, true), true)) };
}

/**
 * Only text can be reflowed: a PDF's, Word file's or web page's paragraphs
 * come from the file's own structure, and rejoining its lines would merge them.
 */
export function canReflow(doc: Pick<DocumentRecord, 'format'>): boolean {
  return doc.format === undefined || doc.format === 'text';
}

/**
 * Shows a document reflowed or as in its file. The original text is what both
 * choices derive from, so every annotation moves exactly, without guessing;
 * its quote and context are read again from the new text.
 */
export async function setReflow(db: ClaimmarkDB, docId: string, on: boolean): Promise<void> {
  await db.transaction('rw', [db.documents, db.texts, db.originals, db.annotations], async () => {
    const [doc, shown, stored] = await Promise.all([
      db.documents.get(docId),
      db.texts.get(docId),
      db.originals.get(docId),
    ]);
    if (!doc || !shown) throw new Error('The document is missing.');
    if (!canReflow(doc)) {
      if (on) throw new Error(`“${doc.title}” is not plain text: its lines cannot be reflowed.`);
      return;
    }
    const original = stored?.text ?? shown.text;
    const prepared = prepareText(original, on ? 'on' : 'off');
    const annotations = await db.annotations.where('docId').equals(docId).toArray();
    const moved = annotations.map((a): Annotation => {
      if (a.orphaned) return a;
      const span = remap(a, stored?.map ?? null, prepared.original?.map ?? null);
      const context = anchorFields(prepared.display, span.start, span.end);
      return { ...a, ...span, ...context };
    });
    await putTexts(db, docId, prepared);
    await db.annotations.bulkPut(moved);
    await db.documents.put({
      ...doc,
      reflow: prepared.reflow,
      length: prepared.length,
      // Heading choices were made on the other text's line offsets.
      headingOverrides: { promote: [], demote: [] },
    });
  });
}
