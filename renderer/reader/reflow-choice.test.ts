import { figureRecords } from '../../shared/claims/link';
import { findQuantities } from '../../shared/claims/quantity';
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codePointLength } from '../../shared/text';
import type { Annotation, DocumentRecord } from '../../shared/types';
import { WIDTHS, hardWrap, makeParagraphs, mulberry32 } from '../../shared/wrap-fixtures';
import { AnnotationStore } from '../annotations/store';
import { ClaimmarkDB } from '../db/db';
import { runDecodeJob } from '../library/decode-job';
import { importFiles } from '../library/import-files';
import { setReflow } from './reflow-choice';

const ZH = hardWrap(makeParagraphs('zh', 12, 3), {
  seed: 3,
  ...WIDTHS.zh,
  columnBreakChance: 0.2,
  standaloneChance: 0.3,
  trailingSpaceChance: 0.1,
});
const EN = hardWrap(makeParagraphs('en', 10, 5), {
  seed: 5,
  ...WIDTHS.en,
  columnBreakChance: 0.3,
  hyphenChance: 1,
  standaloneChance: 0.3,
});

let db: ClaimmarkDB;
let store: AnnotationStore;

beforeEach(async () => {
  db = new ClaimmarkDB(`reflow-choice-test-${crypto.randomUUID()}`);
  await db.open();
  store = new AnnotationStore(db, () => new Date('2026-01-02T03:04:05Z'));
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** Imports a file (GB18030 bytes) the way the app does; the text must come out reflowed. */
async function importWrapped(original: string) {
  const bytes = new Uint8Array(iconv.encode(original, 'gb18030'));
  const [outcome] = await importFiles([{ ok: true, file: { name: 'paper.txt', bytes } }], {
    db,
    decode: runDecodeJob,
    now: () => new Date('2026-01-02T03:04:05Z'),
  });
  if (outcome?.kind !== 'added') throw new Error(`not added: ${JSON.stringify(outcome)}`);
  const shown = (await db.texts.get(outcome.doc.id))?.text ?? '';
  expect(outcome.doc.reflow).not.toBeNull();
  expect(shown).not.toBe(original);
  return { doc: outcome.doc, shown };
}

/** A place where the file breaks a line inside what the reader shows as one run of text. */
interface Crossing {
  /** The phrase as the reader shows it. */
  shown: string;
  shownStart: number;
  /** The same phrase as it stands in the file, line break included. */
  inFile: string;
  fileStart: number;
}

/**
 * The first match of `pattern` (three groups: before, break, after) in the file
 * whose joined form (before + join + after) occurs exactly once in the shown text.
 */
function crossing(original: string, shown: string, pattern: RegExp, join: string): Crossing {
  for (const m of original.matchAll(pattern)) {
    const phrase = m[1]! + join + m[3]!;
    const at = shown.indexOf(phrase);
    if (at >= 0 && at === shown.lastIndexOf(phrase)) {
      return { shown: phrase, shownStart: at, inFile: m[0], fileStart: m.index };
    }
  }
  throw new Error(`no unique crossing for ${String(pattern)}`);
}

const all = async (docId: string): Promise<Annotation[]> =>
  (await db.annotations.where('docId').equals(docId).toArray()).sort((a, b) =>
    a.id.localeCompare(b.id),
  );

/** The prefix and suffix the app stores: 32 characters each side, cut at the text's edges. */
const context = (text: string, start: number, end: number) => ({
  prefix: text.slice(Math.max(0, start - 32), start),
  suffix: text.slice(end, end + 32),
});

describe('setReflow on a hard-wrapped Chinese document', () => {
  it('moves an annotation across a line break to the same words in the file, and back', async () => {
    const { doc, shown } = await importWrapped(ZH.text);
    // Two ideographs either side of a plain line break: a word split by the column.
    const c = crossing(ZH.text, shown, /([\u4e00-\u9fff]{4})(\n)([\u4e00-\u9fff]{4})/g, '');
    expect(c.inFile).toBe(`${c.shown.slice(0, 4)}\n${c.shown.slice(4)}`);
    const a = await store.create(doc.id, shown, c.shownStart, c.shownStart + 8, 'cat');
    expect(a.quote).toBe(c.shown);

    await setReflow(db, doc.id, false);

    const off = await db.annotations.get(a.id);
    expect(off).toEqual({
      ...a,
      start: c.fileStart,
      end: c.fileStart + 9,
      quote: c.inFile,
      ...context(ZH.text, c.fileStart, c.fileStart + 9),
    });
    expect(off?.quote).toContain('\n');
    expect((await db.texts.get(doc.id))?.text).toBe(ZH.text);

    await setReflow(db, doc.id, true);

    expect(await db.annotations.get(a.id)).toEqual(a);
    expect((await db.texts.get(doc.id))?.text).toBe(shown);
  });

  it('carries spans exactly across column breaks, trailing spaces, paragraph breaks and both ends of the text', async () => {
    const { doc, shown } = await importWrapped(ZH.text);
    const spots = {
      // A blank line that is a column break in the middle of a sentence.
      columnBreak: crossing(
        ZH.text,
        shown,
        /([\u4e00-\u9fff，]{3})(\n\n)([\u4e00-\u9fff]{3})/g,
        '',
      ),
      // A space left at a line end by the PDF extraction.
      trailingSpace: crossing(ZH.text, shown, /([\u4e00-\u9fff]{3})( \n)([\u4e00-\u9fff]{3})/g, ''),
      // A real paragraph end: the reader keeps a line break there.
      paragraph: crossing(ZH.text, shown, /([^\s]{3}。)(\n\n?)([\u4e00-\u9fff]{4})/g, '\n'),
    };
    expect(spots.columnBreak.inFile).toMatch(/^[^\n]+\n\n[^\n]+$/);
    expect(spots.trailingSpace.inFile).toMatch(/^[^\n]+ \n[^\n]+$/);
    // The fixture starts and ends the way the test below assumes.
    const head = shown.slice(0, 6);
    const tail = shown.slice(-8);
    expect(ZH.text.startsWith(head)).toBe(true);
    const last = ZH.text.trimEnd().length; // the file ends in line breaks the reader drops
    expect(ZH.text.slice(last - 8, last)).toBe(tail);

    const made: Record<string, Annotation> = {};
    for (const [name, c] of Object.entries(spots)) {
      made[name] = await store.create(
        doc.id,
        shown,
        c.shownStart,
        c.shownStart + c.shown.length,
        'x',
      );
    }
    made.head = await store.create(doc.id, shown, 0, 6, 'x');
    made.tail = await store.create(doc.id, shown, shown.length - 8, shown.length, 'x');
    made.whole = await store.create(doc.id, shown, 0, shown.length, 'x');
    const before = await all(doc.id);

    await setReflow(db, doc.id, false);

    const inFile = (name: string, start: number, end: number) => {
      const a = made[name]!;
      return {
        ...a,
        start,
        end,
        quote: ZH.text.slice(start, end),
        ...context(ZH.text, start, end),
        // Figures are read from the quote as it now stands, offsets into it.
        quantities: findQuantities(ZH.text.slice(start, end)),
        claimFigures: figureRecords(
          ZH.text.slice(start, end),
          findQuantities(ZH.text.slice(start, end)),
        ),
      };
    };
    const expected = [
      ...Object.entries(spots).map(([name, c]) =>
        inFile(name, c.fileStart, c.fileStart + c.inFile.length),
      ),
      inFile('head', 0, 6),
      inFile('tail', last - 8, last),
      // Everything from the first character to the last one.
      inFile('whole', 0, last),
    ].sort((a, b) => a.id.localeCompare(b.id));
    expect(await all(doc.id)).toEqual(expected);
    for (const [name, c] of Object.entries(spots)) {
      expect((await db.annotations.get(made[name]!.id))?.quote).toBe(c.inFile);
    }
    expect((await db.annotations.get(made.tail!.id))?.quote).toBe(tail);

    await setReflow(db, doc.id, true);

    expect(await all(doc.id)).toEqual(before);
  });

  it('brings every one of many annotations back to exactly where it was', async () => {
    const { doc, shown } = await importWrapped(ZH.text);
    const rng = mulberry32(42);
    for (let i = 0; i < 60; i++) {
      const start = Math.floor(rng() * (shown.length - 1));
      const end = Math.min(shown.length, start + 1 + Math.floor(rng() * 40));
      await store.create(doc.id, shown, start, end, 'x');
    }
    const before = await all(doc.id);

    await setReflow(db, doc.id, false);

    const strip = (s: string) => s.replace(/\s+/g, '');
    for (const [i, a] of (await all(doc.id)).entries()) {
      expect(a.quote).toBe(ZH.text.slice(a.start, a.end));
      expect(a).toMatchObject(context(ZH.text, a.start, a.end));
      // The same characters, only the file's line breaks and spaces in between.
      expect(strip(a.quote)).toBe(strip(before[i]!.quote));
    }

    await setReflow(db, doc.id, true);
    expect(await all(doc.id)).toEqual(before);
    // Asking again for what is already shown changes nothing.
    await setReflow(db, doc.id, true);
    expect(await all(doc.id)).toEqual(before);
  });

  it('flips document.reflow between the counts and null, keeps the identity and resets heading choices', async () => {
    const { doc, shown } = await importWrapped(ZH.text);
    const original = await db.originals.get(doc.id);
    await db.documents.update(doc.id, { headingOverrides: { promote: [40], demote: [0] } });
    const reset = { promote: [], demote: [] };

    await setReflow(db, doc.id, false);

    expect(await db.documents.get(doc.id)).toEqual<DocumentRecord>({
      ...doc,
      reflow: null,
      length: codePointLength(ZH.text),
      headingOverrides: reset,
    });
    // Shown as in the file: no reflow map is left to mislead the export.
    expect(await db.originals.get(doc.id)).toBeUndefined();

    // The same file opened again is still this document, shown the way the user chose.
    const [again] = await importFiles(
      [{ ok: true, file: { name: 'again.txt', bytes: new TextEncoder().encode(ZH.text) } }],
      { db, decode: runDecodeJob, now: () => new Date() },
    );
    expect(again).toMatchObject({ kind: 'existing', doc: { id: doc.id, reflow: null } });

    await db.documents.update(doc.id, { headingOverrides: { promote: [7], demote: [] } });
    await setReflow(db, doc.id, true);

    expect(await db.documents.get(doc.id)).toEqual({ ...doc, headingOverrides: reset });
    expect(doc.reflow).toEqual({
      lines: ZH.text.split('\n').filter((l) => l.trim()).length,
      paragraphs: ZH.paragraphs.length,
    });
    expect((await db.texts.get(doc.id))?.text).toBe(shown);
    expect(await db.originals.get(doc.id)).toEqual(original);
  });

  it('leaves an orphan exactly as stored', async () => {
    const { doc, shown } = await importWrapped(ZH.text);
    const orphan: Annotation = {
      ...(await store.create(doc.id, shown, 17, 23, 'c1')),
      quote: '已删去的句子',
      prefix: '旧文本里的前文',
      suffix: '旧文本里的后文',
      categoryIds: ['c1', 'c2'],
      note: '文件改过后找不到了',
      createdAt: '2025-12-01T00:00:00.000Z',
      updatedAt: '2025-12-02T00:00:00.000Z',
      orphaned: true,
    };
    await db.annotations.put(orphan);
    const placed = await store.create(doc.id, shown, 10, 20, 'x');

    await setReflow(db, doc.id, false);
    expect(await db.annotations.get(orphan.id)).toEqual(orphan);

    await setReflow(db, doc.id, true);
    expect(await db.annotations.get(orphan.id)).toEqual(orphan);
    expect(await db.annotations.get(placed.id)).toEqual(placed);
  });

  it('does not touch the annotations of other documents', async () => {
    const { doc, shown } = await importWrapped(ZH.text);
    const other = await importWrapped(EN.text);
    const mine = await store.create(doc.id, shown, 5, 25, 'x');
    const theirs = await store.create(other.doc.id, other.shown, 5, 25, 'x');

    await setReflow(db, doc.id, false);

    expect(await db.annotations.get(theirs.id)).toEqual(theirs);
    expect(await db.annotations.get(mine.id)).not.toEqual(mine);
    expect((await db.texts.get(other.doc.id))?.text).toBe(other.shown);
  });
});

describe('setReflow on a hard-wrapped English document', () => {
  it('maps a word rejoined across a hyphenated line end, and a space that replaced a line break', async () => {
    const { doc, shown } = await importWrapped(EN.text);
    // "Reside-\n\nnts questioned" in the file reads "Residents questioned".
    const hyphen = crossing(EN.text, shown, /(\S+ [A-Za-z]+)(-\n\n?)([a-z]+ \S+)/g, '');
    const space = crossing(EN.text, shown, /(\S+ [a-z]+)(\n)([a-z]+ \S+)/g, ' ');
    expect(hyphen.inFile).toMatch(/-\n/);
    expect(hyphen.shown).not.toMatch(/[-\n]/);
    const h = await store.create(
      doc.id,
      shown,
      hyphen.shownStart,
      hyphen.shownStart + hyphen.shown.length,
      'x',
    );
    const s = await store.create(
      doc.id,
      shown,
      space.shownStart,
      space.shownStart + space.shown.length,
      'x',
    );

    await setReflow(db, doc.id, false);

    expect(await db.annotations.get(h.id)).toMatchObject({
      start: hyphen.fileStart,
      end: hyphen.fileStart + hyphen.inFile.length,
      quote: hyphen.inFile,
    });
    expect(await db.annotations.get(s.id)).toMatchObject({
      start: space.fileStart,
      end: space.fileStart + space.inFile.length,
      quote: space.inFile,
    });

    await setReflow(db, doc.id, true);

    expect(await db.annotations.get(h.id)).toEqual(h);
    expect(await db.annotations.get(s.id)).toEqual(s);
  });
});

describe('setReflow on annotations made while the file was shown as it is', () => {
  /** Imports the file, switches reflow off, and returns the reflowed text for later. */
  async function importShownAsInFile(original: string) {
    const { doc, shown: reflowed } = await importWrapped(original);
    await setReflow(db, doc.id, false);
    expect((await db.texts.get(doc.id))?.text).toBe(original);
    return { doc, reflowed };
  }

  it('does not stretch an annotation that ends with a line break into the next line', async () => {
    // Selecting a whole line of the file takes its line break with it. In the reader the
    // break is gone (the line joins the next one), so the annotation is the line's words.
    const { doc, reflowed } = await importShownAsInFile(ZH.text);
    const c = crossing(ZH.text, reflowed, /([\u4e00-\u9fff，、]{12,})(\n)([\u4e00-\u9fff])/g, '');
    const line = c.inFile.slice(0, -2); // the whole line, without "\n" and the next character
    const a = await store.create(doc.id, ZH.text, c.fileStart, c.fileStart + line.length + 1, 'x');
    expect(a.quote).toBe(`${line}\n`);

    await setReflow(db, doc.id, true);

    const start = c.shownStart;
    expect(await db.annotations.get(a.id)).toEqual({
      ...a,
      start,
      end: start + line.length,
      quote: line,
      ...context(reflowed, start, start + line.length),
    });
  });

  it('does not take the rest of a hyphenated word for an annotation ending at the hyphen', async () => {
    const { doc, reflowed } = await importShownAsInFile(EN.text);
    // "... Reside-\n\nnts" in the file; the reader shows "Residents".
    const c = crossing(EN.text, reflowed, /(\S+ [A-Za-z]+)(-\n\n?)([a-z]+ \S+)/g, '');
    const head = c.inFile.slice(0, c.inFile.indexOf('-\n') + 1); // "... Reside-"
    const a = await store.create(doc.id, EN.text, c.fileStart, c.fileStart + head.length, 'x');

    await setReflow(db, doc.id, true);

    const now = await db.annotations.get(a.id);
    expect(now?.quote).toBe(head.slice(0, -1)); // "... Reside", the hyphen is not shown
    expect(now?.start).toBe(c.shownStart);
  });

  it('keeps exactly the same characters for any span of the file', async () => {
    const { doc } = await importShownAsInFile(ZH.text);
    const rng = mulberry32(7);
    for (let i = 0; i < 80; i++) {
      const start = Math.floor(rng() * (ZH.text.length - 1));
      const end = Math.min(ZH.text.length, start + 1 + Math.floor(rng() * 30));
      if (/\S/.test(ZH.text.slice(start, end)))
        await store.create(doc.id, ZH.text, start, end, 'x');
    }
    const before = await all(doc.id);

    await setReflow(db, doc.id, true);

    const strip = (s: string) => s.replace(/\s+/g, '');
    const after = await all(doc.id);
    for (const [i, a] of after.entries()) {
      expect(strip(a.quote), JSON.stringify(before[i]!.quote)).toBe(strip(before[i]!.quote));
    }
  });
});

describe('undo after switching reflow', () => {
  // Undo must not write back a span from the text shown before: the store refuses a stale step.
  it('leaves the annotation on the same words (undo of a note typed before the switch)', async () => {
    const { doc, shown } = await importWrapped(ZH.text);
    const c = crossing(ZH.text, shown, /([\u4e00-\u9fff]{4})(\n)([\u4e00-\u9fff]{4})/g, '');
    const a = await store.create(doc.id, shown, c.shownStart, c.shownStart + 8, 'cat');
    await store.update(a, { note: '核实' });

    await setReflow(db, doc.id, false);
    await store.undo();

    const now = await db.annotations.get(a.id);
    expect(now).toMatchObject({ start: c.fileStart, quote: c.inFile });
    expect(ZH.text.slice(now!.start, now!.end)).toBe(now?.quote);
  });
});
