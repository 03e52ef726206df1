import type { Encoding } from '../../shared/types';
import { workerClient } from '../worker-client';
import { runDecodeJob, type DecodeJobResult } from './decode-job';

/** Above this size decoding moves off the UI thread so the window stays responsive. */
const WORKER_THRESHOLD = 1024 * 1024;

// The bytes are copied, not transferred: the caller still stores them.
const inWorker = workerClient<
  { bytes: Uint8Array; forced?: Encoding; reflowMode: 'auto' | 'on' | 'off' },
  DecodeJobResult
>(
  () => new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' }),
  'The decoder stopped unexpectedly.',
);

export function decodeFile(
  bytes: Uint8Array,
  forced?: Encoding,
  reflowMode: 'auto' | 'on' | 'off' = 'auto',
): Promise<DecodeJobResult> {
  if (bytes.length < WORKER_THRESHOLD || typeof Worker === 'undefined') {
    return runDecodeJob(bytes, forced, reflowMode);
  }
  return inWorker({ bytes, reflowMode, ...(forced ? { forced } : {}) });
}
