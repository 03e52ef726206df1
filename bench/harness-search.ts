/**
 * Library search in the page: shared/find.ts (searchLibrary, a kept
 * LibraryIndex) over the library of harness-library.ts, next to a plain
 * indexOf loop, and the app's worker client (renderer/search/library-search.ts),
 * whose worker reads the seeded 'claimmark' database itself, next to reading
 * every text of that database once.
 */
import { foldForSearch } from '../shared/fold';
import { LibraryIndex, searchLibrary, type LibraryHit } from '../shared/find';
import {
  createLibrarySearch,
  type LibrarySearch,
  type WorkerLike,
} from '../renderer/search/library-search';
import { ClaimmarkDB } from '../renderer/db/db';
import type { BenchApi, SearchRun } from './api';
import { currentLibrary } from './harness-library';
import { ms } from './harness-common';

/** The worker bundle run.ts builds next to the harness (esbuild leaves `new URL(…ts)` alone). */
const WORKER_URL = './library-search.worker.js';

let kept: LibraryIndex | null = null;
let client: LibrarySearch | null = null;
/** Messages the worker sent back: none would mean the client fell back to searching inline. */
let replies = 0;

function inputs() {
  const lib = currentLibrary();
  return {
    docs: lib.docs.map((d) => ({ docId: d.record.id, text: d.text })),
    annotations: lib.annotations.map((a) => ({
      id: a.id,
      docId: a.docId,
      quote: a.quote,
      note: a.note,
    })),
  };
}

const summary = (hits: LibraryHit[], elapsed: number): SearchRun => ({
  ms: elapsed,
  hits: hits.length,
  docs: new Set(hits.map((h) => h.docId)).size,
  textHits: hits.filter((h) => h.kind === 'text').length,
});

export const searchApi: Pick<
  BenchApi,
  | 'searchFirst'
  | 'searchFirstSteps'
  | 'searchKept'
  | 'searchIndexOf'
  | 'workerFirst'
  | 'workerSearch'
  | 'workerDispose'
  | 'searchReadTexts'
> = {
  async searchFirst(query) {
    const { docs, annotations } = inputs();
    const t0 = performance.now();
    const hits = searchLibrary(docs, annotations, query);
    return summary(hits, ms(t0));
  },

  async searchFirstSteps(query) {
    const { docs, annotations } = inputs();
    const steps: Record<string, number> = {};
    let t0 = performance.now();
    for (const d of docs) foldForSearch(d.text);
    steps['foldForSearch of every text alone'] = ms(t0);
    const index = new LibraryIndex();
    t0 = performance.now();
    index.setDocuments(docs);
    steps['LibraryIndex.setDocuments (folds the texts)'] = ms(t0);
    t0 = performance.now();
    index.setAnnotations(annotations);
    steps['LibraryIndex.setAnnotations (folds quotes and notes)'] = ms(t0);
    t0 = performance.now();
    index.search(query);
    steps['LibraryIndex.search, the first'] = ms(t0);
    kept = index;
    return steps;
  },

  async searchKept(query) {
    if (!kept) {
      const { docs, annotations } = inputs();
      kept = new LibraryIndex();
      kept.setDocuments(docs);
      kept.setAnnotations(annotations);
    }
    const t0 = performance.now();
    const hits = kept.search(query);
    return summary(hits, ms(t0));
  },

  async searchIndexOf(needle) {
    const { docs, annotations } = inputs();
    const t0 = performance.now();
    let occurrences = 0;
    let docsWith = 0;
    for (const d of docs) {
      const before = occurrences;
      for (let i = d.text.indexOf(needle); i !== -1; i = d.text.indexOf(needle, i + needle.length))
        occurrences++;
      if (occurrences > before) docsWith++;
    }
    for (const a of annotations) {
      if (a.quote.indexOf(needle) !== -1) occurrences++;
      if (a.note.indexOf(needle) !== -1) occurrences++;
    }
    return { ms: ms(t0), hits: occurrences, docs: docsWith, textHits: occurrences };
  },

  async workerFirst(query) {
    client?.dispose();
    replies = 0;
    const search = createLibrarySearch({
      dbName: 'claimmark',
      createWorker: () => {
        const worker = new Worker(WORKER_URL, { type: 'module', name: 'library-search' });
        worker.addEventListener('message', () => replies++);
        return worker as unknown as WorkerLike;
      },
    });
    client = search;
    const t0 = performance.now();
    let firstMs = NaN;
    const hits = await search.search(query, undefined, (p) => {
      if (Number.isNaN(firstMs) && p.hits.length > 0) firstMs = ms(t0);
    });
    const elapsed = ms(t0);
    if (replies === 0) throw new Error('the search worker never answered (searched inline)');
    return { ...summary(hits, elapsed), firstMs };
  },

  async workerSearch(query) {
    if (!client) throw new Error('call workerFirst first');
    const t0 = performance.now();
    const before = replies;
    const hits = await client.search(query);
    const elapsed = ms(t0);
    if (replies === before) throw new Error('the search worker did not answer');
    return summary(hits, elapsed);
  },

  async searchReadTexts() {
    const db = new ClaimmarkDB();
    try {
      await db.open();
      let t0 = performance.now();
      const texts = await db.texts.toArray();
      const elapsed = ms(t0);
      t0 = performance.now();
      const annotations = await db.annotations.toArray();
      return {
        ms: elapsed,
        texts: texts.length,
        units: texts.reduce((n, t) => n + t.text.length, 0),
        annotationsMs: ms(t0),
        annotations: annotations.length,
      };
    } finally {
      db.close();
    }
  },

  async workerDispose() {
    client?.dispose();
    client = null;
    kept = null;
  },
};
