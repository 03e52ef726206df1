import type { SaveOutcome } from './DraftField';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Annotation, Category } from '../../shared/types';
import { useSpeakers } from '../db/hooks';
import { useI18n } from '../i18n/i18n';
import { AnnotationItem } from './AnnotationItem';
import { OrphanList } from './OrphanList';
import type { AnnotationPatch } from './store';
import './annotations.css';

interface Props {
  annotations: readonly Annotation[] | undefined;
  orphans: readonly Annotation[];
  onReattach(a: Annotation): void;
  categories: readonly Category[];
  activeId: string | null;
  onSelect(a: Annotation): void;
  /** Folds the selected annotation back: nothing is selected any more. */
  onDeselect(): void;
  onEdit(
    a: Annotation,
    patch: AnnotationPatch,
    mergeKey?: string,
    expected?: AnnotationPatch,
  ): void | Promise<SaveOutcome | void>;
  onEditDone(): void;
  onToggleCategory(a: Annotation, categoryId: string): void;
  onDelete(a: Annotation): void;
}

const SUMMARY_HEIGHT = 96;
const EDITOR_HEIGHT = 300;

/**
 * The open document's annotations, in text order. Only the rows on screen are
 * rendered: a document may carry ten thousand annotations. Each row is a short
 * summary; the selected annotation opens into its editor, so rows differ in
 * height and every rendered row is measured.
 */
export function AnnotationPanel(props: Props) {
  const { annotations, orphans, onReattach, categories, activeId, ...actions } = props;
  const { t } = useI18n();
  const scroller = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // Rows are placed relative to the list, which starts below the header and orphans.
  const scrollMargin = listRef.current?.offsetTop ?? 0;
  const list = annotations ?? [];
  const virtualizer = useVirtualizer({
    count: list.length,
    getScrollElement: () => scroller.current,
    // A summary is a quote of up to two lines, the chips and a line of note.
    estimateSize: (index) => (list[index]?.id === activeId ? EDITOR_HEIGHT : SUMMARY_HEIGHT),
    overscan: 4,
    gap: 8,
    scrollMargin,
    // A row scrolled to (the selected one) keeps a little room at the panel's edges.
    scrollPaddingStart: 8,
    scrollPaddingEnd: 8,
    getItemKey: (index) => list[index]?.id ?? index,
  });

  const activeIndex = activeId ? list.findIndex((a) => a.id === activeId) : -1;
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  return (
    <aside className="annotations" role="region" aria-label={t('annotations')} ref={scroller}>
      <div className="pane-header">
        <h2>{t('annotations')}</h2>
        {annotations && (
          <span className="count" data-testid="annotation-count">
            {annotations.length}
          </span>
        )}
      </div>
      <SpeakerSuggestions />
      <OrphanList orphans={orphans} onReattach={onReattach} onDelete={actions.onDelete} />
      {annotations && annotations.length === 0 && orphans.length === 0 && (
        <p className="hint">{t('noAnnotations')}</p>
      )}
      <ol ref={listRef} className="annotation-list" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const a = list[row.index];
          if (!a) return null;
          return (
            <AnnotationItem
              key={a.id}
              ref={virtualizer.measureElement}
              index={row.index}
              setSize={list.length}
              offset={row.start - scrollMargin}
              annotation={a}
              categories={categories}
              active={a.id === activeId}
              onSelect={() => actions.onSelect(a)}
              onCollapse={actions.onDeselect}
              onEdit={(patch, mergeKey, expected) => actions.onEdit(a, patch, mergeKey, expected)}
              onEditDone={actions.onEditDone}
              onToggleCategory={(id) => actions.onToggleCategory(a, id)}
              onDelete={() => actions.onDelete(a)}
            />
          );
        })}
      </ol>
    </aside>
  );
}

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
