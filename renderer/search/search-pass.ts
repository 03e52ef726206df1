import { searchAnnotations, searchText, type FoldedAnnotation } from '../../shared/find';
import { foldPattern, foldQuery } from '../../shared/fold';
import { searchUnlisted } from './annotation-lists';
import { EVERY } from './doc-bounds';
import type { EngineOptions } from './engine-options';
import type { HeldLibrary } from './held-library';
import { planReads, type ReadPlan } from './read-plan';
import { ResultStream } from './result-stream';
import type { EngineReply } from './search-protocol';

export interface Query {
  id: number;
  query: string;
  limitPerDoc: number;
}

/** What a pass of the engine works with. */
export interface Pass {
  library: HeldLibrary;
  options: Required<EngineOptions>;
  send: (reply: EngineReply) => void;
  /** False once a newer pass has begun: it takes over, and this one stops where it is. */
  live: () => boolean;
  /** Told once all the query's results have been sent. */
  done: () => void;
}

const nothing = (): void => {};

/** Searches for `query` (null: only reads what is not held yet). */
export async function runPass(pass: Pass, query: Query | null, quiet: boolean): Promise<void> {
  const { library, options, live } = pass;
  const { texts: kept, annotations: held } = library;
  // Texts are searched as they are, through the fold's classes; quotes and notes are kept folded.
  const pattern = query && foldPattern(query.query);
  const q = query ? foldQuery(query.query) : '';
  const limit = query?.limitPerDoc ?? 0;
  const results = new ResultStream(
    query?.id ?? null,
    quiet,
    options.progressEveryMs,
    pass.send,
    pass.done,
  );
  const { hits } = results;
  try {
    if (query && (!pattern || limit <= 0)) return results.post('done');
    const order = await library.listOrder();
    if (!live()) return;
    await held.readChanged();
    if (!live()) return;
    results.total = order.length;
    const listed = new Set(order);
    /** Annotations of documents without a text, from batches that could not be held. */
    const unlisted = new Map<string, FoldedAnnotation[]>();
    const collectUnlisted = (lists: Iterable<[string, FoldedAnnotation[]]>) => {
      for (const [id, list] of lists) if (!listed.has(id)) unlisted.set(id, list);
    };
    const plan = (firstUnits: number) =>
      planReads(library, order, firstUnits, options.maxBatchUnits);
    let reader: ReadPlan | null = null;
    for (let i = 0; i < order.length; i++) {
      const docId = order[i] as string;
      let text = kept.get(docId);
      let annotations = held.of(docId);
      if (!reader && (text === undefined || annotations === undefined)) {
        // What was being read for a search this one replaced (or ahead of
        // it, as the panel opened) comes first, a read at a time, rather
        // than being read twice.
        while (library.inflight.size > 0 && (text === undefined || annotations === undefined)) {
          results.post('wait');
          await Promise.race([...library.inflight].map((read) => read.then(nothing, nothing)));
          if (!live()) return;
          text = kept.get(docId);
          annotations = held.of(docId);
        }
        // Small first reads only while nothing is on screen: they are for the first hits.
        reader = plan(hits.length > 0 ? options.maxBatchUnits / 2 : options.firstBatchUnits);
      }
      if (text === undefined || annotations === undefined) {
        const read = (reader ??= plan(options.firstBatchUnits)).get(i);
        results.post('wait');
        const batch = await read;
        if (!live()) return;
        collectUnlisted(batch.annotations ?? []);
        text ??= batch.texts.get(docId);
        annotations ??= batch.annotations?.get(docId) ?? held.get(docId) ?? [];
      }
      // No text any more: deleted since the list was made, and searched again once it says so.
      if (pattern && text !== undefined) {
        searchText(docId, text, pattern, limit, hits);
        searchAnnotations(docId, annotations, q, limit, hits);
      }
      reader?.passed(i);
      results.searched++;
      results.post('step');
    }
    if (held.below !== EVERY) {
      // The docIds past the last text's (annotations of documents deleted since, say).
      const tail = await library.read(order, 0, 0, held.below, EVERY);
      if (!live()) return;
      collectUnlisted(tail.annotations ?? []);
    }
    if (!pattern) return;
    collectUnlisted(held.entries());
    searchUnlisted(unlisted, q, limit, hits);
    results.post('done');
  } catch (error) {
    // A failed read ahead of a query says nothing: the search itself reads again.
    if (query && live()) {
      pass.send({
        type: 'failed',
        id: query.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
