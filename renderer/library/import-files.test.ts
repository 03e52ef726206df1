import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileReadResult } from '../../shared/file-errors';
import { defaultTitle } from '../../shared/title';
import type { DocumentRecord, Encoding } from '../../shared/types';
import { AnnotationStore } from '../annotations/store';
import { ClaimmarkDB } from '../db/db';
import { runDecodeJob } from './decode-job';
import { importFiles, reopenAs, type Decoder, type ImportOutcome } from './import-files';

const NOW = '2026-01-02T03:04:05.000Z';

/** A GB18030 article: blank lines before the headline, and 𠀀 (a surrogate pair in UTF-16). */
const ZH =
  '\n\n  国家统计局发布2025年粮食产量数据  \n' +
  '新华社北京1月2日电 国家统计局今日发布数据显示，去年全国粮食总产量达到13908亿斤，' +
  '比上年增加177.6亿斤，增长1.3%。专家认为，这一成绩来之不易。𠀀\n';
/** A Big5 article in traditional characters. */
const TW =
  '行政院宣布明年度預算\n' +
  '臺灣新聞：行政院今日宣布，明年度預算將增加教育經費，並推動數位轉型計畫。' +
  '專家認為這項政策對於產業發展具有重要意義。\n';
const EN =
  'Grain output hits record\nBEIJING - China harvested 695 million tonnes of grain last year.\n';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const encode = (s: string, encoding: string): Uint8Array =>
  new Uint8Array(iconv.encode(s, encoding));
const read = (name: string, bytes: Uint8Array, path?: string): FileReadResult => ({
  ok: true,
  file: { name, bytes, ...(path ? { path } : {}) },
});

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

let db: ClaimmarkDB;
let deps: { db: ClaimmarkDB; decode: Decoder; now: () => Date };

beforeEach(async () => {
  db = new ClaimmarkDB(`import-test-${crypto.randomUUID()}`);
  await db.open();
  deps = { db, decode: runDecodeJob, now: () => new Date(NOW) };
});

afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(db.name);
});

const counts = async () => ({
  documents: await db.documents.count(),
  texts: await db.texts.count(),
  sources: await db.sources.count(),
});

function added(outcome: ImportOutcome | undefined): DocumentRecord {
  if (outcome?.kind !== 'added')
    throw new Error(`expected "added", got ${JSON.stringify(outcome)}`);
  return outcome.doc;
}

