/**
 * Word files through mammoth: Word's heading styles become h1–h3 and so
 * outline entries, tables become tab-separated lines, footnotes follow the
 * text, numbered; the title is the file's own (docx-props.ts). Images are
 * left out (a claim is in the words), and no file outside the .docx is ever
 * opened (`externalFileAccess: false`), nor any linked image fetched.
 */
import mammoth from 'mammoth';
import type { ExtractedHeading, ExtractResult } from '../../../shared/extract/types';
import { defaultTitle } from '../../../shared/title';
import { blockLines, inlineText } from './blocks';
import { docxTitle } from './docx-props';
import { inertMarkup } from './inert-markup';

/** Parses HTML without running or loading anything: `DOMParser` in the page, jsdom's in Node tests. */
export type HtmlParser = (html: string) => Document;

export const domParser: HtmlParser = (html) =>
  new DOMParser().parseFromString(inertMarkup(html), 'text/html');

const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An OLE compound file: what Word writes for a password-protected .docx. */
function isCompoundFile(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return magic.every((b, i) => bytes[i] === b);
}

export async function extractDocx(
  bytes: Uint8Array,
  parse: HtmlParser = domParser,
): Promise<ExtractResult> {
  if (isCompoundFile(bytes)) return { ok: false, code: 'encrypted' };
  if (!isZip(bytes)) return { ok: false, code: 'damaged', detail: 'it is not a zip archive' };
  const buffer = bytes.slice().buffer;
  let html: string;
  try {
    // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`.
    const input = { arrayBuffer: buffer, buffer } as unknown as { arrayBuffer: ArrayBuffer };
    const result = await mammoth.convertToHtml(input, {
      convertImage: noImages,
      externalFileAccess: false,
      ignoreEmptyParagraphs: true,
      idPrefix: 'cm-',
    });
    html = result.value;
  } catch (error) {
    return {
      ok: false,
      code: 'damaged',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  const doc = parse(`<!doctype html><html><body>${html}</body></html>`);
  // Footnotes and endnotes: mammoth lists them last, as <li id="cm-footnote-N">.
  const notes = Array.from(
    doc.body.querySelectorAll('li[id^="cm-footnote-"], li[id^="cm-endnote-"]'),
  );
  const noteLists = new Set(notes.map((li) => li.parentElement).filter((el) => el !== null));
  noteLists.forEach((list) => list.remove());
  const backLink = (el: Element) =>
    el.tagName.toUpperCase() === 'A' &&
    /#cm-(?:foot|end)note-ref-/.test(el.getAttribute('href') ?? '');
  const body = blockLines(doc.body, { skip: backLink });
  const noteLines = notes
    .map((li, i) => {
      const text = inlineText(li, backLink).replace(/\n/g, ' ');
      return text ? `[${i + 1}] ${text}` : '';
    })
    .filter(Boolean);
  const text = noteLines.length > 0 ? `${body.text}\n\n${noteLines.join('\n')}` : body.text;
  if (!text.trim()) return { ok: false, code: 'empty' };
  const title = docxTitle(bytes) ?? firstHeading(text, body.headings);
  const meta = title ? { title } : {};
  return { ok: true, value: { text, headings: body.headings, pages: null, meta } };
}

/**
 * Without a title in its properties, the file's own first headline (a
 * heading 1, else any heading) names it, shortened as a title taken from text
 * is; with no heading at all the import falls back to the first line.
 */
function firstHeading(text: string, headings: ExtractedHeading[]): string | undefined {
  const heading = headings.find((h) => h.level === 1) ?? headings[0];
  if (!heading) return undefined;
  const end = text.indexOf('\n', heading.start);
  const line = text.slice(heading.start, end < 0 ? text.length : end).trim();
  return line ? defaultTitle(line, line) : undefined;
}
