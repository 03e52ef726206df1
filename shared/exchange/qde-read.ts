/**
 * Reads a REFI-QDA project (a `.qdpx` opened by `unpackProject`) into what
 * Claimmark can store: codes, text sources and their selections. Liberal in
 * what it reads (see README ▸ REFI-QDA project ▸ Import):
 * - a `.qde` of any name, `Sources/` in any case, a BOM before a source's
 *   text, CRLF or CR line ends (positions count the text as written: a CRLF
 *   is two code points; the stored text has LF);
 * - elements and attributes it does not know (Cases, Variables, Sets, Links,
 *   PictureSource, …) are skipped; codes nested deeper than two levels are
 *   placed under their top-level code;
 * - a selection whose `name` (its quote) is not at its position is looked for
 *   nearby, as re-anchoring does (shared/anchor.ts): moved when found, kept as
 *   an orphan when not, and counted.
 * What cannot be read is refused with the element and the reason, before
 * anything is stored.
 */
import { reanchor } from '../anchor';
import {
  attribute,
  childElements,
  localName,
  parseXml,
  textOf,
  ATTRS,
  type XmlNode,
} from '../codebook-qdc';
import { normalizeColor } from '../codebook-csv';
import { CLAIM_STATUSES, type ClaimStatus } from '../types';
import { CLAIM_LINES } from './qde-write';
import type { ProjectArchive } from './qdpx';

export interface ImportedCode {
  /** Lower case, without braces. */
  guid: string;
  name: string;
  color: string | null;
  description: string;
  /** The guid of its parent code (a top-level one), or null at the top. */
  parentGuid: string | null;
}

export interface ImportedSelection {
  guid: string;
  /** UTF-16 offsets into the source's stored (LF) text, end exclusive. */
  start: number;
  end: number;
  /** The quote: the text at [start, end), or for an orphan the `name` as given. */
  quote: string;
  placement: 'kept' | 'moved' | 'orphaned';
  codeGuids: string[];
  createdBy: string;
  updatedBy: string;
  createdAt: string | null;
  updatedAt: string | null;
  note: string;
  status: ClaimStatus;
  speaker: string;
  evidence: string;
}

export interface ImportedSource {
  guid: string;
  name: string;
  /** The text as Claimmark stores it: no BOM, LF line ends. */
  text: string;
  /** The file's bytes as found in the archive (or the UTF-8 of PlainTextContent). */
  bytes: Uint8Array;
  bom: boolean;
  createdAt: string | null;
  selections: ImportedSelection[];
}

export interface ImportedProject {
  name: string;
  codes: ImportedCode[];
  sources: ImportedSource[];
  /** Selections whose quote was found elsewhere than their position. */
  moved: number;
  /** Selections whose quote could not be found: kept as orphans. */
  unplaced: number;
  warnings: string[];
}

export type ReadProjectResult =
  { ok: true; project: ImportedProject } | { ok: false; error: string };

class Malformed extends Error {}
const refuse = (where: string, reason: string): never => {
  throw new Malformed(`${where}: ${reason}`);
};
const q = (s: string): string => JSON.stringify(s);

const GUID =
  /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** A guid as Claimmark keeps it (lower case, no braces), or a refusal naming the element. */
function guidOf(node: unknown, where: string, name = 'guid'): string {
  const value = attribute(node, name)?.trim();
  if (value === undefined || value === '') return refuse(where, `has no ${name}`);
  const m = GUID.exec(value);
  if (!m?.[1]) return refuse(where, `${name} ${q(value)} is not a GUID`);
  return m[1].toLowerCase();
}

