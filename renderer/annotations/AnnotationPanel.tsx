import { useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, Category } from '../../shared/types';
import { useSpeakers } from '../db/hooks';
import { useI18n } from '../i18n/i18n';
import { AnnotationRows, type RowActions } from './AnnotationRows';
import { OrphanList } from './OrphanList';
import './annotations.css';

interface Props extends RowActions {
  annotations: readonly Annotation[] | undefined;
  /** How many there are while their records load (the spans record knows). */
  expected?: number | undefined;
  orphans: readonly Annotation[];
  onReattach(a: Annotation): void;
  categories: readonly Category[];
  activeId: string | null;
}

/**
 * The open document's annotations, in text order. The count follows each key
 * press at once; the rows follow in the frames after (a deferred value), so a
 * new highlight is painted before its row and editor are built.
 */
export function AnnotationPanel(props: Props) {
  const { annotations, expected, orphans, onReattach, categories, activeId, ...actions } = props;
  const { t } = useI18n();
  // State, not a ref: the rows are drawn once the panel they scroll in exists.
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const rows = useDeferredValue(annotations);
  const rowsActive = useDeferredValue(activeId);
  // The rows get the same functions on every render, calling the newest actions.
  const latest = useRef(actions);
  useLayoutEffect(() => {
    latest.current = actions;
  });
  const stable = useMemo<RowActions>(
    () => ({
      onSelect: (a) => latest.current.onSelect(a),
      onDeselect: () => latest.current.onDeselect(),
      onEdit: (a, patch, mergeKey, expected) => latest.current.onEdit(a, patch, mergeKey, expected),
      onEditDone: () => latest.current.onEditDone(),
      onToggleCategory: (a, id) => latest.current.onToggleCategory(a, id),
      onDelete: (a) => latest.current.onDelete(a),
    }),
    [],
  );

  return (
    <aside className="annotations" role="region" aria-label={t('annotations')} ref={setScroller}>
      <div className="pane-header">
        <h2>{t('annotations')}</h2>
        {(annotations ?? expected) !== undefined && (
          <span className="count" data-testid="annotation-count">
            {annotations?.length ?? expected}
          </span>
        )}
      </div>
      <SpeakerSuggestions />
      <OrphanList orphans={orphans} onReattach={onReattach} onDelete={stable.onDelete} />
      {annotations && annotations.length === 0 && orphans.length === 0 && (
        <p className="hint">{t('noAnnotations')}</p>
      )}
      <AnnotationRows
        list={rows ?? EMPTY}
        activeId={rowsActive}
        categories={categories}
        scroller={scroller}
        actions={stable}
      />
    </aside>
  );
}

const EMPTY: readonly Annotation[] = [];

/** Names already used as speakers, offered while typing one. */
function SpeakerSuggestions() {
  const speakers = useSpeakers() ?? [];
  return (
    <datalist id="claimmark-speakers">
      {speakers.map((s) => (
        <option key={s} value={s} />
      ))}
    </datalist>
  );
}
