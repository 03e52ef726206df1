import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawFile } from '../../shared/file-errors';
import { codePointLength } from '../../shared/text';
import type { Annotation, DocumentRecord } from '../../shared/types';
import { WIDTHS, hardWrap, makeParagraphs, type WrapOptions } from '../../shared/wrap-fixtures';
import { AnnotationStore } from '../annotations/store';
import { ClaimmarkDB } from '../db/db';
import { runDecodeJob } from '../library/decode-job';
import { importFiles } from '../library/import-files';
import { setReflow } from './reflow-choice';
import { replaceText } from './replace-text';

/** An article typed for reading: one paragraph per line. */
const P = [
  '新华社北京1月2日电 国家统计局今日发布数据显示，去年全国粮食总产量达到13908亿斤，比上年增加177.6亿斤，增长1.3%。',
  '专家认为，这一成绩来之不易，得益于高标准农田建设和良种推广。',
  '分品种看，稻谷产量4150亿斤，小麦产量2801亿斤，玉米产量5892亿斤，大豆产量413亿斤。',
  '农业农村部有关负责人表示，今年将继续稳定粮食播种面积，加大对种粮农民的支持力度。',
  '据介绍，东北地区遭遇的旱情对部分县市的秋粮生产造成了一定影响，但总体可控。',
  '下一步，各地将抓好春耕备耕，确保粮食生产开好局、起好步。',
];
const V1 = P.join('\n') + '\n';
/** The next version: a paragraph inserted, a quote edited, a paragraph (with a quote) deleted. */
const INSERTED = '国家统计局副局长在发布会上回答了记者提问，介绍了秋粮收购情况。';
const V2 = [P[0], INSERTED, P[1], P[2], P[3]!.replace('稳定', '扩大'), P[5]].join('\n') + '\n';

/** The quotes annotated in V1, and what became of each in V2. */
const Q = {
  kept: '13908亿斤', // before every change: same position
  exact: '稻谷产量4150亿斤', // after the insertion: found again by its quote
  edited: '今年将继续稳定粮食播种面积', // two characters changed inside it
  deleted: '东北地区遭遇的旱情', // its paragraph is gone
  after: '抓好春耕备耕', // after the deletion
};
const EDITED = '今年将继续扩大粮食播种面积';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const gb18030 = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, 'gb18030'));
const file = (name: string, bytes: Uint8Array, path?: string): RawFile => ({
  name,
  bytes,
  ...(path ? { path } : {}),
});

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

let db: ClaimmarkDB;
let store: AnnotationStore;

