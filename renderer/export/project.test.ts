import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { codebookTree } from '../../shared/codebook-csv';
import { readProject } from '../../shared/exchange/qde-read';
import { unpackProject } from '../../shared/exchange/qdpx';
import { AnnotationStore } from '../annotations/store';
import type { ClaimmarkDB } from '../db/db';
import { seedDefaults } from '../db/defaults';
import { runDecodeJob } from '../library/decode-job';
import { importFiles } from '../library/import-files';
import { buildProjectExport, importProject } from './project';
import { freshDatabases } from '../db/fresh-db';

const freshDb = freshDatabases('project');

const enc = (s: string) => new TextEncoder().encode(s);
const TEXTS = {
  '公报.txt':
    '国家统计局公报\n\n𠀀𠀀今年粮食总产量达到13908亿斤，比上年增长1.3%。\n专家表示，这一成绩来之不易。',
  'wire.txt': 'Wire report\n\nThe minister said growth would reach 5% 😀 next year.',
};

/** Two documents, a subcategory, two coders, notes and claim fields. */
async function library(): Promise<ClaimmarkDB> {
  const db = freshDb();
  await seedDefaults(db);
  const [stat, target] = await db.categories.orderBy('order').toArray();
  if (!stat || !target) throw new Error('no default categories');
  await db.categories.add({
    id: crypto.randomUUID(),
    name: '粮食 Grain',
    color: '#884400',
    description: 'Harvest figures',
    order: 10,
    parentId: stat.id,
  });
  const grain = await db.categories.where('order').equals(10).first();
  const outcomes = await importFiles(
    Object.entries(TEXTS).map(([name, text]) => ({ ok: true, file: { name, bytes: enc(text) } })),
    { db, decode: runDecodeJob, now: () => new Date('2026-11-22T10:00:00Z') },
  );
  let coder = '李明';
  const store = new AnnotationStore(
    db,
    () => new Date('2026-11-22T11:00:00Z'),
    undefined,
    () => coder,
  );
  for (const o of outcomes) {
    if (o.kind !== 'added') throw new Error('import failed');
    const text = (await db.texts.get(o.doc.id))?.text ?? '';
    const figure = /\d[\d.]*(亿斤|%)/u.exec(text);
    if (!figure) throw new Error('no figure');
    const a = await store.create(
      o.doc.id,
      text,
      figure.index,
      figure.index + figure[0].length,
      stat.id,
    );
    coder = 'Ana';
    await store.update(a, {
      categoryIds: [stat.id, grain?.id ?? stat.id],
      note: '核实：\n来源 & <统计局>',
      status: 'supported',
      speaker: '统计局',
      evidence: 'http://example.org/report\n第二条',
    });
    coder = '李明';
    const end = text.indexOf('。') > 0 ? text.indexOf('。') : text.length - 1;
    await store.create(o.doc.id, text, end - 4, end, target.id);
  }
  return db;
}

async function exported(db: ClaimmarkDB, docId: string | null = null) {
  const out = await buildProjectExport(db, docId, new Date('2026-12-01T00:00:00Z'));
  const unpacked = unpackProject(out.bytes);
  if (!unpacked.ok) throw new Error(unpacked.error);
  const read = readProject(unpacked.archive);
  if (!read.ok) throw new Error(read.error);
  return { out, project: read.project };
}

const byId = <T extends { id: string }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('REFI-QDA project round trip', () => {
  it('export → import into an empty library gives the same documents, codebook, annotations, coders and notes', async () => {
    const source = await library();
    const { out, project } = await exported(source);
    expect(out.fileName).toBe('claimmark-library-2026-12-01.qdpx');
    expect([out.documents, out.selections]).toEqual([2, 4]);

    const target = freshDb();
    const report = await importProject(target, project);
    expect(report).toMatchObject({
      documents: 2,
      matched: 0,
      codesAdded: 6,
      codesMerged: 0,
      annotations: 4,
      skipped: 0,
      coders: ['李明'],
      moved: 0,
      unplaced: 0,
    });
    const docs = (db: ClaimmarkDB) =>
      db.documents.toArray().then((list) =>
        byId(list).map(({ id, sha256, title, length, addedAt }) => ({
          id,
          sha256,
          title,
          length,
          addedAt,
        })),
      );
    expect(await docs(target)).toEqual(await docs(source));
    expect(
      byId(await target.texts.toArray().then((t) => t.map((x) => ({ ...x, id: x.docId })))),
    ).toEqual(
      byId(await source.texts.toArray().then((t) => t.map((x) => ({ ...x, id: x.docId })))),
    );
    // The same codebook as the tree the analyst sees: names, colours, descriptions, parents,
    // in tree order (a project has no other order). What suggestions map to is Claimmark's own.
    const categories = async (db: ClaimmarkDB) =>
      codebookTree(await db.categories.toArray()).map(
        ({ category: { claimKind: _, order: __, ...c } }) => c,
      );
    expect(await categories(target)).toEqual(await categories(source));
    const annotations = byId(await target.annotations.toArray());
    expect(annotations).toEqual(byId(await source.annotations.toArray()));
    expect(annotations.map((a) => [a.createdBy, a.updatedBy])).toContainEqual(['李明', 'Ana']);
    expect(annotations.map((a) => a.note)).toContain('核实：\n来源 & <统计局>');
  });

  it('importing into the library it came from matches every document and code and adds nothing', async () => {
    const db = await library();
    const { project } = await exported(db);
    const before = { docs: await db.documents.count(), cats: await db.categories.count() };
    const report = await importProject(db, project);
    expect(report).toMatchObject({
      matched: 2,
      codesAdded: 0,
      codesMerged: 6,
      annotations: 0,
      skipped: 4,
    });
    expect(await db.documents.count()).toBe(before.docs);
    expect(await db.categories.count()).toBe(before.cats);
    expect(await db.annotations.count()).toBe(4);
  });

  it('merges codes by name into another library, and matches documents by their text', async () => {
    const source = await library();
    const { project } = await exported(source);
    const other = freshDb();
    await seedDefaults(other); // the same names, other ids
    await importFiles([{ ok: true, file: { name: 'same.txt', bytes: enc(TEXTS['wire.txt']) } }], {
      db: other,
      decode: runDecodeJob,
      now: () => new Date(),
    });
    const report = await importProject(other, project);
    expect(report).toMatchObject({ matched: 1, codesAdded: 1, codesMerged: 5, annotations: 4 });
    expect(await other.documents.count()).toBe(2);
    const names = (await other.categories.toArray()).map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    // Every annotation's categories are in the codebook.
    const ids = new Set((await other.categories.toArray()).map((c) => c.id));
    for (const a of await other.annotations.toArray())
      for (const c of a.categoryIds) expect(ids.has(c)).toBe(true);
  });

  it('exports one document when asked', async () => {
    const db = await library();
    const [first] = await db.documents.orderBy('addedAt').toArray();
    const { out, project } = await exported(db, first?.id ?? null);
    expect(out.documents).toBe(1);
    expect(project.sources.map((s) => s.name)).toEqual([first?.title]);
  });

  it('stores nothing when the import fails half way', async () => {
    const source = await library();
    const { project } = await exported(source);
    const target = freshDb();
    await target.open();
    vi.spyOn(target.annotations, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(importProject(target, project)).rejects.toThrow('disk full');
    expect([
      await target.documents.count(),
      await target.categories.count(),
      await target.texts.count(),
    ]).toEqual([0, 0, 0]);
  });
});
