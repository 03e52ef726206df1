import type { Encoding } from '../../shared/types';
import { runDecodeJob, type DecodeJobResult } from './decode-job';

/** Above this size decoding moves off the UI thread so the window stays responsive. */
const WORKER_THRESHOLD = 1024 * 1024;

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve(r: DecodeJobResult): void; reject(e: Error): void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; result: DecodeJobResult }>) => {
      pending.get(event.data.id)?.resolve(event.data.result);
      pending.delete(event.data.id);
    };
    // A crashed worker (out of memory on a huge file) must not leave imports hanging.
    worker.onerror = (event) => {
      event.preventDefault();
      for (const job of pending.values())
        job.reject(new Error(event.message || 'The decoder stopped unexpectedly.'));
      pending.clear();
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

export function decodeFile(
  bytes: Uint8Array,
  forced?: Encoding,
  reflowMode: 'auto' | 'on' | 'off' = 'auto',
): Promise<DecodeJobResult> {
  if (bytes.length < WORKER_THRESHOLD || typeof Worker === 'undefined') {
    return runDecodeJob(bytes, forced, reflowMode);
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // The bytes are copied, not transferred: the caller still stores them.
    getWorker().postMessage({ id, bytes, forced, reflowMode });
  });
}
