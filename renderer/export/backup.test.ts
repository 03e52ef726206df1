import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hardWrap, makeParagraphs, WIDTHS } from '../../shared/wrap-fixtures';
import { AnnotationStore } from '../annotations/store';
import { ClaimmarkDB } from '../db/db';
import { seedDefaults } from '../db/defaults';
import { runDecodeJob } from '../library/decode-job';
import { importFiles } from '../library/import-files';
import { buildBackup, parseBackup, restoreBackup } from './backup';

const opened: ClaimmarkDB[] = [];
function freshDb(): ClaimmarkDB {
  const db = new ClaimmarkDB(`backup-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const enc = (s: string) => new TextEncoder().encode(s);

async function library(): Promise<ClaimmarkDB> {
  const db = freshDb();
  await seedDefaults(db);
  const wrapped = hardWrap(makeParagraphs('zh', 5, 3), {
    seed: 1,
    ...WIDTHS.zh,
    columnBreakChance: 0.2,
  });
  const outcomes = await importFiles(
    [
      { ok: true, file: { name: '报纸.txt', bytes: enc(wrapped.text) } },
      {
        ok: true,
        file: {
          name: 'plain.txt',
          path: '/tmp/plain.txt',
          bytes: enc('Title\n\nA claim, 𠀀 and more.'),
        },
      },
    ],
    { db, decode: runDecodeJob, now: () => new Date('2026-11-22T10:00:00Z') },
  );
  const store = new AnnotationStore(db, () => new Date('2026-11-22T11:00:00Z'));
  const [cat] = await db.categories.orderBy('order').toArray();
  for (const o of outcomes) {
    if (o.kind !== 'added' || !cat) continue;
    const text = (await db.texts.get(o.doc.id))?.text ?? '';
    const a = await store.create(o.doc.id, text, 2, 8, cat.id);
    await store.update(a, { note: '备注 =1+1', status: 'disputed', speaker: '发言人' });
  }
  // A claim with figures (a range and a fraction among them) and a dismissed suggestion.
  const figures = '力争3至5万户，约占三分之二。';
  const [claim] = await importFiles(
    [{ ok: true, file: { name: '目标.txt', bytes: enc(figures) } }],
    { db, decode: runDecodeJob, now: () => new Date('2026-11-22T10:30:00Z') },
  );
  if (claim?.kind === 'added' && cat) {
    const a = await store.create(claim.doc.id, figures, 0, figures.length, cat.id);
    expect(a.quantities?.map((q) => [q.value, q.range ?? q.fraction?.denominator])).toEqual([
      [30000, 'from'],
      [50000, 'to'],
      [66.67, 3],
    ]);
    await store.dismiss(claim.doc.id, '一句被忽略的建议。');
  }
  await db.settings.put({ key: 'language', value: 'zh' });
  return db;
}

async function dump(db: ClaimmarkDB) {
  return Object.fromEntries(
    await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)),
  );
}

describe('JSON backup', () => {
  it('restores the whole library exactly, into an empty profile', async () => {
    const source = await library();
    const json = JSON.stringify(await buildBackup(source));
    const parsed = parseBackup(json);
    if (!parsed.ok) throw new Error(parsed.error);
    const target = freshDb();
    await restoreBackup(target, parsed.backup);
    expect(await dump(target)).toEqual(await dump(source));
    expect(await target.originals.count()).toBe(1);
    expect(await target.dismissals.count()).toBe(1);
    expect((await target.sources.toArray()).map((s) => s.bytes.length)).toEqual(
      (await source.sources.toArray()).map((s) => s.bytes.length),
    );
  });

  it.each([
    ['\\\\attacker\\share\\news.txt', 'is a network (UNC) path'],
    ['//attacker/share/news.txt', 'is a network (UNC) path'],
    ['\\\\?\\C:\\news.txt', 'is a device path'],
    ['news.txt', 'is not an absolute path'],
  ])('refuses a backup whose document was opened from %j', async (filePath, problem) => {
    const backup = await buildBackup(await library());
    backup.documents[1] = { ...backup.documents[1]!, filePath };
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed).toEqual({
      ok: false,
      error: `documents.1.filePath: "${filePath}" ${problem}; only local files are kept`,
    });
  });

  it('refuses what is not a backup, saying what is wrong', async () => {
    expect(parseBackup('{"format": "claimmark-backup"')).toMatchObject({
      ok: false,
      error: /not JSON/,
    });
    expect(parseBackup('{"documents": []}')).toMatchObject({
      ok: false,
      error: /not a Claimmark backup/,
    });
    const good = await buildBackup(await library());
    const broken = structuredClone(good);
    const first = broken.annotations[0];
    if (first) first.status = 'maybe' as never;
    expect(parseBackup(JSON.stringify(broken))).toMatchObject({
      ok: false,
      error: /annotations\.0\.status/,
    });
    const stray = structuredClone(good);
    stray.texts.push({ docId: 'nowhere', text: 'x' });
    expect(parseBackup(JSON.stringify(stray))).toMatchObject({
      ok: false,
      error: /missing document/,
    });
  });

  it('leaves the library as it was when the restore fails half way', async () => {
    const target = await library();
    const before = await dump(target);
    const backup = await buildBackup(await library());
    vi.spyOn(target.annotations, 'bulkAdd').mockImplementation(() =>
      Dexie.Promise.reject(new DOMException('full', 'QuotaExceededError')),
    );
    await expect(restoreBackup(target, backup)).rejects.toBeTruthy();
    vi.restoreAllMocks();
    expect(await dump(target)).toEqual(before);
  });
});
