import { useCallback } from 'react';
import { readProject } from '../../shared/exchange/qde-read';
import { unpackProject } from '../../shared/exchange/qdpx';
import { annotationStore } from '../annotations/instance';
import { db } from '../db/instance';
import { errorMessage, isQuotaError } from '../db/storage-error';
import { useI18n } from '../i18n/i18n';
import { platform } from '../platform';
import { useNotify } from '../ui/notices';
import { parseBackup } from './backup';
import { mergeWork, workFromBackup, workFromProject, type IncomingWork } from './merge';

const sentence = (detail: string): string => detail.replace(/[.。]+\s*$/u, '');

/** A backup (JSON) or a project (a zip, "PK"), told apart by the bytes, not the name. */
function readWork(
  bytes: Uint8Array,
): { ok: true; work: IncomingWork } | { ok: false; error: string } {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const unpacked = unpackProject(bytes);
    if (!unpacked.ok) return unpacked;
    const read = readProject(unpacked.archive);
    return read.ok ? { ok: true, work: workFromProject(read.project) } : read;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      error: 'neither a Claimmark backup nor a REFI-QDA project (not UTF-8 text, not a zip)',
    };
  }
  const parsed = parseBackup(text);
  return parsed.ok ? { ok: true, work: workFromBackup(parsed.backup) } : parsed;
}

/** Import ▸ Another analyst's work…: merged into the library, said in a notice that stays. */
export function useMerge() {
  const { t } = useI18n();
  const notify = useNotify();
  return useCallback(async () => {
    const [picked] = await platform.pickFiles('work');
    if (!picked) return;
    if (!picked.ok) {
      const { name, code } = picked.error;
      return notify('error', t('workMergeFailed', { file: name, detail: code }), { sticky: true });
    }
    const { name, bytes } = picked.file;
    const failed = (detail: string) =>
      notify('error', t('workMergeFailed', { file: name, detail: sentence(detail) }), {
        sticky: true,
      });
    const read = readWork(bytes);
    if (!read.ok) return failed(read.error);
    try {
      const r = await mergeWork(db, read.work);
      await annotationStore.remember('merge', r.changes);
      const message = [
        t('workMerged', {
          file: name,
          added: r.added,
          updated: r.updated,
          skipped: r.skipped,
          docs: r.documentsAdded,
          matched: r.documentsMatched,
          codes: r.categoriesAdded,
          codesMatched: r.categoriesMatched,
          coders: r.coders.length ? r.coders.join(', ') : t('projectNobody'),
        }),
        r.unmatched ? t('workUnmatched', { n: r.unmatched }) : '',
        r.orphaned ? t('workOrphaned', { n: r.orphaned }) : '',
      ]
        .filter(Boolean)
        .join(' ');
      notify('info', message, { sticky: true });
    } catch (error) {
      failed(isQuotaError(error) ? t('errQuota', { file: name }) : errorMessage(error));
    }
  }, [notify, t]);
}
