import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentRecord } from '../../shared/types';
import { annotationStore } from '../annotations/instance';
import { db } from '../db/instance';
import { useStorageFailures } from '../app/storage-failures';
import { useI18n } from '../i18n/i18n';
import { useConfirm } from '../ui/confirm';
import { deleteDocument, renameDocument, sortDocuments, type LibrarySort } from './library-actions';
import { LibraryRow } from './LibraryRow';
import './library.css';

interface Props {
  /** The document list, undefined while it is read (the workspace reads it once for both). */
  docs: readonly DocumentRecord[] | undefined;
  currentId: string | null;
  onOpen(docId: string): void;
  onDeleted(docId: string): void;
}

/** A row: a title of one or two lines and two lines of details. */
const ROW_ESTIMATE = 80;
/**
 * Up to this many documents every row is rendered, wherever the list is
 * scrolled: cheap, and the whole library stays in the page for find-in-page
 * and for assistive technology that reads the DOM. Above it only the rows on
 * screen are (2,000 rows took the start a second to lay out).
 */
export const ALL_ROWS_UP_TO = 100;

/** Memoised: a key press in the reader leaves the library list as it is. */
export const Library = memo(function Library({ docs, currentId, onOpen, onDeleted }: Props) {
  const { t, language } = useI18n();
  const confirm = useConfirm();
  const { report } = useStorageFailures();
  const [sort, setSort] = useState<LibrarySort>('newest');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const locale = language === 'zh' ? 'zh-CN' : 'en';
  const sorted = useMemo(
    () => (docs ? sortDocuments(docs, sort, locale) : []),
    [docs, sort, locale],
  );

  const scroller = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // Rows are placed relative to the list, which starts below the header.
  const scrollMargin = listRef.current?.offsetTop ?? 0;
  const indexOf = useCallback(
    (id: string | null) => (id === null ? -1 : sorted.findIndex((d) => d.id === id)),
    [sorted],
  );
  const focusedIndex = indexOf(focused);
  const renamingIndex = indexOf(renaming);
  // The row holding the focus (or the title being edited) stays rendered when
  // scrolled away, so the focus is not lost and Tab goes on from it.
  const rangeExtractor = useCallback(
    (range: Range) => {
      if (range.count <= ALL_ROWS_UP_TO) return Array.from({ length: range.count }, (_, i) => i);
      const indexes = defaultRangeExtractor(range);
      const keep = [focusedIndex, renamingIndex].filter((i) => i >= 0 && !indexes.includes(i));
      return keep.length ? [...indexes, ...keep].sort((a, b) => a - b) : indexes;
    },
    [focusedIndex, renamingIndex],
  );
  // The same function while the order holds: the virtualiser places all
  // 2,000 rows again whenever it gets a new one, on every render.
  const getItemKey = useCallback((index: number) => sorted[index]?.id ?? index, [sorted]);
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 6,
    scrollMargin,
    // A row scrolled to is not left under the sticky header.
    scrollPaddingStart: scrollMargin,
    paddingEnd: 12,
    rangeExtractor,
    getItemKey,
  });

  // The open document is brought into view when it changes (opened from a
  // search, reopened at start) or the order does; not on every import, and
  // not when it is on screen already (clicked in the list). At the top of the
  // list: the pane may shrink a moment later (the outline opens below it).
  const currentIndex = indexOf(currentId);
  const shownFor = useRef<string | null>(null);
  useEffect(() => {
    const key = `${currentId}\n${sort}`;
    if (currentIndex < 0 || shownFor.current === key) return;
    shownFor.current = key;
    if (!onScreen(scroller.current, currentId)) {
      virtualizer.scrollToIndex(currentIndex, { align: 'start' });
    }
  }, [currentId, sort, currentIndex, virtualizer]);

  // A failed rename is held and retried (full disk) or reported; the box closes either way.
  const rename = (doc: DocumentRecord, title: string) => {
    if (renaming !== doc.id) return;
    setRenaming(null);
    const write = () => renameDocument(db, doc.id, title);
    write().catch((error: unknown) =>
      report(error, { key: `rename:${doc.id}`, what: t('whatRename', { title }), retry: write }),
    );
  };

  const remove = async (doc: DocumentRecord, shown: number | undefined) => {
    const n = shown ?? (await db.annotations.where('docId').equals(doc.id).count());
    const ok = await confirm({
      message: t('deleteDocumentConfirm', { title: doc.title, n }),
      confirmLabel: t('deleteDocument'),
      danger: true,
    });
    if (!ok) return;
    try {
      await deleteDocument(db, doc.id);
      annotationStore.history.forget(doc.id);
      onDeleted(doc.id);
    } catch (error) {
      report(error, {
        key: `delete-doc:${doc.id}`,
        what: t('whatDeleteDoc', { title: doc.title }),
      });
    }
  };

  if (docs === undefined) return <nav className="library" aria-busy="true" />;
  return (
    <nav className="library" aria-label={t('library')} ref={scroller}>
      <div className="pane-header">
        <h2>{t('library')}</h2>
        <label className="sort">
          <span className="visually-hidden">{t('sortBy')}</span>
          <select
            value={sort}
            onChange={(e) => setSort(e.target.value as LibrarySort)}
            aria-label={t('sortBy')}
          >
            <option value="newest">{t('sortNewest')}</option>
            <option value="oldest">{t('sortOldest')}</option>
            <option value="title">{t('sortTitle')}</option>
          </select>
        </label>
      </div>
      {docs.length === 0 ? (
        <div className="empty-state">
          <h3>{t('emptyLibraryTitle')}</h3>
          <p>{t('emptyLibraryBody')}</p>
        </div>
      ) : (
        <ul
          ref={listRef}
          className="doc-list"
          aria-label={t('library')}
          style={{ height: virtualizer.getTotalSize() }}
          onFocus={(e) => setFocused(rowOf(e.target))}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget)) setFocused(null);
          }}
        >
          {virtualizer.getVirtualItems().map((row) => {
            const doc = sorted[row.index];
            if (!doc) return null;
            return (
              <LibraryRow
                key={doc.id}
                ref={virtualizer.measureElement}
                doc={doc}
                index={row.index}
                setSize={sorted.length}
                offset={row.start - scrollMargin}
                current={doc.id === currentId}
                renaming={renaming === doc.id}
                onOpen={() => onOpen(doc.id)}
                onStartRename={() => setRenaming(doc.id)}
                onRename={(title) => rename(doc, title)}
                onCancelRename={() => setRenaming(null)}
                onDelete={(count) => void remove(doc, count)}
              />
            );
          })}
        </ul>
      )}
    </nav>
  );
});

/** Whether the row of `docId` is rendered and wholly inside the pane, below its header. */
function onScreen(pane: HTMLElement | null, docId: string | null): boolean {
  const row = [...(pane?.querySelectorAll('li[data-doc]') ?? [])].find(
    (li) => li.getAttribute('data-doc') === docId,
  );
  if (!pane || !row) return false;
  const box = pane.getBoundingClientRect();
  const top = pane.querySelector('.pane-header')?.getBoundingClientRect().bottom ?? box.top;
  const r = row.getBoundingClientRect();
  return r.top >= top && r.bottom <= box.bottom;
}

/** The document id of the row an element is in. */
function rowOf(el: EventTarget): string | null {
  if (!(el instanceof Element)) return null;
  return el.closest('li[data-doc]')?.getAttribute('data-doc') ?? null;
}
