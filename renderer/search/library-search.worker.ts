/**
 * The library search worker: a SearchEngine reading the library from
 * IndexedDB itself, so no text crosses from the window, and folding and
 * scanning never hold up its thread.
 */
import { createRequestHandler } from './request-handler';
import type { EngineRequest } from './search-protocol';

// Only wire the message loop when loaded as a worker (tests use createRequestHandler).
if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
  const { handle } = createRequestHandler((reply) => self.postMessage(reply));
  self.onmessage = (event: MessageEvent<EngineRequest>) => handle(event.data);
}
