import 'fake-indexeddb/auto';
import type { DBCore, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { RawFile } from '../../shared/file-errors';
import type { Annotation, DocumentRecord } from '../../shared/types';
import { readOn, START } from '../all-annotations/read-in-order';
import { AnnotationStore } from '../annotations/store';
import { compact, compactionIdle, compactLeftovers } from '../db/compaction';
import type { ClaimmarkDB } from '../db/db';
import { DocumentAnnotations } from '../db/document-annotations';
import { freshDatabases } from '../db/fresh-db';
import { aroundMutate, recordAnnotationPuts, recordsPut } from '../db/mutate-spy';
import { spansOf, spansRecordOfAnnotations } from '../db/spans';
import { runDecodeJob } from '../library/decode-job';
import { importFiles, putTexts } from '../library/import-files';
import { prepareText } from '../library/prepare-text';
import { reanchorStored } from './reanchor-stored';
import { replaceText } from './replace-text';

const freshDb = freshDatabases('replace-shifts-test');

const N = 60;
/** Each annotated line has an unannotated note after it, so a deleted note moves what follows. */
const lines = Array.from({ length: N }, (_, i) => [
  `第${i + 1}条：当地粮食产量增长${i}.5%，比上年有所提高。`,
  `附注${i + 1}：数据来源于地方统计部门，以正式公布为准。`,
]).flat();
const V1 = lines.join('\n') + '\n';
const HEADER = '编者按：本文数据均为初步统计，仅供参考。\n';
/** A header above everything, and a note in the middle deleted: two moves, each shared by many. */
const V2 = HEADER + V1.replace(lines[41]! + '\n', '');
/** From V2, a sentence added after the twentieth annotated line: a third move. */
const V3 = V2.replace(lines[39]!, lines[39]! + '另据统计，夏粮也有增长。');

const file = (name: string, text: string): RawFile => ({
  name,
  bytes: new TextEncoder().encode(text),
});

async function setUp(
  ...middlewares: Middleware<DBCore>[]
): Promise<{ db: ClaimmarkDB; doc: DocumentRecord; puts: string[][] }> {
  const db = freshDb();
  const puts: string[][] = [];
  db.use(recordAnnotationPuts(puts));
  for (const m of middlewares) db.use(m);
  await db.open();
  const [added] = await importFiles([{ ok: true, file: file('粮食.txt', V1) }], {
    db,
    decode: runDecodeJob,
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  if (added?.kind !== 'added') throw new Error('not added');
  const store = new AnnotationStore(db, () => new Date('2026-01-02T03:04:05Z'));
  for (let i = 0; i < N; i++) {
    const quote = `当地粮食产量增长${i}.5%`;
    const start = V1.indexOf(quote);
    await store.create(added.doc.id, V1, start, start + quote.length, 'cat');
  }
  // As after a first open: the document has its spans record.
  const all = await db.annotations.toArray();
  await db.spans.put(spansRecordOfAnnotations(added.doc.id, all)!);
  puts.length = 0;
  return { db, doc: added.doc, puts };
}

/** What a replacement does, without the compaction replaceText starts after it. */
async function replaceWithoutCompaction(db: ClaimmarkDB, docId: string, from: string, to: string) {
  const tables = [db.texts, db.originals, db.annotations, db.shifts, db.spans];
  await db.transaction('rw', tables, async () => {
    await putTexts(db, docId, prepareText(to, 'off'));
    await reanchorStored(db, docId, to, from);
  });
}

/** The records as IndexedDB holds them, below Dexie and its middlewares. */
function rawRecords(db: ClaimmarkDB): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const read = db.backendDB().transaction('annotations').objectStore('annotations').getAll();
    read.onsuccess = () => resolve(read.result as Record<string, unknown>[]);
    read.onerror = () => reject(read.error);
  });
}

/** Every way the app reads annotations gives each one on its quote in `text`, in text order. */
async function expectPlacedIn(db: ClaimmarkDB, docId: string, text: string): Promise<Annotation[]> {
  const listed = await db.annotations.where('docId').equals(docId).toArray();
  expect(listed).toHaveLength(N);
  for (const a of listed) {
    expect(text.slice(a.start, a.end), a.quote).toBe(a.quote);
    expect(a).not.toHaveProperty('gen');
  }
  const byId = new Map(listed.map((a) => [a.id, a]));
  expect(await db.annotations.bulkGet([...byId.keys()])).toEqual([...byId.values()]);
  expect(await db.annotations.toArray()).toEqual(
    expect.arrayContaining([...byId.values()].map((a) => expect.objectContaining(a))),
  );
  // The position index (a span found, the table's reading in text order) agrees.
  for (const a of listed) {
    const found = await db.annotations.where('[docId+start+end]').equals([docId, a.start, a.end]);
    expect((await found.first())?.id, a.quote).toBe(a.id);
    expect(await found.count()).toBe(1);
  }
  const inOrder = [...listed].sort((x, y) => x.start - y.start).map((a) => a.id);
  const doc = (await db.documents.get(docId))!;
  const firstPage = await readOn(db, [doc], START, 25);
  const rest = await readOn(db, [doc], firstPage.next!, N);
  expect([...firstPage.annotations, ...rest.annotations].map((a) => a.id)).toEqual(inOrder);
  // The spans record the reader paints first agrees too.
  const spans = spansOf((await db.spans.get(docId))!);
  expect(spans.map((s) => [s.id, s.start, s.end])).toEqual(
    [...listed].sort((x, y) => x.start - y.start).map((a) => [a.id, a.start, a.end]),
  );
  return listed;
}

