import { useLive } from '../db/live';
import { useEffect, useRef, useState } from 'react';
import type { LibraryHit } from '../../shared/find';
import { db } from '../db/instance';
import { useDocuments } from '../db/hooks';
import { useI18n } from '../i18n/i18n';
import { createLibrarySearch, type LibrarySearch } from './library-search';

/** Hits drawn per document before "more". */
const SHOWN = 5;

export type SearchTarget =
  { docId: string; start: number; end: number } | { docId: string; annotationId: string };

interface Props {
  onChoose(target: SearchTarget): void;
  onClose(): void;
}

/**
 * Search every document's text and every annotation's quote and note, off the
 * UI thread. Results are grouped by document with a line of context.
 */
export function LibrarySearchPanel({ onChoose, onClose }: Props) {
  const { t } = useI18n();
  const docs = useDocuments();
  const [search, setSearch] = useState<LibrarySearch | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<LibraryHit[]>([]);
  // A common word matches thousands of times: draw a few per document until asked.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [ready, setReady] = useState(false);

  // Made and disposed in one effect, so React's double mount in development keeps a live one.
  useEffect(() => {
    const created = createLibrarySearch();
    setSearch(created);
    return () => created.dispose();
  }, []);
  const annotations = useLive(() => db.annotations.toArray(), []);
  useEffect(() => {
    if (!search || !annotations) return;
    search.setAnnotations(
      annotations.map((a) => ({ id: a.id, docId: a.docId, quote: a.quote, note: a.note })),
    );
  }, [annotations, search]);
  useEffect(() => input.current?.focus(), []);

  // The texts are read once when the panel opens (and again if the library changes).
  const docKey = docs ? docs.map((d) => `${d.id}:${d.sha256}`).join() : null;
  useEffect(() => {
    // Wait for the document list: reading 20 MB of text twice would double the first wait.
    if (!search || docKey === null) return;
    let cancelled = false;
    db.texts.toArray().then(
      (texts) => {
        if (cancelled) return;
        search.setDocuments(texts.map((x) => ({ docId: x.docId, text: x.text })));
        setReady(true);
      },
      () => setReady(false),
    );
    return () => {
      cancelled = true;
    };
  }, [docKey, search]);

  useEffect(() => {
    setExpanded(new Set());
    if (!search || !ready || !query) return setHits([]);
    let current = true;
    void search.search(query).then((found) => current && setHits(found));
    return () => {
      current = false;
    };
  }, [query, ready, search]);

  const titles = new Map((docs ?? []).map((d) => [d.id, d.title]));
  const groups = new Map<string, LibraryHit[]>();
  for (const hit of hits) groups.set(hit.docId, [...(groups.get(hit.docId) ?? []), hit]);

  return (
    <section className="library-search" role="search" aria-label={t('searchLibrary')}>
      <div className="pane-header">
        <h2>{t('searchLibrary')}</h2>
        <button className="icon-button" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </div>
      <input
        ref={input}
        type="search"
        className="library-search-input"
        aria-label={t('searchLibrary')}
        placeholder={t('searchLibraryPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      />
      {query && ready && (
        <p className="hint" aria-live="polite">
          {t('searchResults', { n: hits.length, docs: groups.size })}
        </p>
      )}
      <ul className="search-results" aria-label={t('searchResultsLabel')}>
        {[...groups].map(([docId, list]) => (
          <li key={docId}>
            <h3 className="search-doc">{titles.get(docId) ?? docId}</h3>
            <ul>
              {(expanded.has(docId) ? list : list.slice(0, SHOWN)).map((hit, i) => (
                <li key={`${hit.kind}:${hit.annotationId ?? ''}:${hit.start}:${i}`}>
                  <button
                    className="search-hit"
                    onClick={() =>
                      onChoose(
                        hit.annotationId
                          ? { docId, annotationId: hit.annotationId }
                          : { docId, start: hit.start, end: hit.end },
                      )
                    }
                  >
                    {hit.kind !== 'text' && (
                      <span className="hit-kind">{t(`hit_${hit.kind}`)}</span>
                    )}
                    <Context hit={hit} />
                  </button>
                </li>
              ))}
            </ul>
            {list.length > SHOWN && !expanded.has(docId) && (
              <button
                className="link-button more-hits"
                onClick={() => setExpanded((set) => new Set(set).add(docId))}
              >
                {t('moreHits', { n: list.length - SHOWN })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Context({ hit }: { hit: LibraryHit }) {
  const at = hit.contextStart ?? 0;
  const length = hit.end - hit.start;
  return (
    <span className="hit-context">
      {hit.context.slice(0, at)}
      <mark>{hit.context.slice(at, at + length)}</mark>
      {hit.context.slice(at + length)}
    </span>
  );
}
