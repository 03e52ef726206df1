import { useCallback } from 'react';
import { annotationStore } from '../annotations/instance';
import { db } from '../db/instance';
import { errorMessage, isQuotaError } from '../db/storage-error';
import { useI18n } from '../i18n/i18n';
import { platform } from '../platform';
import { useNotify } from '../ui/notices';

// Exporters and readers (zod, XML, zip, xlsx) are imported on first use: not parsed with the window.

const sentence = (detail: string): string => detail.replace(/[.。]+\s*$/u, '');

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
    const read = (await import('./merge')).readWork(bytes);
    if (!read.ok) return failed(read.error);
    try {
      const r = await (await import('./merge')).mergeWork(db, read.work);
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
