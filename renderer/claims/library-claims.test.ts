import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findQuantities } from '../../shared/claims/quantity';
import type { Annotation } from '../../shared/types';
import { annotation as fixture } from '../all-annotations/fixtures';
import { ClaimmarkDB } from '../db/db';
import { LibraryClaims } from './library-claims';

/** A claim as stored: its quote and the figures read from it. */
const annotation = (id: string, docId: string, quote: string): Annotation =>
  fixture(id, docId, 0, { quote, end: quote.length, quantities: findQuantities(quote) });

const SAID = '全区港口吞吐量达到3.2亿吨。';
const RESTATED = '据介绍，全区港口吞吐量达到3.2亿吨。';
const CHANGED = '据介绍，全区港口吞吐量达到2.9亿吨。';

let db: ClaimmarkDB;
let claims: LibraryClaims | null = null;
beforeEach(() => {
  db = new ClaimmarkDB(`claims-${crypto.randomUUID()}`);
});
afterEach(async () => {
  claims?.close();
  claims = null;
  db.close();
  await db.delete();
});

const linksOf = (c: LibraryClaims, a: Annotation) =>
  c.linksOf(a).map((l) => `${l.b}:${l.relation}`);

describe('the library claim index', () => {
  it('indexes a library larger than one slice, then follows tags, edits and deletions', async () => {
    // More records than one read takes, so every slice must be read and indexed.
    const filler = Array.from({ length: 4500 }, (_, i) =>
      annotation(`f${String(i).padStart(5, '0')}`, `doc${i % 50}`, `第${i}条没有数字的说明。`),
    );
    await db.annotations.bulkPut([...filler, annotation('zz-last', 'd2', RESTATED)]);
    claims = new LibraryClaims(db);
    await claims.whenReady();
    const mine = annotation('mine', 'd1', SAID);
    expect(linksOf(claims, mine)).toEqual(['zz-last:same']);
    expect(claims.get('f00000')?.docId).toBe('doc0');

    const before = claims.getVersion();
    await db.annotations.put(annotation('new', 'd3', CHANGED));
    await claims.idle();
    expect(claims.getVersion()).toBeGreaterThan(before);
    expect(linksOf(claims, mine).sort()).toEqual(['new:differs', 'zz-last:same']);

    await db.annotations.update('zz-last', { quote: '另一句话。', quantities: [] });
    await db.annotations.delete('new');
    await claims.idle();
    expect(linksOf(claims, mine)).toEqual([]);
    expect(claims.get('new')).toBeUndefined();
  });

  it('reads nothing before it is told to start, and catches up with what was written meanwhile', async () => {
    let start!: () => void;
    claims = new LibraryClaims(db, undefined, new Promise<void>((r) => (start = r)));
    await db.annotations.put(annotation('early', 'd2', RESTATED));
    let ready = false;
    void claims.whenReady().then(() => (ready = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(ready).toBe(false);
    start();
    await claims.whenReady();
    expect(linksOf(claims, annotation('mine', 'd1', SAID))).toEqual(['early:same']);
  });

  it('a bulk change (a restore clearing the table) is read again whole', async () => {
    await db.annotations.put(annotation('old', 'd2', RESTATED));
    claims = new LibraryClaims(db);
    await claims.whenReady();
    await db.transaction('rw', db.annotations, async () => {
      await db.annotations.clear();
      await db.annotations.put(annotation('restored', 'd4', CHANGED));
    });
    await claims.idle();
    expect(linksOf(claims, annotation('mine', 'd1', SAID))).toEqual(['restored:differs']);
  });
});
