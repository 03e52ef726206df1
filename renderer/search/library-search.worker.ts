/**
 * Library search off the UI thread. Keeps one LibraryIndex: the documents'
 * folded texts stay here between queries, so a query costs only the scans.
 * The client (library-search.ts) sends only the documents whose text changed.
 */
import {
  LibraryIndex,
  type LibraryAnnotation,
  type LibraryDoc,
  type LibraryHit,
} from '../../shared/find';

export type SearchRequest =
  /** Texts sent ahead in batches, applied with the next 'documents'. */
  | { type: 'texts'; changed: LibraryDoc[] }
  | { type: 'documents'; order: string[]; changed: LibraryDoc[] }
  | { type: 'annotations'; annotations: LibraryAnnotation[] }
  | { type: 'search'; id: number; query: string; limitPerDoc: number };

export type SearchResponse =
  { id: number; ok: true; hits: LibraryHit[] } | { id: number; ok: false; message: string };

/** The worker's state machine; a search returns the message to post back. */
export function createRequestHandler(
  index = new LibraryIndex(),
): (request: SearchRequest) => SearchResponse | null {
  let staged: LibraryDoc[] = [];
  return (request) => {
    switch (request.type) {
      case 'texts':
        staged.push(...request.changed);
        return null;
      case 'documents':
        index.updateDocuments(request.order, staged.concat(request.changed));
        staged = [];
        return null;
      case 'annotations':
        index.setAnnotations(request.annotations);
        return null;
      case 'search':
        try {
          return {
            id: request.id,
            ok: true,
            hits: index.search(request.query, request.limitPerDoc),
          };
        } catch (e) {
          return { id: request.id, ok: false, message: e instanceof Error ? e.message : String(e) };
        }
    }
  };
}

// Only wire the message loop when loaded as a worker (tests use createRequestHandler).
if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
  const handle = createRequestHandler();
  self.onmessage = (event: MessageEvent<SearchRequest>) => {
    const response = handle(event.data);
    if (response) self.postMessage(response);
  };
}
