import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ClaimCandidate } from '../../shared/claims/detect';
import { findQuantities } from '../../shared/claims/quantity';
import type { Annotation } from '../../shared/types';
import { db } from '../db/instance';
import { libraryClaims } from './instance';

/** One claim of another document, and the figure it gives where it differs. */
export interface OtherClaim {
  annotationId: string;
  docId: string;
  title: string;
  quote: string;
  figure?: string;
}

/** The claims of other documents that repeat `a`, and those that state it with another figure. */
export function useClaimLinks(
  a: Annotation,
): { same: OtherClaim[]; differs: OtherClaim[] } | undefined {
  // Read once per claim, not live: a live query would re-read the whole library
  // on every keystroke of a note (and typing must never wait behind that).
  const [result, setResult] = useState<{ key: string; links: ClaimLinksOf } | undefined>();
  const key = `${a.id}\n${a.docId}\n${a.quote}`;
  useEffect(() => {
    let live = true;
    // A failed read (the database closing) shows no links rather than an error.
    linksOfClaim(a).then(
      (links) => live && setResult({ key, links }),
      () => live && setResult({ key, links: { same: [], differs: [] } }),
    );
    return () => {
      live = false;
    };
    // The key holds what the links depend on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return result?.key === key ? result.links : undefined;
}

type ClaimLinksOf = { same: OtherClaim[]; differs: OtherClaim[] };

async function linksOfClaim(a: Annotation): Promise<ClaimLinksOf> {
  const claims = libraryClaims();
  await claims.whenReady();
  const links = claims.linksOf(a);
  const docIds = [...new Set(links.flatMap((l) => claims.get(l.b)?.docId ?? []))];
  const titles = new Map(
    (await db.documents.bulkGet(docIds)).flatMap((d) => (d ? [[d.id, d.title] as const] : [])),
  );
  const mine = a.quantities ?? findQuantities(a.quote);
  const other = (id: string, differs: boolean): OtherClaim[] => {
    const b = claims.get(id);
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
}

/** For a suggestion: in how many other documents its claim is annotated, or stated with another figure. */
export interface SuggestionLinks {
  same: number;
  differs: number;
}

/** Links of the suggestions shown (start offset → counts of other documents). */
export function useSuggestionLinks(
  docId: string | null,
  suggestions: readonly ClaimCandidate[],
): ReadonlyMap<number, SuggestionLinks> | undefined {
  const claims = libraryClaims();
  const version = useSyncExternalStore(claims.subscribe, claims.getVersion);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void claims.whenReady().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [claims]);
  return useMemo(() => {
    if (!ready) return undefined;
    const out = new Map<number, SuggestionLinks>();
    if (!docId || suggestions.length === 0) return out;
    for (const c of suggestions) {
      // A candidate's figures are placed in the whole text; a claim's, in its quote.
      const quantities = c.quantities.map((q) => ({
        ...q,
        start: q.start - c.start,
        end: q.end - c.start,
      }));
      const links = claims.linksOf({
        id: `suggestion:${c.start}`,
        docId,
        quote: c.quote,
        quantities,
      });
      const docs = (relation: 'same' | 'differs') =>
        new Set(links.filter((l) => l.relation === relation).map((l) => claims.get(l.b)?.docId))
          .size;
      const same = docs('same');
      const differs = docs('differs');
      if (same || differs) out.set(c.start, { same, differs });
    }
    return out;
    // The version stands for what the index holds.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [claims, ready, version, docId, suggestions]);
}
