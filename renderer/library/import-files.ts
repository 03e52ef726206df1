import type { DecodeDamage } from '../../shared/decode';
import type { FileError, FileReadResult, RawFile } from '../../shared/file-errors';
import { defaultTitle } from '../../shared/title';
import type { DocumentRecord, Encoding } from '../../shared/types';
import { scheduleCompaction } from '../db/compaction';
import type { ClaimmarkDB } from '../db/db';
import { errorMessage, isQuotaError } from '../db/storage-error';
import type { DecodeFailureCode, DecodeJobResult, ExtractedInfo } from './decode-job';
import type { PreparedText } from './prepare-text';
import { summarise } from '../../shared/anchor';
import { reanchorStored, reanchorTables, type AnchorReport } from '../reader/reanchor-stored';
import { handOverText } from '../db/text-handoff';

export type ImportOutcome =
  /** `damage`: what the import notice must warn about; absent for a clean file. */
  | { kind: 'added'; doc: DocumentRecord; damage?: DecodeDamage }
  | { kind: 'existing'; doc: DocumentRecord; fileName: string }
  | { kind: 'rejected'; error: FileError }
  | { kind: 'storage-failed'; fileName: string; quota: boolean; detail: string };

export type Decoder = (
  bytes: Uint8Array,
  forced?: Encoding,
  reflowMode?: 'auto' | 'on' | 'off',
  /** The file's name, which tells an HTML file from text where its bytes do not. */
  name?: string,
) => Promise<DecodeJobResult>;

/**
 * The record's fields for what an extractor found; each is absent when not
 * found, so a replacement by a plain text file takes away a PDF's pages.
 */
export function formatFields(
  extracted: ExtractedInfo | undefined,
): Pick<DocumentRecord, 'format' | 'pages' | 'headings' | 'byline' | 'date'> {
  if (!extracted) return {};
  const { format, pages, headings, meta } = extracted;
  return {
    format,
    ...(pages ? { pages } : {}),
    headings,
    ...(meta.byline ? { byline: meta.byline } : {}),
    ...(meta.date ? { date: meta.date } : {}),
  };
}

/** The format fields a record may carry, to take off before putting new ones. */
export function withoutFormat(doc: DocumentRecord): DocumentRecord {
  const rest = { ...doc };
  delete rest.format;
  delete rest.pages;
  delete rest.headings;
  delete rest.byline;
  delete rest.date;
  return rest;
}

/**
 * Opens the last file's document before it is stored: its row and its text.
 * Resolves once that is on screen, with the function that takes it back
 * should the write fail; null when it was not shown (the write then comes
 * first, as for the files before it: a frame's wait for each of a folder's
 * 500 files would add seconds).
 */
export type Preview = (doc: DocumentRecord, text: string) => Promise<(() => void) | null>;

interface ImportDeps {
  db: ClaimmarkDB;
  decode: Decoder;
  now: () => Date;
  preview?: Preview;
}

/**
 * Imports files one by one so that each bad file is reported on its own and
 * every good one is kept. A document and its text and bytes are written in one
 * transaction: a failure leaves nothing half-stored.
 */
export async function importFiles(
  results: FileReadResult[],
  deps: ImportDeps,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const [i, result] of results.entries()) {
    outcomes.push(
      result.ok
        ? await importOne(result.file, deps, i === results.length - 1)
        : { kind: 'rejected', error: result.error },
    );
  }
  return outcomes;
}

/** Writes a document's shown text and, when reflowed, its original and map. */
export async function putTexts(db: ClaimmarkDB, docId: string, prepared: PreparedText) {
  await db.texts.put({ docId, text: prepared.display });
  if (prepared.original) await db.originals.put({ docId, ...prepared.original });
  else await db.originals.delete(docId);
}