function dateOf(node: unknown, name: string): string | null {
  const value = attribute(node, name);
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function positionOf(node: unknown, name: string, where: string): number {
  const value = attribute(node, name)?.trim();
  if (value === undefined) return refuse(where, `has no ${name}`);
  if (!/^\+?\d+$/.test(value))
    return refuse(where, `${name} ${q(value)} is not a whole number ≥ 0`);
  return Number(value);
}

/** UTF-16 offsets of code-point positions in `text` (clamped to its end). */
function fromCodePoints(text: string, points: readonly number[]): number[] {
  const order = points.map((_, i) => i).sort((a, b) => (points[a] ?? 0) - (points[b] ?? 0));
  const out = new Array<number>(points.length).fill(text.length);
  let unit = 0;
  let point = 0;
  for (const i of order) {
    const target = points[i] ?? 0;
    while (point < target && unit < text.length) {
      const c = text.charCodeAt(unit);
      unit += c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length ? 2 : 1;
      point++;
    }
    out[i] = unit;
  }
  return out;
}

const lf = (s: string): string => s.replace(/\r\n?/g, '\n');

/** Offset `o` in `raw` as an offset in `lf(raw)`: every CRLF before it lost its CR. */
function toLfOffsets(raw: string, offsets: readonly number[]): number[] {
  if (!raw.includes('\r\n')) return [...offsets];
  const crs: number[] = [];
  for (let i = raw.indexOf('\r\n'); i >= 0; i = raw.indexOf('\r\n', i + 2)) crs.push(i);
  return offsets.map((o) => {
    let lo = 0;
    let hi = crs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((crs[mid] ?? 0) < o) lo = mid + 1;
      else hi = mid;
    }
    return o - lo;
  });
}

function decodeText(bytes: Uint8Array, where: string): { text: string; bom: boolean } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return refuse(where, 'its text is not UTF-8');
  }
  const bom = text.startsWith('\uFEFF');
  return { text: bom ? text.slice(1) : text, bom };
}

/** Description lines "Status: …", "Speaker: …", "Evidence: …" (Claimmark's export); the rest is a note. */
function claimFields(description: string) {
  let status: ClaimStatus = 'unverified';
  let speaker = '';
  let evidence = '';
  const rest: string[] = [];
  const lines = lf(description).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const value = (label: string) => (line.startsWith(label) ? line.slice(label.length) : null);
    const s = value(CLAIM_LINES.status);
    const p = value(CLAIM_LINES.speaker);
    const e = value(CLAIM_LINES.evidence);
    if (s !== null && (CLAIM_STATUSES as readonly string[]).includes(s.trim())) {
      status = s.trim() as ClaimStatus;
    } else if (p !== null) speaker = p.trim();
    else if (e !== null) {
      evidence = [e, ...lines.slice(i + 1)].join('\n');
      break;
    } else rest.push(line);
  }
  return { status, speaker, evidence, rest: rest.join('\n').trim() };
}

interface Context {
  archive: ProjectArchive;
  users: Map<string, string>;
  notes: Map<string, string>;
  codes: Set<string>;
  warnings: Set<string>;
}

/** Reads the CodeBook into `codes`; returns how many codes sat deeper than two levels. */
function readCodes(root: XmlNode, codes: ImportedCode[]): number {
  const seen = new Set<string>();
  let deep = 0;
  const walk = (node: unknown, top: string | null, depth: number, place: string): void => {
    childElements(node, 'Code').forEach((code, i) => {
      const where = `<Code> number ${i + 1} ${place}`;
      const guid = guidOf(code, where);
      const name = attribute(code, 'name')?.trim() ?? '';
      if (name === '') refuse(`${where} (guid ${guid})`, 'has no name');
      if (seen.has(guid)) refuse(`<Code name=${q(name)}>`, `its guid ${guid} is used twice`);
      seen.add(guid);
      if (depth >= 2) deep++;
      const color = attribute(code, 'color');
      codes.push({
        guid,
        name,
        color: color ? normalizeColor(color) : null,
        description: lf(textOf(childElements(code, 'Description')[0])),
        parentGuid: top,
      });
      walk(code, top ?? guid, depth + 1, `under ${q(name)}`);
    });
  };
  for (const book of childElements(root, 'CodeBook'))
    for (const list of childElements(book, 'Codes')) walk(list, null, 0, 'at the top level');
  return deep;
}

