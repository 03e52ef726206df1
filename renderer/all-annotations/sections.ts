/**
 * The Section column: each document's structure is detected once from its
 * text and kept, keyed by document id and checked against the text's identity
 * (hash, length) and the user's heading overrides.
 */
import { detectStructure, sectionAt, type Structure } from '../../shared/structure';
import type { DocumentRecord } from '../../shared/types';
import type { TableRow } from './table-model';

/** Changes whenever the text or its headings do. */
export const structureKey = (doc: DocumentRecord): string =>
  `${doc.sha256}:${doc.length}:${JSON.stringify(doc.headingOverrides ?? null)}`;

/** Structures by document id; line texts are dropped (sectionAt needs offsets only). */
export class StructureCache {
  private readonly entries = new Map<string, { key: string; structure: Structure }>();

  get(doc: DocumentRecord): Structure | undefined {
    const entry = this.entries.get(doc.id);
    return entry && entry.key === structureKey(doc) ? entry.structure : undefined;
  }

  /** Detects and keeps the structure of `text`, the text of `doc`. */
  put(doc: DocumentRecord, text: string): Structure {
    const found = detectStructure(text, doc.headingOverrides, doc.headings);
    const structure: Structure = {
      ...found,
      lines: found.lines.map((line) => ({ ...line, text: '' })),
    };
    this.entries.set(doc.id, { key: structureKey(doc), structure });
    return structure;
  }

  /** Forgets documents no longer listed. */
  retain(docIds: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) if (!docIds.has(id)) this.entries.delete(id);
  }
}

/**
 * annotation id → section, for the rows whose document's structure is known;
 * an orphan (no place in the text) has the section ''.
 */
export function computeSections(
  rows: readonly TableRow[],
  structures: ReadonlyMap<string, Structure>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const { annotation: a } of rows) {
    const structure = structures.get(a.docId);
    if (!structure) continue;
    out.set(a.id, a.orphaned ? '' : sectionAt(structure, a.start));
  }
  return out;
}
