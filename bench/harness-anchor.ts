/**
 * The harness's re-anchoring measurements: a Chinese news text, annotations
 * on it (as the app stores them), scattered edits to it; then shared/anchor.ts
 * `reanchor`, the `indexOf` baseline, and the app's replaceText with its
 * database writes (renderer/reader/replace-text.ts) on a scratch database.
 */
import { reanchor } from '../shared/anchor';
import { codePointLength, sha256Hex } from '../shared/text';
import { defaultTitle } from '../shared/title';
import type { Annotation, DocumentRecord } from '../shared/types';
import { anchorFields } from '../renderer/annotations/anchor-fields';
import { ClaimmarkDB } from '../renderer/db/db';
import { recordAnnotationPuts, recordsPut } from '../renderer/db/mutate-spy';
import { runDecodeJob } from '../renderer/library/decode-job';
import { putTexts } from '../renderer/library/import-files';
import { compactedRecords, compactionIdle } from '../renderer/db/compaction';
import { plannedWrites, WRITE_CHUNK } from '../renderer/reader/reanchor-stored';
import { replaceText } from '../renderer/reader/replace-text';
import type { AnchorGroup, BenchApi, ReanchorResult } from './api';
import { applyEdits, scatterEdits, shifted, touches, type Edit } from './edits';
import { generateText } from './generate';
import { annotationsFor, ms } from './harness-common';

const DOC_ID = 'bench-replace';
const CATEGORY_IDS = ['c0', 'c1', 'c2', 'c3', 'c4'];
/** Annotation records put since the last reset: what a replacement wrote, counted by the database. */
const annotationPuts: string[][] = [];
const replaceDb = new ClaimmarkDB('bench-replace').use(recordAnnotationPuts(annotationPuts));

interface State {
  oldText: string;
  newText: string;
  newBytes: Uint8Array;
  anchors: Annotation[];
  edits: Edit[];
  groups: Record<AnchorGroup, Annotation[]>;
}
let state: State | null = null;

function current(): State {
  if (!state) throw new Error('call setupReanchor first');
  return state;
}

/** The document and its annotations, written afresh (every replace changes them). */
async function seed(s: State): Promise<number> {
  await replaceDb.open();
  await Promise.all(replaceDb.tables.map((t) => t.clear()));
  const t0 = performance.now();
  const doc: DocumentRecord = {
    id: DOC_ID,
    sha256: await sha256Hex(s.oldText),
    title: defaultTitle(s.oldText, 'news.txt'),
    fileName: 'news.txt',
    encoding: 'utf-8',
    bom: false,
    length: codePointLength(s.oldText),
    addedAt: new Date().toISOString(),
    reflow: null,
  };
  await replaceDb.transaction('rw', [replaceDb.documents, replaceDb.texts, replaceDb.sources], () =>
    Promise.all([
      replaceDb.documents.add(doc),
      replaceDb.texts.add({ docId: DOC_ID, text: s.oldText }),
      replaceDb.sources.add({ docId: DOC_ID, bytes: new TextEncoder().encode(s.oldText) }),
    ]),
  );
  for (let i = 0; i < s.anchors.length; i += 1000) {
    await replaceDb.annotations.bulkAdd(s.anchors.slice(i, i + 1000));
  }
  return ms(t0);
}

/** Annotations not on their quote in the document's text now: none, if the replacement is right. */
async function misplaced(): Promise<number> {
  const [text, annotations] = await Promise.all([
    replaceDb.texts.get(DOC_ID),
    replaceDb.annotations.where('docId').equals(DOC_ID).toArray(),
  ]);
  return annotations.filter((a) => !a.orphaned && text?.text.slice(a.start, a.end) !== a.quote)
    .length;
}

export const anchorApi: Pick<
  BenchApi,
  | 'setupReanchor'
  | 'reanchor'
  | 'indexOfEach'
  | 'seedReplace'
  | 'replaceText'
  | 'replaceBaseline'
  | 'replaceSteps'
