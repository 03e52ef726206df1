import type { LibraryHit } from '../../shared/find';
import type { EngineReply } from './search-protocol';

/**
 * A search's results and what of them it has sent. It sends what is new:
 * before waiting for a read when there are new hits (or nothing was sent
 * yet, to say how far it got), at the end, and otherwise at most every
 * `everyMs`; a quiet search only at the end. A search of what is held thus
 * sends its results once.
 */
export class ResultStream {
  readonly hits: LibraryHit[] = [];
  searched = 0;
  total = 0;
  private sent = 0;
  private lastPost = performance.now();
  private posted = false;

  constructor(
    /** null: a read ahead of a query, which sends nothing. */
    private readonly id: number | null,
    private readonly quiet: boolean,
    private readonly everyMs: number,
    private readonly send: (reply: EngineReply) => void,
    /** Told once all the results have been sent. */
    private readonly done: () => void,
  ) {}

  post(when: 'step' | 'wait' | 'done'): void {
    const now = performance.now();
    const done = when === 'done';
    if (this.id === null) return;
    if (!done) {
      if (this.quiet) return;
      const news = when === 'wait' && (!this.posted || this.hits.length > this.sent);
      if (!news && now - this.lastPost < this.everyMs) return;
    }
    this.send({
      type: 'progress',
      id: this.id,
      from: this.sent,
      hits: this.hits.slice(this.sent),
      searched: this.searched,
      total: this.total,
      done,
    });
    this.sent = this.hits.length;
    this.lastPost = now;
    this.posted = true;
    if (done) this.done();
  }
}