function sourceText(ctx: Context, node: unknown, where: string) {
  const path = attribute(node, 'plainTextPath');
  if (path) {
    const m = /^internal:\/\/(.+)$/i.exec(path.trim());
    if (!m?.[1])
      return refuse(where, `its text (plainTextPath ${q(path)}) is not inside the project`);
    const name = decodeURIComponent(m[1]).replace(/\\/g, '/').replace(/^\/+/, '');
    const file =
      ctx.archive.files.get(`sources/${name}`.toLowerCase()) ??
      ctx.archive.files.get(name.toLowerCase());
    if (!file) return refuse(where, `its text sources/${name} is missing from the archive`);
    return { ...decodeText(file.bytes, where), bytes: file.bytes };
  }
  const content = childElements(node, 'PlainTextContent')[0];
  if (content !== undefined) {
    const text = textOf(content);
    return { text, bom: false, bytes: new TextEncoder().encode(text) };
  }
  return refuse(where, 'has neither a plainTextPath nor PlainTextContent');
}

function notesOf(ctx: Context, node: unknown): string[] {
  return childElements(node, 'NoteRef').flatMap((ref) => {
    const target = attribute(ref, 'targetGUID');
    const m = target ? GUID.exec(target.trim()) : null;
    const note = m?.[1] ? ctx.notes.get(m[1].toLowerCase()) : undefined;
    if (note === undefined) ctx.warnings.add('Some NoteRefs point at no Note; they were skipped');
    return note ? [note] : [];
  });
}

function readSelections(ctx: Context, source: unknown, where: string, raw: string, text: string) {
  const nodes = childElements(source, 'PlainTextSelection');
  const read = nodes.map((node, i) => {
    const at = `<PlainTextSelection> number ${i + 1} of ${where}`;
    const guid = guidOf(node, at);
    const here = `<PlainTextSelection guid="${guid}"> of ${where}`;
    const start = positionOf(node, 'startPosition', here);
    const end = positionOf(node, 'endPosition', here);
    if (end < start) refuse(here, `endPosition ${end} is before startPosition ${start}`);
    const codeGuids = childElements(node, 'Coding').map((coding, k) => {
      const ref = childElements(coding, 'CodeRef')[0];
      if (ref === undefined) return refuse(`<Coding> number ${k + 1} in ${here}`, 'has no CodeRef');
      const target = guidOf(ref, `<CodeRef> in ${here}`, 'targetGUID');
      if (!ctx.codes.has(target))
        refuse(
          `<CodeRef targetGUID="${target}"> in ${here}`,
          'no code in the CodeBook has this guid',
        );
      return target;
    });
    const user = (name: string) => {
      const g = attribute(node, name);
      const m = g ? GUID.exec(g.trim()) : null;
      return m?.[1] ? (ctx.users.get(m[1].toLowerCase()) ?? '') : '';
    };
    const claim = claimFields(textOf(childElements(node, 'Description')[0]));
    const notes = [
      ...notesOf(ctx, node),
      ...childElements(node, 'Coding').flatMap((c) => notesOf(ctx, c)),
      ...(claim.rest ? [claim.rest] : []),
    ];
    const createdBy = user('creatingUser');
    return {
      guid,
      start,
      end,
      name: attribute(node, 'name'),
      codeGuids: [...new Set(codeGuids)],
      createdBy,
      updatedBy: user('modifyingUser') || createdBy,
      createdAt: dateOf(node, 'creationDateTime'),
      updatedAt: dateOf(node, 'modifiedDateTime') ?? dateOf(node, 'creationDateTime'),
      note: notes.join('\n\n'),
      status: claim.status,
      speaker: claim.speaker,
      evidence: claim.evidence,
    };
  });
  // Code points of the text as written → UTF-16 offsets there → offsets in the LF text.
  const units = fromCodePoints(
    raw,
    read.flatMap((s) => [s.start, s.end]),
  );
  const offsets = toLfOffsets(raw, units);
  const rawPoints = [...raw].length;
  const anchors = read.map((s, i) => {
    const start = offsets[2 * i] ?? 0;
    const end = offsets[2 * i + 1] ?? 0;
    const quote = s.name === undefined ? text.slice(start, end) : lf(s.name);
    const inRange = s.end <= rawPoints;
    return { id: s.guid, start, end, quote, prefix: '', suffix: '', inRange };
  });
  const outcomes = reanchor(
    text,
    anchors.map((a) => (a.inRange ? a : { ...a, start: text.length, end: text.length })),
  );
  return read.map((s, i): ImportedSelection => {
    const { codeGuids, createdBy, updatedBy, createdAt, updatedAt, note } = s;
    const { status, speaker, evidence } = s;
    const a = anchors[i] as (typeof anchors)[number];
    const o = outcomes[i];
    const base = { guid: s.guid, codeGuids, createdBy, updatedBy, createdAt, updatedAt, note };
    const claim = { status, speaker, evidence };
    if (!o || o.status === 'orphaned')
      return {
        ...base,
        ...claim,
        start: a.start,
        end: a.end,
        quote: a.quote,
        placement: 'orphaned',
      };
    return {
      ...base,
      ...claim,
      start: o.start,
      end: o.end,
      quote: text.slice(o.start, o.end),
      placement: o.status,
    };
  });
}

