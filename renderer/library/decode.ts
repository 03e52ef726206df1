import { detectFormat } from '../../shared/extract/detect';
import type { Encoding } from '../../shared/types';
import { workerClient } from '../worker-client';
import type { DecodeJobResult } from './decode-job';

/** Above this size decoding moves off the UI thread so the window stays responsive. */
const WORKER_THRESHOLD = 1024 * 1024;

// The bytes are copied, not transferred: the caller still stores them.
const inWorker = workerClient<
  { bytes: Uint8Array; forced?: Encoding; reflowMode: 'auto' | 'on' | 'off'; name?: string },
  DecodeJobResult
>(
  () => new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' }),
  'The decoder stopped unexpectedly.',
);

/**
 * Big text files are decoded in a worker, PDFs always (pdf.js is heavy).
 * Word files and web pages are read here, on the page: they need a
 * `DOMParser`, which workers lack. `name` breaks the ties the bytes leave
 * open (an HTML file is text too).
 */
export function decodeFile(
  bytes: Uint8Array,
  forced?: Encoding,
  reflowMode: 'auto' | 'on' | 'off' = 'auto',
  name = '',
): Promise<DecodeJobResult> {
  const format = forced ? 'text' : detectFormat(bytes, name);
  const big = bytes.length >= WORKER_THRESHOLD || format === 'pdf';
  const onPage = format === 'docx' || format === 'html' || format === 'mhtml';
  if (!big || onPage || typeof Worker === 'undefined') {
    // The decoders (chardet, the reflow check) load with the first file, not with the window.
    return import('./decode-job').then((job) => job.runDecodeJob(bytes, forced, reflowMode, name));
  }
  return inWorker({ bytes, reflowMode, ...(forced ? { forced } : {}), ...(name ? { name } : {}) });
}
