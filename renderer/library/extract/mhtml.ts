/**
 * Web archives (.mhtml, "Save page as… single file"): a MIME message whose
 * first text/html part is the page. Only that part is read; the images and
 * styles packed beside it are not needed for the text.
 */
import type { ExtractResult } from '../../../shared/extract/types';
import { decodeHtml, extractHtmlText } from './html';
import { domParser, type HtmlParser } from './docx';

const latin1 = new TextDecoder('latin1');

function headerValue(headers: string, name: string): string | undefined {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const m = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded);
  return m?.[1]?.trim();
}

function param(value: string | undefined, name: string): string | undefined {
  const m = value ? new RegExp(`${name}\\s*=\\s*"?([^";]+)"?`, 'i').exec(value) : null;
  return m?.[1];
}

function quotedPrintable(body: string): Uint8Array {
  const joined = body.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? joined.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(joined.charCodeAt(i) & 0xff);
  }
  return Uint8Array.from(out);
}

function base64(body: string): Uint8Array {
  const bin = atob(body.replace(/\s+/g, ''));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The page's bytes and declared charset, or null when there is no HTML part. */
export function htmlPart(bytes: Uint8Array): { bytes: Uint8Array; charset?: string } | null {
  const message = latin1.decode(bytes);
  const split = /\r?\n\r?\n/.exec(message);
  if (!split) return null;
  const boundary = param(headerValue(message.slice(0, split.index), 'Content-Type'), 'boundary');
  if (!boundary) return null;
  for (const part of message.split(`--${boundary}`).slice(1)) {
    const gap = /\r?\n\r?\n/.exec(part);
    if (!gap) continue;
    const headers = part.slice(0, gap.index);
    const type = headerValue(headers, 'Content-Type');
    if (!type || !/^text\/html/i.test(type)) continue;
    const body = part.slice(gap.index + gap[0].length);
    const encoding = headerValue(headers, 'Content-Transfer-Encoding')?.toLowerCase();
    let raw: Uint8Array;
    try {
      raw =
        encoding === 'base64'
          ? base64(body)
          : encoding === 'quoted-printable'
            ? quotedPrintable(body)
            : Uint8Array.from(body, (c) => c.charCodeAt(0) & 0xff);
    } catch {
      return null;
    }
    const charset = param(type, 'charset');
    return charset ? { bytes: raw, charset } : { bytes: raw };
  }
  return null;
}

export function extractMhtml(bytes: Uint8Array, parse: HtmlParser = domParser): ExtractResult {
  const part = htmlPart(bytes);
  if (!part) return { ok: false, code: 'damaged', detail: 'it holds no web page' };
  const html = decodeHtml(part.bytes, part.charset);
  if (html === null) return { ok: false, code: 'damaged', detail: 'its characters cannot be read' };
  return extractHtmlText(html, parse);
}
