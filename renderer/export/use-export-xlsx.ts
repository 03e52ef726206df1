import { useCallback } from 'react';
import { db } from '../db/instance';
import { errorMessage } from '../db/storage-error';
import { useI18n } from '../i18n/i18n';
import { platform } from '../platform';
import { useNotify } from '../ui/notices';
import { buildXlsxExport } from './export-xlsx';

/** "Excel workbook (.xlsx)" for the open document or the whole library. */
export function useExportXlsx(docId: string | null) {
  const { t } = useI18n();
  const notify = useNotify();
  return useCallback(
    async (scope: 'document' | 'library') => {
      if (scope === 'document' && !docId) return notify('info', t('noDocumentToExport'));
      try {
        const workbook = await buildXlsxExport(db, scope === 'document' ? docId : null);
        if (workbook.rows === 0) return notify('info', t('exportNothing'));
        const saved = await platform.saveBytes(workbook.fileName, workbook.bytes, {
          name: t('xlsxFilter'),
          extensions: ['xlsx'],
        });
        if (saved) notify('info', t('exported', { n: workbook.rows, file: workbook.fileName }));
      } catch (error) {
        notify('error', t('exportFailed', { detail: errorMessage(error) }));
      }
    },
    [docId, notify, t],
  );
}
