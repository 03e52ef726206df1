/**
 * Everything the Statistics view draws, computed in one pass over the
 * annotations in scope. Pure, so it can be tested and memoised.
 */
import { coOccurrence, countBy, countByCategory } from '../../shared/stats';
import {
  CLAIM_STATUSES,
  type Annotation,
  type Category,
  type ClaimStatus,
  type DocumentRecord,
} from '../../shared/types';

export interface CategoryRow {
  category: Category;
  /** 0 at the top of the codebook, 1 for a subcategory. */
  depth: number;
  count: number;
}

export interface DocumentRow {
  docId: string;
  /** Null when the document was deleted while its annotations remain. */
  title: string | null;
  count: number;
}

export interface StatusRow {
  status: ClaimStatus;
  count: number;
}

/** One coder's share: annotations, documents, and annotations per category (codebook order). */
export interface CoderRow {
  /** As recorded (createdBy); "" for annotations made before a name was set. */
  coder: string;
  count: number;
  documents: number;
  perCategory: number[];
}

export interface CorpusStats {
  total: number;
  documents: number;
  /** Annotations carrying no category of the codebook. */
  uncategorised: number;
  /** Every category in codebook order, subcategories after their parent. */
  categories: CategoryRow[];
  /** The categories used in scope (codebook order), rows and columns of `matrix`. */
  matrixCategories: Category[];
  matrix: number[][];
  /** Most annotations first, then by title. */
  perDocument: DocumentRow[];
  perStatus: StatusRow[];
  /** Most annotations first, then by name; its perCategory follows `categories`. */
  perCoder: CoderRow[];
}

type StatsAnnotation = Pick<
  Annotation,
  'docId' | 'start' | 'end' | 'categoryIds' | 'orphaned' | 'status'
> &
  Partial<Pick<Annotation, 'createdBy'>>;

/** Top-level categories in order, each followed by its subcategories in order. */
export function codebookOrder(
  categories: readonly Category[],
): { category: Category; depth: number }[] {
  const sorted = [...categories].sort((a, b) => a.order - b.order);
  const ids = new Set(sorted.map((c) => c.id));
  const children = new Map<string, Category[]>();
  for (const c of sorted) {
    if (c.parentId && ids.has(c.parentId) && c.parentId !== c.id) {
      const list = children.get(c.parentId) ?? [];
      list.push(c);
      children.set(c.parentId, list);
    }
  }
  const out: { category: Category; depth: number }[] = [];
  for (const c of sorted) {
    if (c.parentId && ids.has(c.parentId) && c.parentId !== c.id) continue;
    out.push({ category: c, depth: 0 });
    for (const child of children.get(c.id) ?? []) out.push({ category: child, depth: 1 });
  }
  return out;
}

export function computeStats(
  annotations: readonly StatsAnnotation[],
  categories: readonly Category[],
  documents: readonly Pick<DocumentRecord, 'id' | 'title'>[],
): CorpusStats {
  const ordered = codebookOrder(categories);
  const known = new Set(categories.map((c) => c.id));
  const perCategory = countByCategory(annotations);
  const rows = ordered.map(({ category, depth }) => ({
    category,
    depth,
    count: perCategory.get(category.id) ?? 0,
  }));
  const used = rows.filter((r) => r.count > 0).map((r) => r.category);

  const perDoc = countBy(annotations, (a) => a.docId);
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  const collator = new Intl.Collator(undefined, { numeric: true });
  const perDocument = [...perDoc]
    .map(([docId, count]) => ({ docId, title: titles.get(docId) ?? null, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.title ?? '', b.title ?? ''));

  const statuses = countBy(annotations, (a) => a.status ?? 'unverified');
  const coders = new Map<string, StatsAnnotation[]>();
  for (const a of annotations) {
    const c = a.createdBy ?? '';
    coders.set(c, [...(coders.get(c) ?? []), a]);
  }
  const perCoder = [...coders]
    .map(([coder, list]): CoderRow => {
      const counts = countByCategory(list);
      return {
        coder,
        count: list.length,
        documents: new Set(list.map((a) => a.docId)).size,
        perCategory: rows.map((r) => counts.get(r.category.id) ?? 0),
      };
    })
    .sort((a, b) => b.count - a.count || collator.compare(a.coder, b.coder));
  return {
    total: annotations.length,
    documents: perDoc.size,
    uncategorised: annotations.filter((a) => !a.categoryIds.some((id) => known.has(id))).length,
    categories: rows,
    matrixCategories: used,
    matrix: coOccurrence(
      annotations,
      used.map((c) => c.id),
    ),
    perDocument,
    perStatus: CLAIM_STATUSES.map((status) => ({ status, count: statuses.get(status) ?? 0 })),
    perCoder,
  };
}
