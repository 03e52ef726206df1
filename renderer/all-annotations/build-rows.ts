/**
 * Table rows from annotations, in the table's natural order: documents by the
 * time they were added, each document's annotations by position. Rows can be
 * built all at once (`buildRows`) or a part at a time as the parts are read
 * (`RowBuilder`); both give the same rows.
 */
import type { Annotation, Category, DocumentRecord } from '../../shared/types';
import { FigureCache } from './figures';
import { foldAll } from './fold';
import type { TableRow } from './table-model';

/** Figures kept across data loads: an unchanged annotation is not read again. */
const sharedFigures = new FigureCache();

export const byOrder = (a: Category, b: Category): number =>
  a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Documents in table order: by the time they were added, ties in the order given. */
export function tableOrder(documents: readonly DocumentRecord[]): DocumentRecord[] {
  return [...documents].sort((a, b) =>
    a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0,
  );
}

/** Text order, as the [docId+start+end] index gives it (ties by id, the primary key). */
export function byPosition(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Rows made a part at a time: each part holds the annotations that come next
 * in table order, so the rows built so far are always the first rows of the
 * whole table, numbered as `buildRows` numbers them.
 */
export class RowBuilder {
  private readonly built: TableRow[] = [];
  private readonly documents: ReadonlyMap<string, DocumentRecord>;
  private readonly categories: ReadonlyMap<string, { c: Category; code: number }>;

  constructor(
    documents: readonly DocumentRecord[],
    categories: readonly Category[],
    private readonly figures: FigureCache = sharedFigures,
  ) {
    this.documents = new Map(documents.map((d) => [d.id, d]));
    this.categories = new Map(categories.map((c, code) => [c.id, { c, code }]));
    figures.begin();
  }

  /** The rows built so far (the builder's own array: copy it to keep a snapshot). */
  get rows(): readonly TableRow[] {
    return this.built;
  }

  /** Adds the rows of `annotations`, which follow the ones added before; unknown documents are skipped. */
  add(annotations: readonly Annotation[]): void {
    const from = this.built.length;
    for (const a of annotations) {
      const doc = this.documents.get(a.docId);
      if (!doc) continue;
      const cats: Category[] = [];
      const codes: number[] = [];
      for (const id of a.categoryIds) {
        const found = this.categories.get(id);
        if (!found) continue;
        cats.push(found.c);
        codes.push(found.code);
      }
      if (cats.length > 1) cats.sort(byOrder);
      this.built.push({
        index: this.built.length,
        annotation: a,
        docTitle: doc.title,
        categories: cats,
        categoryCodes: codes,
        search: `${a.quote}\u0000${a.note}\u0000${a.speaker}\u0000${a.evidence}\u0000${doc.title}`,
        speaker: a.speaker,
        figure: this.figures.figure(a),
      });
    }
    // Fold every search text of the part in one go (a few large pieces) rather than row by row.
    const added = this.built.slice(from);
    const folded = foldAll(added.flatMap((r) => [r.search, r.speaker]));
    added.forEach((r, i) => {
      r.search = folded[2 * i] as string;
      r.speaker = folded[2 * i + 1] as string;
    });
  }

  /** Ends the build: figures of annotations not seen in it are forgotten. */
  finish(): TableRow[] {
    this.figures.end();
    return this.built;
  }
}

/**
 * One row per annotation of a listed document, in library order (documents by
 * the time they were added, annotations by position). Annotations of unknown
 * documents are left out; unknown category ids are skipped.
 */
export function buildRows(
  annotations: readonly Annotation[],
  documents: readonly DocumentRecord[],
  categories: readonly Category[],
  figures: FigureCache = sharedFigures,
): TableRow[] {
  const byDoc = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const list = byDoc.get(a.docId);
    if (list) list.push(a);
    else byDoc.set(a.docId, [a]);
  }
  const ordered: Annotation[] = [];
  for (const doc of tableOrder(documents)) {
    const list = byDoc.get(doc.id);
    // A loop, not push(...list): one document may hold more annotations than a call takes arguments.
    if (list) for (const a of list.sort(byPosition)) ordered.push(a);
  }
  const builder = new RowBuilder(documents, categories, figures);
  builder.add(ordered);
  return builder.finish();
}
