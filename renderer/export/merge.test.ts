import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { AnnotationStore } from '../annotations/store';
import type { ClaimmarkDB } from '../db/db';
import { seedDefaults } from '../db/defaults';
import { runDecodeJob } from '../library/decode-job';
import { importFiles } from '../library/import-files';
import { buildBackup, parseBackup, type Backup } from './backup';
import { buildProjectExport } from './project';
import { mergeWork, readWork, workFromBackup } from './merge';
import { freshDatabases } from '../db/fresh-db';

const freshDb = freshDatabases('merge');
const enc = (s: string) => new TextEncoder().encode(s);
const SHARED = '国家统计局称，去年增长了5.2%。专家认为这一数字被高估。';
const ONLY_LI = '市长表示，明年将新建三万套住房。';

/** An analyst's library: their own ids for documents and categories, their own clock. */
async function analyst(coder: string, texts: string[]) {
  const db = freshDb();
  await seedDefaults(db);
  let clock = new Date('2026-11-20T09:00:00Z');
  const store = new AnnotationStore(
    db,
    () => clock,
    undefined,
    () => coder,
  );
  const docs = [];
  for (const [i, text] of texts.entries()) {
    const [o] = await importFiles([{ ok: true, file: { name: `d${i}.txt`, bytes: enc(text) } }], {
      db,
      decode: runDecodeJob,
      now: () => new Date('2026-11-20T08:00:00Z'),
    });
    if (o?.kind !== 'added') throw new Error('not added');
    docs.push(o.doc);
  }
  const categories = await db.categories.orderBy('order').toArray();
  const setClock = (iso: string) => (clock = new Date(iso));
  return { db, store, docs, categories, setClock };
}

async function backupOf(db: ClaimmarkDB): Promise<Backup> {
  const parsed = parseBackup(JSON.stringify(await buildBackup(db)));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.backup;
}

describe("merging two analysts' backups", () => {
  it('adds, updates the newer, skips the older, keeps the old version for undo', async () => {
    const lead = await analyst('Lead', [SHARED]);
    const leadCat = lead.categories[0]!;
    const x = await lead.store.create(lead.docs[0]!.id, SHARED, 0, 5, leadCat.id);

    // Li started from the lead's backup (so x has the same id), edited it later, added more.
    const li = await analyst('Li', [SHARED, ONLY_LI]);
    const liCat = li.categories[0]!;
    await li.db.annotations.put({ ...x, docId: li.docs[0]!.id, categoryIds: [liCat.id] });
    li.setClock('2026-11-21T09:00:00Z');
    const stored = (await li.db.annotations.get(x.id))!;
    await li.store.update(stored, { note: 'Li: 来源是统计公报' });
    await li.store.create(li.docs[0]!.id, SHARED, 6, 15, li.categories[1]!.id);
    await li.store.create(li.docs[1]!.id, ONLY_LI, 0, 4, liCat.id);
    await li.db.categories.add({ ...liCat, id: 'li-only', name: 'Li 专用', order: 99 });

    // Zhao has an older copy of x and one annotation of their own.
    const zhao = await analyst('Zhao', [SHARED]);
    zhao.setClock('2026-11-19T09:00:00Z');
    await zhao.db.annotations.put({
      ...x,
      docId: zhao.docs[0]!.id,
      categoryIds: [zhao.categories[0]!.id],
      note: 'Zhao: old',
      updatedAt: '2026-11-19T09:00:00.000Z',
    });
    await zhao.store.create(zhao.docs[0]!.id, SHARED, 16, 20, zhao.categories[0]!.id);

    const fromLi = await mergeWork(lead.db, workFromBackup(await backupOf(li.db)));
    expect(fromLi).toMatchObject({
      documentsAdded: 1,
      documentsMatched: 1,
      categoriesAdded: 1,
      added: 2,
      updated: 1,
      skipped: 0,
      unmatched: 0,
      coders: ['Lead', 'Li'], // x was made by the lead, edited by Li
    });
    expect(fromLi.categoriesMatched).toBe(li.categories.length);
    const fromZhao = await mergeWork(lead.db, workFromBackup(await backupOf(zhao.db)));
    expect(fromZhao).toMatchObject({ documentsAdded: 0, added: 1, updated: 0, skipped: 1 });

    // The newer version won, in the lead's document and the lead's category (matched by name).
    const merged = (await lead.db.annotations.get(x.id))!;
    expect(merged.note).toBe('Li: 来源是统计公报');
    expect(merged.docId).toBe(lead.docs[0]!.id);
    expect(merged.categoryIds).toEqual([leadCat.id]);
    expect(await lead.db.annotations.count()).toBe(4); // x, Li's two, Zhao's one
    const liDoc = await lead.db.documents.where('sha256').equals(li.docs[1]!.sha256).first();
    expect((await lead.db.texts.get(liDoc!.id))?.text).toBe(ONLY_LI);
    expect((await lead.db.categories.toArray()).filter((c) => c.name === 'Li 专用')).toHaveLength(
      1,
    );

    // Undo after Li's merge gives the lead's own x back and removes what Li added.
    await lead.store.remember('merge', fromLi.changes);
    await lead.store.undo();
    expect((await lead.db.annotations.get(x.id))?.note).toBe('');
    expect(await lead.db.annotations.count()).toBe(2); // x and Zhao's own
  });

  it('reports an id used here for another document as unmatched, and stores nothing of a failed merge', async () => {
    const lead = await analyst('Lead', [SHARED, ONLY_LI]);
    const mine = await lead.store.create(lead.docs[1]!.id, ONLY_LI, 0, 2, lead.categories[0]!.id);
    const li = await analyst('Li', [SHARED]);
    await li.db.annotations.put({
      ...mine,
      docId: li.docs[0]!.id,
      start: 0,
      end: 2,
      quote: SHARED.slice(0, 2),
      categoryIds: [li.categories[0]!.id],
      updatedAt: '2030-01-01T00:00:00.000Z',
    });
    const report = await mergeWork(lead.db, workFromBackup(await backupOf(li.db)));
    expect(report).toMatchObject({ unmatched: 1, added: 0, updated: 0 });
    expect((await lead.db.annotations.get(mine.id))?.docId).toBe(lead.docs[1]!.id);

    const before = await lead.db.annotations.count();
    const work = workFromBackup(await backupOf(li.db));
    // A second annotation with an id bulkPut cannot store (not a valid key) aborts the whole merge.
    work.annotations.push({ ...work.annotations[0]!, id: {} as unknown as string });
    work.documents.push({ ...work.documents[0]!, id: 'other', text: '新的文本' });
    await expect(mergeWork(lead.db, work)).rejects.toThrow();
    expect(await lead.db.annotations.count()).toBe(before);
    expect(await lead.db.documents.count()).toBe(2);
  });
});

