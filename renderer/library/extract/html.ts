/**
 * Saved web pages: the article, not the page around it. Readability picks
 * the article out of a `DOMParser` document, which has no browsing context:
 * no script runs, no image, style sheet or frame is fetched. Title, byline
 * and publication date come from what the page says about itself.
 */
import { Readability } from '@mozilla/readability';
import { decodeBytes } from '../../../shared/decode';
import type { Extracted, ExtractResult } from '../../../shared/extract/types';
import { blockLines, LEVEL_CLASS } from './blocks';
import { domParser, type HtmlParser } from './docx';

const latin1 = new TextDecoder('latin1');

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label.trim().toLowerCase() === 'gbk' ? 'gb18030' : label.trim());
  } catch {
    return null;
  }
}

/** The charset a page declares in its first KB (`<meta charset>` or `http-equiv`). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = latin1.decode(bytes.subarray(0, 1024));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w.:-]+)/i.exec(head);
  return m?.[1] ?? null;
}

/** BOM first, then the page's own declaration, then the text decoder's detection. */
export function decodeHtml(bytes: Uint8Array, charset?: string): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const label = charset ?? declaredCharset(bytes);
  const decoder = label ? decoderFor(label) : null;
  if (decoder && decoder.encoding !== 'utf-16le' && decoder.encoding !== 'utf-16be')
    return decoder.decode(bytes);
  const decoded = decodeBytes(bytes);
  return decoded.ok ? decoded.value.text : null;
}

function metaContent(doc: Document, names: string[]): string | undefined {
  for (const name of names) {
    const el = doc.querySelector(
      `meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`,
    );
    const value = el?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return undefined;
}

/** Publication date: the meta tags news sites write, else the first `<time datetime>`. */
function publicationDate(doc: Document): string | undefined {
  return (
    metaContent(doc, [
      'article:published_time',
      'datePublished',
      'pubdate',
      'publishdate',
      'PubDate',
      'date',
      'dc.date',
      'DC.date.issued',
    ]) ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() ??
    undefined
  );
}

function clean(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

/** The reading text of an HTML string already decoded. */
export function extractHtmlText(html: string, parse: HtmlParser = domParser): ExtractResult {
  const doc = parse(html);
  const pageTitle = clean(doc.title);
  const date = clean(publicationDate(doc));
  const metaByline = clean(metaContent(doc, ['author', 'article:author', 'byl', 'dc.creator']));
  // Readability changes the tree it reads; the fallback reads an untouched copy.
  const copy = doc.cloneNode(true) as Document;
  // Readability turns every h1 into an h2; a class it is told to keep remembers the level.
  copy.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach((h) => {
    h.classList.add(`${LEVEL_CLASS}${Math.min(3, Number(h.tagName.slice(1)))}`);
  });
  const article = new Readability<Node>(copy, {
    serializer: (node) => node,
    classesToPreserve: [1, 2, 3].map((n) => `${LEVEL_CLASS}${n}`),
  }).parse();
  const root = article?.content ? (article.content as Element) : doc.body;
  if (!root) return { ok: false, code: 'empty' };
  const lines = blockLines(root);
  // A page title often carries the site's name ("Headline - Site"); the page's
  // own headline, or og:title, is the article's title.
  const h1 = clean(doc.querySelector('article h1, main h1, h1')?.textContent);
  const ogTitle = clean(metaContent(doc, ['og:title']));
  const found = clean(article?.title) ?? pageTitle;
  const title = h1 && found?.includes(h1) ? h1 : (ogTitle ?? found);
  let { text, headings } = lines;
  // Readability drops the headline it took the title from; put it back at the top as the outline's first entry.
  const firstLine = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'));
  if (title && firstLine.trim() !== title) {
    const shift = title.length + 1;
    headings = [{ start: 0, level: 1 }, ...headings.map((h) => ({ ...h, start: h.start + shift }))];
    text = `${title}\n${text}`;
  }
  if (!text.replace(title ?? '', '').trim()) return { ok: false, code: 'empty' };
  const byline = clean(article?.byline) ?? metaByline;
  const when = date ?? clean(article?.publishedTime);
  const meta: Extracted['meta'] = {
    ...(title ? { title } : {}),
    ...(byline ? { byline } : {}),
    ...(when ? { date: when } : {}),
  };
  return { ok: true, value: { text, headings, pages: null, meta } };
}

export function extractHtml(bytes: Uint8Array, parse: HtmlParser = domParser): ExtractResult {
  const html = decodeHtml(bytes);
  if (html === null) return { ok: false, code: 'damaged', detail: 'its characters cannot be read' };
  return extractHtmlText(html, parse);
}
