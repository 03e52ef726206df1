import { decodeBytes } from '../../shared/decode';
import { sha256Hex } from '../../shared/text';
import type { Encoding } from '../../shared/types';

export type DecodeJobResult =
  | { ok: true; text: string; encoding: Encoding; bom: boolean; sha256: string }
  | { ok: false; code: 'empty' | 'binary' | 'undecodable' };

/** Decodes and fingerprints a file's bytes; runs inline or in decode.worker.ts. */
export async function runDecodeJob(bytes: Uint8Array, forced?: Encoding): Promise<DecodeJobResult> {
  const decoded = decodeBytes(bytes, forced);
  if (!decoded.ok) return { ok: false, code: decoded.error.code };
  const { text, encoding, bom } = decoded.value;
  return { ok: true, text, encoding, bom, sha256: await sha256Hex(text) };
}
