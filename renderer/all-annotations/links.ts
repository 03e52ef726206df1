/**
 * The same claim in other documents, for every row: how many other documents
 * repeat it, and in how many it is stated with another figure. One
 * `LibraryLinks` index is kept in step with the table's annotations (a sync
 * touches only what changed); the rows are then looked up a slice at a time so
 * the table stays responsive while a large library is linked.
 */
import type { ClaimLink } from '../../shared/claims/link';
import type { Annotation } from '../../shared/types';
import { LibraryLinks } from '../claims/claim-links';

export interface LinkSummary {
  /** Other documents (ids, each once) where the claim is repeated. */
  repeatedIn: readonly string[];
  /** Other documents (ids, each once) that give another figure. */
  conflictsWith: readonly string[];
  /** The linked annotations, to know which rows to look at again when one changes. */
  partners: readonly string[];
}

/** annotation id → its links; absent while not yet computed. */
export type LinkSummaries = ReadonlyMap<string, LinkSummary>;

/** What the link filter keeps: claims repeated elsewhere, or those stated differently. */
export type LinkFilter = 'repeated' | 'conflicting';

export const NO_LINKS: LinkSummary = { repeatedIn: [], conflictsWith: [], partners: [] };

type Claim = Pick<Annotation, 'id' | 'docId' | 'quote' | 'quantities'>;

export function summarize(links: readonly ClaimLink[], docOf: (id: string) => string | undefined) {
  if (links.length === 0) return NO_LINKS;
  const repeated = new Set<string>();
  const conflicts = new Set<string>();
  for (const l of links) {
    const doc = docOf(l.b);
    if (doc === undefined) continue;
    (l.relation === 'same' ? repeated : conflicts).add(doc);
  }
  return {
    repeatedIn: [...repeated],
    conflictsWith: [...conflicts],
    partners: links.map((l) => l.b),
  };
}

/** Whether a row passes the link filter; rows not linked yet do not. */
export function matchesLinks(summary: LinkSummary | undefined, filter: LinkFilter): boolean {
  if (!summary) return false;
  return filter === 'repeated' ? summary.repeatedIn.length > 0 : summary.conflictsWith.length > 0;
}

/** Beyond this many changed annotations, every row is looked up again. */
const FULL_PASS_AT = 1000;
/** A sync adds at least this many new annotations (on a first, large sync). */
const MIN_SYNC_STEP = 2000;

/** Gives the UI a turn between two slices of work. */
export type Scheduler = () => Promise<void>;
/** How often, at most, rows linked so far are shown while the rest are looked up. */
const PUBLISH_MS = 250;

const yieldToUi: Scheduler = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The link summaries of a set of annotations, kept across data loads: after a
 * change only the annotations whose quote or document changed, and those they
 * were or are now linked with, are looked up again.
 */
export class TableLinks {
  private readonly library = new LibraryLinks();
  private summaries = new Map<string, LinkSummary>();
  /** The claims the summaries were computed for, by id. */
  private claims = new Map<string, Claim>();

  constructor(private readonly pause: Scheduler = yieldToUi) {}

  /** The summaries already known, without computing any. */
  get current(): LinkSummaries {
    return this.summaries;
  }

  /**
   * Brings the summaries up to date with `annotations`. `publish` is called
   * with partial results now and then and with the final ones; stops early
   * (without publishing) once `cancelled()` is true.
   */
  async update(
    annotations: readonly Claim[],
    publish: (summaries: LinkSummaries, done: boolean) => void,
    cancelled: () => boolean,
    budgetMs = 12,
  ): Promise<void> {
    const byId = new Map(annotations.map((a) => [a.id, a]));
    const changed: string[] = [];
    for (const a of annotations) {
      const before = this.claims.get(a.id);
      if (!before || before.quote !== a.quote || before.docId !== a.docId) changed.push(a.id);
    }
    for (const id of this.claims.keys()) if (!byId.has(id)) changed.push(id);
    if (changed.length === 0 && this.claims.size === annotations.length) {
      publish(this.summaries, true);
      return;
    }

    // A first sync of a large library is done in growing steps: each sync also
    // walks what is already indexed, so steps grow with it.
    let synced = this.claims.size > 0 ? annotations.length : 0;
    while (synced < annotations.length) {
      const step = Math.max(MIN_SYNC_STEP, Math.ceil(synced / 16));
      synced = Math.min(annotations.length, synced + step);
      this.library.sync(annotations.slice(0, synced));
      if (synced < annotations.length) {
        await this.pause();
        if (cancelled()) return;
      }
    }
    this.library.sync(annotations);

    const full = this.claims.size === 0 || changed.length > FULL_PASS_AT;
    let todo: string[];
    if (full) todo = annotations.map((a) => a.id);
    else {
      const again = new Set<string>();
      for (const id of changed) {
        again.add(id);
        for (const p of this.summaries.get(id)?.partners ?? []) again.add(p);
        const a = byId.get(id);
        if (a) for (const l of this.library.linksOf(a)) again.add(l.b);
      }
      todo = [...again];
    }

    const next = new Map(this.summaries);
    for (const id of next.keys()) if (!byId.has(id)) next.delete(id);
    const docOf = (id: string) => byId.get(id)?.docId;
    let sliceStart = performance.now();
    let shown = sliceStart;
    for (let i = 0; i < todo.length; i++) {
      const a = byId.get(todo[i] as string);
      if (a) next.set(a.id, summarize(this.library.linksOf(a), docOf));
      const now = performance.now();
      if (now - sliceStart > budgetMs && i + 1 < todo.length) {
        if (now - shown > PUBLISH_MS) {
          publish(new Map(next), false);
          shown = now;
        }
        await this.pause();
        if (cancelled()) return;
        sliceStart = performance.now();
      }
    }
    this.summaries = next;
    this.claims = byId;
    publish(next, true);
  }
}
