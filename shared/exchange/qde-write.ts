/**
 * The library (or one document) as a REFI-QDA project (`project.qde`, namespace
 * `urn:QDA-XML:project:1.0`, the REFI-QDA 1.5 project exchange standard) and
 * its sources (`sources/<guid>.txt`): see README ▸ REFI-QDA project.
 *
 * - Users: every coder named on an annotation (createdBy / updatedBy).
 * - CodeBook: the codebook as in the `.qdc` export (hierarchy, colours, descriptions).
 * - Sources: one TextSource per document, its shown text in UTF-8 with LF line
 *   ends and no BOM, `plainTextPath="internal://<guid>.txt"`.
 * - PlainTextSelection per placed annotation: `startPosition` / `endPosition`
 *   in Unicode code points of that text (end exclusive), `name` = the quote,
 *   the coder and dates, one Coding/CodeRef per category, the note as a
 *   Note (under Notes) with a NoteRef, and the claim fields (status, speaker,
 *   evidence) as labelled lines of the selection's Description.
 * - Orphaned annotations have no place in the text and are left out.
 *
 * Guids are stable: an id that is a UUID is its record's guid, anything else
 * gets one derived from the id (shared/exchange/guid.ts).
 */
import {
  categoryGuid,
  codeElements,
  escapeXmlAttribute as attr,
  escapeXmlText as text,
} from '../codebook-qdc';
import { toCodePointOffsets } from '../text';
import type { Annotation, Category, DocumentRecord } from '../types';
import { stableGuid } from './guid';

export const QDE_NAMESPACE = 'urn:QDA-XML:project:1.0';

export interface ProjectInput {
  /** The project's name (the library, or the one document's title). */
  name: string;
  /** In the order their sources should appear. */
  documents: readonly { doc: DocumentRecord; text: string }[];
  annotations: readonly Annotation[];
  categories: readonly Category[];
  now: Date;
}

export interface WrittenProject {
  qde: string;
  /** Paths inside the zip (`sources/<guid>.txt`) and their text. */
  sources: { path: string; text: string }[];
  /** Selections written. */
  selections: number;
  /** Orphaned annotations, which have no position to write. */
  orphans: number;
}

export const sourceGuid = (docId: string): string => stableGuid('source', docId);
export const selectionGuid = (annotationId: string): string =>
  stableGuid('selection', annotationId);
export const userGuid = (name: string): string => stableGuid('user', name, true);
const codingGuid = (annotationId: string, categoryId: string): string =>
  stableGuid('coding', `${annotationId}\n${categoryId}`, true);
const noteGuid = (annotationId: string): string => stableGuid('note', annotationId, true);

/** The labels of the claim fields in a selection's Description (read back on import). */
export const CLAIM_LINES = { status: 'Status: ', speaker: 'Speaker: ', evidence: 'Evidence: ' };

/** Status, speaker and evidence as Description lines; "" when all are at their defaults. */
export function claimDescription(a: Pick<Annotation, 'status' | 'speaker' | 'evidence'>): string {
  const lines: string[] = [];
  if (a.status !== 'unverified') lines.push(CLAIM_LINES.status + a.status);
  if (a.speaker.trim()) lines.push(CLAIM_LINES.speaker + a.speaker.replace(/\s*\n\s*/g, ' '));
  // Last, because it may run over several lines.
  if (a.evidence.trim()) lines.push(CLAIM_LINES.evidence + a.evidence);
  return lines.join('\n');
}

/** An xsd:dateTime attribute, left out when the stored value is not a date. */
function dateAttribute(name: string, iso: string | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : ` ${name}="${new Date(t).toISOString()}"`;
}

const userAttribute = (name: string, coder: string | undefined): string =>
  coder ? ` ${name}="${userGuid(coder)}"` : '';

