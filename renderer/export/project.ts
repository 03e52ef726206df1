import { figureRecords } from '../../shared/claims/link';
import { findQuantities } from '../../shared/claims/quantity';
import { categoryGuid } from '../../shared/codebook-qdc';
import { anchorFields } from '../annotations/anchor-fields';
import { reanchor } from '../../shared/anchor';
import type { ImportedProject, ImportedSelection } from '../../shared/exchange/qde-read';
import { writeProject } from '../../shared/exchange/qde-write';
import { packProject } from '../../shared/exchange/qdpx';
import { annotationsToW3c } from '../../shared/exchange/w3c';
import { codePointLength, sha256Hex } from '../../shared/text';
import type { Annotation, Category, DocumentRecord } from '../../shared/types';
import { nextColor } from '../codebook/codebook';
import type { ClaimmarkDB } from '../db/db';
import { dateStamp, safeName } from './export-csv';

/** Documents by the time they were added: the library's order. */
const byAdded = (a: DocumentRecord, b: DocumentRecord) =>
  a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0;

/** The documents (all, or the one) with their texts, annotations and the codebook, read at once. */
export async function readLibrary(db: ClaimmarkDB, docId: string | null) {
  return db.transaction('r', [db.documents, db.texts, db.annotations, db.categories], async () => {
    const documents = docId
      ? [await db.documents.get(docId)].filter((d): d is DocumentRecord => d !== undefined)
      : (await db.documents.toArray()).sort(byAdded);
    const texts = await db.texts.bulkGet(documents.map((d) => d.id));
    const annotations = docId
      ? await db.annotations.where('docId').equals(docId).toArray()
      : await db.annotations.toArray();
    const categories = await db.categories.orderBy('order').toArray();
    return {
      documents: documents.map((doc, i) => ({ doc, text: texts[i]?.text ?? '' })),
      annotations,
      categories,
    };
  });
}

export interface ProjectExport {
  fileName: string;
  bytes: Uint8Array;
  documents: number;
  selections: number;
}

/** The `.qdpx` of the library, or of one document when `docId` is given. */
export async function buildProjectExport(
  db: ClaimmarkDB,
  docId: string | null,
  now = new Date(),
): Promise<ProjectExport> {
  const { documents, annotations, categories } = await readLibrary(db, docId);
  const only = docId ? documents[0]?.doc.title : undefined;
  const written = writeProject({
    name: only ?? 'Claimmark library',
    documents,
    annotations,
    categories,
    now,
  });
  const base = only ? safeName(only) : 'claimmark-library';
  return {
    fileName: `${base}-${dateStamp(now)}.qdpx`,
    bytes: packProject(written),
    documents: documents.length,
    selections: written.selections,
  };
}

/** What an import did, for the notice. */
export interface ProjectImportReport {
  documents: number;
  /** Of those, already in the library (same text, or the guid Claimmark gave them). */
  matched: number;
  codesAdded: number;
  codesMerged: number;
  annotations: number;
  /** Selections already in the library (same guid as an annotation's id): left as they are. */
  skipped: number;
  coders: string[];
  moved: number;
  unplaced: number;
  warnings: string[];
}

/** Places each code: the category with its guid, else with its name, else a new one. */
function mergeCodes(project: ImportedProject, existing: Category[]) {
  const byGuid = new Map(existing.map((c) => [categoryGuid(c.id), c]));
  const byName = new Map(existing.map((c) => [c.name.trim(), c]));
  const ids = new Map<string, string>();
  const parents = new Map(existing.map((c) => [c.id, c.parentId]));
  const added: Category[] = [];
  const used = existing.map((c) => c.color);
  let order = existing.reduce((m, c) => Math.max(m, c.order), -1);
  let merged = 0;
  for (const code of project.codes) {
    const found = byGuid.get(code.guid) ?? byName.get(code.name);
    if (found) {
      ids.set(code.guid, found.id);
      merged++;
      continue;
    }
    let parentId = code.parentGuid ? (ids.get(code.parentGuid) ?? null) : null;
    // Two levels at most: under a subcategory means under its parent.
    if (parentId !== null) parentId = parents.get(parentId) ?? parentId;
    const color = code.color ?? nextColor(used);
    used.push(color);
    const category: Category = {
      id: code.guid,
      name: code.name,
      parentId,
      color,
      description: code.description,
      order: ++order,
    };
    added.push(category);
    ids.set(code.guid, category.id);
    parents.set(category.id, parentId);
    byName.set(code.name, category);
  }
  return { ids, added, merged };
}

export function annotationOf(
  s: ImportedSelection,
  docId: string,
  text: string,
  categoryIds: string[],
  now: string,
): Annotation {
  const placed = s.placement !== 'orphaned';
  const fields = placed
    ? anchorFields(text, s.start, s.end)
    : {
        quote: s.quote,
        prefix: '',
        suffix: '',
        quantities: findQuantities(s.quote),
        claimFigures: figureRecords(s.quote, findQuantities(s.quote)),
      };
  return {
    id: s.guid,
    docId,
    start: s.start,
    end: s.end,
    ...fields,
    categoryIds,
    note: s.note,
    createdAt: s.createdAt ?? now,
    updatedAt: s.updatedAt ?? s.createdAt ?? now,
    createdBy: s.createdBy,
    updatedBy: s.updatedBy,
    status: s.status,
    speaker: s.speaker,
    evidence: s.evidence,
    ...(placed ? {} : { orphaned: true }),
  };
}