> = {
  async setupReanchor(bytes, count, editCount) {
    const oldText = generateText(bytes, 31337);
    // As the app stores them: every placement keeps the figures of its quote.
    const anchors = annotationsFor(DOC_ID, oldText, count, CATEGORY_IDS).map((a): Annotation => ({
      ...a,
      ...anchorFields(oldText, a.start, a.end),
    }));
    const edits = scatterEdits(oldText, editCount);
    const newText = applyEdits(oldText, edits);
    const touched = anchors.filter((a) => touches(edits, a.start, a.end));
    const untouched = anchors.filter((a) => !touches(edits, a.start, a.end));
    const first = reanchor(newText, anchors, { oldText });
    const orphaned = anchors.filter((_, i) => first[i]?.status === 'orphaned');
    const newBytes = new TextEncoder().encode(newText);
    state = {
      oldText,
      newText,
      newBytes,
      anchors,
      edits,
      groups: { all: anchors, untouched, touched, orphaned },
    };
    const kinds = { insertion: 0, deletion: 0, replacement: 0 };
    for (const e of edits) kinds[e.kind]++;
    return {
      chars: oldText.length,
      bytes: new TextEncoder().encode(oldText).length,
      newChars: newText.length,
      anchors: anchors.length,
      edits: kinds,
      removedChars: edits.reduce((n, e) => n + e.remove, 0),
      insertedChars: edits.reduce((n, e) => n + e.insert.length, 0),
      touched: touched.length,
      orphaned: orphaned.length,
    };
  },

  async reanchor(group, withOldText) {
    const s = current();
    const list = s.groups[group];
    const t0 = performance.now();
    const out = reanchor(s.newText, list, withOldText ? { oldText: s.oldText } : {});
    const elapsed = ms(t0);
    const r: ReanchorResult = {
      ms: elapsed,
      kept: 0,
      moved: 0,
      fuzzy: 0,
      orphaned: 0,
      untouched: 0,
      untouchedRight: 0,
      untouchedKeptAtOld: 0,
      touched: { kept: 0, exact: 0, fuzzy: 0, orphaned: 0 },
    };
    out.forEach((o, i) => {
      const a = list[i];
      if (!a) return;
      r[o.status]++;
      const how = o.status === 'moved' ? o.how : o.status;
      if (how === 'fuzzy') r.fuzzy++;
      if (touches(s.edits, a.start, a.end)) r.touched[how]++;
      else {
        r.untouched++;
        const right = shifted(s.edits, a.start);
        if (o.status !== 'orphaned' && o.start === right) r.untouchedRight++;
        else if (o.status === 'kept' && o.start === a.start) r.untouchedKeptAtOld++;
      }
    });
    return r;
  },

  async indexOfEach() {
    const { newText, anchors } = current();
    let found = 0;
    const t0 = performance.now();
    for (const a of anchors) if (newText.indexOf(a.quote) >= 0) found++;
    return { ms: ms(t0), found };
  },

  seedReplace: () => seed(current()),

  async replaceText() {
    const s = current();
    const file = { name: 'news-edited.txt', bytes: s.newBytes };
    annotationPuts.length = 0;
    const t0 = performance.now();
    const outcome = await replaceText(replaceDb, DOC_ID, file, runDecodeJob);
    const elapsed = ms(t0);
    const report = outcome.kind === 'replaced' ? outcome.report : null;
    const written = recordsPut(annotationPuts);
    const before = compactedRecords(replaceDb);
    const t1 = performance.now();
    await compactionIdle(replaceDb);
    const compaction = { ms: ms(t1), rewritten: compactedRecords(replaceDb) - before };
    return {
      ms: elapsed,
      kind: outcome.kind,
      report,
      written,
      compaction,
      misplaced: await misplaced(),
    };
  },

  async replaceBaseline() {
    await compactionIdle(replaceDb);
    const s = current();
    const t0 = performance.now();
    const text = new TextDecoder('utf-8').decode(s.newBytes);
    const placed = s.anchors.map((a): Annotation => {
      const start = text.indexOf(a.quote);
      return start < 0 ? { ...a, orphaned: true } : { ...a, start, end: start + a.quote.length };
    });
    await replaceDb.transaction('rw', [replaceDb.texts, replaceDb.annotations], async () => {
      await replaceDb.texts.put({ docId: DOC_ID, text });
      await replaceDb.annotations.bulkPut(placed);
    });
    return ms(t0);
  },

  async replaceSteps() {
    const s = current();
    const steps: Record<string, number> = {};
    let t0 = performance.now();
    const [doc, shown] = await Promise.all([
      replaceDb.documents.get(DOC_ID),
      replaceDb.texts.get(DOC_ID),
    ]);
    steps['read the document and its text'] = ms(t0);
    if (!doc || !shown) throw new Error('the seeded document is missing');
    t0 = performance.now();
    const decoded = await runDecodeJob(s.newBytes, undefined, 'off');
    steps["runDecodeJob (decode + SHA-256, reflow 'off')"] = ms(t0);
    if (!decoded.ok) throw new Error(`decode failed: ${decoded.code}`);
    t0 = performance.now();
    const annotations = await replaceDb.annotations.where('docId').equals(DOC_ID).toArray();
    steps["read the annotations: where('docId').toArray()"] = ms(t0);
    t0 = performance.now();
    const outcomes = reanchor(decoded.prepared.display, annotations, { oldText: shown.text });
    steps['reanchor'] = ms(t0);
    t0 = performance.now();
    const { record, changed } = plannedWrites(
      DOC_ID,
      decoded.prepared.display,
      annotations,
      outcomes,
      undefined,
    );
    steps[
      `the step, and each record checked against it: context + figures (anchorFields) each (${changed.length.toLocaleString('en')} differ)`
    ] = ms(t0);
    t0 = performance.now();
    const tables = [replaceDb.documents, replaceDb.texts, replaceDb.originals, replaceDb.sources];
    await replaceDb.transaction('rw', tables, async () => {
      await replaceDb.documents.put({ ...doc, sha256: decoded.sha256 });
      await putTexts(replaceDb, DOC_ID, decoded.prepared);
      await replaceDb.sources.put({ docId: DOC_ID, bytes: s.newBytes });
    });
    steps['one transaction: document, text, bytes'] = ms(t0);
    t0 = performance.now();
    await replaceDb.transaction('rw', replaceDb.annotations, replaceDb.shifts, async () => {
      if (record) await replaceDb.shifts.put(record);
      const chunks = [];
      for (let i = 0; i < changed.length; i += WRITE_CHUNK)
        chunks.push(replaceDb.annotations.bulkPut(changed.slice(i, i + WRITE_CHUNK)));
      await Promise.all(chunks);
    });
    steps[
      `the shifts record and the ${changed.length.toLocaleString('en')} that differ, bulkPut in chunks of ${WRITE_CHUNK} (own transaction)`
    ] = ms(t0);
    return steps;
  },
};