function selectionElement(
  a: Annotation,
  start: number,
  end: number,
  categories: ReadonlyMap<string, Category>,
  indent: string,
): string {
  const head =
    `${indent}<PlainTextSelection guid="${selectionGuid(a.id)}" name="${attr(a.quote)}"` +
    ` startPosition="${start}" endPosition="${end}"` +
    userAttribute('creatingUser', a.createdBy) +
    dateAttribute('creationDateTime', a.createdAt) +
    userAttribute('modifyingUser', a.updatedBy) +
    dateAttribute('modifiedDateTime', a.updatedAt);
  const inner: string[] = [];
  const description = claimDescription(a);
  if (description) inner.push(`${indent}  <Description>${text(description)}</Description>`);
  for (const id of a.categoryIds) {
    const category = categories.get(id);
    if (!category) continue;
    inner.push(
      `${indent}  <Coding guid="${codingGuid(a.id, id)}"` +
        userAttribute('creatingUser', a.createdBy) +
        dateAttribute('creationDateTime', a.createdAt) +
        '>',
      `${indent}    <CodeRef targetGUID="${categoryGuid(category.id)}"/>`,
      `${indent}  </Coding>`,
    );
  }
  if (a.note) inner.push(`${indent}  <NoteRef targetGUID="${noteGuid(a.id)}"/>`);
  if (inner.length === 0) return `${head}/>`;
  return [`${head}>`, ...inner, `${indent}</PlainTextSelection>`].join('\n');
}

function noteElement(a: Annotation, indent: string): string {
  return [
    `${indent}<Note guid="${noteGuid(a.id)}" name="${attr(`Note: ${a.quote.slice(0, 60)}`)}"` +
      userAttribute('creatingUser', a.createdBy) +
      dateAttribute('creationDateTime', a.createdAt) +
      userAttribute('modifyingUser', a.updatedBy) +
      dateAttribute('modifiedDateTime', a.updatedAt) +
      '>',
    `${indent}  <PlainTextContent>${text(a.note)}</PlainTextContent>`,
    `${indent}</Note>`,
  ].join('\n');
}

/** Builds `project.qde` and the source texts; see the module comment. */
export function writeProject(input: ProjectInput): WrittenProject {
  const categories = new Map(input.categories.map((c) => [c.id, c]));
  const byDoc = new Map<string, Annotation[]>();
  for (const a of input.annotations) {
    const list = byDoc.get(a.docId);
    if (list) list.push(a);
    else byDoc.set(a.docId, [a]);
  }
  const coders = new Set<string>();
  const sourceLines: string[] = [];
  const noteLines: string[] = [];
  const sources: WrittenProject['sources'] = [];
  let selections = 0;
  let orphans = 0;
  for (const { doc, text: docText } of input.documents) {
    const guid = sourceGuid(doc.id);
    const fileName = `${guid}.txt`;
    sources.push({ path: `sources/${fileName}`, text: docText });
    const all = byDoc.get(doc.id) ?? [];
    const placed = all
      .filter((a) => !a.orphaned && a.end <= docText.length)
      .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
    orphans += all.length - placed.length;
    const points = toCodePointOffsets(
      docText,
      placed.flatMap((a) => [a.start, a.end]),
    );
    const head =
      `    <TextSource guid="${guid}" name="${attr(doc.title)}"` +
      ` plainTextPath="internal://${fileName}"` +
      dateAttribute('creationDateTime', doc.addedAt);
    if (placed.length === 0) {
      sourceLines.push(`${head}/>`);
      continue;
    }
    sourceLines.push(`${head}>`);
    placed.forEach((a, i) => {
      if (a.createdBy) coders.add(a.createdBy);
      if (a.updatedBy) coders.add(a.updatedBy);
      const start = points[2 * i] ?? 0;
      const end = points[2 * i + 1] ?? 0;
      sourceLines.push(selectionElement(a, start, end, categories, '      '));
      if (a.note) noteLines.push(noteElement(a, '    '));
    });
    selections += placed.length;
    sourceLines.push('    </TextSource>');
  }
  const users = [...coders]
    .sort()
    .map((name) => `    <User guid="${userGuid(name)}" name="${attr(name)}"/>`);
  const codes = codeElements(input.categories, '      ');
  const qde = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="${QDE_NAMESPACE}" name="${attr(input.name)}" origin="Claimmark"` +
      ` creationDateTime="${input.now.toISOString()}">`,
    ...(users.length ? ['  <Users>', ...users, '  </Users>'] : []),
    ...(codes.length
      ? ['  <CodeBook>', '    <Codes>', ...codes, '    </Codes>', '  </CodeBook>']
      : []),
    ...(sourceLines.length ? ['  <Sources>', ...sourceLines, '  </Sources>'] : []),
    ...(noteLines.length ? ['  <Notes>', ...noteLines, '  </Notes>'] : []),
    '</Project>',
    '',
  ].join('\n');
  return { qde, sources, selections, orphans };
}
