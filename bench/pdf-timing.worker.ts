/**
 * A dedicated worker that times one PDF read (bundled at bench time by
 * import-pdf.ts): pdf.js's own getTextContent over every page, the baseline,
 * or the app's extractPdf. Both run pdf.js's worker code in this thread, as
 * the app's decode worker does (importing ../renderer/library/extract/pdf.ts
 * registers it), with the same getDocument options: only what is done with
 * the pages differs. The bytes are fetched before the clock starts.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { documentOptions, extractPdf, type ReadPdfAsset } from '../renderer/library/extract/pdf';

export interface PdfTimingRequest {
  mode: 'textContent' | 'extract';
  url: string;
}

export interface PdfTimingResult {
  /** pdf.js's worker code, loaded here, greets the page too ("ready"): this tells the replies apart. */
  kind: 'pdf-timing';
  ms: number;
  /** Text items (textContent) or UTF-16 units of the reading text (extract). */
  size: number;
  /** CMaps and standard fonts pdf.js asked for: the bundled PDF needs none. */
  assets: string[];
  text?: string;
  /** Each heading as its line and level. */
  outline?: [string, number][];
  pages?: number;
  error?: string;
}

const asked: string[] = [];
const readAsset: ReadPdfAsset = (kind, filename) => {
  asked.push(`${kind}:${filename}`);
  return Promise.reject(new Error(`the bench serves no ${kind} (${filename})`));
};

async function textContent(bytes: Uint8Array): Promise<number> {
  const task = pdfjs.getDocument(documentOptions(bytes, readAsset));
  const doc = await task.promise;
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    items += (await page.getTextContent()).items.length;
    page.cleanup();
  }
  await task.destroy();
  return items;
}

self.onmessage = async (event: MessageEvent<PdfTimingRequest>) => {
  const { mode, url } = event.data;
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const t0 = performance.now();
  let reply: PdfTimingResult;
  if (mode === 'textContent') {
    const items = await textContent(bytes);
    reply = { kind: 'pdf-timing', ms: performance.now() - t0, size: items, assets: asked };
  } else {
    const result = await extractPdf(bytes, readAsset);
    const ms = performance.now() - t0;
    reply = result.ok
      ? {
          kind: 'pdf-timing',
          ms,
          size: result.value.text.length,
          assets: asked,
          text: result.value.text,
          outline: result.value.headings.map((h) => [
            result.value.text.slice(h.start).split('\n')[0] ?? '',
            h.level,
          ]),
          pages: result.value.pages?.length ?? 0,
        }
      : {
          kind: 'pdf-timing',
          ms,
          size: 0,
          assets: asked,
          error: `${result.code}: ${result.detail ?? ''}`,
        };
  }
  self.postMessage(reply);
};
