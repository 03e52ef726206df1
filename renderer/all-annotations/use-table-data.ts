import { useLive } from '../db/live';
import { useEffect, useMemo, useState } from 'react';
import type { Structure } from '../../shared/structure';
import type { Annotation, Category, DocumentRecord } from '../../shared/types';
import { db } from '../db/instance';
import { TableLinks, type LinkSummaries } from './links';
import { StructureCache, computeSections } from './sections';
import { buildRows, type Sections, type TableRow } from './table-model';

export interface TableData {
  rows: TableRow[];
  documents: DocumentRecord[];
  categories: Category[];
}

/**
 * Every annotation, document record (no texts) and category, live; the rows
 * and their search keys are rebuilt only when one of them changes. Undefined
 * while loading.
 */
export function useTableData(): TableData | undefined {
  const annotations = useLive((): Promise<Annotation[]> => db.annotations.toArray(), []);
  const documents = useLive(() => db.documents.toArray(), []);
  const categories = useLive(() => db.categories.orderBy('order').toArray(), []);
  return useMemo(() => {
    if (!annotations || !documents || !categories) return undefined;
    return { rows: buildRows(annotations, documents, categories), documents, categories };
  }, [annotations, documents, categories]);
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
 * while some are still being read.
 */
export function useSections(data: TableData | undefined): { sections: Sections; pending: boolean } {
  const needed = useMemo(() => {
    if (!data) return [];
    const withRows = new Set(data.rows.map((r) => r.annotation.docId));
    return data.documents.filter((d) => withRows.has(d.id));
  }, [data]);
  const [structures, setStructures] = useState<ReadonlyMap<string, Structure>>(new Map());

  useEffect(() => {
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

  const rows = data?.rows;
  const sections = useMemo(() => computeSections(rows ?? [], structures), [rows, structures]);
  const pending = needed.some((d) => !structures.has(d.id));
  return { sections, pending };
}

/** Kept across mounts, like the structures: coming back links only what changed. */
const tableLinks = new TableLinks();

/**
 * How each row's claim is repeated, or stated with another figure, in other
 * documents. Computed after the table shows (a slice at a time), and again
 * only for what a data change touches; `pending` until the rows are linked.
 */
export function useLinks(data: TableData | undefined): { links: LinkSummaries; pending: boolean } {
  const rows = data?.rows;
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
  return { links: state.links, pending: !!rows && state.for !== rows };
}
