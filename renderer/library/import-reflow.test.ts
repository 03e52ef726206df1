import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileReadResult } from '../../shared/file-errors';
import { codePointLength } from '../../shared/text';
import type { DocumentRecord } from '../../shared/types';
import { WIDTHS, hardWrap, makeParagraphs } from '../../shared/wrap-fixtures';
import { ClaimmarkDB } from '../db/db';
import { runDecodeJob } from './decode-job';
import { handedText } from '../db/text-handoff';
import { importFiles, type Decoder, type ImportOutcome } from './import-files';
import { deleteDocument } from './library-actions';

const NOW = '2026-01-02T03:04:05.000Z';

/** A Chinese newspaper column: 15–20 characters a line, column breaks, headlines and bylines. */
const WRAPPED = hardWrap(makeParagraphs('zh', 12, 3), {
  seed: 3,
  ...WIDTHS.zh,
  columnBreakChance: 0.2,
  standaloneChance: 0.3,
});
/** Non-empty lines of the file: what the import reports as "reflowed N lines". */
const WRAPPED_LINES = WRAPPED.text.split('\n').filter((l) => l.trim() !== '').length;
/** The same kind of prose typed for reading: one paragraph per line. */
const FLAT = ['内蒙古经济发展取得可喜成果', ...makeParagraphs('zh', 8, 9)].join('\n') + '\n';

const gb18030 = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, 'gb18030'));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const read = (name: string, bytes: Uint8Array): FileReadResult => ({
  ok: true,
  file: { name, bytes },
});

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function added(outcome: ImportOutcome | undefined): DocumentRecord {
  if (outcome?.kind !== 'added')
    throw new Error(`expected "added", got ${JSON.stringify(outcome)}`);
  return outcome.doc;
}

let db: ClaimmarkDB;
let deps: { db: ClaimmarkDB; decode: Decoder; now: () => Date };

beforeEach(async () => {
  db = new ClaimmarkDB(`import-reflow-test-${crypto.randomUUID()}`);
  await db.open();
  deps = { db, decode: runDecodeJob, now: () => new Date(NOW) };
});

afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const counts = async () => ({
  documents: await db.documents.count(),
  texts: await db.texts.count(),
  originals: await db.originals.count(),
  sources: await db.sources.count(),
});

describe('importing a hard-wrapped Chinese file', () => {
  it('is sanity-checked: the fixture really is a narrow column with breaks inside paragraphs', () => {
    expect(WRAPPED.width).toBeGreaterThanOrEqual(15);
    expect(WRAPPED.width).toBeLessThanOrEqual(20);
    expect(WRAPPED_LINES).toBeGreaterThan(WRAPPED.paragraphs.length * 3);
    expect(WRAPPED.text).toContain('\n\n'); // blank lines, some of them column breaks
    // No paragraph of more than one line appears whole in the file.
    for (const p of WRAPPED.paragraphs.filter((p) => codePointLength(p) > WRAPPED.width + 2)) {
      expect(WRAPPED.text).not.toContain(p);
    }
  });

  it('shows whole paragraphs, keeps the original text and says how many lines became how many paragraphs', async () => {
    const bytes = gb18030(WRAPPED.text);
    const doc = added((await importFiles([read('内蒙古.txt', bytes)], deps))[0]);

    const shown = (await db.texts.get(doc.id))?.text ?? '';
    // One paragraph per line, exactly the generator's paragraphs: no break inside one.
    expect(shown.split('\n')).toEqual(WRAPPED.paragraphs);
    expect(doc.encoding).toBe('gb18030');
    expect(doc.reflow).toEqual({ lines: WRAPPED_LINES, paragraphs: WRAPPED.paragraphs.length });
    expect(doc.length).toBe(codePointLength(shown));
    // The reader is handed the reflowed text it would read back, not the file's.
    expect(handedText(doc.id)).toBe(shown);

    const original = await db.originals.get(doc.id);
    expect(original?.text).toBe(WRAPPED.text);
    expect(original?.map.reflowedLength).toBe(shown.length);
    expect(original?.map.originalLength).toBe(WRAPPED.text.length);
    // The file's bytes are kept as they came.
    expect((await db.sources.get(doc.id))?.bytes).toEqual(bytes);
    // Identity is the file's own text, not the reflow of it.
    expect(doc.sha256).toBe(await sha256(WRAPPED.text));
    expect(doc.sha256).not.toBe(await sha256(shown));
    expect(await db.documents.get(doc.id)).toEqual(doc);
  });

  it('stores a text that is not hard-wrapped as it is, with no original and no reflow', async () => {
    const doc = added((await importFiles([read('flat.txt', gb18030(FLAT))], deps))[0]);

    expect(doc.reflow).toBeNull();
    expect((await db.texts.get(doc.id))?.text).toBe(FLAT);
    expect(await db.originals.get(doc.id)).toBeUndefined();
    expect(await counts()).toEqual({ documents: 1, texts: 1, originals: 0, sources: 1 });
    expect(doc.sha256).toBe(await sha256(FLAT));
  });

  it('gives the same document when the same hard-wrapped file is opened again, in any encoding', async () => {
    const first = added((await importFiles([read('a.txt', gb18030(WRAPPED.text))], deps))[0]);

    const outcomes = await importFiles(
      [
        read('again.txt', gb18030(WRAPPED.text)),
        read('as-utf8.txt', utf8(WRAPPED.text)),
        read('crlf.txt', gb18030(WRAPPED.text.replace(/\n/g, '\r\n'))),
      ],
      deps,
    );

    expect(outcomes).toEqual([
      { kind: 'existing', doc: first, fileName: 'again.txt' },
      { kind: 'existing', doc: first, fileName: 'as-utf8.txt' },
      { kind: 'existing', doc: first, fileName: 'crlf.txt' },
    ]);
    expect(await counts()).toEqual({ documents: 1, texts: 1, originals: 1, sources: 1 });
  });

  it('imports a hard-wrapped and a plain file side by side, each with its own choice', async () => {
    const outcomes = await importFiles(
      [read('wrapped.txt', gb18030(WRAPPED.text)), read('flat.txt', utf8(FLAT))],
      deps,
    );
    const [wrapped, flat] = outcomes.map(added);
    expect(wrapped?.reflow).not.toBeNull();
    expect(flat?.reflow).toBeNull();
    expect(await counts()).toEqual({ documents: 2, texts: 2, originals: 1, sources: 2 });
  });

  it('removes the original text with the document', async () => {
    const wrapped = added((await importFiles([read('a.txt', gb18030(WRAPPED.text))], deps))[0]);
    const flat = added((await importFiles([read('b.txt', utf8(FLAT))], deps))[0]);
    expect(await db.originals.get(wrapped.id)).toBeDefined();

    await deleteDocument(db, wrapped.id);

    expect(await db.originals.get(wrapped.id)).toBeUndefined();
    expect(await counts()).toEqual({ documents: 1, texts: 1, originals: 0, sources: 1 });
    expect(await db.documents.get(flat.id)).toEqual(flat);

    // Nothing left behind blocks importing the file again.
    const again = added((await importFiles([read('a.txt', gb18030(WRAPPED.text))], deps))[0]);
    expect((await db.originals.get(again.id))?.text).toBe(WRAPPED.text);
  });
});
