/**
 * How much to read at once: batches of a number of UTF-16 units, guessed
 * from the sizes of the documents read so far, small first so that the
 * first hits wait for little, then larger so that the rest is read in few
 * transactions.
 */
import Dexie, { cmp } from 'dexie';
import { EVERY, type Bound } from './doc-bounds';
import type { Batch, HeldLibrary } from './held-library';

export interface ReadPlan {
  get(i: number): Promise<Batch>;
  passed(i: number): void;
}

/** Where the annotations of a batch ending before `order[next]` end. */
const boundAt = (order: readonly string[], next: number): Bound =>
  next < order.length ? (order[next] as string) : EVERY;

/** The first documents, about `units` of them, ahead of any search. */
export function readFirstBatch(
  library: HeldLibrary,
  order: readonly string[],
  units: number,
): Promise<Batch> {
  let to = 0;
  for (let size = 0; to < order.length && size < units; to++) size += library.texts.guessUnits();
  return library.read(order, 0, to, null, boundAt(order, to));
}

/**
 * Reads for the search, ahead of it: `get(i)` resolves with the batch that
 * read `order[i]`, scheduling batches up to it and the one after, each
 * twice the size of the last; `passed(i)` lets go of the batches before.
 * A batch reads the texts it lacks and the annotations from where those
 * held (or read by the batch before) end to the next batch's first docId.
 */
export function planReads(
  library: HeldLibrary,
  order: readonly string[],
  firstUnits: number,
  maxUnits: number,
): ReadPlan {
  const { texts, annotations } = library;
  // At most two batches in flight: the one being searched and the next.
  const queue: { batch: Promise<Batch>; from: number; to: number }[] = [];
  let next = 0;
  let annotatedTo: Bound = annotations.below;
  let units = firstUnits;
  const schedule = () => {
    const from = next;
    let size = 0;
    while (next < order.length && (size === 0 || size < units)) {
      const docId = order[next++] as string;
      const lacksText = !texts.has(docId);
      const lacksAnnotations = !annotations.held(docId);
      if (lacksText || lacksAnnotations) size += lacksText ? texts.guessUnits() : 1;
    }
    if (size === 0) return;
    units = Math.min(units * 2, maxUnits);
    const upper = boundAt(order, next);
    const lower = annotatedTo;
    const reads =
      lower !== EVERY && (lower === null || cmp(lower, upper === EVERY ? Dexie.maxKey : upper) < 0);
    queue.push({
      batch: library.read(order, from, next, reads ? lower : upper, upper),
      from,
      to: next,
    });
    if (reads) annotatedTo = upper;
  };
  return {
    get: (i) => {
      while (next <= i) schedule();
      const at = queue.findIndex((b) => b.to > i);
      const entry = queue[at];
      if (!entry || entry.from > i) return library.readOne(order[i] as string);
      if (at === queue.length - 1) schedule(); // the next batch reads while this one is searched
      return entry.batch;
    },
    passed: (i) => {
      while (queue[0] && queue[0].to <= i + 1) queue.shift();
    },
  };
}
