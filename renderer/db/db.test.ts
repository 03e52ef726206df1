import 'fake-indexeddb/auto';
import { figureRecords } from '../../shared/claims/link';
import { findQuantities } from '../../shared/claims/quantity';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation, DocumentRecord } from '../../shared/types';
import { ClaimmarkDB, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V6 } from './db';
import { HEAD_CHARS, HEAD_FROM_CHARS } from './heads';
import { DEFAULT_CATEGORIES, seedDefaults } from './defaults';

const opened: ClaimmarkDB[] = [];

function freshDb(name = `db-test-${crypto.randomUUID()}`): ClaimmarkDB {
  const db = new ClaimmarkDB(name);
  opened.push(db);
  return db;
}

afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
});

function doc(id: string, sha256: string, extra: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id,
    sha256,
    title: `Title ${id}`,
    fileName: `${id}.txt`,
    encoding: 'utf-8',
    bom: false,
    length: 10,
    addedAt: '2026-01-01T00:00:00.000Z',
    reflow: null,
    ...extra,
  };
}

function annotation(id: string, docId: string, categoryIds: string[]): Annotation {
  return {
    id,
    docId,
    start: 0,
    end: 2,
    quote: 'ab',
    prefix: '',
    suffix: 'cd',
    categoryIds,
    note: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    status: 'unverified',
    speaker: '',
    evidence: '',
  };
}

describe('ClaimmarkDB schema (version 8)', () => {
  it('has exactly the eleven documented tables with their primary keys and indexes', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(8);

    const schema = Object.fromEntries(
      db.tables.map((t) => [
        t.name,
        {
          primKey: t.schema.primKey.keyPath,
          indexes: Object.fromEntries(
            t.schema.indexes.map((i) => [i.name, { unique: !!i.unique, multi: !!i.multi }]),
          ),
        },
      ]),
    );

    expect(schema).toEqual({
      documents: {
        primKey: 'id',
        indexes: {
          sha256: { unique: true, multi: false },
          addedAt: { unique: false, multi: false },
          title: { unique: false, multi: false },
        },
      },
      texts: { primKey: 'docId', indexes: {} },
      originals: { primKey: 'docId', indexes: {} },
      sources: { primKey: 'docId', indexes: {} },
      annotations: {
        primKey: 'id',
        indexes: {
          docId: { unique: false, multi: false },
          categoryIds: { unique: false, multi: true },
          '[docId+start+end]': { unique: false, multi: false },
          speaker: { unique: false, multi: false },
        },
      },
      categories: { primKey: 'id', indexes: { order: { unique: false, multi: false } } },
      settings: { primKey: 'key', indexes: {} },
      dismissals: { primKey: 'id', indexes: { docId: { unique: false, multi: false } } },
      spans: { primKey: 'docId', indexes: {} },
      heads: { primKey: 'docId', indexes: {} },
      shifts: { primKey: 'docId', indexes: {} },
    });
  });

  it('refuses a second document with the same sha256 and keeps the first', async () => {
    const db = freshDb();
    await db.documents.add(doc('a', 'same-hash', { title: 'first' }));

    await expect(
      db.documents.add(doc('b', 'same-hash', { title: 'second' })),
    ).rejects.toMatchObject({
      name: 'ConstraintError',
    });

    const all = await db.documents.toArray();
    expect(all).toHaveLength(1);
    expect(all[0]?.title).toBe('first');
    // A different hash is accepted.
    await db.documents.add(doc('c', 'other-hash'));
    expect(await db.documents.count()).toBe(2);
  });

  it('finds annotations by any one of their categories (multi-entry index)', async () => {
    const db = freshDb();
    await db.annotations.bulkAdd([
      annotation('a1', 'd1', ['stat']),
      annotation('a2', 'd1', ['policy', 'stat']),
      annotation('a3', 'd2', ['policy']),
      annotation('a4', 'd2', []),
    ]);

    const ids = async (cat: string) =>
      (await db.annotations.where('categoryIds').equals(cat).primaryKeys()).sort();
    expect(await ids('stat')).toEqual(['a1', 'a2']);
    expect(await ids('policy')).toEqual(['a2', 'a3']);
    expect(await ids('missing')).toEqual([]);
    expect(await db.annotations.where('categoryIds').equals('policy').count()).toBe(2);
    // And by document.
    expect((await db.annotations.where('docId').equals('d2').primaryKeys()).sort()).toEqual([
      'a3',
      'a4',
    ]);
  });

  it('keeps its data after the database is closed and opened again by name', async () => {
    const name = `db-test-reopen-${crypto.randomUUID()}`;
    const first = freshDb(name);
    await first.documents.add(doc('d1', 'h1', { title: '新华社 报道' }));
    await first.texts.add({ docId: 'd1', text: '新华社 报道\n正文 𠀀' });
    await first.sources.add({ docId: 'd1', bytes: new Uint8Array([0xe6, 0x96, 0xb0, 0x0a]) });
    await first.annotations.add(annotation('a1', 'd1', ['c1']));
    await first.settings.put({ key: 'language', value: 'zh' });
    first.close();

    const second = freshDb(name);
    await second.open();
    expect(await second.documents.get('d1')).toEqual(doc('d1', 'h1', { title: '新华社 报道' }));
    expect((await second.texts.get('d1'))?.text).toBe('新华社 报道\n正文 𠀀');
    const source = await second.sources.get('d1');
    expect(Array.from(source?.bytes ?? [])).toEqual([0xe6, 0x96, 0xb0, 0x0a]);
    expect(await second.annotations.get('a1')).toEqual(annotation('a1', 'd1', ['c1']));
    expect(await second.settings.get('language')).toEqual({ key: 'language', value: 'zh' });
  });
});