beforeEach(async () => {
  db = new ClaimmarkDB(`replace-text-test-${crypto.randomUUID()}`);
  await db.open();
  store = new AnnotationStore(db, () => new Date('2026-01-02T03:04:05Z'));
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

async function importDoc(name: string, bytes: Uint8Array): Promise<DocumentRecord> {
  const [outcome] = await importFiles([{ ok: true, file: file(name, bytes) }], {
    db,
    decode: runDecodeJob,
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  if (outcome?.kind !== 'added') throw new Error(`not added: ${JSON.stringify(outcome)}`);
  return outcome.doc;
}

/** Annotates the one occurrence of `quote` in `text`. */
async function annotate(docId: string, text: string, quote: string): Promise<Annotation> {
  const start = text.indexOf(quote);
  expect(start, quote).toBeGreaterThanOrEqual(0);
  expect(text.lastIndexOf(quote), quote).toBe(start);
  return store.create(docId, text, start, start + quote.length, 'cat');
}

/** Everything the replacement could touch, to show that a refusal touched nothing. */
const snapshot = async () => ({
  documents: await db.documents.toArray(),
  texts: await db.texts.toArray(),
  originals: await db.originals.toArray(),
  sources: await db.sources.toArray(),
  annotations: await db.annotations.toArray(),
});

/** The prefix and suffix the app stores: 32 characters each side, cut at the text's edges. */
const context = (text: string, start: number, end: number) => ({
  prefix: text.slice(Math.max(0, start - 32), start),
  suffix: text.slice(end, end + 32),
});

/** A document holding V1 with one annotation per quote in Q; the deleted one has a note. */
async function setUp() {
  const doc = await importDoc('粮食.txt', utf8(V1));
  const a: Record<keyof typeof Q, Annotation> = {} as never;
  for (const key of Object.keys(Q) as (keyof typeof Q)[]) {
    a[key] = await annotate(doc.id, V1, Q[key]);
  }
  a.deleted = await store.update(a.deleted, { note: '旱情影响需核实', categoryIds: ['c1', 'c2'] });
  return { doc, a };
}

describe('replaceText with an edited version of the article', () => {
  it('fixtures: V2 has the insertion, the edit and the deletion the tests rely on', () => {
    expect(V2.indexOf(Q.kept)).toBe(V1.indexOf(Q.kept));
    expect(V2).toContain(Q.exact);
    expect(V2.indexOf(Q.exact)).toBe(V1.indexOf(Q.exact) + INSERTED.length + 1);
    expect(V2).not.toContain(Q.edited);
    expect(V2).toContain(EDITED);
    expect(V2).not.toContain('东北');
    expect(V2).toContain(Q.after);
  });

  it('keeps, moves and orphans the annotations and reports how many of each', async () => {
    const { doc, a } = await setUp();

    const outcome = await replaceText(db, doc.id, file('粮食 v2.txt', utf8(V2)), runDecodeJob);

    expect(outcome).toMatchObject({
      kind: 'replaced',
      report: { kept: 1, moved: 3, orphaned: 1 },
    });
    expect((await db.texts.get(doc.id))?.text).toBe(V2);

    const placed = (quote: string) => {
      const start = V2.indexOf(quote);
      return {
        start,
        end: start + quote.length,
        quote,
        ...context(V2, start, start + quote.length),
      };
    };
    // Same place; its context is read again from the new text (the insertion follows it).
    expect(await db.annotations.get(a.kept.id)).toEqual({ ...a.kept, ...placed(Q.kept) });
    expect(a.kept.start).toBe(V2.indexOf(Q.kept));
    expect(await db.annotations.get(a.exact.id)).toEqual({ ...a.exact, ...placed(Q.exact) });
    expect(await db.annotations.get(a.after.id)).toEqual({ ...a.after, ...placed(Q.after) });
    // The edited quote now reads as the new text does.
    expect(await db.annotations.get(a.edited.id)).toEqual({ ...a.edited, ...placed(EDITED) });
    for (const key of ['kept', 'exact', 'after', 'edited'] as const) {
      const now = await db.annotations.get(a[key].id);
      expect(now?.orphaned, key).toBeUndefined();
      expect(V2.slice(now!.start, now!.end), key).toBe(now?.quote);
    }
    // Nothing is deleted: the orphan keeps its quote, note, categories and old place.
    expect(await db.annotations.get(a.deleted.id)).toEqual({ ...a.deleted, orphaned: true });
    expect(await db.annotations.count()).toBe(5);
  });

  it('gives orphans another chance: going back to the first version restores every annotation', async () => {
    const { doc, a } = await setUp();
    await replaceText(db, doc.id, file('v2.txt', utf8(V2)), runDecodeJob);
    expect((await db.annotations.get(a.deleted.id))?.orphaned).toBe(true);

    const outcome = await replaceText(db, doc.id, file('v1.txt', utf8(V1)), runDecodeJob);

    expect(outcome).toMatchObject({ kind: 'replaced', report: { orphaned: 0 } });
    if (outcome.kind !== 'replaced') throw new Error('not replaced');
    expect(outcome.report.kept + outcome.report.moved).toBe(5);
    const back = await db.annotations.get(a.deleted.id);
    expect(back).toEqual(a.deleted);
    expect(back && 'orphaned' in back).toBe(false);
    for (const key of Object.keys(Q) as (keyof typeof Q)[]) {
      expect(await db.annotations.get(a[key].id), key).toEqual(a[key]);
    }
    expect((await db.texts.get(doc.id))?.text).toBe(V1);
  });

  it("updates the document's identity, file name, path, encoding and kept bytes", async () => {
    const { doc } = await setUp();
    await db.documents.update(doc.id, { headingOverrides: { promote: [3], demote: [] } });
    const bytes = gb18030(V2);

    const outcome = await replaceText(
      db,
      doc.id,
      file('粮食 修订.txt', bytes, '/home/analyst/粮食 修订.txt'),
      runDecodeJob,
    );

    const expected: DocumentRecord = {
      ...doc,
      sha256: await sha256(V2),
      fileName: '粮食 修订.txt',
      filePath: '/home/analyst/粮食 修订.txt',
      encoding: 'gb18030',
      length: codePointLength(V2),
      headingOverrides: { promote: [], demote: [] },
    };
    expect(outcome).toMatchObject({ kind: 'replaced', doc: expected });
    expect(await db.documents.get(doc.id)).toEqual(expected);
    expect((await db.sources.get(doc.id))?.bytes).toEqual(bytes);
    // The title the document had is kept.
    expect((await db.documents.get(doc.id))?.title).toBe(doc.title);

    // The new text is now this document: importing it again finds it.
    const [again] = await importFiles([{ ok: true, file: file('copy.txt', utf8(V2)) }], {
      db,
      decode: runDecodeJob,
      now: () => new Date(),
    });
    expect(again).toMatchObject({ kind: 'existing', doc: { id: doc.id } });
  });
});

describe('replaceText refusals leave the library untouched', () => {
  it("gives 'unchanged' for the same text, even in another encoding and with CRLF", async () => {
    const { doc } = await setUp();
    const before = await snapshot();
    for (const bytes of [utf8(V1), gb18030(V1.replace(/\n/g, '\r\n'))]) {
      expect(await replaceText(db, doc.id, file('same.txt', bytes), runDecodeJob)).toEqual({
        kind: 'unchanged',
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("gives 'duplicate' when the new text is another document's", async () => {
    const { doc } = await setUp();
    const other = await importDoc('other.txt', gb18030(V2));
    const before = await snapshot();

    const outcome = await replaceText(db, doc.id, file('v2.txt', utf8(V2)), runDecodeJob);

    expect(outcome).toEqual({ kind: 'duplicate', other });
    expect(await snapshot()).toEqual(before);
  });

  it.each<[string, Uint8Array, string]>([
    ['binary bytes', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 0, 3]), 'binary'],
    ['an empty file', new Uint8Array(), 'empty'],
    ['only whitespace', utf8(' \n\n\t\n'), 'empty'],
  ])("gives 'rejected' for %s", async (_label, bytes, code) => {
    const { doc } = await setUp();
    const before = await snapshot();

    expect(await replaceText(db, doc.id, file('bad.bin', bytes), runDecodeJob)).toEqual({
      kind: 'rejected',
      code,
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('replaceText on a hard-wrapped document', () => {
  const OPTS: WrapOptions = {
    seed: 7,
    ...WIDTHS.zh,
    columnBreakChance: 0.2,
    standaloneChance: 0.2,
  };
  const PARAS = makeParagraphs('zh', 10, 21);
  const NEW_PARAS = [
    ...PARAS.slice(0, 3),
    '自治区统计局最新数据显示，全区经济运行总体平稳、稳中有进，新动能持续壮大。',
    ...PARAS.slice(3),
  ];
  const OLD = hardWrap(PARAS, OPTS);
  const NEW = hardWrap(NEW_PARAS, OPTS);
  const lines = (t: string) => t.split('\n').filter((l) => l.trim() !== '').length;

  /** Phrases of 16 characters from paragraphs 1, 5 and 9 (unique in both versions). */
  function phrases(shown: string): string[] {
    const out = [PARAS[1]!.slice(4, 20), PARAS[5]!.slice(10, 26), PARAS[9]!.slice(-16)];
    for (const q of out) expect(shown.indexOf(q)).toBe(shown.lastIndexOf(q));
    return out;
  }

  it('reflows the new text too and finds the annotations in it', async () => {
    const doc = await importDoc('column.txt', gb18030(OLD.text));
    const shown = (await db.texts.get(doc.id))?.text ?? '';
    expect(shown.split('\n')).toEqual(OLD.paragraphs);
    const made = [];
    for (const q of phrases(shown)) made.push(await annotate(doc.id, shown, q));

    const outcome = await replaceText(
      db,
      doc.id,
      file('column v2.txt', gb18030(NEW.text)),
      runDecodeJob,
    );

    expect(outcome).toMatchObject({ kind: 'replaced', report: { orphaned: 0 } });
    const text = (await db.texts.get(doc.id))?.text ?? '';
    expect(text.split('\n')).toEqual(NEW.paragraphs);
    expect((await db.originals.get(doc.id))?.text).toBe(NEW.text);
    const reflow = { lines: lines(NEW.text), paragraphs: NEW.paragraphs.length };
    expect(await db.documents.get(doc.id)).toMatchObject({
      reflow,
      sha256: await sha256(NEW.text),
      length: codePointLength(text),
    });
    if (outcome.kind === 'replaced') expect(outcome.doc.reflow).toEqual(reflow);
    for (const a of made) {
      const now = await db.annotations.get(a.id);
      expect(now?.quote).toBe(a.quote);
      expect(now?.start).toBe(text.indexOf(a.quote));
      expect(text.slice(now!.start, now!.end)).toBe(a.quote);
      expect(now?.orphaned).toBeUndefined();
    }
  });

  it('keeps a document the user chose to see as in its file that way', async () => {
    const doc = await importDoc('column.txt', gb18030(OLD.text));
    await setReflow(db, doc.id, false);
    // A whole line of the file, one that both versions have.
    const line = OLD.text
      .split('\n')
      .find(
        (l, i) => i > 2 && l.length >= 15 && NEW.text.includes(l) && !OLD.paragraphs.includes(l),
      );
    if (!line) throw new Error('fixture: no line shared by both versions');
    const made = [await annotate(doc.id, OLD.text, line)];

    const outcome = await replaceText(db, doc.id, file('v2.txt', gb18030(NEW.text)), runDecodeJob);

    expect(outcome).toMatchObject({ kind: 'replaced', doc: { reflow: null } });
    expect((await db.texts.get(doc.id))?.text).toBe(NEW.text);
    expect(await db.originals.get(doc.id)).toBeUndefined();
    for (const a of made) {
      const now = await db.annotations.get(a.id);
      expect(now?.orphaned).toBeUndefined();
      expect(NEW.text.slice(now!.start, now!.end)).toBe(a.quote);
    }
  });
});

describe('undo after replacing the text', () => {
  // Undo must not write back a span from the text shown before: the store refuses a stale step.
  it('does not put a moved annotation back at its place in the old text', async () => {
    const { doc, a } = await setUp();
    await store.update(a.exact, { note: '数字待核' });
    await replaceText(db, doc.id, file('v2.txt', utf8(V2)), runDecodeJob);

    await store.undo();

    const now = await db.annotations.get(a.exact.id);
    expect(now?.start).toBe(V2.indexOf(Q.exact));
    expect(V2.slice(now!.start, now!.end)).toBe(now?.quote);
  });

  it('does not turn an orphan into an annotation placed on unrelated words', async () => {
    const { doc, a } = await setUp(); // the last step in history is the orphan's note
    await replaceText(db, doc.id, file('v2.txt', utf8(V2)), runDecodeJob);
    expect((await db.annotations.get(a.deleted.id))?.orphaned).toBe(true);

    await store.undo();

    expect((await db.annotations.get(a.deleted.id))?.orphaned).toBe(true);
  });
});
