import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_LIMIT_PER_DOC } from '../../shared/find';
import { useDocuments } from '../db/hooks';
import { useI18n } from '../i18n/i18n';
import { DocumentHits, type SearchTarget } from './DocumentHits';
import { groupHits, type HitGroups } from './group-hits';
import { librarySearch } from './instance';
import type { SearchProgress } from './library-search';

export type { SearchTarget };

interface Props {
  onChoose(target: SearchTarget): void;
  onClose(): void;
}

/**
 * Search every document's text and every annotation's quote and note, off the
 * UI thread. Results are grouped by document with a line of context, and
 * shown as the documents are searched ("Searching… 40 of 200 documents")
 * until the count of all of them.
 */
export function LibrarySearchPanel({ onChoose, onClose }: Props) {
  const { t } = useI18n();
  const docs = useDocuments();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState<(SearchProgress & { query: string }) | null>(null);
  // A common word matches thousands of times: draw a few per document until asked.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => input.current?.focus(), []);
  // Open: the library is read while the query is typed. Closed: the engine
  // keeps what it read, but stops searching for this panel.
  useEffect(() => {
    librarySearch().prepare();
    return () => librarySearch().stop();
  }, []);

  useEffect(() => {
    setExpanded(new Set());
    if (!query) {
      librarySearch().stop();
      setShown(null);
      return;
    }
    let current = true;
    void librarySearch().search(
      query,
      DEFAULT_LIMIT_PER_DOC,
      (progress) => current && setShown({ ...progress, query }),
    );
    return () => {
      current = false;
    };
  }, [query]);

  const previous = useRef<HitGroups | undefined>(undefined);
  const groups = useMemo(() => {
    previous.current = groupHits(shown?.hits ?? [], previous.current);
    return previous.current;
  }, [shown]);

  const choose = useRef(onChoose);
  choose.current = onChoose;
  const onChooseHit = useCallback((target: SearchTarget) => choose.current(target), []);
  const onExpand = useCallback(
    (docId: string) => setExpanded((set) => new Set(set).add(docId)),
    [],
  );

  const titles = new Map((docs ?? []).map((d) => [d.id, d.title]));
  const done = shown !== null && shown.query === query && shown.done;
  let status: string | null = null;
  if (query && done) {
    status = shown.failed
      ? t('searchFailed')
      : t('searchResults', { n: shown.hits.length, docs: groups.size });
  } else if (query) {
    status =
      shown?.query === query && shown.total > 0
        ? t('searchProgress', { n: shown.searched, total: shown.total })
        : t('searching');
  }

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
      {status && (
        // Busy while searching: a screen reader says the count once, not every step.
        <p className="hint" aria-live="polite" aria-busy={!done}>
          {status}
        </p>
      )}
      <ul className="search-results" aria-label={t('searchResultsLabel')}>
        {[...groups].map(([docId, hits]) => (
          <DocumentHits
            key={docId}
            docId={docId}
            title={titles.get(docId) ?? docId}
            hits={hits}
            expanded={expanded.has(docId)}
            onExpand={onExpand}
            onChoose={onChooseHit}
          />
        ))}
      </ul>
    </section>
  );
}
