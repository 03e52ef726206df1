import type { ReactNode } from 'react';
import type { ClaimCandidate } from '../../shared/claims/detect';
import { useI18n } from '../i18n/i18n';
import { SuggestionPanel } from './SuggestionPanel';
import './claims.css';

interface Props {
  docId: string | null;
  side: 'annotations' | 'suggestions';
  onSide(side: 'annotations' | 'suggestions'): void;
  annotationCount: number;
  suggestions: readonly ClaimCandidate[];
  suggestionsOn: boolean;
  current: ClaimCandidate | null;
  onShow(c: ClaimCandidate): void;
  onAccept(c: ClaimCandidate): void;
  onDismiss(c: ClaimCandidate): void;
  /** The annotation panel, shown under its tab. */
  annotations: ReactNode;
}

/** The right-hand column: the document's annotations, or the claims suggested in it. */
export function SidePanel(props: Props) {
  const { t } = useI18n();
  const tab = (id: Props['side'], label: string, count: number) => (
    <button
      role="tab"
      aria-selected={props.side === id}
      className={props.side === id ? 'side-tab active' : 'side-tab'}
      onClick={() => props.onSide(id)}
    >
      {label} <span className="count">{count}</span>
    </button>
  );
  return (
    <div className="side-panel">
      <div className="side-tabs" role="tablist">
        {tab('annotations', t('annotations'), props.annotationCount)}
        {tab('suggestions', t('suggestions'), props.suggestionsOn ? props.suggestions.length : 0)}
      </div>
      {props.side === 'annotations' ? (
        props.annotations
      ) : (
        <SuggestionPanel
          docId={props.docId}
          enabled={props.suggestionsOn}
          suggestions={props.suggestions}
          current={props.current}
          onShow={props.onShow}
          onAccept={props.onAccept}
          onDismiss={props.onDismiss}
        />
      )}
    </div>
  );
}
