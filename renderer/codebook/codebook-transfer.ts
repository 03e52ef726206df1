import { codebookToCsv, parseCodebookCsv } from '../../shared/codebook-csv';
import { planMerge } from '../../shared/codebook-merge';
import { codebookToQdc, parseQdc } from '../../shared/codebook-qdc';
import type { Category } from '../../shared/types';
import type { ClaimmarkDB } from '../db/db';
import type { Change } from '../annotations/undo';
import type { ChangeRecorder } from './codebook';
import { nextColor } from './codebook';

export type CodebookFormat = 'csv' | 'qdc';

export function exportCodebook(categories: Category[], format: CodebookFormat) {
  return format === 'csv'
    ? { fileName: 'claimmark-codebook.csv', content: codebookToCsv(categories), ext: 'csv' }
    : { fileName: 'claimmark-codebook.qdc', content: codebookToQdc(categories), ext: 'qdc' };
}

export type ImportResult =
  { ok: true; added: number; updated: number; warnings: string[] } | { ok: false; error: string };

/** Reads a codebook file (CSV or REFI-QDA .qdc) and merges it by name; nothing is deleted. */
export async function importCodebook(
  db: ClaimmarkDB,
  fileName: string,
  text: string,
  recorder: ChangeRecorder,
): Promise<ImportResult> {
  const body = text.replace(/^\uFEFF/, '');
  const xml = /\.(qdc|xml)$/i.test(fileName) || body.trimStart().startsWith('<');
  const parsed = xml ? parseQdc(body) : parseCodebookCsv(body);
  if (!parsed.ok) return parsed;
  const existing = await db.categories.orderBy('order').toArray();
  const plan = planMerge(existing, parsed.entries);
  const used = existing.map((c) => c.color);
  const byId = new Map(existing.map((c) => [c.id, c]));
  const changes: Change[] = [];
  for (const add of plan.add) {
    const color = add.color ?? nextColor(used);
    used.push(color);
    const category: Category = {
      id: add.id,
      name: add.name,
      parentId: add.parentId,
      color,
      description: add.description,
      order: add.order,
    };
    changes.push({ table: 'categories', before: null, after: category });
  }
  for (const { id, patch } of plan.update) {
    const before = byId.get(id);
    if (before) changes.push({ table: 'categories', before, after: { ...before, ...patch } });
  }
  if (changes.length > 0) await recorder.commitChanges('import-codebook', changes);
  return {
    ok: true,
    added: plan.add.length,
    updated: plan.update.length,
    warnings: [
      ...('warnings' in parsed ? (parsed.warnings as string[]) : []),
      ...(plan.warnings ?? []),
    ],
  };
}
