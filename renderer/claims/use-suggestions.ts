import { useLive } from '../db/live';
import { useEffect, useMemo, useState } from 'react';
import type { ClaimCandidate } from '../../shared/claims/detect';
import type { Category, ClaimKind } from '../../shared/types';
import type { Span } from '../db/spans';
import { useSetting } from '../db/hooks';
import { db } from '../db/instance';
import { detectClaimsAsync } from './detect-client';

export const SUGGESTIONS_SETTING = 'suggestions';
const NONE: ClaimCandidate[] = [];

export interface Suggestions {
  enabled: boolean;
  /** Candidates not annotated and not dismissed, in text order. */
  visible: ClaimCandidate[];
}

/** Candidates of the open document that the analyst has not annotated or dismissed. */
export function useSuggestions(
  docId: string | null,
  text: string | null | undefined,
  placed: readonly Span[] | undefined,
): Suggestions {
  const enabled = useSetting(SUGGESTIONS_SETTING) !== 'off';
  const [found, setFound] = useState<{ text: string; claims: ClaimCandidate[] } | null>(null);
  useEffect(() => {
    if (!enabled || typeof text !== 'string') return;
    let live = true;
    detectClaimsAsync(text).then(
      (claims) => live && setFound({ text, claims }),
      () => live && setFound({ text, claims: NONE }),
    );
    return () => {
      live = false;
    };
  }, [enabled, text]);
  // Only the open text's candidates: a long text's arrive a moment after it opens.
  const candidates = enabled && found && found.text === text ? found.claims : NONE;
  const dismissed = useLive(
    async () =>
      docId
        ? new Set((await db.dismissals.where('docId').equals(docId).toArray()).map((d) => d.quote))
        : null,
    [docId],
  );
  const visible = useMemo(() => {
    if (!dismissed || !placed) return [];
    // Annotations sorted by start: a candidate is annotated when any annotation overlaps it.
    const spans = [...placed].sort((a, b) => a.start - b.start);
    let k = 0;
    return candidates.filter((c) => {
      while (k < spans.length && spans[k]!.end <= c.start) k++;
      for (let j = k; j < spans.length && spans[j]!.start < c.end; j++) {
        if (spans[j]!.end > c.start) return false;
      }
      return !dismissed.has(c.quote);
    });
  }, [candidates, dismissed, placed]);
  return { enabled, visible };
}

/** The category a suggested claim of this kind is accepted into (comparisons count as statistics). */
export function categoryFor(
  kind: ClaimKind,
  categories: readonly Category[],
): Category | undefined {
  return (
    categories.find((c) => c.claimKind === kind) ??
    (kind === 'comparison' ? categories.find((c) => c.claimKind === 'statistic') : undefined) ??
    categories[0]
  );
}
