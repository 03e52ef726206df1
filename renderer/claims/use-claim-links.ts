import { useLiveQuery } from 'dexie-react-hooks';
import { findQuantities } from '../../shared/claims/quantity';
import type { Annotation } from '../../shared/types';
import { db } from '../db/instance';
import { LibraryLinks } from './claim-links';

/** One claim of another document, and the figure it gives where it differs. */
export interface OtherClaim {
  annotationId: string;
  docId: string;
  title: string;
  quote: string;
  figure?: string;
}

// One index for the app's lifetime: each sync only touches what changed.
const library = new LibraryLinks();

/** The claims of other documents that repeat `a`, and those that state it with another figure. */
export function useClaimLinks(
  a: Annotation,
): { same: OtherClaim[]; differs: OtherClaim[] } | undefined {
  return useLiveQuery(async () => {
    const all = await db.annotations.toArray();
    library.sync(all);
    const byId = new Map(all.map((x) => [x.id, x]));
    const links = library.linksOf(a);
    const docIds = [...new Set(links.flatMap((l) => byId.get(l.b)?.docId ?? []))];
    const titles = new Map(
      (await db.documents.bulkGet(docIds)).flatMap((d) => (d ? [[d.id, d.title] as const] : [])),
    );
    const mine = a.quantities ?? findQuantities(a.quote);
    const other = (id: string, differs: boolean): OtherClaim[] => {
      const b = byId.get(id);
      const title = b && titles.get(b.docId);
      if (!b || title === undefined) return [];
      const theirs = b.quantities ?? findQuantities(b.quote);
      const changed = theirs.find(
        (q) => mine.some((m) => m.unit === q.unit) && !mine.some((m) => m.value === q.value),
      );
      const figure = differs ? changed?.text : undefined;
      return [
        { annotationId: id, docId: b.docId, title, quote: b.quote, ...(figure ? { figure } : {}) },
      ];
    };
    return {
      same: links.filter((l) => l.relation === 'same').flatMap((l) => other(l.b, false)),
      differs: links.filter((l) => l.relation === 'differs').flatMap((l) => other(l.b, true)),
    };
  }, [a.id, a.docId, a.quote]);
}
