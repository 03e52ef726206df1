import { detectClaims, type ClaimCandidate } from '../../shared/claims/detect';
import { workerClient } from '../worker-client';

/** Above this many UTF-16 units detection moves off the UI thread (about 1 MB of Chinese). */
export const DETECT_IN_WORKER = 350_000;

const inWorker = workerClient<{ text: string }, ClaimCandidate[]>(
  () => new Worker(new URL('./detect.worker.ts', import.meta.url), { type: 'module' }),
  'detection stopped',
);

/** The candidates of `text`: inline for short texts, in a worker for long ones. */
export function detectClaimsAsync(text: string): Promise<ClaimCandidate[]> {
  if (text.length < DETECT_IN_WORKER || typeof Worker === 'undefined') {
    return Promise.resolve(detectClaims(text));
  }
  return inWorker({ text });
}
