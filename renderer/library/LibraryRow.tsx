import { useRef, type Ref } from 'react';
import type { DocumentRecord } from '../../shared/types';
import { ENCODING_NAMES } from '../../shared/types';
import { useAnnotationCount } from '../db/hooks';
import { useOpenCount } from '../db/open-count';
import { useI18n } from '../i18n/i18n';
import { formatCount, formatDay } from '../i18n/format';

/** The format's usual name, the same in every language. */
const FORMAT_BADGES = { pdf: 'PDF', docx: 'DOCX', html: 'HTML' } as const;

interface Props {
  ref: Ref<HTMLLIElement>;
  doc: DocumentRecord;
  /** Position in the whole (sorted) library; only the rows on screen are rendered. */
  index: number;
  setSize: number;
  offset: number;
  current: boolean;
  renaming: boolean;
  onOpen(): void;
  onStartRename(): void;
  onRename(title: string): void;
  onCancelRename(): void;
  /** `count` is the number shown, undefined while it is read. */
  onDelete(count: number | undefined): void;
}

/** One document of the library: open it, rename it or delete it. */
export function LibraryRow(props: Props) {
  const { doc, current, renaming } = props;
  const { t, language } = useI18n();
  // The open document's count comes from the model its panel shows; the
  // stored one is read only for the others (and, once it closes, replaces the
  // last count its model had).
  const open = useOpenCount(doc.id);
  const stored = useAnnotationCount(doc.id, open === undefined);
  const lastOpen = useRef<number | undefined>(undefined);
  if (open !== undefined) lastOpen.current = open;
  else if (stored !== undefined) lastOpen.current = undefined;
  const count = open ?? stored ?? lastOpen.current;
  const locale = language === 'zh' ? 'zh-CN' : 'en';

  return (
    <li
      ref={props.ref}
      data-index={props.index}
      data-doc={doc.id}
      aria-posinset={props.index + 1}
      aria-setsize={props.setSize}
      className={current ? 'doc current' : 'doc'}
      aria-current={current}
      style={{ transform: `translateY(${props.offset}px)` }}
    >
      {renaming ? (
        <input
          className="rename"
          aria-label={t('documentTitle')}
          defaultValue={doc.title}
          autoFocus
          onKeyDown={(e) => {
            if (e.key === 'Enter') props.onRename(e.currentTarget.value);
            if (e.key === 'Escape') props.onCancelRename();
          }}
          onBlur={(e) => props.onRename(e.currentTarget.value)}
        />
      ) : (
        <button className="doc-open" onClick={props.onOpen} title={doc.title}>
          <span className="doc-title">
            {doc.format && doc.format !== 'text' ? (
              <span className="doc-format" data-format={doc.format}>
                {FORMAT_BADGES[doc.format]}
              </span>
            ) : null}
            {doc.title}
          </span>
          <span className="doc-meta">
            {doc.fileName} ·{' '}
            {doc.format && doc.format !== 'text' ? '' : `${ENCODING_NAMES[doc.encoding]} · `}
            {t('chars', { n: formatCount(doc.length, locale) })}
          </span>
          <span className="doc-meta">
            {/* Until it is read, the line keeps its place without a number that may be wrong. */}
            <span className="doc-count" aria-busy={count === undefined}>
              {count === undefined
                ? '…'
                : count === 1
                  ? t('annotationCountOne')
                  : t('annotationCount', { n: count })}
            </span>{' '}
            · {formatDay(doc.addedAt, locale)}
          </span>
        </button>
      )}
      <div className="doc-actions">
        <button
          className="icon-button"
          aria-label={`${t('renameDocument')}: ${doc.title}`}
          title={t('rename')}
          onClick={props.onStartRename}
        >
          ✎
        </button>
        <button
          className="icon-button"
          aria-label={`${t('deleteDocument')}: ${doc.title}`}
          title={t('delete')}
          onClick={() => props.onDelete(count)}
        >
          ✕
        </button>
      </div>
    </li>
  );
}
