import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { LinkSummaries } from './links';
import type { ViewStrings } from './strings';
import { TableRowView } from './TableRowView';
import { COLUMNS, type Column, type Sections, type SortState, type TableRow } from './table-model';
import './table.css';

/** Height of one row: every cell is one line, cut with an ellipsis. */
export const ROW_HEIGHT = 36;

interface Props {
  rows: readonly TableRow[];
  sections: Sections;
  sectionsPending: boolean;
  links: LinkSummaries;
  linksPending: boolean;
  /** Document titles by id, for the links' tooltips. */
  titles: ReadonlyMap<string, string>;
  sort: SortState | null;
  onSort(column: Column): void;
  onOpen(row: TableRow): void;
  /** Changes when the filter or sort does: the table goes back to its first row. */
  resetKey: string;
  strings: ViewStrings;
}

/** The reader's one-key shortcuts (renderer/app/use-shortcuts.ts) that must not fire from here. */
const READER_KEYS = /^(?:[1-9nNsS]|Delete)$/;

const ariaSort = (sort: SortState | null, column: Column) =>
  sort?.column !== column ? 'none' : sort.direction === 'asc' ? 'ascending' : 'descending';

/**
 * The annotation table. Only the rows on screen (and the focused one) are in
 * the DOM. One row at a time takes part in Tab order; arrows, Page Up/Down,
 * Home and End move between rows; Enter or a click opens one.
 */
export function AnnotationTable(props: Props) {
  const { rows, sections, sectionsPending, links, linksPending, titles } = props;
  const { sort, onSort, onOpen, resetKey, strings: s } = props;
  const body = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [seenKey, setSeenKey] = useState(resetKey);
  if (seenKey !== resetKey) {
    setSeenKey(resetKey);
    setActive(0);
  }
  const current = Math.min(active, Math.max(0, rows.length - 1));
  const focusPending = useRef(false);

  // The focused row stays rendered when scrolled away, so Tab can come back to it.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (rows.length === 0 || indexes.includes(current)) return indexes;
      return [...indexes, current].sort((a, b) => a - b);
    },
    [current, rows.length],
  );
  // Kept while the rows are: a new function makes the virtualizer measure
  // every row again, on each render (a scroll, a step of the count).
  const getItemKey = useCallback((index: number) => rows[index]?.annotation.id ?? index, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => body.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    rangeExtractor,
    getItemKey,
  });

  useEffect(() => {
    if (body.current) body.current.scrollTop = 0;
  }, [resetKey]);

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    body.current
      ?.querySelector<HTMLElement>(`[data-index="${current}"]`)
      ?.focus({ preventScroll: true });
  }, [current]);

  const openAt = useCallback(
    (index: number) => {
      const row = rows[index];
      if (!row) return;
      setActive(index);
      onOpen(row);
    },
    [rows, onOpen],
  );

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    focusPending.current = true;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    if (next === current) {
      focusPending.current = false;
      body.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0 || event.altKey || event.metaKey) return;
    const page = Math.max(
      1,
      Math.floor((body.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1,
    );
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      j: current + 1,
      ']': current + 1,
      k: current - 1,
      '[': current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: rows.length - 1,
    };
    // Letters only without modifiers (Ctrl+K, Shift+J are not moves); Ctrl+Home works.
    const plain = event.key.length > 1 || (!event.ctrlKey && !event.shiftKey);
    const target = plain ? moves[event.key] : undefined;
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const row = rows[current];
      if (!row) return;
      event.preventDefault();
      onOpen(row);
    } else if (plain && READER_KEYS.test(event.key)) {
      // Tagging, deleting, notes and sentences act on the reader: not from this table.
      event.preventDefault();
    }
  };

  return (
    <div
      className="aa-table"
      role="table"
      aria-label={s.t('table')}
      aria-rowcount={rows.length + 1}
    >
      <div className="aa-head" role="rowgroup">
        <div className="aa-row" role="row" aria-rowindex={1}>
          {COLUMNS.map((column) => {
            const order = ariaSort(sort, column);
            return (
              <div key={column} className="aa-cell" role="columnheader" aria-sort={order}>
                <button type="button" className="aa-sort" onClick={() => onSort(column)}>
                  <span className="aa-sort-label">{s.column(column)}</span>
                  <span className="aa-sort-mark" aria-hidden="true">
                    {order === 'ascending' ? '▲' : order === 'descending' ? '▼' : ''}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div className="aa-body" role="rowgroup" ref={body} onKeyDown={onKeyDown}>
        <div
          className="aa-sizer"
          aria-hidden="true"
          style={{ height: virtualizer.getTotalSize() }}
        />
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <TableRowView
              key={item.key}
              row={row}
              index={item.index}
              top={item.start}
              focusable={item.index === current}
              section={sections.get(row.annotation.id)}
              sectionPending={sectionsPending}
              links={links.get(row.annotation.id)}
              linksPending={linksPending}
              titles={titles}
              strings={s}
              onFocus={setActive}
              onOpen={openAt}
            />
          );
        })}
      </div>
    </div>
  );
}