describe('readWork', () => {
  it('refuses what is neither a backup nor a project, saying why', () => {
    const bad = (s: string | Uint8Array) =>
      readWork(typeof s === 'string' ? enc(s) : s) as { ok: false; error: string };
    expect(bad('{"format":"claimmark-backup"').error).toMatch(/^not JSON/);
    expect(bad('{"x":1}').error).toMatch(/not a Claimmark backup/);
    expect(bad(new Uint8Array([0xff, 0xfe, 0x00])).error).toMatch(/neither a Claimmark backup/);
    expect(bad(new Uint8Array([0x50, 0x4b, 1, 2])).ok).toBe(false);
  });

  it("merges another analyst's .qdpx: their selections join the lead's document by its text", async () => {
    const lead = await analyst('Lead', [SHARED]);
    await lead.store.create(lead.docs[0]!.id, SHARED, 0, 5, lead.categories[0]!.id);
    const li = await analyst('Li', [SHARED, ONLY_LI]);
    await li.store.create(li.docs[0]!.id, SHARED, 0, 7, li.categories[0]!.id);
    await li.store.create(li.docs[1]!.id, ONLY_LI, 0, 2, li.categories[1]!.id);
    const read = readWork((await buildProjectExport(li.db, null)).bytes);
    if (!read.ok) throw new Error(read.error);
    const report = await mergeWork(lead.db, read.work);
    expect(report).toMatchObject({
      documentsAdded: 1,
      documentsMatched: 1,
      added: 2,
      coders: ['Li'],
    });
    const inShared = await lead.db.annotations.where('docId').equals(lead.docs[0]!.id).toArray();
    expect(inShared.map((a) => [a.createdBy, a.quote]).sort()).toEqual([
      ['Lead', SHARED.slice(0, 5)],
      ['Li', SHARED.slice(0, 7)],
    ]);
    // Categories of the same name are the lead's, not copies.
    expect(report.categoriesAdded).toBe(0);
  });
});
