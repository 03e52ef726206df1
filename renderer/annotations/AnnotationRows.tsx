import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef } from 'react';
import type { Annotation, Category } from '../../shared/types';
import { AnnotationItem } from './AnnotationItem';
import type { SaveOutcome } from './DraftField';
import type { AnnotationPatch } from './store';

/** What a row can do; the panel passes the same object on every render. */
export interface RowActions {
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

interface Props {
  list: readonly Annotation[];
  activeId: string | null;
  categories: readonly Category[];
  scroller: HTMLElement | null;
  actions: RowActions;
}

const SUMMARY_HEIGHT = 96;
const EDITOR_HEIGHT = 300;

/**
 * The panel's rows. Only the rows on screen are rendered: a document may carry
 * ten thousand annotations. Each row is a short summary; the selected
 * annotation opens into its editor, so rows differ in height and every
 * rendered row is measured. Memoised: a render of the panel for its count
 * alone leaves the rows as they are.
 */
export const AnnotationRows = memo(function AnnotationRows(props: Props) {
  const { list, activeId, categories, scroller, actions } = props;
  const listRef = useRef<HTMLOListElement>(null);
  // Rows are placed relative to the list, which starts below the header and orphans.
  const scrollMargin = listRef.current?.offsetTop ?? 0;
  // The same function while the list holds: a new one has every row placed again.
  const getItemKey = useCallback((index: number) => list[index]?.id ?? index, [list]);
  const virtualizer = useVirtualizer({
    count: list.length,
    getScrollElement: () => scroller,
    // A summary is a quote of up to two lines, the chips and a line of note.
    estimateSize: (index) => (list[index]?.id === activeId ? EDITOR_HEIGHT : SUMMARY_HEIGHT),
    overscan: 4,
    gap: 8,
    scrollMargin,
    // A row scrolled to (the selected one) keeps a little room at the panel's edges.
    scrollPaddingStart: 8,
    scrollPaddingEnd: 8,
    getItemKey,
  });

  const activeIndex = activeId ? list.findIndex((a) => a.id === activeId) : -1;
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  return (
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
  );
});
