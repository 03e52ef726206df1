import type { LibraryHit } from '../../shared/find';

export type HitGroups = Map<string, LibraryHit[]>;

/**
 * Hits by document, in order. A document whose hits are the very ones it had
 * in `previous` keeps that array, so that its drawing can be skipped while
 * later documents' results come in.
 */
export function groupHits(hits: readonly LibraryHit[], previous?: HitGroups): HitGroups {
  const groups: HitGroups = new Map();
  for (const hit of hits) {
    const list = groups.get(hit.docId);
    if (list) list.push(hit);
    else groups.set(hit.docId, [hit]);
  }
  if (previous) {
    for (const [docId, list] of groups) {
      const old = previous.get(docId);
      if (old && old.length === list.length && old.every((h, i) => h === list[i])) {
        groups.set(docId, old);
      }
    }
  }
  return groups;
}
