import { ClaimIndex, type ClaimLink } from '../../shared/claims/link';
import { findQuantities } from '../../shared/claims/quantity';
import type { ClaimLinks } from '../../shared/csv';
import type { Annotation } from '../../shared/types';

type Claim = Pick<Annotation, 'id' | 'docId' | 'quote' | 'quantities' | 'claimFigures'>;

const inputOf = (a: Claim) => ({
  id: a.id,
  docId: a.docId,
  text: a.quote,
  // Annotations stored before quantities were kept get them read now.
  quantities: a.quantities ?? findQuantities(a.quote),
  ...(a.claimFigures ? { figures: a.claimFigures } : {}),
});

/**
 * The library's annotations as a claim index, kept in step with the table: a
 * sync adds what is new or changed and drops what is gone, so one annotation's
 * matches are a lookup, not a pass over the library.
 */
export class LibraryLinks {
  private readonly index = new ClaimIndex();
  private readonly seen = new Map<string, string>();

  sync(annotations: readonly Claim[]): void {
    const live = new Set<string>();
    for (const a of annotations) {
      live.add(a.id);
      this.put(a);
    }
    for (const id of this.seen.keys()) if (!live.has(id)) this.drop(id);
  }

  /** Indexes one claim as it is now (nothing to do when its text is as indexed). */
  put(a: Claim): void {
    const signature = `${a.docId}\n${a.quote}`;
    if (this.seen.get(a.id) === signature) return;
    this.seen.set(a.id, signature);
    this.index.add(inputOf(a));
  }

  drop(id: string): void {
    if (!this.seen.delete(id)) return;
    this.index.remove(id);
  }

  linksOf(a: Claim): ClaimLink[] {
    return this.index.query(inputOf(a));
  }
}

/**
 * The app's one full-library index (the annotation panel and the CSV export):
 * each sync touches only what changed since the last, so an export after the
 * panel has been used indexes nothing again. (The All annotations table keeps
 * its own, synced in slices.)
 */
export const libraryLinks = new LibraryLinks();

/** The other documents (titles, each once) that repeat a claim, and those that give another figure. */
export function titlesOf(
  links: readonly ClaimLink[],
  docOf: (annotationId: string) => string | undefined,
  titleOf: (docId: string) => string | undefined,
): ClaimLinks {
  const pick = (relation: ClaimLink['relation']): string[] => {
    const titles = new Set<string>();
    for (const l of links) {
      if (l.relation !== relation) continue;
      const doc = docOf(l.b);
      const title = doc === undefined ? undefined : titleOf(doc);
      if (title !== undefined) titles.add(title);
    }
    return [...titles];
  };
  return { repeatedIn: pick('same'), conflictsWith: pick('differs') };
}
