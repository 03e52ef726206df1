/**
 * Claim intelligence in the page: shared/claims/detect.ts on a 1 MB
 * Chinese text next to the least a sentence-level rule must do (split at
 * 。！？ and look for a digit), and shared/claims/link.ts's ClaimIndex over a
 * library of 100,000 claims next to a Map of figure keys (build) and a scan of
 * every figure (query).
 */
import { detectClaims } from '../shared/claims/detect';
import { ClaimIndex, figureKey, figureRecords, type LinkInput } from '../shared/claims/link';
import type { BenchApi, ClaimsSetup } from './api';
import { generateText } from './generate';
import { ms } from './harness-common';

let text = '';
let claims: LinkInput[] = [];
let index: ClaimIndex | null = null;
/** The same claims with the figure records an annotation stores. */
let stored: LinkInput[] = [];

/** Claims of generated articles, 40 articles to a document, offsets into their quotes. */
function libraryClaims(count: number): LinkInput[] {
  const out: LinkInput[] = [];
  for (let seed = 1; out.length < count; seed++) {
    const chunk = generateText(2 * 1024 * 1024, seed);
    chunk.split('\n\n').forEach((article, a) => {
      for (const c of detectClaims(article)) {
        if (out.length >= count) break;
        out.push({
          id: `c${out.length}`,
          docId: `s${seed}-d${Math.floor(a / 40)}`,
          text: c.quote,
          quantities: c.quantities.map((q) => ({
            ...q,
            start: q.start - c.start,
            end: q.end - c.start,
          })),
        });
      }
    });
  }
  return out;
}

export const claimsApi: Pick<
  BenchApi,
  'setupClaims' | 'detectRun' | 'indexBuild' | 'indexQueries'
> = {
  async setupClaims(bytes, count): Promise<ClaimsSetup> {
    text = generateText(bytes, 8);
    claims = libraryClaims(count);
    stored = claims.map((c) => ({ ...c, figures: figureRecords(c.text, c.quantities) }));
    index = null;
    return {
      chars: text.length,
      claims: claims.length,
      figures: claims.reduce((n, c) => n + c.quantities.length, 0),
      documents: new Set(claims.map((c) => c.docId)).size,
    };
  },

  async detectRun(baseline) {
    const t0 = performance.now();
    if (baseline) {
      let found = 0;
      for (const s of text.split(/(?<=[。！？\n])/)) if (/[0-9]/.test(s)) found++;
      return { ms: ms(t0), found, quantities: 0 };
    }
    const found = detectClaims(text);
    const elapsed = ms(t0);
    return {
      ms: elapsed,
      found: found.length,
      quantities: found.reduce((n, c) => n + c.quantities.length, 0),
    };
  },

  async indexBuild(mode) {
    const t0 = performance.now();
    if (mode === 'map') {
      const map = new Map<string, string[]>();
      for (const c of claims)
        for (const q of c.quantities) {
          const key = figureKey(q);
          const list = map.get(key);
          if (list) list.push(c.id);
          else map.set(key, [c.id]);
        }
      return ms(t0);
    }
    const built = new ClaimIndex();
    for (const c of mode === 'stored' ? stored : claims) built.add(c);
    index = built;
    return ms(t0);
  },

  async indexQueries(count, baseline) {
    const times: number[] = [];
    let links = 0;
    const keys = baseline ? claims.map((c) => c.quantities.map((q) => figureKey(q))) : [];
    for (let i = 0; i < count; i++) {
      const probe = claims[Math.floor((i * claims.length) / count)]!;
      const t0 = performance.now();
      if (baseline) {
        // The least a query without an index does: compare its figures with every other.
        const mine = new Set(probe.quantities.map((q) => figureKey(q)));
        for (let k = 0; k < keys.length; k++)
          for (const key of keys[k]!)
            if (mine.has(key) && claims[k]!.docId !== probe.docId) links++;
      } else {
        if (!index) throw new Error('indexBuild first');
        links += index.query(probe).length;
      }
      times.push(ms(t0));
    }
    return { ms: times, links };
  },
};