describe('importFiles', () => {
  it('imports the good files of a batch and reports each bad one by name, storing nothing for it', async () => {
    const outcomes = await importFiles(
      [
        read('report.txt', utf8(EN)),
        read('empty.txt', new Uint8Array(0)),
        read('blank.txt', utf8('  \n\t \r\n')),
        read(
          'photo.txt',
          new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
          '/home/a/photo.txt',
        ),
        { ok: false, error: { name: 'x.txt', code: 'not-found' } },
        read('粮食.txt', encode(ZH, 'gb18030')),
      ],
      deps,
    );

    expect(outcomes.map((o) => o.kind)).toEqual([
      'added',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'added',
    ]);
    expect(outcomes.slice(1, 5)).toEqual([
      { kind: 'rejected', error: expect.objectContaining({ name: 'empty.txt', code: 'empty' }) },
      { kind: 'rejected', error: expect.objectContaining({ name: 'blank.txt', code: 'empty' }) },
      {
        kind: 'rejected',
        error: expect.objectContaining({
          name: 'photo.txt',
          path: '/home/a/photo.txt',
          code: 'binary',
        }),
      },
      { kind: 'rejected', error: { name: 'x.txt', code: 'not-found' } },
    ]);

    expect(await counts()).toEqual({ documents: 2, texts: 2, sources: 2 });
    const fileNames = (await db.documents.toArray()).map((d) => d.fileName).sort();
    expect(fileNames).toEqual(['report.txt', '粮食.txt']);
  });

  it('stores title, code-point length, detected encoding and identity on the document', async () => {
    const bytes = encode(ZH, 'gb18030');
    const doc = added((await importFiles([read('粮食.txt', bytes, '/data/粮食.txt')], deps))[0]);

    const text = ZH; // already LF-only
    expect(doc).toEqual({
      id: expect.any(String),
      sha256: await sha256(text),
      title: '国家统计局发布2025年粮食产量数据',
      fileName: '粮食.txt',
      filePath: '/data/粮食.txt',
      encoding: 'gb18030',
      bom: false,
      length: Array.from(text).length,
      addedAt: NOW,
      reflow: null,
    });
    // 𠀀 is two UTF-16 units but one character.
    expect(doc.length).toBe(text.length - 1);
    expect(await db.documents.get(doc.id)).toEqual(doc);
  });

  it('keeps the text in `texts` and the original bytes in `sources`, not in the document list', async () => {
    const bytes = encode(ZH.replace(/\n/g, '\r\n'), 'gb18030');
    const doc = added((await importFiles([read('粮食.txt', bytes)], deps))[0]);

    expect((await db.texts.get(doc.id))?.text).toBe(ZH);
    expect((await db.sources.get(doc.id))?.bytes).toEqual(bytes);
    const row = (await db.documents.get(doc.id)) as unknown as Record<string, unknown>;
    expect(Object.keys(row)).not.toContain('text');
    expect(Object.keys(row)).not.toContain('bytes');
    expect(JSON.stringify(row)).not.toContain('新华社北京');
  });

  it.each<[string, string, Encoding]>([
    ['GB18030', 'gb18030', 'gb18030'],
    ['Big5', 'big5', 'big5'],
    ['UTF-8', 'utf8', 'utf-8'],
  ])('detects %s and decodes it to the original text', async (_label, iconvName, encoding) => {
    const source = encoding === 'big5' ? TW : ZH;
    const doc = added((await importFiles([read('a.txt', encode(source, iconvName))], deps))[0]);
    expect(doc.encoding).toBe(encoding);
    expect((await db.texts.get(doc.id))?.text).toBe(source);
  });

  it('records a UTF-8 byte order mark and leaves it out of the text', async () => {
    const doc = added(
      (
        await importFiles([read('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(EN)]))], deps)
      )[0],
    );
    expect(doc).toMatchObject({ encoding: 'utf-8', bom: true, title: 'Grain output hits record' });
    expect((await db.texts.get(doc.id))?.text).toBe(EN);
  });

  it('takes the first line with any visible character as the title', async () => {
    const doc = added((await importFiles([read('short.txt', utf8('\n\n。\n'))], deps))[0]);
    expect(doc.title).toBe('。');
  });

  describe('the same content twice gives one document', () => {
    it.each<[string, Uint8Array]>([
      ['the same bytes', utf8(ZH)],
      ['GB18030 instead of UTF-8', encode(ZH, 'gb18030')],
      ['CRLF instead of LF', utf8(ZH.replace(/\n/g, '\r\n'))],
      ['a UTF-8 BOM in front', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(ZH)])],
    ])('%s', async (_label, secondBytes) => {
      const first = added((await importFiles([read('first.txt', utf8(ZH))], deps))[0]);

      const [second] = await importFiles([read('second.txt', secondBytes)], deps);

      expect(second).toEqual({ kind: 'existing', doc: first, fileName: 'second.txt' });
      expect(await counts()).toEqual({ documents: 1, texts: 1, sources: 1 });
      expect((await db.documents.get(first.id))?.fileName).toBe('first.txt');
    });

    it('also within one batch', async () => {
      const outcomes = await importFiles(
        [read('a.txt', utf8(EN)), read('b.txt', utf8(EN.replace(/\n/g, '\r\n')))],
        deps,
      );
      expect(outcomes.map((o) => o.kind)).toEqual(['added', 'existing']);
      expect(await counts()).toEqual({ documents: 1, texts: 1, sources: 1 });
    });
  });

  it('gives one document when the same file arrives in two imports running at once', async () => {
    // E.g. a file dropped again while the first import of it is still decoding
    // (large files decode in a worker). The gate lets both decodes finish
    // before either import goes on, which is how the two interleave in the app.
    let decoded = 0;
    let release = (): void => {};
    const bothDecoded = new Promise<void>((resolve) => (release = resolve));
    const gated: Decoder = async (bytes, forced) => {
      const result = await runDecodeJob(bytes, forced);
      if (++decoded === 2) release();
      await bothDecoded;
      return result;
    };
    const slow = { ...deps, decode: gated };

    const [[first], [second]] = await Promise.all([
      importFiles([read('a.txt', utf8(ZH))], slow),
      importFiles([read('a copy.txt', encode(ZH, 'gb18030'))], slow),
    ]);

    expect(await counts()).toEqual({ documents: 1, texts: 1, sources: 1 });
    // The second import loses the race on the unique sha256 index; it must say
    // "already in the library", not report a storage failure.
    expect(first?.kind).toBe('added');
    expect(second).toMatchObject({ kind: 'existing', fileName: 'a copy.txt' });
  });

  describe('when storage fails', () => {
    const quotaErrors: [string, () => unknown][] = [
      [
        'a DOMException',
        () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      ],
      [
        'an Error named QuotaExceededError',
        () => Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }),
      ],
      [
        "Dexie's AbortError wrapping one",
        () =>
          new Dexie.AbortError(
            'Transaction aborted',
            new DOMException('full', 'QuotaExceededError'),
          ),
      ],
    ];

    it.each(quotaErrors)(
      'reports a full disk (%s) and leaves no document, text or source',
      async (_label, make) => {
        vi.spyOn(db.sources, 'add').mockImplementation(() => Dexie.Promise.reject(make()));

        const [outcome] = await importFiles([read('粮食.txt', encode(ZH, 'gb18030'))], deps);

        expect(outcome).toEqual({
          kind: 'storage-failed',
          fileName: '粮食.txt',
          quota: true,
          detail: expect.any(String),
        });
        expect(await counts()).toEqual({ documents: 0, texts: 0, sources: 0 });
      },
    );

    it('reports other storage errors as not about quota', async () => {
      vi.spyOn(db.texts, 'put').mockImplementation(() =>
        Dexie.Promise.reject(new Error('database closed')),
      );
      const [outcome] = await importFiles([read('a.txt', utf8(EN))], deps);
      expect(outcome).toEqual({
        kind: 'storage-failed',
        fileName: 'a.txt',
        quota: false,
        detail: 'database closed',
      });
      expect(await counts()).toEqual({ documents: 0, texts: 0, sources: 0 });
    });

    it('still imports the other files of the batch, and the failed one can be imported again later', async () => {
      vi.spyOn(db.sources, 'add').mockImplementationOnce(() =>
        Dexie.Promise.reject(new DOMException('full', 'QuotaExceededError')),
      );

      const outcomes = await importFiles(
        [read('big.txt', utf8(ZH)), read('small.txt', utf8(EN))],
        deps,
      );
      expect(outcomes.map((o) => o.kind)).toEqual(['storage-failed', 'added']);
      expect(await counts()).toEqual({ documents: 1, texts: 1, sources: 1 });

      // Nothing half-stored blocks the retry: it is added, not "existing".
      const [retry] = await importFiles([read('big.txt', utf8(ZH))], deps);
      expect(retry?.kind).toBe('added');
      expect(await counts()).toEqual({ documents: 2, texts: 2, sources: 2 });
    });
  });
});

