import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/types';
import { ClaimmarkDB } from '../db/db';
import { buildRows } from './build-rows';
import { FigureCache } from './figures';
import { annotation, category, doc } from './fixtures';
import {
  TableSource,
  type TableData,
  type TableMeta,
  type TableSourceOptions,
} from './table-source';

const categories = [category('c1', 'Economy', 0), category('c2', 'Trade', 1, 'c1')];
// Added in another order than their ids sort: the table goes by the time added.
const documents = [
  doc('a-late', 'Late', '2026-01-03T00:00:00Z'),
  doc('z-early', 'Early', '2026-01-01T00:00:00Z'),
  doc('m-mid', 'Middle', '2026-01-02T00:00:00Z'),
  doc('b-empty', 'Empty', '2026-01-04T00:00:00Z'),
];

/** `n` annotations of a document, stored out of text order, with figures in some quotes. */
function many(docId: string, n: number): Annotation[] {
  return Array.from({ length: n }, (_, i) => {
    const at = (i * 7919) % n;
    return annotation(`${docId}-${String(at).padStart(3, '0')}`, docId, 10 + at * 10, {
      quote: at % 4 === 0 ? `增长${at}%` : `quote ${at}`,
      categoryIds: at % 3 === 0 ? ['c2'] : ['c1'],
      status: at % 5 === 0 ? 'disputed' : 'unverified',
    });
  });
}

// Four annotations on one span: ties that chunks of five must split between reads.
const ties = ['t3', 't1', 't4', 't2'].map((id) => annotation(id, 'z-early', 5, { end: 9 }));
const stored = [
  ...many('z-early', 30),
  ...ties,
  ...many('m-mid', 12),
  ...many('a-late', 25),
  annotation('ghost', 'deleted-doc', 0),
];

const SMALL: Partial<TableSourceOptions> = {
  firstRows: 7,
  chunkRows: 5,
  publishMs: 0,
  publishGrowth: 1,
};

let db: ClaimmarkDB;
let source: TableSource | null = null;
let published: TableData[];

/** Holds every read after the first until released. */
function gate() {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  return { pause: () => held, release: () => release() };
}

function start(options: Partial<TableSourceOptions> = SMALL, known?: TableMeta): TableSource {
  source = new TableSource(
    db,
    (data) => published.push(data),
    (error) => {
      throw error;
    },
    options,
    known,
  );
  return source;
}
/** The rows a single read of the whole database gives now. */
async function fullRead() {
  const [annotations, docs, cats] = await Promise.all([
    db.annotations.toArray(),
    db.documents.toArray(),
    db.categories.orderBy('order').toArray(),
  ]);
  return buildRows(annotations, docs, cats, new FigureCache());
}

const ids = (data: TableData | undefined) => data?.rows.map((r) => r.annotation.id) ?? [];
const last = () => published.at(-1);

async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

beforeEach(async () => {
  db = new ClaimmarkDB(`table-source-${crypto.randomUUID()}`);
  await db.open();
  await db.categories.bulkPut(categories);
  await db.documents.bulkPut(documents);
  await db.annotations.bulkPut(stored);
  published = [];
});

afterEach(() => {
  source?.close();
  source = null;
  db.close();
});

