import { memo } from 'react';
import type { LibraryHit } from '../../shared/find';
import { useI18n } from '../i18n/i18n';

/** Hits drawn per document before "more". */
const SHOWN = 5;

export type SearchTarget =
  { docId: string; start: number; end: number } | { docId: string; annotationId: string };

interface Props {
  docId: string;
  title: string;
  hits: readonly LibraryHit[];
  expanded: boolean;
  onExpand(docId: string): void;
  onChoose(target: SearchTarget): void;
}

/**
 * One document's hits. Memoised: as results come in, only the documents
 * just searched are drawn, not every one above them again.
 */
export const DocumentHits = memo(function DocumentHits({
  docId,
  title,
  hits,
  expanded,
  onExpand,
  onChoose,
}: Props) {
  const { t } = useI18n();
  return (
    <li>
      <h3 className="search-doc">{title}</h3>
      <ul>
        {(expanded ? hits : hits.slice(0, SHOWN)).map((hit, i) => (
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
              {hit.kind !== 'text' && <span className="hit-kind">{t(`hit_${hit.kind}`)}</span>}
              <Context hit={hit} />
            </button>
          </li>
        ))}
      </ul>
      {hits.length > SHOWN && !expanded && (
        <button className="link-button more-hits" onClick={() => onExpand(docId)}>
          {t('moreHits', { n: hits.length - SHOWN })}
        </button>
      )}
    </li>
  );
});

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
