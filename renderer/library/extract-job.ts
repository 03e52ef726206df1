import type { ExtractFailure, ExtractResult, SourceFormat } from '../../shared/extract/types';
import { codePointLength, sha256Hex } from '../../shared/text';
import type { DecodeJobResult } from './decode-job';

/**
 * An extractor's text as the import stores it. It is already one paragraph
 * per line, so it is never reflowed; its identity is the SHA-256 of that
 * text, so the same article saved twice is one document.
 */
export async function finishExtract(
  format: Exclude<SourceFormat, 'text'>,
  bytes: Uint8Array,
  result: ExtractResult,
): Promise<DecodeJobResult> {
  if (!result.ok) return extractFailure(result.code, result.detail);
  const { text, headings, pages, meta } = result.value;
  if (!text.trim()) return { ok: false, code: 'empty' };
  return {
    ok: true,
    encoding: 'utf-8',
    bom: false,
    sha256: await sha256Hex(text),
    bytes,
    prepared: { display: text, length: codePointLength(text), original: null, reflow: null },
    extracted: { format, headings, pages, meta },
  };
}

export function extractFailure(code: ExtractFailure, detail?: string): DecodeJobResult {
  // The message quotes the reason; a damaged file always gets one.
  if (code === 'damaged') return { ok: false, code, detail: detail || 'no readable content' };
  return { ok: false, code, ...(detail ? { detail } : {}) };
}
