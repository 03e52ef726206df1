import { useEffect, useMemo, useRef, useState } from 'react';
import type { Structure } from '../../shared/structure';
import type { DocumentRecord } from '../../shared/types';
import { db } from '../db/instance';
import { TableLinks, type LinkSummaries } from './links';
import { StructureCache, computeSections } from './sections';
import type { Sections, TableRow } from './table-model';
import { TableSource, type TableData, type TableMeta } from './table-source';

export type { TableData, TableLoading, TableMeta } from './table-source';

/**
 * Every annotation, document record (no texts) and category, live; undefined
 * until the first rows are read, then `loading` until all are (table-source.ts).
 * `known`: the documents and codebook the app holds already, if it does (only
 * what they are when the view opens is used). A failed read is thrown into
 * React, as a live query's is.
 */
export function useTableData(known?: TableMeta): TableData | undefined {
  const [state, setState] = useState<{ data?: TableData; error?: unknown }>({});
  const initial = useRef(known);
  useEffect(() => {
    const source = new TableSource(
      db,
      (data) => setState({ data }),
      (error) => setState((prev) => ({ ...prev, error })),
      {},
      initial.current,
    );
    return () => source.close();
  }, []);
  if (state.error !== undefined) throw state.error;
  return state.data;
}

/** Kept across mounts: leaving the view and coming back does not detect structures again. */
const cache = new StructureCache();

/** How often, at most, sections found so far are shown while more documents are read. */
const PUBLISH_MS = 250;

const sameEntries = (a: ReadonlyMap<string, Structure>, b: ReadonlyMap<string, Structure>) =>
  a.size === b.size && [...a].every(([id, s]) => b.get(id) === s);

/**
 * The section of each row, computed per document from its text (read here,
 * one document at a time, and only for documents with annotations). `pending`
 * while some are still being read. Texts are read only once every annotation
 * is: the rows come first.
 */
export function useSections(data: TableData | undefined): { sections: Sections; pending: boolean } {
  const complete = data && !data.loading ? data : undefined;
  // Null until then, so the cache is not emptied meanwhile (it outlives the view).
  const needed = useMemo(() => {
    if (!complete) return null;
    const withRows = new Set(complete.rows.map((r) => r.annotation.docId));
    return complete.documents.filter((d) => withRows.has(d.id));
  }, [complete]);
  const [structures, setStructures] = useState<ReadonlyMap<string, Structure>>(new Map());

  useEffect(() => {
    if (!needed) return;
    let cancelled = false;
    const publish = (found: Map<string, Structure>) =>
      setStructures((prev) => (sameEntries(prev, found) ? prev : new Map(found)));
    const run = async () => {
      cache.retain(new Set(needed.map((d) => d.id)));
      const found = new Map<string, Structure>();
      const missing: DocumentRecord[] = [];
      for (const doc of needed) {
        const s = cache.get(doc);
        if (s) found.set(doc.id, s);
        else missing.push(doc);
      }
      publish(found);
      let shown = performance.now();
      for (const doc of missing) {
        const record = await db.texts.get(doc.id);
        if (cancelled) return;
        found.set(doc.id, cache.put(doc, record?.text ?? ''));
        if (performance.now() - shown > PUBLISH_MS) {
          publish(found);
          shown = performance.now();
        }
      }
      publish(found);
    };
    run().catch((error: unknown) => console.warn('Sections could not be computed', error));
    return () => {
      cancelled = true;
    };
  }, [needed]);

  const rows = complete?.rows;
  const sections = useMemo(() => computeSections(rows ?? [], structures), [rows, structures]);
  const pending = !!data?.loading || !!needed?.some((d) => !structures.has(d.id));
  return { sections, pending };
}

/** Kept across mounts, like the structures: coming back links only what changed. */
const tableLinks = new TableLinks();

/**
 * How each row's claim is repeated, or stated with another figure, in other
 * documents. Computed once every row is read (a slice at a time), and again
 * only for what a data change touches; `pending` until the rows are linked.
 */
export function useLinks(data: TableData | undefined): { links: LinkSummaries; pending: boolean } {
  const rows = data && !data.loading ? data.rows : undefined;
  const [state, setState] = useState<{ links: LinkSummaries; for?: readonly TableRow[] }>(() => ({
    links: tableLinks.current,
  }));
  useEffect(() => {
    if (!rows) return;
    let cancelled = false;
    const annotations = rows.map((r) => r.annotation);
    const timer = setTimeout(() => {
      tableLinks
        .update(
          annotations,
          (links, done) => setState({ links, ...(done ? { for: rows } : {}) }),
          () => cancelled,
        )
        .catch((error: unknown) => console.warn('Claims could not be linked', error));
    }, 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [rows]);
  return { links: state.links, pending: !!data && (!rows || state.for !== rows) };
}