describe('a replaced text keeps the moves of most annotations in one shifts record', () => {
  it('writes only the annotations whose context changed, and reads every one at its new place', async () => {
    const { db, doc, puts } = await setUp();
    const rawBefore = await rawRecords(db);

    await replaceWithoutCompaction(db, doc.id, V1, V2);

    // The header reaches the first annotation's context; the deleted note the
    // contexts of the annotations just before and after it. Nothing else changed.
    expect(recordsPut(puts)).toBe(3);
    const raw = await rawRecords(db);
    const unwritten = raw.filter((r) =>
      rawBefore.some((b) => JSON.stringify(b) === JSON.stringify(r)),
    );
    expect(unwritten).toHaveLength(N - 3);
    await expectPlacedIn(db, doc.id, V2);
    expect((await db.shifts.get(doc.id))?.gen).toBe(1);
  });

  it('reads through two replacements in a row, and a tag made in between', async () => {
    const { db, doc } = await setUp();
    await replaceWithoutCompaction(db, doc.id, V1, V2);
    const store = new AnnotationStore(db);
    const quote = '夏粮';
    const made = await store.create(
      doc.id,
      V2,
      V2.indexOf('附注3'),
      V2.indexOf('附注3') + 4,
      'cat',
    );
    expect(await db.annotations.get(made.id)).toEqual(made);

    await replaceWithoutCompaction(db, doc.id, V2, V3);

    expect(V3.includes(quote)).toBe(true);
    const tag = await db.annotations.get(made.id);
    expect(V3.slice(tag!.start, tag!.end)).toBe('附注3：');
    await db.annotations.delete(made.id);
    await expectPlacedIn(db, doc.id, V3);
    expect((await db.shifts.get(doc.id))?.steps.map((s) => s.gen)).toEqual([1, 2]);
  });

  it('is compacted afterwards: every record rewritten at its place, nothing read differently', async () => {
    const { db, doc } = await setUp();
    await replaceWithoutCompaction(db, doc.id, V1, V2);
    await replaceWithoutCompaction(db, doc.id, V2, V3);
    const before = await expectPlacedIn(db, doc.id, V3);

    const rewritten = await compact(db, doc.id);

    expect(rewritten).toBeGreaterThan(N / 2);
    expect(await db.shifts.get(doc.id)).toMatchObject({ docId: doc.id, gen: 2, steps: [] });
    for (const r of await rawRecords(db)) {
      const a = before.find((b) => b.id === r.id)!;
      expect([r.start, r.end, r.gen]).toEqual([a.start, a.end, 2]);
    }
    expect(await expectPlacedIn(db, doc.id, V3)).toEqual(before);
  });

  it('replaceText compacts on its own, and a start finishes what a closed window left', async () => {
    const { db, doc } = await setUp();
    await replaceText(db, doc.id, file('v2.txt', V2), runDecodeJob);
    await compactionIdle(db);
    expect((await db.shifts.get(doc.id))?.steps).toEqual([]);
    await expectPlacedIn(db, doc.id, V2);

    await replaceWithoutCompaction(db, doc.id, V2, V3);
    await compactLeftovers(db);
    await compactionIdle(db);
    expect((await db.shifts.get(doc.id))?.steps).toEqual([]);
    expect((await rawRecords(db)).every((r) => r.gen === 2)).toBe(true);
    await expectPlacedIn(db, doc.id, V3);
  });

  it('has the open document, held in memory, read again whole', async () => {
    const { db, doc } = await setUp();
    let shown: Annotation[] = [];
    const held = new DocumentAnnotations(db, doc.id, (list) => (shown = list));
    await held.loaded;

    await replaceText(db, doc.id, file('v2.txt', V2), runDecodeJob);
    await held.idle();

    expect(shown).toHaveLength(N);
    for (const a of shown) expect(V2.slice(a.start, a.end)).toBe(a.quote);
    held.close();
    await compactionIdle(db);
  });

  it('writes nothing when the shifts record cannot be stored (a full disk)', async () => {
    let full = false;
    const { db, doc } = await setUp(
      aroundMutate('shifts', (req, down) =>
        full ? Promise.reject(new Error('QuotaExceededError')) : down(req),
      ),
    );
    full = true;
    const before = { texts: await db.texts.toArray(), annotations: await rawRecords(db) };

    await expect(replaceText(db, doc.id, file('v2.txt', V2), runDecodeJob)).rejects.toThrow(
      'QuotaExceededError',
    );

    expect(await db.texts.toArray()).toEqual(before.texts);
    expect(await rawRecords(db)).toEqual(before.annotations);
    expect(await db.shifts.get(doc.id)).toBeUndefined();
  });
});
