import type { IndexableType, ObservabilitySet } from 'dexie';
import type { ClaimLink } from '../../shared/claims/link';
import type { Annotation } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';
import { singleKeys, StoreFollower } from '../db/store-follower';
import { LibraryLinks } from './claim-links';

/** What the claim index keeps of an annotation. */
export type Claim = Pick<Annotation, 'id' | 'docId' | 'quote' | 'quantities' | 'claimFigures'>;

/** Records read and indexed per task: each slice is a few tens of ms, never one long freeze. */
const SLICE = 2000;

const claimOf = (a: Annotation): Claim => ({
  id: a.id,
  docId: a.docId,
  quote: a.quote,
  quantities: a.quantities,
  claimFigures: a.claimFigures,
});

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Every annotation of the library as a claim index, read once (in slices, by
 * primary key) and then kept in step with the writes Dexie reports: a tag
 * re-reads the one record it wrote. Asking for the links of a claim read all
 * 200,000 annotations again each time (the first tag in such a library froze
 * the window for 3 s), and the suggestions' live query did so after every
 * write anywhere.
 */
export class LibraryClaims extends StoreFollower {
  private readonly claims = new Map<string, Claim>();
  private readonly links = new LibraryLinks();
  private built = false;
  private whenBuilt!: () => void;
  private readonly ready: Promise<void> = new Promise((resolve) => (this.whenBuilt = resolve));
  private version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly db: ClaimmarkDB,
    onError: (error: unknown) => void = () => {},
    /** When to read the library: 200,000 records are not read while a window opens. */
    start: Promise<unknown> = Promise.resolve(),
  ) {
    super(onError);
    this.enqueue(() => start.then(() => this.readAll()));
  }

  /** Resolves once the whole library is indexed. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  get(id: string): Claim | undefined {
    return this.claims.get(id);
  }

  linksOf(a: Claim): ClaimLink[] {
    return this.links.linksOf(a);
  }

  /** Bumped on every change of what is indexed (for React's useSyncExternalStore). */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  protected mutated(parts: ObservabilitySet): void {
    const prefix = `idb://${this.db.name}/annotations/`;
    const ids = new Set<string>();
    const changed = parts[prefix];
    const deleted = parts[`${prefix}:dels`];
    if (!changed && !deleted) return;
    if (!singleKeys(changed, ids) || !singleKeys(deleted, ids)) this.enqueue(() => this.readAll());
    else if (ids.size > 0) this.enqueue(() => this.readSome([...ids]));
  }

  private async readAll(): Promise<void> {
    const seen = new Set<string>();
    let after: IndexableType | null = null;
    for (;;) {
      const slice: Annotation[] =
        after === null
          ? await this.db.annotations.orderBy(':id').limit(SLICE).toArray()
          : await this.db.annotations.where(':id').above(after).limit(SLICE).toArray();
      if (this.closed) return;
      for (const a of slice) {
        seen.add(a.id);
        this.hold(a.id, a);
      }
      const last = slice.at(-1);
      if (!last || slice.length < SLICE) break;
      after = last.id;
      await nextTask();
    }
    for (const id of [...this.claims.keys()]) if (!seen.has(id)) this.hold(id, undefined);
    this.changed();
    if (!this.built) {
      this.built = true;
      this.whenBuilt();
    }
  }

  private async readSome(ids: string[]): Promise<void> {
    const records = await this.db.annotations.bulkGet(ids);
    ids.forEach((id, i) => this.hold(id, records[i]));
    this.changed();
  }

  private hold(id: string, a: Annotation | undefined): void {
    if (a) {
      const claim = claimOf(a);
      this.claims.set(id, claim);
      this.links.put(claim);
    } else if (this.claims.delete(id)) this.links.drop(id);
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
