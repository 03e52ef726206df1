import { decodeBytes, type DecodeDamage } from '../../shared/decode';
import type { Extracted, ExtractFailure, SourceFormat } from '../../shared/extract/types';
import { sha256Hex, sha256OfBytes } from '../../shared/text';
import type { Encoding } from '../../shared/types';
import { detectFormat } from '../../shared/extract/detect';
import { extractFailure, finishExtract } from './extract-job';
import { prepareText, type PreparedText } from './prepare-text';

/** What a PDF, Word file or web page says about its own structure; absent for text. */
export interface ExtractedInfo extends Omit<Extracted, 'text'> {
  format: Exclude<SourceFormat, 'text'>;
}

/** What the page sends decode.worker.ts. */
export interface DecodeRequest {
  bytes: Uint8Array;
  forced?: Encoding;
  reflowMode: 'auto' | 'on' | 'off';
  name?: string;
}

export type DecodeFailureCode = 'empty' | 'binary' | 'undecodable' | ExtractFailure;

export type DecodeJobResult =
  | {
      ok: true;
      encoding: Encoding;
      bom: boolean;
      sha256: string;
      /** The bytes decoded, as given: the ones to store (a worker moved the caller's away). */
      bytes: Uint8Array;
      prepared: PreparedText;
      /** Undecodable bytes and stray NULs taken out; absent when the file decoded cleanly. */
      damage?: DecodeDamage;
      extracted?: ExtractedInfo;
    }
  | { ok: false; code: DecodeFailureCode; detail?: string };

/** Enough of a file to tell whether it may be UTF-8 before decoding it all. */
const PEEK = 64 * 1024;

/**
 * The SHA-256 of the bytes (after a UTF-8 BOM), begun before they are decoded
 * when they start as UTF-8: SubtleCrypto hashes on a thread of its own, so a
 * UTF-8 file's fingerprint is ready with its text instead of 20 ms after it.
 * Null for a file that does not start as UTF-8 (GB18030): no hash is wasted.
 */
function hashAhead(bytes: Uint8Array): { from: number; sha256: Promise<string> } | null {
  const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // A peek may end inside a character: `stream` keeps its last bytes pending instead of failing.
  const peek = bytes.subarray(from, from + PEEK);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(peek, { stream: true });
  } catch {
    return null;
  }
  const body = bytes.subarray(from) as Uint8Array<ArrayBuffer>;
  const sha256 = sha256OfBytes(body);
  // Unused when the file is not UTF-8 after all; a failure then is no one's.
  sha256.catch(() => {});
  return { from: body.byteOffset, sha256 };
}

/**
 * Decodes, fingerprints and (if asked) reflows a file's bytes: the heavy part
 * of an import, run inline or in decode.worker.ts. The fingerprint is of the
 * decoded text as in the file, so a document's identity does not depend on
 * whether it is shown reflowed. The text goes back once (as `prepared`): a
 * worker's reply copies every string it holds, so a second copy of 10 MB costs.
 */
export async function runDecodeJob(
  bytes: Uint8Array,
  forced?: Encoding,
  reflowMode: 'auto' | 'on' | 'off' = 'auto',
  name = '',
): Promise<DecodeJobResult> {
  const format = forced ? 'text' : detectFormat(bytes, name);
  // pdf.js (2 MB) is loaded by the first PDF: neither the window's start nor a text import waits for it.
  if (format === 'pdf')
    return finishExtract('pdf', bytes, await (await import('./extract/pdf')).extractPdf(bytes));
  if (format !== 'text') {
    // Word files and web pages need a DOMParser: decode.ts runs them on the page, never here in a worker.
    // Loaded on first use, so mammoth and Readability stay out of the start-up bundle.
    const { extractDocument, sourceFormat } = await import('./extract/extract');
    try {
      return await finishExtract(sourceFormat(format), bytes, await extractDocument(format, bytes));
    } catch (error) {
      return extractFailure('damaged', error instanceof Error ? error.message : String(error));
    }
  }
  const early = hashAhead(bytes);
  const decoded = decodeBytes(bytes, forced);
  if (!decoded.ok) return { ok: false, code: decoded.error.code };
  const { text, encoding, bom, damage, verbatim } = decoded.value;
  // A clean UTF-8 file without CR is the UTF-8 of its text already (decoding took
  // off at most the BOM): its bytes are hashed as they are, sparing a 10 MB re-encode.
  const asIs = encoding === 'utf-8' && !damage && verbatim;
  const body = (bom ? bytes.subarray(3) : bytes) as Uint8Array<ArrayBuffer>;
  const ofBytes = () => (early?.from === body.byteOffset ? early.sha256 : sha256OfBytes(body));
  return {
    ok: true,
    encoding,
    bom,
    sha256: await (asIs ? ofBytes() : sha256Hex(text)),
    bytes,
    prepared: prepareText(text, reflowMode),
    ...(damage ? { damage } : {}),
  };
}
