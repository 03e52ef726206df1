import { detectFormat } from '../../shared/extract/detect';
import type { Encoding } from '../../shared/types';
import { workerClient } from '../worker-client';
import type { DecodeJobResult, DecodeRequest } from './decode-job';

/** Above this size decoding moves off the UI thread so the window stays responsive. */
const WORKER_THRESHOLD = 1024 * 1024;

/**
 * The bytes are moved to the worker and back (the result's `bytes`), not
 * copied each way: 10 MB cost the page 20 ms to copy. Only a view of a whole
 * buffer moves; a view of part of one would take the rest with it.
 */
const inWorker = workerClient<DecodeRequest, DecodeJobResult>(
  () => new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' }),
  'The decoder stopped unexpectedly.',
  ({ bytes }) =>
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
      ? [bytes.buffer]
      : [],
);

/**
 * Starts the decoder's worker while the user is still choosing files (the
 * dialog is open, files are dragged over the window): a 10 MB import waited
 * 50 ms for the worker's script before its decoding began.
 */
export function warmDecoder(): void {
  if (typeof Worker !== 'undefined') inWorker.warm();
}

/**
 * Big text files are decoded in a worker, PDFs always (pdf.js is heavy).
 * Word files and web pages are read here, on the page: they need a
 * `DOMParser`, which workers lack. `name` breaks the ties the bytes leave
 * open (an HTML file is text too). The bytes given may be moved away: store
 * the result's `bytes`.
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
