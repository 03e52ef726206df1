import { reanchor } from '../../shared/anchor';
import { anchorFields } from '../annotations/anchor-fields';
import type { Backup } from './backup';

/**
 * The checks a backup passes after its shape (zod) and before anything is asked
 * or replaced: every reference resolves, every id is unique, every range lies
 * in its document's text and holds its quote. Each refusal names the record
 * (collection, index and id) and the field.
 *
 * A quote that is not at its offsets is not refused but repaired, the way a
 * changed text is: re-anchored (placed where the quote is, with the quote and
 * context taken from the text) or marked orphaned (keeping its old quote).
 */

/** Annotations whose quote was not at their offsets: re-placed, or orphaned. */
export interface BackupRepairs {
  replaced: number;
  orphaned: number;
}

export type CheckedBackup =
  { ok: true; backup: Backup; repaired: BackupRepairs } | { ok: false; error: string };

const q = (s: string): string => JSON.stringify(s);

/** `annotations[3] (id "a1")`: how an error names a record. */
function recordName(collection: string, index: number, key: string, value: string): string {
  return `${collection}[${index}] (${key} ${q(value)})`;
}

class Refusal extends Error {}

function refuse(where: string, problem: string): never {
  throw new Refusal(`${where}: ${problem}`);
}

/** Refuses the second record with a key already seen; returns the first index of each key. */
function uniqueBy<T>(
  collection: string,
  records: readonly T[],
  keyName: string,
  keyOf: (r: T) => string,
  what: string,
): Map<string, number> {
  const first = new Map<string, number>();
  records.forEach((r, i) => {
    const key = keyOf(r);
    const seen = first.get(key);
    if (seen !== undefined)
      refuse(
        recordName(collection, i, keyName, key),
        `${what} as ${collection}[${seen}]; each must be unique`,
      );
    first.set(key, i);
  });
  return first;
}

function checkRefs(b: Backup, docIds: ReadonlyMap<string, number>): void {
  const perDoc = [
    ['texts', b.texts],
    ['sources', b.sources],
    ['originals', b.originals],
    ['annotations', b.annotations],
    ['dismissals', b.dismissals ?? []],
  ] as const;
  for (const [collection, records] of perDoc) {
    records.forEach((r: { docId: string; id?: string }, i) => {
      if (docIds.has(r.docId)) return;
      const where =
        r.id === undefined
          ? recordName(collection, i, 'docId', r.docId)
          : recordName(collection, i, 'id', r.id);
      refuse(where, `refers to a missing document (${r.docId})`);
    });
  }
}

function checkDocuments(b: Backup, texts: ReadonlyMap<string, number>): void {
  const sources = new Set(b.sources.map((s) => s.docId));
  b.documents.forEach((d, i) => {
    const where = recordName('documents', i, 'id', d.id);
    if (!texts.has(d.id)) refuse(where, 'no text for this document (texts)');
    if (!sources.has(d.id)) refuse(where, 'no bytes for this document (sources)');
  });
}

function checkCategories(b: Backup, categoryIds: ReadonlyMap<string, number>): void {
  const parentOf = new Map(b.categories.map((c) => [c.id, c.parentId]));
  b.categories.forEach((c, i) => {
    const where = recordName('categories', i, 'id', c.id);
    if (c.parentId === null) return;
    if (c.parentId === c.id) refuse(where, `its parent ${q(c.parentId)} is itself`);
    if (!categoryIds.has(c.parentId))
      refuse(where, `its parent ${q(c.parentId)} is not in the codebook`);
    const path = [c.id];
    for (let p: string | null | undefined = c.parentId; p != null; p = parentOf.get(p)) {
      if (p === c.id)
        refuse(where, `its parents form a cycle (${[...path, p].map(q).join(' → ')})`);
      if (path.includes(p)) break; // a cycle above it, refused at its own record
      path.push(p);
    }
  });
}

