/** The search engine's message loop: in the worker, and inline where there is none. */
import { SearchEngine, type EngineOptions } from './search-engine';
import type { EngineReply, EngineRequest } from './search-protocol';

export function createRequestHandler(
  send: (reply: EngineReply) => void,
  options?: EngineOptions,
): { handle(request: EngineRequest): void; close(): void } {
  let engine: SearchEngine | null = null;
  return {
    handle(request) {
      switch (request.type) {
        case 'open':
          engine ??= new SearchEngine(request.dbName, send, options);
          // A failure here shows at the first search, which opens again.
          engine.warm().catch(() => {});
          return;
        case 'head':
          engine?.readHead().catch(() => {});
          return;
        case 'search':
          if (!engine) throw new Error('library search: a search before open');
          engine.search(request);
          return;
        case 'prepare':
          void engine?.prepare();
          return;
        case 'stop':
          engine?.stop();
          return;
      }
    },
    close() {
      engine?.close();
      engine = null;
    },
  };
}
