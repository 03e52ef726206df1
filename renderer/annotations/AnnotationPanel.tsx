import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Annotation, Category } from '../../shared/types';
import { useSpeakers } from '../db/hooks';
import { useI18n } from '../i18n/i18n';
import { AnnotationItem } from './AnnotationItem';
import { OrphanList } from './OrphanList';
import type { AnnotationPatch } from './store';

interface Props {
  annotations: readonly Annotation[] | undefined;
  orphans: readonly Annotation[];
  onReattach(a: Annotation): void;
  categories: readonly Category[];
  activeId: string | null;
  onSelect(a: Annotation): void;
  onEdit(a: Annotation, patch: AnnotationPatch, mergeKey?: string): void;
  onEditDone(): void;
  onToggleCategory(a: Annotation, categoryId: string): void;
  onDelete(a: Annotation): void;
}

/**
 * The open document's annotations, in text order. Only the rows on screen are
 * rendered: a document may carry ten thousand annotations.
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
    estimateSize: () => 140,
    overscan: 4,
    gap: 8,
    scrollMargin,
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
              onEdit={(patch, mergeKey) => actions.onEdit(a, patch, mergeKey)}
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
