import { detectClaims, type ClaimCandidate } from '../../shared/claims/detect';
import { afterFirstDocument } from '../app/first-document';
import { START_WAIT_MS } from '../db/hooks';
import { afterPaint } from '../ui/after-paint';
import { workerClient } from '../worker-client';

/** Above this many UTF-16 units detection moves off the UI thread (about 1 MB of Chinese). */
export const DETECT_IN_WORKER = 350_000;

const inWorker = workerClient<{ text: string }, ClaimCandidate[]>(
  () => new Worker(new URL('./detect.worker.ts', import.meta.url), { type: 'module' }),
  'detection stopped',
);

/**
 * The candidates of `text`: inline for short texts, in a worker for long ones.
 * Either way after the text is painted: asked as a document opens, inline
 * detection ran inside the frame that first showed it (28 ms of a start, in a
 * CPU profile), and the copy of 10 MB into the worker took 10 ms of that
 * frame. Inline detection also waits, at a start, for the first document to
 * be shown and counted.
 */
export async function detectClaimsAsync(text: string): Promise<ClaimCandidate[]> {
  const inline = text.length < DETECT_IN_WORKER || typeof Worker === 'undefined';
  if (inline) await new Promise<void>((resolve) => afterFirstDocument(resolve, START_WAIT_MS));
  await afterPaint();
  return inline ? detectClaims(text) : inWorker({ text });
}