describe('importFiles: damaged files', () => {
  it('imports a text with a stray NUL without it, keeps the bytes as they were, and says so', async () => {
    const text = ZH.repeat(5);
    const bytes = encode(text.slice(0, 100) + '\0' + text.slice(100), 'gb18030');
    const [outcome] = await importFiles([read('粮食.txt', bytes)], deps);

    expect(outcome).toMatchObject({
      kind: 'added',
      damage: { undecodable: 0, firstLine: 0, nulsRemoved: 1 },
    });
    const doc = added(outcome);
    expect(doc.encoding).toBe('gb18030');
    const stored = (await db.texts.get(doc.id))?.text;
    expect(stored).toBe(text);
    expect(stored).not.toContain('\0');
    expect((await db.sources.get(doc.id))?.bytes).toEqual(bytes);
  });

  it('imports a UTF-8 file cut inside its last character, reporting it and its line', async () => {
    const bytes = utf8(ZH + '完').slice(0, -1);
    const [outcome] = await importFiles([read('cut.txt', bytes)], deps);
    expect(outcome).toMatchObject({
      kind: 'added',
      damage: { undecodable: 1, firstLine: 5, nulsRemoved: 0 },
    });
    const doc = added(outcome);
    expect(doc.encoding).toBe('utf-8');
    expect((await db.texts.get(doc.id))?.text).toBe(ZH + '\uFFFD');
  });

  it('reports no damage for a clean file', async () => {
    const [outcome] = await importFiles([read('a.txt', utf8(EN))], deps);
    expect(outcome).toEqual({ kind: 'added', doc: expect.any(Object) });
  });
});

