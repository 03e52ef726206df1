import { detectClaims, type ClaimCandidate } from '../../shared/claims/detect';

/** Above this many UTF-16 units detection moves off the UI thread (about 1 MB of Chinese). */
export const DETECT_IN_WORKER = 350_000;

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve(c: ClaimCandidate[]): void; reject(e: Error): void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./detect.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; claims: ClaimCandidate[] }>) => {
      pending.get(event.data.id)?.resolve(event.data.claims);
      pending.delete(event.data.id);
    };
    // A crashed worker must not leave the suggestions waiting for ever.
    worker.onerror = (event) => {
      event.preventDefault();
      for (const job of pending.values())
        job.reject(new Error(event.message || 'detection stopped'));
      pending.clear();
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

/** The candidates of `text`: inline for short texts, in a worker for long ones. */
export function detectClaimsAsync(text: string): Promise<ClaimCandidate[]> {
  if (text.length < DETECT_IN_WORKER || typeof Worker === 'undefined') {
    return Promise.resolve(detectClaims(text));
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, text });
  });
}
