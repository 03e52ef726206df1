import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { findAll } from '../../shared/find';
import { useI18n } from '../i18n/i18n';
import type { ReaderHandle } from './Reader';

interface Props {
  text: string;
  reader: RefObject<ReaderHandle | null>;
  onClose(): void;
}

/**
 * Find in the document: Chinese without word boundaries, Latin without case,
 * full- and half-width forms alike. Escape closes the bar and leaves the
 * current match selected, ready to be tagged with a category key.
 */
export function FindBar({ text, reader, onClose }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const matches = useMemo(() => (query ? findAll(text, query) : []), [text, query]);

  useEffect(() => input.current?.focus(), []);
  // Only a new query or a step moves the selection to a match; clicking
  // elsewhere in the reader while the bar is open must not snap back.
  useEffect(() => {
    reader.current?.showMatches(matches, Math.min(current, matches.length - 1));
  }, [matches, current, reader]);
  useEffect(() => {
    const handle = reader;
    return () => handle.current?.showMatches([], -1);
  }, [reader]);

  const move = (by: 1 | -1) =>
    matches.length && setCurrent((c) => (c + by + matches.length) % matches.length);
  const close = () => {
    onClose();
    reader.current?.focus();
  };

  return (
    <div className="find-bar" role="search" aria-label={t('findInDocument')}>
      <input
        ref={input}
        type="search"
        aria-label={t('findInDocument')}
        placeholder={t('findInDocument')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setCurrent(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            move(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      />
      <span className="find-count" aria-live="polite">
        {query
          ? matches.length
            ? t('matchOf', { n: Math.min(current, matches.length - 1) + 1, total: matches.length })
            : t('noMatches')
          : ''}
      </span>
      <button className="icon-button" aria-label={t('previousMatch')} onClick={() => move(-1)}>
        ↑
      </button>
      <button className="icon-button" aria-label={t('nextMatch')} onClick={() => move(1)}>
        ↓
      </button>
      <button className="icon-button" aria-label={t('close')} onClick={close}>
        ×
      </button>
    </div>
  );
}