async function importOne(
  file: RawFile,
  { db, decode, now, preview }: ImportDeps,
  last: boolean,
): Promise<ImportOutcome> {
  let decoded: DecodeJobResult;
  try {
    decoded = await decode(file.bytes, undefined, 'auto', file.name);
  } catch (error) {
    // The decoder crashed (out of memory on a huge file): this file fails, the batch goes on.
    return {
      kind: 'rejected',
      error: { name: file.name, path: file.path, code: 'unreadable', detail: errorMessage(error) },
    };
  }
  if (!decoded.ok) {
    const { code, detail } = decoded;
    const error = { name: file.name, path: file.path, code, ...(detail ? { detail } : {}) };
    return { kind: 'rejected', error };
  }
  const { prepared, bytes } = decoded;
  const doc: DocumentRecord = {
    id: crypto.randomUUID(),
    sha256: decoded.sha256,
    title: decoded.extracted?.meta.title ?? defaultTitle(prepared.display, file.name),
    fileName: file.name,
    ...(file.path ? { filePath: file.path } : {}),
    encoding: decoded.encoding,
    bom: decoded.bom,
    length: prepared.length,
    addedAt: now().toISOString(),
    reflow: prepared.reflow,
    ...formatFields(decoded.extracted),
  };
  // On screen first: a 10 MB text's write (its clone, then the commit) took 100 ms before it showed.
  const takeBack = preview && last ? await preview(doc, prepared.display) : null;
  try {
    // No lookup first: the unique sha256 index refuses a text already stored, and
    // the three writes go out together instead of each waiting for the last.
    await db.transaction('rw', [db.documents, db.texts, db.originals, db.sources], () =>
      Promise.all([
        db.documents.add(doc),
        putTexts(db, doc.id, prepared),
        db.sources.add({ docId: doc.id, bytes }),
      ]),
    );
  } catch (error) {
    takeBack?.();
    // The same text is in the library already, or another import of it finished first.
    const winner = await db.documents.where('sha256').equals(decoded.sha256).first();
    if (winner) return { kind: 'existing', doc: winner, fileName: file.name };
    return {
      kind: 'storage-failed',
      fileName: file.name,
      quota: isQuotaError(error),
      detail: errorMessage(error),
    };
  }
  if (!takeBack) handOverText(doc.id, prepared.display);
  return { kind: 'added', doc, ...(decoded.damage ? { damage: decoded.damage } : {}) };
}

export type ReopenOutcome =
  | { kind: 'reopened'; doc: DocumentRecord; report: AnchorReport }
  | { kind: 'unchanged' }
  | { kind: 'duplicate'; other: DocumentRecord }
  | { kind: 'rejected'; code: DecodeFailureCode };

/** Decodes a document's original bytes again with the encoding the user chose. */
export async function reopenAs(
  docId: string,
  encoding: Encoding,
  { db, decode }: Omit<ImportDeps, 'now'>,
): Promise<ReopenOutcome> {
  const [doc, source, old] = await Promise.all([
    db.documents.get(docId),
    db.sources.get(docId),
    db.texts.get(docId),
  ]);
  if (!doc || !source) throw new Error('The document or its original bytes are missing.');
  // A PDF, Word file or web page has no encoding to choose (the reader hides the choice).
  if (doc.format !== undefined && doc.format !== 'text') return { kind: 'unchanged' };
  const decoded = await decode(source.bytes, encoding, doc.reflow ? 'on' : 'off');
  if (!decoded.ok) return { kind: 'rejected', code: decoded.code };
  if (decoded.sha256 === doc.sha256) return { kind: 'unchanged' };
  const other = await db.documents.where('sha256').equals(decoded.sha256).first();
  if (other) return { kind: 'duplicate', other };
  const { prepared } = decoded;
  // A title taken from a garbled reading is replaced; one the user typed is kept.
  const titleFromText = old !== undefined && doc.title === defaultTitle(old.text, doc.fileName);
  const updated: DocumentRecord = {
    ...doc,
    ...(titleFromText ? { title: defaultTitle(prepared.display, doc.fileName) } : {}),
    sha256: decoded.sha256,
    encoding: decoded.encoding,
    bom: decoded.bom,
    length: prepared.length,
    reflow: prepared.reflow,
  };
  // The annotations are found again in the new reading, as after "Replace text…".
  const outcomes = await db.transaction(
    'rw',
    [db.documents, db.texts, db.originals, ...reanchorTables(db)],
    async () => {
      await db.documents.put(updated);
      await putTexts(db, docId, prepared);
      return reanchorStored(db, docId, prepared.display, old?.text ?? '');
    },
  );
  scheduleCompaction(db, docId);
  return { kind: 'reopened', doc: updated, report: summarise(outcomes) };
}
