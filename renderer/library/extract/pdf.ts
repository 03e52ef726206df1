/**
 * A PDF's reading text through pdf.js: the text items of every page with
 * their positions, handed to the layout code (shared/extract/pdf-layout.ts),
 * which finds columns, paragraphs and headlines. Runs inside the decode
 * worker: pdf.js's own worker code runs in-process there (no second worker,
 * nothing fetched), and the CMaps and standard fonts it asks for come from
 * the app's own bundle.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- pdf.js ships no worker types; both tsconfigs need ours
/// <reference path="./pdfjs-worker.d.ts" />
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
// Registering the worker's message handler makes pdf.js run it in this thread instead of fetching a worker.
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { fontNameIsBold } from '../../../shared/extract/pdf-font-weight';
import { layoutPages, type LayoutItem, type LayoutPage } from '../../../shared/extract/pdf-layout';
import type { ExtractResult } from '../../../shared/extract/types';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= pdfjsWorker;

/** What pdf.js asks for while reading: a CMap (`*.bcmap`) or a standard font file. */
export type PdfAssetKind = 'cMapUrl' | 'standardFontDataUrl';
export type ReadPdfAsset = (kind: PdfAssetKind, filename: string) => Promise<Uint8Array>;

/**
 * The app's copies, bundled by Vite: it turns this `new URL` pattern into one
 * asset per file under node_modules/pdfjs-dist, served from the app itself.
 */
function bundledAssetUrl(kind: PdfAssetKind, filename: string): URL {
  return kind === 'cMapUrl'
    ? new URL(`../../../node_modules/pdfjs-dist/cmaps/${filename}`, import.meta.url)
    : new URL(`../../../node_modules/pdfjs-dist/standard_fonts/${filename}`, import.meta.url);
}

export const readBundledAsset: ReadPdfAsset = async (kind, filename) => {
  const response = await fetch(bundledAssetUrl(kind, filename));
  if (!response.ok) throw new Error(`${filename}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
};

/** pdf.js's factory interface for binary data, answered by `read` (its DOM one needs a document). */
function binaryDataFactory(read: ReadPdfAsset) {
  return class {
    fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      if (kind !== 'cMapUrl' && kind !== 'standardFontDataUrl') {
        return Promise.reject(new Error(`pdf.js asked for ${kind}, which the app does not bundle`));
      }
      return read(kind, filename);
    }
  };
}

/**
 * How pdf.js is opened here (and by the bench's baseline): no eval, no wasm,
 * no fetch, no system or web fonts, the CMaps and standard fonts from `read`.
 */
export function documentOptions(data: Uint8Array, read: ReadPdfAsset) {
  return {
    data,
    isEvalSupported: false,
    useWorkerFetch: false,
    useWasm: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    // Placeholders: every request goes to the factory below, never to a URL.
    cMapUrl: 'bundled:/cmaps/',
    cMapPacked: true,
    standardFontDataUrl: 'bundled:/standard_fonts/',
    BinaryDataFactory: binaryDataFactory(read),
    verbosity: 0,
  } as Parameters<typeof pdfjs.getDocument>[0];
}

export async function extractPdf(
  bytes: Uint8Array,
  readAsset: ReadPdfAsset = readBundledAsset,
): Promise<ExtractResult> {
  // pdf.js takes ownership of (detaches) the buffer it is given.
  const task = pdfjs.getDocument(documentOptions(bytes.slice(), readAsset));
  let document: pdfjs.PDFDocumentProxy;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    return refusal(error);
  }
  try {
    const pages: LayoutPage[] = [];
    const bold = new Map<string, boolean>();
    for (let number = 1; number <= document.numPages; number++) {
      pages.push(await readPage(await document.getPage(number), bold));
    }
    if (pages.every((page) => page.items.length === 0)) {
      return {
        ok: false,
        code: 'scanned',
        detail: `${document.numPages} page(s), none with a text layer`,
      };
    }
    const value = layoutPages(pages);
    const info = await document.getMetadata().catch(() => null);
    const title = (info?.info as { Title?: unknown } | undefined)?.Title;
    if (typeof title === 'string' && title.trim() !== '') value.meta.title = title.trim();
    return { ok: true, value };
  } catch (error) {
    return refusal(error);
  } finally {
    await task.destroy();
  }
}

async function readPage(page: pdfjs.PDFPageProxy, bold: Map<string, boolean>): Promise<LayoutPage> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  await learnFontWeights(page, content.items, bold);
  const items: LayoutItem[] = [];
  for (const raw of content.items) {
    if (!('str' in raw)) continue;
    const item = raw as TextItem;
    if (item.str.trim() === '' || content.styles[item.fontName]?.vertical) continue;
    // Into the page's y-down space, with the crop box and page rotation applied.
    const [a, b, c, d, e, f] = pdfjs.Util.transform(viewport.transform, item.transform);
    const size = Math.hypot(c, d);
    // Horizontal, left-to-right text only: rotated runs (margin notes, stamps) are left out.
    if (size === 0 || Math.abs(b) > 0.01 * size || a <= 0) continue;
    items.push({
      str: item.str,
      x: e,
      y: f,
      width: item.width,
      size,
      fontName: item.fontName,
      bold: bold.get(item.fontName) === true,
    });
  }
  page.cleanup();
  return { width: viewport.width, height: viewport.height, items };
}

/**
 * Text content names each item's font but not its weight; the font objects,
 * with their PostScript names, reach this thread only with a page's operator
 * list. That costs about half as much again as the text content, so it is
 * asked only of a page that uses a font no earlier page did: fonts are
 * shared by the whole document, and most PDFs bring theirs on the first pages.
 */
async function learnFontWeights(
  page: pdfjs.PDFPageProxy,
  items: readonly unknown[],
  bold: Map<string, boolean>,
): Promise<void> {
  const unknown = new Set<string>();
  for (const item of items as TextItem[]) {
    if (typeof item.fontName === 'string' && !bold.has(item.fontName)) unknown.add(item.fontName);
  }
  if (unknown.size === 0) return;
  const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  // Only fonts the operator list sets were sent over: waiting for any other would never end.
  const sent = new Set<string>();
  ops.fnArray.forEach((fn, i) => {
    const name = (ops.argsArray[i] as unknown[] | null)?.[0];
    if (fn === pdfjs.OPS.setFont && typeof name === 'string' && unknown.has(name)) sent.add(name);
  });
  await Promise.all(
    [...sent].map(
      (name) =>
        new Promise<void>((resolve) => {
          page.commonObjs.get(name, (font: unknown) => {
            // A font pdf.js could not load arrives as its error message.
            const face =
              typeof font === 'object' ? (font as { name?: string; bold?: boolean }) : {};
            bold.set(name, face.bold === true || fontNameIsBold(face.name));
            resolve();
          });
        }),
    ),
  );
  for (const name of unknown) if (!bold.has(name)) bold.set(name, false);
}

function refusal(error: unknown): ExtractResult {
  const name = (error as { name?: unknown } | null)?.name;
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return { ok: false, code: 'encrypted', detail };
  return { ok: false, code: 'damaged', detail };
}
