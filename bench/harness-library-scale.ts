/**
 * The in-page half of the 'library' section (library-scale.ts): a big library
 * of short news articles — 2,000 documents of 2–20 KB (Chinese, one in ten
 * English) carrying 200,000 annotations with their figures, as the app stores
 * them — written into the app's database with the newest document as the one
 * to reopen, and the baseline: the document list read raw from IndexedDB.
 */
import { figureRecords } from '../shared/claims/link';
import { findQuantities } from '../shared/claims/quantity';
import { ClaimmarkDB } from '../renderer/db/db';
import { annotationCountOf, speakerNames } from '../renderer/db/library-reads';
import { strayAnnotations } from '../renderer/library/strays';
import type { BenchApi, ScaleLibraryInfo } from './api';
import { buildLibrary, infoOf, writeLibrary, type Library } from './harness-library';
import { medianOf, ms } from './harness-common';

const MIN_BYTES = 2 * 1024;
const MAX_BYTES = 20 * 1024;
/** Coprime with any count of the form 2^a·5^b, so `d * STEP % n` visits every slot once. */
const STEP = 7919;

let scale: { lib: Library; newest: ScaleLibraryInfo['newest'] } | null = null;

/** The first characters of the text's first line (a headline may be short). */
const sentinelOf = (text: string) => (text.split('\n')[0] ?? '').slice(0, 10);

export const libraryScaleApi: Pick<
  BenchApi,
  'makeScaleLibrary' | 'seedScaleLibrary' | 'rawDocumentList' | 'startReads'
> = {
  async makeScaleLibrary(docs, annotations) {
    const t0 = performance.now();
    // Added an hour apart in an order that is not the ids' (nor the sizes'), so sorting has work.
    const hour = (d: number) => (d * STEP) % docs;
    const lib = buildLibrary({
      docs,
      bytesOf: (d) => Math.round(MIN_BYTES + (((d * 4099) % 1000) / 999) * (MAX_BYTES - MIN_BYTES)),
      annotations,
      idWidth: 4,
      addedAt: (d) => new Date(Date.UTC(2024, 0, 1) + hour(d) * 3_600_000),
      rare: false,
    });
    // As the app stores an annotation: with the figures of its quote.
    for (const a of lib.annotations) {
      a.quantities = findQuantities(a.quote);
      a.claimFigures = figureRecords(a.quote, a.quantities);
    }
    const newestIndex = lib.docs.findIndex((_, d) => hour(d) === docs - 1);
    const doc = lib.docs[newestIndex];
    if (!doc) throw new Error('no newest document');
    const newest = {
      docId: doc.record.id,
      title: doc.record.title,
      sentinel: sentinelOf(doc.text),
      annotations: lib.annotations.filter((a) => a.docId === doc.record.id).length,
    };
    scale = { lib, newest };
    return { ...infoOf(lib, t0), newest };
  },

  async seedScaleLibrary() {
    if (!scale) throw new Error('call makeScaleLibrary first');
    const written = await writeLibrary(scale.lib);
    const db = new ClaimmarkDB();
    try {
      await db.settings.put({ key: 'lastDocument', value: scale.newest.docId });
    } finally {
      db.close();
    }
    return written;
  },

  async rawDocumentList() {
    const t0 = performance.now();
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('claimmark');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const records = await new Promise<unknown[]>((resolve, reject) => {
      const request = idb.transaction('documents', 'readonly').objectStore('documents').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const elapsed = ms(t0);
    idb.close();
    return { ms: elapsed, records: records.length };
  },

  async startReads(docId, rows, reps) {
    const db = new ClaimmarkDB();
    try {
      await db.open();
      const newest = (
        await db.documents.orderBy('addedAt').reverse().limit(rows).primaryKeys()
      ).map(String);
      const rowCount = (id: string) => annotationCountOf(db, id);
      return {
        'documents.toArray(), the document list': await medianOf(reps, () =>
          db.documents.toArray(),
        ),
        'strayAnnotations(), at every start': await medianOf(reps, () => strayAnnotations(db)),
        'speakerNames(), the speakers offered': await medianOf(reps, () => speakerNames(db)),
        "before: orderBy('speaker').uniqueKeys()": await medianOf(reps, () =>
          db.annotations.orderBy('speaker').uniqueKeys(),
        ),
        "where('docId').toArray(), the newest document's annotations": await medianOf(reps, () =>
          db.annotations.where('docId').equals(docId).toArray(),
        ),
        [`the ${rows} first rows' counts (each its keys in the docId index)`]: await medianOf(
          reps,
          () => Promise.all(newest.map(rowCount)),
        ),
        "one row's count, as after a change in its document": await medianOf(reps, () =>
          rowCount(docId),
        ),
        // What the library ran before, at start and again after every change anywhere.
        'before: one count() per document, as after every change': await medianOf(
          reps,
          async () => {
            const ids = (await db.documents.toCollection().primaryKeys()).map(String);
            await Promise.all(ids.map((id) => db.annotations.where('docId').equals(id).count()));
          },
        ),
      };
    } finally {
      db.close();
    }
  },
};