describe('reopenAs', () => {
  async function importBig5(
    decode: Decoder = runDecodeJob,
  ): Promise<{ doc: DocumentRecord; bytes: Uint8Array }> {
    const bytes = encode(TW, 'big5');
    const doc = added((await importFiles([read('台灣.txt', bytes)], { ...deps, decode }))[0]);
    return { doc, bytes };
  }

  it('decodes the stored bytes again with another encoding, changing text and encoding', async () => {
    const { doc, bytes } = await importBig5();
    expect(doc.encoding).toBe('big5');

    const outcome = await reopenAs(doc.id, 'gb18030', deps);

    const misread = new TextDecoder('gb18030').decode(bytes);
    expect(misread).not.toBe(TW);
    expect(outcome).toEqual({
      kind: 'reopened',
      doc: {
        ...doc,
        encoding: 'gb18030',
        // The title came from the text, so it follows the new reading.
        title: defaultTitle(misread, '台灣.txt'),
        sha256: await sha256(misread),
        length: Array.from(misread).length,
      },
      // No annotations yet, so nothing to find again.
      report: { kept: 0, moved: 0, orphaned: 0 },
    });
    expect((await db.texts.get(doc.id))?.text).toBe(misread);
    expect((await db.documents.get(doc.id))?.encoding).toBe('gb18030');
    // The original bytes are kept, so the user can go back.
    expect((await db.sources.get(doc.id))?.bytes).toEqual(bytes);

    const back = await reopenAs(doc.id, 'big5', deps);
    expect(back.kind).toBe('reopened');
    expect((await db.texts.get(doc.id))?.text).toBe(TW);
    expect(await db.documents.get(doc.id)).toEqual(doc);
  });

  it("gives 'unchanged' when reopened as the encoding it already has", async () => {
    const { doc } = await importBig5();
    expect(await reopenAs(doc.id, 'big5', deps)).toEqual({ kind: 'unchanged' });
    expect(await db.documents.get(doc.id)).toEqual(doc);
    expect((await db.texts.get(doc.id))?.text).toBe(TW);
  });

  it('refuses an encoding that turns the bytes into garbage and keeps the document as it was', async () => {
    const doc = added((await importFiles([read('粮食.txt', encode(ZH, 'gb18030'))], deps))[0]);
    const outcome = await reopenAs(doc.id, 'big5', deps);
    expect(outcome.kind).toBe('rejected');
    expect(await db.documents.get(doc.id)).toEqual(doc);
    expect((await db.texts.get(doc.id))?.text).toBe(ZH);
  });

  it('reports a duplicate when the new reading is a document already in the library', async () => {
    const { doc, bytes } = await importBig5();
    const misread = new TextDecoder('gb18030').decode(bytes);
    const other = added((await importFiles([read('other.txt', utf8(misread))], deps))[0]);

    expect(await reopenAs(doc.id, 'gb18030', deps)).toEqual({ kind: 'duplicate', other });
    expect(await db.documents.get(doc.id)).toEqual(doc);
  });

  it('fixes a title that came from a wrong reading when reopened with the right encoding', async () => {
    // The detector guessed wrong on import (simulated: GB18030 forced on Big5 bytes),
    // so the default title is mojibake; the user reopens the file as Big5.
    const wrongGuess: Decoder = (bytes, forced) => runDecodeJob(bytes, forced ?? 'gb18030');
    const { doc } = await importBig5(wrongGuess);
    expect(doc.encoding).toBe('gb18030');
    expect(doc.title).not.toBe('行政院宣布明年度預算');

    const outcome = await reopenAs(doc.id, 'big5', deps);

    expect(outcome.kind).toBe('reopened');
    expect((await db.texts.get(doc.id))?.text).toBe(TW);
    // The title derived from the wrong reading must not outlive it.
    expect((await db.documents.get(doc.id))?.title).toBe('行政院宣布明年度預算');
  });

  it('keeps a title the user gave the document when reopening', async () => {
    const { doc } = await importBig5();
    await db.documents.update(doc.id, { title: '預算新聞' });
    await reopenAs(doc.id, 'gb18030', deps);
    expect((await db.documents.get(doc.id))?.title).toBe('預算新聞');
  });
});

describe('reopenAs and annotations', () => {
  it('finds annotations again in the new reading, and orphans what it cannot place', async () => {
    // UTF-8 bytes first read as Big5 would be nonsense; here a GB18030 file read right.
    const text = '国家统计局发布数据。今年粮食总产量增长百分之二。';
    const [outcome] = await importFiles([read('粮.txt', encode(text, 'gb18030'))], deps);
    const doc = added(outcome);
    const store = new AnnotationStore(db);
    const a = await store.create(doc.id, text, 10, 16, 'c');
    expect(a.quote).toBe('今年粮食总产');

    const misread = await reopenAs(doc.id, 'big5', deps);
    expect(misread).toMatchObject({ kind: 'reopened', report: { orphaned: 1 } });
    expect((await db.annotations.get(a.id))?.orphaned).toBe(true);

    const back = await reopenAs(doc.id, 'gb18030', deps);
    expect(back).toMatchObject({ kind: 'reopened', report: { orphaned: 0 } });
    const found = await db.annotations.get(a.id);
    expect(found?.orphaned).toBeUndefined();
    expect(text.slice(found?.start, found?.end)).toBe('今年粮食总产');
  });
});
