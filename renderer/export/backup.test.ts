import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { hardWrap, makeParagraphs, WIDTHS } from '../../shared/wrap-fixtures';
import { AnnotationStore } from '../annotations/store';
import type { ClaimmarkDB } from '../db/db';
import { seedDefaults } from '../db/defaults';
import { runDecodeJob } from '../library/decode-job';
import { importFiles } from '../library/import-files';
import type { Category } from '../../shared/types';
import { buildBackup, parseBackup, restoreBackup, type Backup } from './backup';
import { backupCorpus } from './backup-corpus';
import { freshDatabases } from '../db/fresh-db';

const freshDb = freshDatabases('backup');

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
  let coder = '李明';
  const store = new AnnotationStore(
    db,
    () => new Date('2026-11-22T11:00:00Z'),
    undefined,
    () => coder,
  );
  const [cat] = await db.categories.orderBy('order').toArray();
  for (const o of outcomes) {
    if (o.kind !== 'added' || !cat) continue;
    const text = (await db.texts.get(o.doc.id))?.text ?? '';
    coder = '李明';
    const a = await store.create(o.doc.id, text, 2, 8, cat.id);
    coder = 'Ana';
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
    // Who coded what survives: the author, and the coder who changed it last.
    const coders = (await target.annotations.toArray()).map((a) => [a.createdBy, a.updatedBy]);
    expect(coders).toContainEqual(['李明', 'Ana']);
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

describe('JSON backup: consistency', () => {
  it('refuses every spoiled backup of the corpus, naming the record, before anything is touched', async () => {
    const target = await library();
    const before = await dump(target);
    const valid = await buildBackup(await library());
    const pristine = structuredClone(valid);
    const corpus = backupCorpus(valid);
    expect(valid).toEqual(pristine);
    expect(corpus.length).toBe(26);
    const results = corpus.map(({ name, backup, record }) => {
      let parsed: ReturnType<typeof parseBackup> | undefined;
      expect(() => (parsed = parseBackup(JSON.stringify(backup))), name).not.toThrow();
      return { name, record, parsed };
    });
    for (const { name, record, parsed } of results) {
      expect(parsed?.ok, name).toBe(false);
      if (parsed && !parsed.ok)
        expect(parsed.error, name).toMatch(new RegExp(`^${escape(record)}: `));
    }
    expect(await dump(target)).toEqual(before);
  });

  it.each([
    ['ends before it starts', { start: 9, end: 3 }, 'end 3 is before start 9'],
    [
      'ends past its text',
      { end: 9999 },
      /end 9999 is past the end of its document's text \(\d+ characters\)/,
    ],
    [
      'has an unknown category',
      { categoryIds: ['zz'] },
      'categoryIds[0] "zz" is not in the codebook',
    ],
    ['has an empty category id', { categoryIds: [''] }, 'categoryIds[0] is empty'],
  ])('says what is wrong with an annotation that %s', async (_, patch, message) => {
    const backup = await buildBackup(await library());
    const a = backup.annotations[1]!;
    backup.annotations[1] = { ...a, ...patch };
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.startsWith(`annotations[1] (id "${a.id}"): `)).toBe(true);
    if (typeof message === 'string') expect(parsed.error).toContain(message);
    else expect(parsed.error).toMatch(message);
  });

  it('says what is wrong with the codebook and the documents', async () => {
    const good = await buildBackup(await library());
    const [c0, c1, c2] = good.categories as [Category, Category, Category];
    const error = (spoil: (b: Backup) => void) => {
      const b = structuredClone(good);
      spoil(b);
      const parsed = parseBackup(JSON.stringify(b));
      return parsed.ok ? 'accepted' : parsed.error;
    };
    expect(error((b) => (b.categories[2] = { ...c2, parentId: c2.id }))).toBe(
      `categories[2] (id "${c2.id}"): its parent "${c2.id}" is itself`,
    );
    expect(
      error((b) => {
        b.categories[0] = { ...c0, parentId: c1.id };
        b.categories[1] = { ...c1, parentId: c0.id };
      }),
    ).toBe(
      `categories[0] (id "${c0.id}"): its parents form a cycle ("${c0.id}" → "${c1.id}" → "${c0.id}")`,
    );
    expect(error((b) => (b.categories[1] = { ...c1, parentId: 'gone' }))).toBe(
      `categories[1] (id "${c1.id}"): its parent "gone" is not in the codebook`,
    );
    const d1 = good.documents[1]!;
    expect(error((b) => (b.texts = b.texts.filter((t) => t.docId !== d1.id)))).toBe(
      `documents[1] (id "${d1.id}"): no text for this document (texts)`,
    );
    expect(error((b) => (b.sources = b.sources.filter((s) => s.docId !== d1.id)))).toBe(
      `documents[1] (id "${d1.id}"): no bytes for this document (sources)`,
    );
    expect(error((b) => (b.exportedAt = 'not a date'))).toBe(
      'exportedAt: "not a date" is not a date',
    );
    expect(error((b) => b.annotations.push(b.annotations[0]!))).toBe(
      `annotations[3] (id "${good.annotations[0]!.id}"): the same id as annotations[0]; each must be unique`,
    );
    expect(error((b) => b.originals.push({ ...b.originals[0]!, docId: 'gone' }))).toBe(
      `originals[1] (docId "gone"): refers to a missing document (gone)`,
    );
  });

  it('restores a backup made by the app without repairs', async () => {
    const parsed = parseBackup(JSON.stringify(await buildBackup(await library())));
    expect(parsed.ok && parsed.repaired).toBe(undefined);
  });

  it('re-anchors a quote that is not at its offsets: placed where it is, or orphaned', async () => {
    const source = await library();
    const good = await buildBackup(source);
    const textOf = (docId: string) => good.texts.find((t) => t.docId === docId)!.text;
    const byName = (name: string) =>
      good.annotations.findIndex(
        (a) => a.docId === good.documents.find((d) => d.fileName === name)!.id,
      );
    const [plain, figures, paper] = [byName('plain.txt'), byName('目标.txt'), byName('报纸.txt')];
    const b = structuredClone(good);
    // Shifted by one: the quote is found again just before.
    const p = b.annotations[plain]!;
    b.annotations[plain] = { ...p, start: p.start + 1, end: p.end + 1 };
    // A character of the quote changed: found by fuzzy match, quote taken from the text.
    const f = b.annotations[figures]!;
    b.annotations[figures] = {
      ...f,
      quote: f.quote.replace('5', '6'),
      quantities: [],
      claimFigures: [],
    };
    // A quote that is nowhere in the text: orphaned, keeping its quote and offsets.
    const o = b.annotations[paper]!;
    const stray = { ...o, quote: 'Nothing like this is in the text at all.' };
    b.annotations[paper] = stray;

    const parsed = parseBackup(JSON.stringify(b));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.repaired).toEqual({ replaced: 2, orphaned: 1 });
    const out = parsed.backup.annotations;
    expect(out[plain]).toEqual(good.annotations[plain]);
    expect(out[figures]).toEqual(good.annotations[figures]);
    expect(out[paper]).toEqual({ ...stray, orphaned: true });
    for (const a of out.filter((x) => !x.orphaned))
      expect(textOf(a.docId).slice(a.start, a.end)).toBe(a.quote);

    // Restored as repaired; an orphan already marked so is left as it is.
    const again = parseBackup(JSON.stringify(parsed.backup));
    expect(again).toEqual({ ok: true, backup: parsed.backup });
    const target = freshDb();
    await restoreBackup(target, parsed.backup);
    expect(await target.annotations.get(stray.id)).toMatchObject({
      orphaned: true,
      quote: stray.quote,
    });
  });

  it('lets an orphaned annotation keep offsets that do not fit its text', async () => {
    const backup = await buildBackup(await library());
    const a = backup.annotations[0]!;
    backup.annotations[0] = { ...a, start: 5000, end: 6000, orphaned: true };
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed).toEqual({ ok: true, backup });
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
