/**
 * Which importer a file goes to, judged by its bytes first and its name only
 * where the bytes cannot tell (HTML is text). A `.docx` that is not a zip
 * still goes to the DOCX importer, so its refusal says "damaged" and names
 * the file instead of showing zip bytes as text.
 */
import type { SourceFormat } from './types';

/** What the library can open, as it tells the importer; `mhtml` is read as HTML. */
export type DetectedFormat = SourceFormat | 'mhtml';

/** File extensions (lower case, no dot) of the formats besides plain text. */
export const DOCUMENT_EXTENSIONS = ['pdf', 'docx', 'html', 'htm', 'mhtml', 'mht'] as const;

const ascii = new TextDecoder('latin1');

function startsWith(bytes: Uint8Array, prefix: string, at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    if (bytes[at + i] !== prefix.charCodeAt(i)) return false;
  }
  return true;
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** A zip's local headers name their entries in the clear; DOCX holds `word/document.xml`. */
function isWordZip(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, 'PK\x03\x04')) return false;
  // The entry may sit anywhere (Word writes it late), so look through all of it.
  return ascii.decode(bytes).includes('word/document.xml');
}

/** The start of the text, without BOM or leading white space, lower case. */
function head(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, 4096);
  let text: string;
  if (sample[0] === 0xff && sample[1] === 0xfe) text = new TextDecoder('utf-16le').decode(sample);
  else if (sample[0] === 0xfe && sample[1] === 0xff)
    text = new TextDecoder('utf-16be').decode(sample);
  else text = ascii.decode(sample);
  return text
    .replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '')
    .trimStart()
    .toLowerCase();
}

const HTML_START =
  /^(?:<!doctype html|<html[\s>]|<head[\s>]|<!--[\s\S]*?-->\s*<(?:!doctype html|html))/;
const MHTML_HEADER = /^(?:[a-z-]+:.*\r?\n)*?content-type:\s*multipart\/related/m;

/**
 * Magic bytes: `%PDF-`, a zip with
 * `word/document.xml`, MHTML's MIME header; HTML by its markup or its name.
 * Everything else is text, decoded as today.
 */
export function detectFormat(bytes: Uint8Array, name = ''): DetectedFormat {
  const ext = extension(name);
  // Readers accept junk before the header; a text file merely quoting it is not a PDF.
  if (startsWith(bytes, '%PDF-') || ext === 'pdf') return 'pdf';
  if (isWordZip(bytes) || ext === 'docx') return 'docx';
  const start = head(bytes);
  if (ext === 'mhtml' || ext === 'mht' || MHTML_HEADER.test(start.slice(0, 2048))) return 'mhtml';
  if (ext === 'html' || ext === 'htm' || HTML_START.test(start)) return 'html';
  return 'text';
}
