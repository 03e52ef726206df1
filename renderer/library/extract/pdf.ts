import type { ExtractResult } from '../../../shared/extract/types';

/** Placeholder until the PDF importer lands: a PDF is refused, by name, as not readable in this build. */
export function extractPdf(bytes: Uint8Array): Promise<ExtractResult> {
  void bytes;
  return Promise.resolve({ ok: false, code: 'damaged', detail: 'PDF import is not in this build' });
}
