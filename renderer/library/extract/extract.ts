/**
 * One entry for every laid-out format. PDF runs wherever it is called (pdf.js
 * works in a worker); DOCX and HTML need a `DOMParser`, which only the page
 * has, so the caller runs them on the page (see decode.ts).
 */
import type { DetectedFormat } from '../../../shared/extract/detect';
import type { ExtractResult, SourceFormat } from '../../../shared/extract/types';
import { domParser, extractDocx, type HtmlParser } from './docx';
import { extractHtml } from './html';
import { extractMhtml } from './mhtml';

export type DocumentFormat = Exclude<DetectedFormat, 'text'>;

/** What the library records: a web archive is a web page. */
export function sourceFormat(format: DocumentFormat): Exclude<SourceFormat, 'text'> {
  return format === 'mhtml' ? 'html' : format;
}

export async function extractDocument(
  format: DocumentFormat,
  bytes: Uint8Array,
  parse: HtmlParser = domParser,
): Promise<ExtractResult> {
  switch (format) {
    case 'pdf':
      return (await import('./pdf')).extractPdf(bytes);
    case 'docx':
      return extractDocx(bytes, parse);
    case 'html':
      return extractHtml(bytes, parse);
    case 'mhtml':
      return extractMhtml(bytes, parse);
  }
}