/** Checks ranges and categories; returns the indexes whose quote is not at its offsets. */
function checkAnnotations(
  b: Backup,
  texts: ReadonlyMap<string, string>,
  categoryIds: ReadonlyMap<string, number>,
): number[] {
  const mismatched: number[] = [];
  b.annotations.forEach((a, i) => {
    const where = recordName('annotations', i, 'id', a.id);
    a.categoryIds.forEach((c, k) => {
      if (c === '') refuse(where, `categoryIds[${k}] is empty`);
      if (!categoryIds.has(c)) refuse(where, `categoryIds[${k}] ${q(c)} is not in the codebook`);
    });
    if (a.end < a.start) refuse(where, `end ${a.end} is before start ${a.start}`);
    if (a.orphaned) return; // kept with its old position until re-attached
    const text = texts.get(a.docId) ?? '';
    if (a.end > text.length)
      refuse(
        where,
        `end ${a.end} is past the end of its document's text (${text.length} characters)`,
      );
    if (text.slice(a.start, a.end) !== a.quote) mismatched.push(i);
  });
  return mismatched;
}

/** Re-anchors the annotations at `indexes` in their document's text; returns a new list. */
function repairQuotes(
  b: Backup,
  texts: ReadonlyMap<string, string>,
  indexes: readonly number[],
): { annotations: Backup['annotations']; repaired: BackupRepairs } {
  const annotations = [...b.annotations];
  const repaired = { replaced: 0, orphaned: 0 };
  const byDoc = new Map<string, number[]>();
  for (const i of indexes) {
    const docId = annotations[i]?.docId ?? '';
    const list = byDoc.get(docId);
    if (list) list.push(i);
    else byDoc.set(docId, [i]);
  }
  for (const [docId, list] of byDoc) {
    const text = texts.get(docId) ?? '';
    const anchors = list.flatMap((i) => annotations[i] ?? []);
    reanchor(text, anchors).forEach((o, k) => {
      const i = list[k] as number;
      const a = annotations[i];
      if (!a) return;
      if (o.status === 'orphaned') {
        annotations[i] = { ...a, orphaned: true };
        repaired.orphaned++;
      } else {
        const { orphaned: _, ...rest } = a;
        annotations[i] = {
          ...rest,
          start: o.start,
          end: o.end,
          ...anchorFields(text, o.start, o.end),
        };
        repaired.replaced++;
      }
    });
  }
  return { annotations, repaired };
}

/** All the checks after the shape; `backup` in the result has its quotes repaired. */
export function checkBackup(b: Backup): CheckedBackup {
  try {
    if (Number.isNaN(Date.parse(b.exportedAt)))
      refuse('exportedAt', `${q(b.exportedAt)} is not a date`);
    const docIds = uniqueBy('documents', b.documents, 'id', (d) => d.id, 'the same id');
    const hashes = new Map<string, number>();
    b.documents.forEach((d, i) => {
      const other = hashes.get(d.sha256);
      if (other !== undefined)
        refuse(
          recordName('documents', i, 'id', d.id),
          `the same sha256 (text) as documents[${other}]; each must be unique`,
        );
      hashes.set(d.sha256, i);
    });
    const perDoc = 'a second record for the same document';
    const textIndex = uniqueBy('texts', b.texts, 'docId', (t) => t.docId, perDoc);
    uniqueBy('sources', b.sources, 'docId', (s) => s.docId, perDoc);
    uniqueBy('originals', b.originals, 'docId', (o) => o.docId, perDoc);
    uniqueBy('annotations', b.annotations, 'id', (a) => a.id, 'the same id');
    const categoryIds = uniqueBy('categories', b.categories, 'id', (c) => c.id, 'the same id');
    uniqueBy('settings', b.settings, 'key', (s) => s.key, 'the same key');
    uniqueBy('dismissals', b.dismissals ?? [], 'id', (d) => d.id, 'the same id');

    checkRefs(b, docIds);
    checkDocuments(b, textIndex);
    checkCategories(b, categoryIds);
    const texts = new Map(b.texts.map((t) => [t.docId, t.text]));
    const mismatched = checkAnnotations(b, texts, categoryIds);
    const { annotations, repaired } = repairQuotes(b, texts, mismatched);
    return { ok: true, backup: mismatched.length ? { ...b, annotations } : b, repaired };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.message };
    throw e;
  }
}
