import { useCallback, useDeferredValue, useId, useMemo, useState } from 'react';
import { db } from '../db/instance';
import { errorMessage } from '../db/storage-error';
import { platform } from '../platform';
import { useNotify } from '../ui/notices';
import { AnnotationTable } from './AnnotationTable';
import { buildRowsCsv } from './export-rows';
import { FilterBar } from './FilterBar';
import { useViewStrings } from './strings';
import { countText } from './count-text';
import {
  columnKeys,
  filterAnnotations,
  sortAnnotations,
  type AnnotationFilter,
  type Column,
  type SortState,
  type TableRow,
} from './table-model';
import { useLinks, useSections, useTableData, type TableMeta } from './use-table-data';
import './all-annotations.css';

export type { AnnotationFilter } from './table-model';

export interface AllAnnotationsViewProps {
  /** The filter to start from; a new value (by content) replaces the current filter. */
  initialFilter?: AnnotationFilter;
  /** A row was chosen: open this document at this annotation. */
  onOpen(docId: string, annotationId: string): void;
  /** The documents and codebook the app holds already, if it does: the first rows come sooner. */
  known?: TableMeta;
}

const filterKey = (filter: AnnotationFilter | undefined) => JSON.stringify(filter ?? {});

/**
 * Every annotation in the library as one table: filter by text, category,
 * status, document, speaker, value, links to other documents (and section,
 * from elsewhere); sort by any column;
 * export exactly the rows shown. While a large library is still being read,
 * the rows read so far are shown, sorted and filtered, and the count says so;
 * export waits until all are read.
 */
export function AllAnnotationsView({ initialFilter, onOpen, known }: AllAnnotationsViewProps) {
  const s = useViewStrings();
  const titleId = useId();
  const notify = useNotify();
  const data = useTableData(known);
  const { sections, pending } = useSections(data);
  const { links, pending: linksPending } = useLinks(data);

  const [filter, setFilter] = useState<AnnotationFilter>(initialFilter ?? {});
  const [seenInitial, setSeenInitial] = useState(filterKey(initialFilter));
  if (filterKey(initialFilter) !== seenInitial) {
    setSeenInitial(filterKey(initialFilter));
    setFilter(initialFilter ?? {});
  }
  const [sort, setSort] = useState<SortState | null>(null);
  const [exporting, setExporting] = useState(false);

  const collator = useMemo(
    () => new Intl.Collator(s.language === 'zh' ? 'zh' : 'en', { numeric: true }),
    [s.language],
  );
  const sortColumn = sort?.column ?? null;
  const sortSections = sortColumn === 'section' ? sections : undefined;
  const sortLinks = sortColumn === 'links' ? links : undefined;
  // On the rows, not on `data`: while reading, `data` changes with every step
  // of the count, the rows far less often, and keys cost up to a second or two.
  const rows = data?.rows;
  const keys = useMemo(
    () =>
      rows && sortColumn
        ? columnKeys(rows, sortColumn, {
            collator,
            sections: sortSections,
            links: sortLinks,
          })
        : null,
    [rows, sortColumn, collator, sortSections, sortLinks],
  );
  const sorted = useMemo(
    () => (!rows ? [] : sort ? sortAnnotations(rows, sort, keys) : rows),
    [rows, sort, keys],
  );
  // Typing stays responsive: the table catches up with the filter a moment later.
  const shownFilter = useDeferredValue(filter);
  const filterSections = shownFilter.section !== undefined ? sections : undefined;
  const filterLinks = shownFilter.links !== undefined ? links : undefined;
  const categories = data?.categories;
  const visible = useMemo(
    () =>
      filterAnnotations(sorted, shownFilter, {
        categories: categories ?? [],
        sections: filterSections,
        links: filterLinks,
      }),
    [sorted, shownFilter, categories, filterSections, filterLinks],
  );
  const titles = useMemo(
    () => new Map((data?.documents ?? []).map((d) => [d.id, d.title])),
    [data?.documents],
  );

  const onSort = useCallback((column: Column) => {
    setSort((prev) =>
      prev?.column === column && prev.direction === 'asc'
        ? { column, direction: 'desc' }
        : { column, direction: 'asc' },
    );
  }, []);
  const openRow = useCallback(
    (row: TableRow) => onOpen(row.annotation.docId, row.annotation.id),
    [onOpen],
  );

  const exportRows = async () => {
    // The filter as typed, even if the table has not caught up with it yet.
    const rows = filterAnnotations(sorted, filter, {
      categories: categories ?? [],
      sections,
      links,
    });
    setExporting(true);
    try {
      const csv = await buildRowsCsv(
        db,
        rows.map((r) => r.annotation),
      );
      const saved = await platform.saveText(csv.fileName, csv.content, {
        name: s.t('csvFilter'),
        extensions: ['csv'],
      });
      if (saved) notify('info', s.t('exported', { n: csv.rows, file: csv.fileName }));
    } catch (error) {
      notify('error', s.t('exportFailed', { detail: errorMessage(error) }));
    } finally {
      setExporting(false);
    }
  };

  const loading = data?.loading ?? null;
  // While rows are still arriving, "no rows" is not known yet: the count tells how far it is.
  const message =
    !data || loading
      ? null
      : data.rows.length === 0
        ? s.t('empty')
        : visible.length === 0
          ? s.t('noRows')
          : null;

  return (
    <section className="aa-view" aria-labelledby={titleId} aria-busy={!data || !!loading}>
      <header className="aa-header">
        <h2 id={titleId}>{s.t('title')}</h2>
        <span className="aa-count" role="status" data-testid="all-annotations-count">
          {countText(s, data, visible.length, shownFilter)}
        </span>
        {loading && sort && <span className="aa-muted">{s.t('sortedSoFar')}</span>}
        {pending && <span className="aa-muted">{s.t('sectionsPending')}</span>}
        {linksPending && <span className="aa-muted">{s.t('linksPending')}</span>}
        <span className="aa-spacer" />
        <button
          type="button"
          onClick={() => void exportRows()}
          disabled={!data || !!loading || visible.length === 0 || exporting}
          title={loading ? s.t('exportWhenLoaded') : undefined}
        >
          {s.t('exportRows')}
        </button>
      </header>
      {data && (
        <FilterBar
          filter={filter}
          onChange={setFilter}
          data={data}
          collator={collator}
          strings={s}
        />
      )}
      {message && <p className="aa-empty">{message}</p>}
      <AnnotationTable
        rows={visible}
        sections={sections}
        sectionsPending={pending}
        links={links}
        linksPending={linksPending}
        titles={titles}
        sort={sort}
        onSort={onSort}
        onOpen={openRow}
        resetKey={`${filterKey(shownFilter)}|${sort?.column ?? ''}|${sort?.direction ?? ''}`}
        strings={s}
      />
    </section>
  );
}
