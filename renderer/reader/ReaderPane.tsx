import type { ReactNode, RefObject } from 'react';
import type { ClaimCandidate } from '../../shared/claims/detect';
import type { Category, DocumentRecord, Encoding } from '../../shared/types';
import type { Span } from '../db/spans';
import { CategoryBar } from '../codebook/CategoryBar';
import { useI18n } from '../i18n/i18n';
import { DocumentHeader } from './DocumentHeader';
import type { LineStyles } from './headings';
import { Reader, type ReaderHandle } from './Reader';

interface Props {
  doc: DocumentRecord | null;
  text: string | null | undefined;
  /** The head of a long text, shown while `text` is read (undefined: not read yet). */
  head: string | null | undefined;
  annotations: readonly Span[] | undefined;
  categories: readonly Category[];
  activeId: string | null;
  /** Suggested claims to underline. */
  suggestions: readonly ClaimCandidate[];
  lineStyles: LineStyles;
  reader: RefObject<ReaderHandle | null>;
  onActivate(id: string | null): void;
  onTag(index: number): void;
  onEditCodebook(): void;
  onReopen(encoding: Encoding): void;
  onReflow(on: boolean): void;
  onReplace(): void;
  /** Shown between the category bar and the text while finding. */
  findBar: ReactNode;
}

/** The middle column: the open document with its details and the category bar. */
export function ReaderPane(props: Props) {
  const { doc, annotations, categories, activeId, reader } = props;
  const text = props.text === undefined ? props.head : props.text;
  const { t } = useI18n();
  const bar = (
    <CategoryBar categories={categories} onTag={props.onTag} onEdit={props.onEditCodebook} />
  );
  return (
    <main className="reader-pane" role="region" aria-label={t('reader')}>
      {doc && typeof text === 'string' ? (
        <>
          <DocumentHeader
            doc={doc}
            annotationCount={annotations?.length ?? 0}
            onReopen={props.onReopen}
            onReflow={props.onReflow}
            onReplace={props.onReplace}
          />
          {bar}
          {props.findBar}
          <Reader
            handle={reader}
            docId={doc.id}
            text={text}
            whole={typeof props.text === 'string'}
            annotations={annotations ?? []}
            categories={categories}
            activeId={activeId}
            suggestions={props.suggestions}
            lineStyles={props.lineStyles}
            onActivate={props.onActivate}
          />
        </>
      ) : (
        <div className="empty-state reader-empty">
          <h3>{t('noDocumentTitle')}</h3>
          <p>{t('noDocumentBody')}</p>
          {bar}
        </div>
      )}
    </main>
  );
}
