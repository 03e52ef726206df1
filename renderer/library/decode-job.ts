import { decodeBytes, type DecodeDamage } from '../../shared/decode';
import { sha256Hex } from '../../shared/text';
import type { Encoding } from '../../shared/types';
import { prepareText, type PreparedText } from './prepare-text';

export type DecodeJobResult =
  | {
      ok: true;
      text: string;
      encoding: Encoding;
      bom: boolean;
      sha256: string;
      prepared: PreparedText;
      /** Undecodable bytes and stray NULs taken out; absent when the file decoded cleanly. */
      damage?: DecodeDamage;
    }
  | { ok: false; code: 'empty' | 'binary' | 'undecodable' };

/**
 * Decodes, fingerprints and (if asked) reflows a file's bytes: the heavy part
 * of an import, run inline or in decode.worker.ts. The fingerprint is of the
 * decoded text as in the file, so a document's identity does not depend on
 * whether it is shown reflowed.
 */
export async function runDecodeJob(
  bytes: Uint8Array,
  forced?: Encoding,
  reflowMode: 'auto' | 'on' | 'off' = 'auto',
): Promise<DecodeJobResult> {
  const decoded = decodeBytes(bytes, forced);
  if (!decoded.ok) return { ok: false, code: decoded.error.code };
  const { text, encoding, bom, damage } = decoded.value;
  return {
    ok: true,
    text,
    encoding,
    bom,
    sha256: await sha256Hex(text),
    prepared: prepareText(text, reflowMode),
    ...(damage ? { damage } : {}),
  };
}
