/**
 * The harness's work on the app's own database ('claimmark'): seeding a
 * document with many annotations, and timing the reads the app makes to open it.
 */
import { liveQuery } from 'dexie';
import { codePointLength, sha256Hex } from '../shared/text';
import { defaultTitle } from '../shared/title';
import type { DocumentRecord } from '../shared/types';
import { AnnotationStore } from '../renderer/annotations/store';
import { ClaimmarkDB } from '../renderer/db/db';
import type { BenchApi } from './api';
import { annotationsFor, bytesOf, medianOf, ms, textOf } from './harness-common';

async function withDb<T>(f: (db: ClaimmarkDB) => Promise<T>): Promise<T> {
  const db = new ClaimmarkDB();
  try {
    await db.open();
    return await f(db);
  } finally {
    db.close();
  }
}

function rawGetAll(db: ClaimmarkDB, docId: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const request = db
      .backendDB()
      .transaction('annotations', 'readonly')
      .objectStore('annotations')
      .index('docId')
      .getAll(docId);
    request.onsuccess = () => resolve(request.result as unknown[]);
    request.onerror = () => reject(request.error);
  });
}

/** The first value of a live query, as useLiveQuery gets it. */
function firstLiveValue<T>(query: () => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        resolve(value);
        setTimeout(() => subscription.unsubscribe());
      },
      error: reject,
    });
  });
}

export const dbApi: Pick<BenchApi, 'seedDocument' | 'openReads' | 'forgetLastDocument'> = {
  seedDocument: (name, count) =>
    withDb(async (db) => {
      const text = textOf(name);
      const categories = await db.categories.orderBy('order').toArray();
      if (categories.length === 0) throw new Error('no codebook yet: load the app first');
      const t0 = performance.now();
      // Cast, not annotated: the record gains fields as the app grows (reflow: null = as in the file).
      const doc = {
        id: crypto.randomUUID(),
        sha256: await sha256Hex(text),
        title: defaultTitle(text, name),
        fileName: name,
        encoding: 'utf-8',
        bom: false,
        length: codePointLength(text),
        addedAt: new Date().toISOString(),
        reflow: null,
      } as DocumentRecord;
      await db.transaction('rw', db.documents, db.texts, db.sources, async () => {
        await db.documents.add(doc);
        await db.texts.add({ docId: doc.id, text });
        await db.sources.add({ docId: doc.id, bytes: bytesOf(name) });
      });
      const ids = categories.map((c) => c.id);
      const annotations = annotationsFor(doc.id, text, count, ids);
      for (let i = 0; i < annotations.length; i += 1000) {
        await db.annotations.bulkAdd(annotations.slice(i, i + 1000));
      }
      // The list shows them by start, ties in key order (Dexie's sortBy is stable).
      const listed = [...annotations].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
      const targets = [2, 4].map((d) => {
        const index = Math.floor(listed.length / d);
        const a = listed[index];
        if (!a) throw new Error('no annotations generated');
        return { id: a.id, index, start: a.start, quote: a.quote.slice(0, 6) };
      });
      const sentinel = text.slice(0, 10);
      return { docId: doc.id, title: doc.title, sentinel, seedMs: ms(t0), targets };
    }),

  openReads: async (docId, reps) => {
    const reads = await withDb(async (db) => {
      const annotations = () => db.annotations.where('docId').equals(docId);
      return {
        'texts.get(docId), the 10 MB text': await medianOf(reps, () => db.texts.get(docId)),
        'raw IndexedDB getAll on the docId index': await medianOf(reps, () => rawGetAll(db, docId)),
        'where(docId).toArray()': await medianOf(reps, () => annotations().toArray()),
        "where(docId).sortBy('start'), the app's query": await medianOf(reps, () =>
          annotations().sortBy('start'),
        ),
        'AnnotationStore.findSpan, no match (as when tagging a new span)': await medianOf(
          reps,
          () => new AnnotationStore(db).findSpan(docId, -1, -1),
        ),
        "orderBy('docId').keys(), the library's counts": await medianOf(reps, () =>
          db.annotations.orderBy('docId').keys(),
        ),
      };
    });
    // useLiveQuery's first value, timed once: Dexie's query cache (shared by
    // every connection to 'claimmark') would serve later runs.
    const live = await withDb(async (db) => {
      const t0 = performance.now();
      await firstLiveValue(() => db.annotations.where('docId').equals(docId).sortBy('start'));
      return ms(t0);
    });
    return { ...reads, "the app's query in a liveQuery, first value (once, cold)": live };
  },

  forgetLastDocument: () => withDb((db) => db.settings.delete('lastDocument')),
};
