import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/types';
import { ClaimmarkDB } from '../db/db';
import { CODER_ASKED_SETTING, declineCoderName, saveCoderName, trackCoder } from './coder';

let db: ClaimmarkDB;

beforeEach(async () => {
  db = new ClaimmarkDB(`coder-test-${crypto.randomUUID()}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const annotation = (id: string, createdBy?: string): Annotation => ({
  id,
  docId: 'd1',
  start: 0,
  end: 1,
  quote: 'a',
  prefix: '',
  suffix: '',
  categoryIds: [],
  note: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  status: 'unverified',
  speaker: '',
  evidence: '',
  ...(createdBy === undefined ? {} : { createdBy, updatedBy: createdBy }),
});

describe('saveCoderName', () => {
  it('credits the annotations made before a name was given, and only those', async () => {
    await db.annotations.bulkAdd([annotation('a1', ''), annotation('a2', 'Ana'), annotation('a3')]);
    expect(await saveCoderName(db, '  李  明 ')).toBe(2);
    const byId = new Map((await db.annotations.toArray()).map((a) => [a.id, a.createdBy]));
    expect(Object.fromEntries(byId)).toEqual({ a1: '李 明', a2: 'Ana', a3: '李 明' });
    expect((await db.settings.get('coder'))?.value).toBe('李 明');
    expect((await db.settings.get(CODER_ASKED_SETTING))?.value).toBe('yes');
  });

  it('an empty name credits nobody, and "not now" only remembers that it was asked', async () => {
    await db.annotations.add(annotation('a1', ''));
    expect(await saveCoderName(db, '   ')).toBe(0);
    expect((await db.annotations.get('a1'))?.createdBy).toBe('');
    await db.settings.delete(CODER_ASKED_SETTING);
    await declineCoderName(db);
    expect((await db.settings.get(CODER_ASKED_SETTING))?.value).toBe('yes');
    expect((await db.settings.get('coder'))?.value).toBe('');
  });
});

describe('trackCoder', () => {
  it('follows the stored name as it changes', async () => {
    const coder = trackCoder(db);
    await saveCoderName(db, 'Ana');
    await expect.poll(() => coder.current()).toBe('Ana');
    await saveCoderName(db, 'Ben');
    await expect.poll(() => coder.current()).toBe('Ben');
    coder.stop();
  });
});