/** Selections re-placed in a library document whose text differs from the project's source. */
function replaceIn(text: string, oldText: string, selections: ImportedSelection[]) {
  const outcomes = reanchor(
    text,
    selections.map((s) => ({
      id: s.guid,
      start: s.start,
      end: s.end,
      quote: s.quote,
      prefix: '',
      suffix: '',
    })),
    { oldText },
  );
  return selections.map((s, i): ImportedSelection => {
    const o = outcomes[i];
    if (!o || o.status === 'orphaned') return { ...s, placement: 'orphaned' };
    return {
      ...s,
      start: o.start,
      end: o.end,
      placement: o.status === 'kept' ? s.placement : 'moved',
    };
  });
}

/**
 * Stores a project read by `readProject`, all or nothing in one transaction:
 * sources become documents unless their text (SHA-256) is already in the
 * library, codes merge into the codebook by guid then by name (nothing is
 * renamed or deleted), selections become annotations with their coders.
 */
export async function importProject(
  db: ClaimmarkDB,
  project: ImportedProject,
  now = new Date(),
): Promise<ProjectImportReport> {
  const hashes = await Promise.all(project.sources.map((s) => sha256Hex(s.text)));
  const stamp = now.toISOString();
  const tables = [db.documents, db.texts, db.sources, db.annotations, db.categories];
  return db.transaction('rw', tables, async () => {
    const codes = mergeCodes(project, await db.categories.toArray());
    await db.categories.bulkAdd(codes.added);
    const report: ProjectImportReport = {
      documents: project.sources.length,
      matched: 0,
      codesAdded: codes.added.length,
      codesMerged: codes.merged,
      annotations: 0,
      skipped: 0,
      coders: [],
      moved: project.moved,
      unplaced: project.unplaced,
      warnings: project.warnings,
    };
    const coders = new Set<string>();
    const annotations: Annotation[] = [];
    for (const [i, source] of project.sources.entries()) {
      const sha256 = hashes[i] as string;
      const existing =
        (await db.documents.where('sha256').equals(sha256).first()) ??
        (await db.documents.get(source.guid));
      let docId: string;
      let text = source.text;
      let selections = source.selections;
      if (existing) {
        report.matched++;
        docId = existing.id;
        const stored = (await db.texts.get(docId))?.text ?? '';
        if (stored !== text) {
          selections = replaceIn(stored, text, selections);
          const before = source.selections;
          report.moved += selections.filter(
            (s, k) => s.placement === 'moved' && before[k]?.placement !== 'moved',
          ).length;
          report.unplaced += selections.filter(
            (s, k) => s.placement === 'orphaned' && before[k]?.placement !== 'orphaned',
          ).length;
          text = stored;
        }
      } else {
        docId = source.guid;
        const doc: DocumentRecord = {
          id: docId,
          sha256,
          title: source.name,
          fileName: /\.txt$/i.test(source.name) ? source.name : `${source.name}.txt`,
          encoding: 'utf-8',
          bom: source.bom,
          length: codePointLength(text),
          addedAt: source.createdAt ?? stamp,
          reflow: null,
        };
        await db.documents.add(doc);
        await db.texts.add({ docId, text });
        await db.sources.add({ docId, bytes: source.bytes });
      }
      const present = new Set(
        (await db.annotations.bulkGet(selections.map((s) => s.guid))).flatMap((a) =>
          a ? [a.id] : [],
        ),
      );
      for (const s of selections) {
        if (present.has(s.guid)) {
          report.skipped++;
          continue;
        }
        const categoryIds = s.codeGuids.flatMap((g) => {
          const id = codes.ids.get(g);
          return id ? [id] : [];
        });
        annotations.push(annotationOf(s, docId, text, categoryIds, stamp));
        present.add(s.guid);
        if (s.createdBy) coders.add(s.createdBy);
      }
    }
    await db.annotations.bulkAdd(annotations);
    report.annotations = annotations.length;
    report.coders = [...coders].sort();
    return report;
  });
}

/** The Web Annotations (JSON-LD) of the library, or of one document. */
export async function buildW3cExport(db: ClaimmarkDB, docId: string | null, now = new Date()) {
  const { documents, annotations, categories } = await readLibrary(db, docId);
  const only = docId ? documents[0]?.doc.title : undefined;
  const collection = annotationsToW3c({
    name: only ?? 'Claimmark library',
    documents,
    annotations,
    categories,
    now,
  });
  const base = only ? safeName(only) : 'claimmark-library';
  return {
    fileName: `${base}-annotations-${dateStamp(now)}.jsonld`,
    content: JSON.stringify(collection, null, 2) + '\n',
    rows: collection.total,
  };
}