/** Reads the project in `archive`; see the module comment. */
export function readProject(archive: ProjectArchive): ReadProjectResult {
  const parsed = parseXml(archive.qde);
  if (!parsed.ok) return { ok: false, error: `${archive.qdePath}: ${parsed.error}` };
  const roots = Object.keys(parsed.document).filter((t) => !t.startsWith('#') && t !== ATTRS);
  const rootTag = roots[0];
  if (rootTag === undefined || localName(rootTag) !== 'Project')
    return {
      ok: false,
      error: `${archive.qdePath}: the root element is ${rootTag ? `<${rootTag}>` : 'missing'}, not <Project>`,
    };
  const root = parsed.document[rootTag] as XmlNode;
  try {
    const users = new Map<string, string>();
    for (const list of childElements(root, 'Users'))
      childElements(list, 'User').forEach((u, i) => {
        const guid = guidOf(u, `<User> number ${i + 1}`);
        users.set(guid, (attribute(u, 'name') ?? attribute(u, 'id') ?? '').trim());
      });
    const codes: ImportedCode[] = [];
    const warnings = new Set<string>();
    const deep = readCodes(root, codes);
    if (deep > 0)
      warnings.add(
        `${deep} code(s) nested deeper than two levels were placed under their top-level code`,
      );
    const ctx: Context = {
      archive,
      users,
      notes: new Map(),
      codes: new Set(codes.map((c) => c.guid)),
      warnings,
    };
    for (const list of childElements(root, 'Notes'))
      childElements(list, 'Note').forEach((n, i) => {
        const where = `<Note> number ${i + 1}`;
        const guid = guidOf(n, where);
        const hasText =
          attribute(n, 'plainTextPath') !== undefined ||
          childElements(n, 'PlainTextContent').length > 0;
        ctx.notes.set(guid, hasText ? lf(sourceText(ctx, n, `<Note guid="${guid}">`).text) : '');
      });
    const sources: ImportedSource[] = [];
    const seen = new Set<string>();
    let moved = 0;
    let unplaced = 0;
    for (const list of childElements(root, 'Sources')) {
      const others = Object.keys(list as XmlNode).filter(
        (t) => !t.startsWith('#') && t !== ATTRS && localName(t) !== 'TextSource',
      );
      if (others.length)
        warnings.add(`Sources other than text were skipped (${others.map(localName).join(', ')})`);
      childElements(list, 'TextSource').forEach((node, i) => {
        const guid = guidOf(node, `<TextSource> number ${i + 1}`);
        const name = attribute(node, 'name')?.trim() || `Source ${i + 1}`;
        const where = `<TextSource name=${q(name)}>`;
        if (seen.has(guid)) refuse(where, `its guid ${guid} is used by another source`);
        seen.add(guid);
        const { text: raw, bom, bytes } = sourceText(ctx, node, where);
        const text = lf(raw);
        const selections = readSelections(ctx, node, where, raw, text);
        for (const s of selections) {
          if (s.placement === 'moved') moved++;
          if (s.placement === 'orphaned') unplaced++;
        }
        if (childElements(node, 'Coding').length)
          warnings.add('Codings of whole sources were skipped (Claimmark codes passages)');
        sources.push({
          guid,
          name,
          text,
          bytes,
          bom,
          createdAt: dateOf(node, 'creationDateTime'),
          selections,
        });
      });
    }
    const project: ImportedProject = {
      name: attribute(root, 'name') ?? '',
      codes,
      sources,
      moved,
      unplaced,
      warnings: [...warnings],
    };
    return { ok: true, project };
  } catch (e) {
    if (e instanceof Malformed) return { ok: false, error: e.message };
    throw e;
  }
}
