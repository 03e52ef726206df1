/**
 * Changes a full disk kept from being stored. Each is held under a key (the
 * same note typed on keeps one entry, with its newest value) and written
 * again every few seconds, or when asked, until space returns.
 */
export interface UnsavedChange {
  key: string;
  /** What was not saved, for the user: "“the quote”", "the note on “…”". */
  what: string;
  /** Writes it again; rejects while the disk is still full. Absent: the user must redo it. */
  retry?: () => Promise<unknown>;
}

export type UnsavedState =
  | { phase: 'failing'; changes: readonly UnsavedChange[] }
  /** `saved`: how many held changes were written in the end. */
  | { phase: 'recovered'; saved: number };

interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class UnsavedChanges {
  private readonly changes = new Map<string, UnsavedChange>();
  private timer: unknown = null;
  private retrying: Promise<void> | null = null;
  private saved = 0;

  constructor(
    private readonly onChange: (state: UnsavedState) => void,
    private readonly retryMs = 5000,
    private readonly timers: Timers = browserTimers,
  ) {}

  get size(): number {
    return this.changes.size;
  }

  add(change: UnsavedChange): void {
    // A newer change under the same key replaces the older one, and moves to the end.
    this.changes.delete(change.key);
    this.changes.set(change.key, change);
    this.report();
    this.schedule();
  }

  /** A later write of the same thing succeeded on its own (the next keystroke). */
  settle(key: string): void {
    if (!this.changes.delete(key)) return;
    this.saved++;
    if (this.changes.size === 0) this.recovered();
    else this.report();
  }

  /** Writes every held change again; those that fail stay held. */
  retryNow(): Promise<void> {
    this.retrying ??= this.retryAll().finally(() => {
      this.retrying = null;
    });
    return this.retrying;
  }

  private async retryAll(): Promise<void> {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    let stillFull = false;
    for (const change of [...this.changes.values()]) {
      // Once one write fails for want of space, the rest would too: wait for the next round.
      if (stillFull) break;
      if (!change.retry) {
        // Reported once; there is nothing to write again.
        this.drop(change);
        continue;
      }
      try {
        await change.retry();
        this.drop(change);
        this.saved++;
      } catch {
        stillFull = true;
      }
    }
    if (this.changes.size === 0) this.recovered();
    else {
      this.report();
      this.schedule();
    }
  }

  /** Only the very entry that was retried: a newer one under its key stays. */
  private drop(change: UnsavedChange): void {
    if (this.changes.get(change.key) === change) this.changes.delete(change.key);
  }

  private recovered(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    const saved = this.saved;
    this.saved = 0;
    this.onChange({ phase: 'recovered', saved });
  }

  private report(): void {
    this.onChange({ phase: 'failing', changes: [...this.changes.values()] });
  }

  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.retryNow();
    }, this.retryMs);
  }
}
