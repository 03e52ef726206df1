/** Lists of folded annotations, kept in the order LibraryIndex gives its hits in. */
import {
  foldAnnotation,
  searchAnnotations,
  type FoldedAnnotation,
  type LibraryHit,
} from '../../shared/find';
import type { Annotation } from '../../shared/types';

export const byId = (a: FoldedAnnotation, b: FoldedAnnotation) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Annotations by docId, each document's in id order (as the docId index gives them). */
export function byDocument(records: readonly Annotation[]): Map<string, FoldedAnnotation[]> {
  const map = new Map<string, FoldedAnnotation[]>();
  for (const a of records) {
    const list = map.get(a.docId);
    if (list) list.push(foldAnnotation(a));
    else map.set(a.docId, [foldAnnotation(a)]);
  }
  return map;
}

/**
 * Annotations whose document has no text (older versions could leave them)
 * come last, as LibraryIndex gives them: by document, documents in the
 * order of their first annotation's id.
 */
export function searchUnlisted(
  unlisted: ReadonlyMap<string, FoldedAnnotation[]>,
  q: string,
  limit: number,
  hits: LibraryHit[],
): void {
  const lists = [...unlisted].flatMap(([docId, list]) => {
    const first = list[0];
    return first ? [{ docId, list, first }] : [];
  });
  lists.sort((a, b) => byId(a.first, b.first));
  for (const { docId, list } of lists) searchAnnotations(docId, list, q, limit, hits);
}
