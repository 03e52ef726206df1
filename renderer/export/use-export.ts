import { useCallback } from 'react';
import { db } from '../db/instance';
import { errorMessage } from '../db/storage-error';
import { useI18n } from '../i18n/i18n';
import { platform } from '../platform';
import { useNotify } from '../ui/notices';

// Exporters and readers (zod, XML, zip, xlsx) are imported on first use: not parsed with the window.

type Scope = 'document' | 'library';

/** An export built and ready to save: text or bytes, with the save dialog's filter. */
interface Built {
  rows: number;
  fileName: string;
  data: string | Uint8Array;
  filter: { name: string; extensions: string[] };
}

/** Builds an export, saves it where the user says, and says what happened (or that nothing was there). */
function useSaveExport() {
  const { t } = useI18n();
  const notify = useNotify();
  return useCallback(
    async (build: () => Promise<Built>) => {
      try {
        const out = await build();
        if (out.rows === 0) return notify('info', t('exportNothing'));
        const saved =
          typeof out.data === 'string'
            ? await platform.saveText(out.fileName, out.data, out.filter)
            : await platform.saveBytes(out.fileName, out.data, out.filter);
        if (saved) notify('info', t('exported', { n: out.rows, file: out.fileName }));
      } catch (error) {
        notify('error', t('exportFailed', { detail: errorMessage(error) }));
      }
    },
    [notify, t],
  );
}

type Translate = ReturnType<typeof useI18n>['t'];

/** An export for the open document or the whole library; the document scope needs one open. */
function useScopedExport(
  docId: string | null,
  build: (docId: string | null, t: Translate) => Promise<Built>,
) {
  const { t } = useI18n();
  const notify = useNotify();
  const save = useSaveExport();
  return useCallback(
    async (scope: Scope) => {
      if (scope === 'document' && !docId) return notify('info', t('noDocumentToExport'));
      await save(() => build(scope === 'document' ? docId : null, t));
    },
    [build, docId, notify, save, t],
  );
}

const csvFile = async (docId: string | null, t: Translate): Promise<Built> => {
  const csv = await (await import('./export-csv')).buildCsvExport(db, docId);
  return { ...csv, data: csv.content, filter: { name: t('csvFilter'), extensions: ['csv'] } };
};

const workbookFile = async (docId: string | null, t: Translate): Promise<Built> => {
  const book = await (await import('./export-xlsx')).buildXlsxExport(db, docId);
  return { ...book, data: book.bytes, filter: { name: t('xlsxFilter'), extensions: ['xlsx'] } };
};

/** "Export CSV" for the open document or the whole library. */
export const useExportCsv = (docId: string | null) => useScopedExport(docId, csvFile);

/** "Excel workbook (.xlsx)" for the open document or the whole library. */
export const useExportXlsx = (docId: string | null) => useScopedExport(docId, workbookFile);

/** Export ▸ Web Annotations (JSON-LD), for the library or the open document. */
export function useExportW3c(docId: string | null) {
  const save = useSaveExport();
  return useCallback(
    (onlyDocument: boolean) =>
      save(async () => {
        const out = await (
          await import('./project')
        ).buildW3cExport(db, onlyDocument ? docId : null);
        return { ...out, data: out.content, filter: { name: 'JSON-LD', extensions: ['jsonld'] } };
      }),
    [docId, save],
  );
}
