import { summarise } from '../../shared/anchor';
import { reanchorStored, reanchorTables, type AnchorReport } from './reanchor-stored';
import type { RawFile } from '../../shared/file-errors';
import { codePointLength } from '../../shared/text';
import type { DocumentRecord } from '../../shared/types';
import { scheduleCompaction } from '../db/compaction';
import type { ClaimmarkDB } from '../db/db';
import type { DecodeFailureCode } from '../library/decode-job';
import { formatFields, putTexts, withoutFormat, type Decoder } from '../library/import-files';

export type { AnchorReport } from './reanchor-stored';
export type ReplaceOutcome =
  | { kind: 'replaced'; doc: DocumentRecord; report: AnchorReport }
  | { kind: 'unchanged' }
  | { kind: 'duplicate'; other: DocumentRecord }
  | { kind: 'rejected'; code: DecodeFailureCode; detail?: string };

/**
 * Puts another version of a document's text in place (the file changed on
 * disk, or "Replace text…") and finds every annotation again: by position,
 * by exact quote, by fuzzy quote. What cannot be placed becomes an orphan;
 * nothing is deleted. Orphans of an earlier replacement get another chance.
 */
export async function replaceText(
  db: ClaimmarkDB,
  docId: string,
  file: RawFile,
  decode: Decoder,
): Promise<ReplaceOutcome> {
  const [doc, shown] = await Promise.all([db.documents.get(docId), db.texts.get(docId)]);
  if (!doc || !shown) throw new Error('The document is missing.');
  // A replacement goes through the same extraction as an import: a .docx for a .txt is fine.
  const decoded = await decode(file.bytes, undefined, doc.reflow ? 'on' : 'off', file.name);
  if (!decoded.ok)
    return {
      kind: 'rejected',
      code: decoded.code,
      ...(decoded.detail ? { detail: decoded.detail } : {}),
    };
  if (decoded.sha256 === doc.sha256) return { kind: 'unchanged' };
  const other = await db.documents.where('sha256').equals(decoded.sha256).first();
  if (other) return { kind: 'duplicate', other };

  const { prepared } = decoded;
  const text = prepared.display;
  const updated: DocumentRecord = {
    ...withoutFormat(doc),
    ...formatFields(decoded.extracted),
    sha256: decoded.sha256,
    encoding: decoded.encoding,
    bom: decoded.bom,
    length: codePointLength(text),
    reflow: prepared.reflow,
    fileName: file.name,
    ...(file.path ? { filePath: file.path } : {}),
    headingOverrides: { promote: [], demote: [] },
  };
  const tables = [db.documents, db.texts, db.originals, db.sources, ...reanchorTables(db)];
  // Read and re-anchor inside the transaction: an edit made while the file
  // was decoding must not be overwritten by a stale copy. The annotations are
  // asked for first, so the text and bytes are written while they are read.
  const outcomes = await db.transaction('rw', tables, async () => {
    const [found] = await Promise.all([
      reanchorStored(db, docId, text, shown.text),
      db.documents.put(updated),
      putTexts(db, docId, prepared),
      db.sources.put({ docId, bytes: decoded.bytes }),
    ]);
    return found;
  });
  // The annotations left where a step reads them are rewritten in the background.
  scheduleCompaction(db, docId);
  return { kind: 'replaced', doc: updated, report: summarise(outcomes) };
}
