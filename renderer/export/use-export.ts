import { useCallback } from 'react';
import { db } from '../db/instance';
import { errorMessage } from '../db/storage-error';
import { useI18n } from '../i18n/i18n';
import { platform } from '../platform';
import { useNotify } from '../ui/notices';
import { buildCsvExport } from './export-csv';
import { buildW3cExport } from './project';

/** "Export CSV" for the open document or the whole library. */
export function useExportCsv(docId: string | null) {
  const { t } = useI18n();
  const notify = useNotify();
  return useCallback(
    async (scope: 'document' | 'library') => {
      if (scope === 'document' && !docId) return notify('info', t('noDocumentToExport'));
      try {
        const csv = await buildCsvExport(db, scope === 'document' ? docId : null);
        if (csv.rows === 0) return notify('info', t('exportNothing'));
        const saved = await platform.saveText(csv.fileName, csv.content, {
          name: t('csvFilter'),
          extensions: ['csv'],
        });
        if (saved) notify('info', t('exported', { n: csv.rows, file: csv.fileName }));
      } catch (error) {
        notify('error', t('exportFailed', { detail: errorMessage(error) }));
      }
    },
    [docId, notify, t],
  );
}

/** Export ▸ Web Annotations (JSON-LD), for the library or the open document. */
export function useExportW3c(docId: string | null) {
  const { t } = useI18n();
  const notify = useNotify();
  return useCallback(
    async (onlyDocument: boolean) => {
      try {
        const out = await buildW3cExport(db, onlyDocument ? docId : null);
        if (out.rows === 0) return notify('info', t('exportNothing'));
        const saved = await platform.saveText(out.fileName, out.content, {
          name: 'JSON-LD',
          extensions: ['jsonld'],
        });
        if (saved) notify('info', t('exported', { n: out.rows, file: out.fileName }));
      } catch (error) {
        notify('error', t('exportFailed', { detail: errorMessage(error) }));
      }
    },
    [docId, notify, t],
  );
}