describe('seedDefaults', () => {
  const expectedNames = [
    'Statistic 数据',
    'Target 目标',
    'Policy 政策措施',
    'Attribution 引述',
    'Assessment 评价',
  ];

  it('seeds the five default categories in order with distinct colours', async () => {
    const db = freshDb();
    await seedDefaults(db);

    const categories = await db.categories.orderBy('order').toArray();
    expect(categories.map((c) => c.name)).toEqual(expectedNames);
    expect(categories.map((c) => c.order)).toEqual([0, 1, 2, 3, 4]);
    for (const c of categories) {
      expect(c.color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(c.description).not.toBe('');
    }
    expect(new Set(categories.map((c) => c.color.toLowerCase())).size).toBe(5);
    expect(new Set(categories.map((c) => c.id)).size).toBe(5);
    expect(DEFAULT_CATEGORIES.map((c) => c.name)).toEqual(expectedNames);
  });

  it('seeds only once, even when called again or twice at the same time', async () => {
    const db = freshDb();
    await Promise.all([seedDefaults(db), seedDefaults(db)]);
    await seedDefaults(db);
    expect(await db.categories.count()).toBe(5);
    const names = (await db.categories.orderBy('order').toArray()).map((c) => c.name);
    expect(names).toEqual(expectedNames);
  });

  it('leaves a codebook the user emptied empty, also after reopening the database', async () => {
    const name = `db-test-seed-${crypto.randomUUID()}`;
    const db = freshDb(name);
    await seedDefaults(db);
    expect(await db.categories.count()).toBe(5);
    await db.categories.clear();

    await seedDefaults(db);
    expect(await db.categories.count()).toBe(0);

    db.close();
    const again = freshDb(name);
    await seedDefaults(again);
    expect(await again.categories.count()).toBe(0);
  });

  it('keeps categories the user edited instead of restoring the defaults', async () => {
    const db = freshDb();
    await seedDefaults(db);
    const first = await db.categories.orderBy('order').first();
    await db.categories.update(first!.id, { name: 'Numbers' });
    await seedDefaults(db);
    const names = (await db.categories.orderBy('order').toArray()).map((c) => c.name);
    expect(names).toEqual(['Numbers', ...expectedNames.slice(1)]);
  });
});

describe('upgrades', () => {
  it('from version 1 keeps every document, text, annotation and category, adding the new fields', async () => {
    const name = `db-upgrade-${crypto.randomUUID()}`;
    // A library written by Claimmark 0.1, which knew only version 1.
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    const { reflow: _, ...old } = doc('d1', 'sha-1');
    const {
      status: _s,
      speaker: _p,
      evidence: _e,
      ...oldAnnotation
    } = annotation('a1', 'd1', ['c1']);
    await v1.table('documents').add(old);
    await v1.table('texts').add({ docId: 'd1', text: '正文' });
    await v1.table('annotations').add(oldAnnotation);
    await v1
      .table('categories')
      .add({ id: 'c1', name: '数据', color: '#e0a100', description: '', order: 0 });
    v1.close();

    const db = freshDb(name);
    await db.open();
    expect(db.verno).toBe(8);
    expect(await db.documents.get('d1')).toEqual({ ...old, reflow: null });
    expect(await db.texts.get('d1')).toEqual({ docId: 'd1', text: '正文' });
    expect(await db.annotations.get('a1')).toEqual({
      ...oldAnnotation,
      status: 'unverified',
      speaker: '',
      evidence: '',
      quantities: findQuantities(oldAnnotation.quote),
      claimFigures: figureRecords(oldAnnotation.quote, findQuantities(oldAnnotation.quote)),
      createdBy: '',
      updatedBy: '',
    });
    expect((await db.categories.get('c1'))?.parentId).toBeNull();
    expect(await db.originals.count()).toBe(0);
  });

  it('from version 2 keeps claim fields already set and fills in the missing ones', async () => {
    const name = `db-upgrade-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    const { status: _s, speaker: _p, evidence: _e, ...bare } = annotation('a1', 'd1', []);
    await v2.table('annotations').bulkAdd([bare, { ...bare, id: 'a2', status: 'disputed' }]);
    v2.close();

    const db = freshDb(name);
    await db.open();
    expect((await db.annotations.get('a1'))?.status).toBe('unverified');
    expect((await db.annotations.get('a2'))?.status).toBe('disputed');
    expect((await db.annotations.get('a2'))?.speaker).toBe('');
  });

  it('from version 3 reads the figures of every annotation and maps the default categories to claim kinds', async () => {
    const name = `db-upgrade-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    await v3
      .table('annotations')
      .add({ ...annotation('a1', 'd1', []), quote: '装机达到1.35亿千瓦' });
    await v3.table('categories').bulkAdd([
      {
        id: 'c1',
        name: 'Statistic 数据',
        color: '#e0a100',
        description: '',
        order: 0,
        parentId: null,
      },
      {
        id: 'c2',
        name: 'Target 目标',
        color: '#2f8fd8',
        description: '',
        order: 1,
        parentId: null,
      },
      { id: 'c3', name: '我的类别', color: '#3aa65b', description: '', order: 2, parentId: null },
    ]);
    v3.close();

    const db = freshDb(name);
    await db.open();
    expect(db.verno).toBe(8);
    const [figure] = (await db.annotations.get('a1'))?.quantities ?? [];
    expect([figure?.value, figure?.unit]).toEqual([135_000_000, '千瓦']);
    expect((await db.categories.toArray()).map((c) => c.claimKind)).toEqual([
      'statistic',
      'target',
      undefined,
    ]);
    expect(await db.dismissals.count()).toBe(0);
  });

  it('from version 4 credits every existing annotation to the coder named on this machine', async () => {
    const name = `db-upgrade-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(1).stores(SCHEMA_V1);
    v4.version(2).stores(SCHEMA_V2);
    v4.version(3).stores(SCHEMA_V3);
    v4.version(4).stores(SCHEMA_V4);
    await v4
      .table('annotations')
      .bulkAdd([annotation('a1', 'd1', []), { ...annotation('a2', 'd1', []), note: '留着' }]);
    await v4.table('settings').add({ key: 'coder', value: ' 李明 ' });
    v4.close();

    const db = freshDb(name);
    await db.open();
    expect(db.verno).toBe(8);
    const stored = await db.annotations.toArray();
    expect(stored.map((a) => [a.id, a.createdBy, a.updatedBy, a.note])).toEqual([
      ['a1', '李明', '李明', ''],
      ['a2', '李明', '李明', '留着'],
    ]);
  });

  it('from version 4 without a coder leaves the author empty, to be filled when one is named', async () => {
    const name = `db-upgrade-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(1).stores(SCHEMA_V1);
    v4.version(4).stores(SCHEMA_V4);
    await v4.table('annotations').add(annotation('a1', 'd1', []));
    v4.close();

    const db = freshDb(name);
    await db.open();
    expect((await db.annotations.get('a1'))?.createdBy).toBe('');
  });

  it('from version 6 gives every long text its head, and a short one none', async () => {
    const name = `db-upgrade-${crypto.randomUUID()}`;
    const v6 = new Dexie(name);
    v6.version(1).stores(SCHEMA_V1);
    v6.version(6).stores(SCHEMA_V6);
    const long = '长'.repeat(HEAD_FROM_CHARS + 5);
    await v6.table('texts').bulkAdd([
      { docId: 'long', text: long },
      { docId: 'short', text: '短文。' },
    ]);
    v6.close();

    const db = freshDb(name);
    await db.open();
    expect(await db.heads.toArray()).toEqual([{ docId: 'long', head: long.slice(0, HEAD_CHARS) }]);
    expect((await db.texts.get('long'))?.text).toBe(long);
  });
});