describe('the All annotations data, read first rows first', () => {
  it('shows the first rows of the table before the rest is read', async () => {
    const held = gate();
    start({ ...SMALL, pause: held.pause });
    const expected = await fullRead();
    await until(() => published.length > 0 && published.at(-1)?.loading?.stored !== null);

    // Only the first read has landed: the table's first seven rows, in its order.
    expect(published.every((p) => p.rows.length === 7)).toBe(true);
    expect(ids(last())).toEqual(expected.slice(0, 7).map((r) => r.annotation.id));
    expect(last()?.rows).toEqual(expected.slice(0, 7));
    // Counted per listed document: the annotation of a deleted document is not one of them.
    expect(last()?.loading).toEqual({ read: 7, stored: stored.length - 1 });
    expect(
      last()
        ?.documents.map((d) => d.id)
        .sort(),
    ).toEqual(documents.map((d) => d.id).sort());

    held.release();
    await source?.idle();
    const final = last();
    expect(final?.loading).toBeNull();
    expect(final?.rows).toEqual(expected);
    expect(new Set(ids(final)).size).toBe(stored.length - 1);
    // The four annotations on one span, in id order, across two reads.
    const at = ids(final).indexOf('t1');
    expect(ids(final).slice(at, at + 4)).toEqual(['t1', 't2', 't3', 't4']);
  });

  it('reads the rest in chunks, each shown rows only ever joining at the end', async () => {
    start();
    await source?.idle();
    const final = ids(last());
    const loading = published.filter((p) => p.loading);
    expect(loading.length).toBeGreaterThan(5);
    expect(loading[0]?.loading?.read).toBe(7);
    let read = 7;
    for (const p of loading) {
      expect(final.slice(0, p.rows.length)).toEqual(ids(p));
      expect(p.loading?.read).toBe(p.rows.length);
      expect((p.loading?.read ?? 0) - read).toBeLessThanOrEqual(5);
      read = p.loading?.read ?? 0;
    }
    expect(published.filter((p) => !p.loading)).toHaveLength(1);
    expect(last()?.rows).toEqual(await fullRead());
  });

  it('shows the rows read so far less often as they grow', async () => {
    start({ ...SMALL, publishGrowth: 2 });
    await source?.idle();
    const sizes = [...new Set(published.filter((p) => p.loading).map((p) => p.rows.length))];
    expect(sizes[0]).toBe(7);
    expect(sizes.length).toBeGreaterThan(1);
    sizes.slice(1).forEach((size, i) => expect(size).toBeGreaterThanOrEqual(2 * (sizes[i] ?? 0)));
    // In between, how far the read is still moves on, over the very rows shown before.
    const loading = published.filter((p) => p.loading);
    const onlyProgress = loading.filter(
      (p, i) =>
        i > 0 && p.rows === loading[i - 1]?.rows && p.loading!.read > loading[i - 1]!.loading!.read,
    );
    expect(onlyProgress.length).toBeGreaterThan(0);
    expect(last()?.rows).toEqual(await fullRead());
  });

  it('ends with every change made while it was reading', async () => {
    const held = gate();
    start({ ...SMALL, pause: held.pause });
    await until(() => published.length > 0);
    const first = ids(last());
    // Changes to rows already read and to rows not read yet, a new row, a deletion, a rename.
    await db.annotations.update(first[0] as string, { note: 'changed while reading' });
    await db.annotations.delete(first[1] as string);
    await db.annotations.update('a-late-020', { status: 'false' });
    await db.annotations.put(annotation('new-first', 'z-early', 0));
    await db.documents.update('m-mid', { title: 'Middle, renamed' });

    held.release();
    await source?.idle();
    const final = last();
    expect(final?.loading).toBeNull();
    expect(final?.rows).toEqual(await fullRead());
    expect(ids(final)[0]).toBe('new-first');
    expect(ids(final)).not.toContain(first[1]);
    expect(final?.rows.find((r) => r.annotation.id === first[0])?.annotation.note).toBe(
      'changed while reading',
    );
    expect(final?.rows.filter((r) => r.docTitle === 'Middle, renamed')).toHaveLength(12);
  });

  it('stays live once read, without showing a loading state again', async () => {
    start();
    await source?.idle();
    const done = published.length;

    await db.annotations.update('m-mid-003', { note: 'a new note' });
    await source?.idle();
    expect(last()?.rows.find((r) => r.annotation.id === 'm-mid-003')?.annotation.note).toBe(
      'a new note',
    );

    // A bulk change (a document deleted with its annotations), then everything cleared.
    await db.transaction('rw', db.documents, db.annotations, async () => {
      await db.annotations.where('docId').equals('m-mid').delete();
      await db.documents.delete('m-mid');
    });
    await source?.idle();
    expect(last()?.rows).toEqual(await fullRead());
    expect(last()?.rows.some((r) => r.annotation.docId === 'm-mid')).toBe(false);
    await db.annotations.clear();
    await source?.idle();
    expect(last()?.rows).toEqual([]);
    expect(published.slice(done).every((p) => p.loading === null)).toBe(true);
  });

  it('shows a library that fits in the first read at once, complete', async () => {
    start({ ...SMALL, firstRows: 500 });
    await source?.idle();
    expect(published).toHaveLength(1);
    expect(last()?.loading).toBeNull();
    expect(last()?.rows).toEqual(await fullRead());
  });

  it('starts from the documents and codebook the app holds, and ends as a full read', async () => {
    const held = gate();
    start({ ...SMALL, pause: held.pause }, { documents, categories });
    const expected = await fullRead();
    await until(() => published.at(-1)?.loading?.stored != null);
    expect(last()?.rows).toEqual(expected.slice(0, 7));
    held.release();
    await source?.idle();
    expect(last()?.loading).toBeNull();
    expect(last()?.rows).toEqual(expected);
  });

  it('reads again from the store when what the app held was out of date', async () => {
    // The app has not seen the middle document yet, and knows the late one by an old title.
    const held = [
      ...documents
        .filter((d) => d.id !== 'm-mid')
        .map((d) => (d.id === 'a-late' ? { ...d, title: 'Old title' } : d)),
    ];
    start(SMALL, { documents: held, categories });
    await source?.idle();
    const final = last();
    expect(final?.loading).toBeNull();
    expect(final?.rows).toEqual(await fullRead());
    expect(final?.rows.filter((r) => r.annotation.docId === 'm-mid')).toHaveLength(12);
    expect(final?.rows.some((r) => r.docTitle === 'Old title')).toBe(false);
  });

  it('stops reading and showing once closed', async () => {
    const held = gate();
    start({ ...SMALL, pause: held.pause });
    await until(() => published.length > 0);
    const count = published.length;
    source?.close();
    held.release();
    await source?.idle();
    await db.annotations.update('m-mid-003', { note: 'after closing' });
    await new Promise((r) => setTimeout(r, 50));
    expect(published).toHaveLength(count);
  });
});
