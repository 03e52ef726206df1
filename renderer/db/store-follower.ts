import Dexie, { RangeSet, cmp, type IntervalTree, type ObservabilitySet } from 'dexie';

/** Adds the single keys of a range set to `into`; false when it holds a range (a bulk change). */
export function singleKeys(tree: IntervalTree | undefined, into: Set<string>): boolean {
  if (!tree) return true;
  for (const node of RangeSet(tree)) {
    if (cmp(node.from, node.to) !== 0) return false;
    into.add(String(node.from));
  }
  return true;
}

/**
 * Something kept in memory in step with the database: Dexie's
 * `storagemutated` names the records each write touched (in this window or
 * another), and the subclass reads again only what matters to it. Reads run one
 * after another, each seeing the database as it is then, so applied in order
 * they end right.
 */
export abstract class StoreFollower {
  protected closed = false;
  private chain: Promise<void> = Promise.resolve();
  private readonly listener = (parts: ObservabilitySet) => this.mutated(parts);

  constructor(private readonly failed: (error: unknown) => void) {
    Dexie.on('storagemutated', this.listener);
  }

  /** A write somewhere: what it touched, as Dexie reports it. */
  protected abstract mutated(parts: ObservabilitySet): void;

  /** Runs `step` after every step queued before it; none runs once closed. */
  protected enqueue(step: () => Promise<void>): void {
    this.chain = this.chain
      .then(() => (this.closed ? undefined : step()))
      .catch((error: unknown) => this.failed(error));
  }

  /** Resolves once every change reported so far has been read. */
  async idle(): Promise<void> {
    let seen: Promise<void> | null = null;
    while (seen !== this.chain) {
      seen = this.chain;
      await seen;
    }
  }

  close(): void {
    this.closed = true;
    Dexie.on('storagemutated').unsubscribe(this.listener);
  }
}
