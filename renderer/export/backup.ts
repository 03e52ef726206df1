import { z } from 'zod';
import { pathProblem } from '../../shared/local-path';
import { CLAIM_STATUSES, ENCODINGS } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';
import { checkBackup, type BackupRepairs } from './backup-validate';

/**
 * A backup holds the whole library — documents, their texts, originals and
 * bytes, annotations, codebook, settings — as JSON, and restores exactly.
 */
const FORMAT = 'claimmark-backup';
const VERSION = 1;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const id = z.string().min(1);
const document = z.object({
  id,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string(),
  fileName: z.string(),
  // A network or device path here would make the desktop app stat and watch it on start.
  filePath: z
    .string()
    .superRefine((p, ctx) => {
      const problem = pathProblem(p);
      if (problem)
        ctx.addIssue({ code: 'custom', message: `"${p}" ${problem}; only local files are kept` });
    })
    .optional(),
  encoding: z.enum(ENCODINGS),
  bom: z.boolean(),
  length: z.number().int().nonnegative(),
  addedAt: z.string(),
  reflow: z.object({ lines: z.number(), paragraphs: z.number() }).nullable(),
  headingOverrides: z
    .object({ promote: z.array(z.number()), demote: z.array(z.number()) })
    .optional(),
  // PDF, Word and web-page documents (absent on text ones and older backups).
  format: z.enum(['text', 'pdf', 'docx', 'html']).optional(),
  pages: z.array(z.number().int().nonnegative()).optional(),
  headings: z
    .array(
      z.object({
        start: z.number().int().nonnegative(),
        level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      }),
    )
    .optional(),
  byline: z.string().optional(),
  date: z.string().optional(),
});
const annotation = z.object({
  id,
  docId: id,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  categoryIds: z.array(z.string()),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  // Absent from backups made before coders were recorded (schema version 5).
  createdBy: z.string().optional(),
  updatedBy: z.string().optional(),
  status: z.enum(CLAIM_STATUSES),
  speaker: z.string(),
  evidence: z.string(),
  orphaned: z.boolean().optional(),
  quantities: z
    .array(
      z.object({
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative(),
        text: z.string(),
        value: z.number(),
        unit: z.string(),
        approx: z.enum(['more', 'less', 'about', 'at-least', 'at-most']).optional(),
        range: z.enum(['from', 'to']).optional(),
        fraction: z.object({ numerator: z.number(), denominator: z.number() }).optional(),
      }),
    )
    .optional(),
  claimFigures: z
    .array(
      z.object({
        key: z.string(),
        unit: z.string(),
        value: z.number(),
        tokens: z.array(z.string()),
      }),
    )
    .optional(),
});
const category = z.object({
  id,
  name: z.string().min(1),
  parentId: z.string().nullable(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  description: z.string(),
  order: z.number(),
  claimKind: z.enum(['statistic', 'target', 'attribution', 'comparison']).optional(),
});
const backupSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  exportedAt: z.string(),
  documents: z.array(document),
  texts: z.array(z.object({ docId: id, text: z.string() })),
  originals: z.array(
    z.object({
      docId: id,
      text: z.string(),
      map: z.object({
        runs: z.array(z.number()),
        reflowedLength: z.number(),
        originalLength: z.number(),
      }),
    }),
  ),
  sources: z.array(z.object({ docId: id, base64: z.string() })),
  annotations: z.array(annotation),
  categories: z.array(category),
  settings: z.array(z.object({ key: z.string(), value: z.string() })),
  // Absent from backups made before suggestions existed.
  dismissals: z
    .array(z.object({ id: z.string(), docId: id, quote: z.string(), at: z.string() }))
    .optional(),
});
export type Backup = z.infer<typeof backupSchema>;

export async function buildBackup(db: ClaimmarkDB, now = new Date()): Promise<Backup> {
  const tables = [db.documents, db.texts, db.originals, db.sources, db.annotations];
  return db.transaction('r', [...tables, db.categories, db.settings, db.dismissals], async () => ({
    format: FORMAT,
    version: VERSION,
    exportedAt: now.toISOString(),
    documents: await db.documents.toArray(),
    texts: await db.texts.toArray(),
    originals: await db.originals.toArray(),
    sources: (await db.sources.toArray()).map((s) => ({
      docId: s.docId,
      base64: toBase64(s.bytes),
    })),
    annotations: await db.annotations.toArray(),
    categories: await db.categories.toArray(),
    settings: await db.settings.toArray(),
    dismissals: await db.dismissals.toArray(),
  }));
}

export type { BackupRepairs } from './backup-validate';

/**
 * A backup that passed every check, or what is wrong and where. `repaired`
 * counts the annotations whose quote was not at their offsets: re-placed where
 * the quote is, or orphaned (present only when there were any).
 */
export type ParsedBackup =
  { ok: true; backup: Backup; repaired?: BackupRepairs } | { ok: false; error: string };

/**
 * Checks a backup file before anything is asked or replaced; says what is
 * wrong and where (collection, index and id of the record, and the field).
 * Besides the shape: unique ids, references to documents and categories,
 * ranges within the text (see `checkBackup`).
 */
export function parseBackup(json: string): ParsedBackup {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `not JSON (${(e as Error).message})` };
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { format?: unknown }).format !== FORMAT
  ) {
    return { ok: false, error: 'not a Claimmark backup (no "format": "claimmark-backup")' };
  }
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'the file';
    return { ok: false, error: `${where}: ${issue?.message ?? 'invalid'}` };
  }
  const checked = checkBackup(parsed.data);
  if (!checked.ok) return checked;
  const { replaced, orphaned } = checked.repaired;
  return replaced + orphaned > 0
    ? { ok: true, backup: checked.backup, repaired: checked.repaired }
    : { ok: true, backup: checked.backup };
}

/** Replaces the whole library with the backup, in one transaction: all or nothing. */
export async function restoreBackup(db: ClaimmarkDB, backup: Backup): Promise<void> {
  const tables = [db.documents, db.texts, db.originals, db.sources, db.annotations];
  // Where earlier texts moved the annotations goes with them (shifts.ts).
  const rest = [db.categories, db.settings, db.dismissals, db.shifts];
  await db.transaction('rw', [...tables, ...rest], async () => {
    await Promise.all([...tables, ...rest].map((t) => t.clear()));
    await db.documents.bulkAdd(backup.documents);
    await db.texts.bulkAdd(backup.texts);
    await db.originals.bulkAdd(backup.originals);
    await db.sources.bulkAdd(
      backup.sources.map((s) => ({ docId: s.docId, bytes: fromBase64(s.base64) })),
    );
    await db.annotations.bulkAdd(backup.annotations);
    await db.categories.bulkAdd(backup.categories);
    await db.settings.bulkAdd(backup.settings);
    await db.dismissals.bulkAdd(backup.dismissals ?? []);
  });
}
