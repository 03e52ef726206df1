import type { Category } from '../../shared/types';
import { annotationStore } from '../annotations/instance';
import { db } from '../db/instance';
import { errorMessage } from '../db/storage-error';
import { useI18n } from '../i18n/i18n';
import { platform } from '../platform';
import { useNotify } from '../ui/notices';
import type { CodebookFormat } from './codebook-transfer';

// The CSV and XML readers and writers are imported on first use: not parsed with the window.
const transfer = () => import('./codebook-transfer');

/** Codebook import and export: CSV, and REFI-QDA .qdc for MAXQDA, ATLAS.ti, NVivo, QualCoder. */
export function CodebookTransfer({ categories }: { categories: readonly Category[] }) {
  const { t } = useI18n();
  const notify = useNotify();

  const save = async (format: CodebookFormat) => {
    const file = (await transfer()).exportCodebook([...categories], format);
    try {
      await platform.saveText(file.fileName, file.content, {
        name: format === 'csv' ? 'CSV' : 'REFI-QDA codebook',
        extensions: [file.ext],
      });
    } catch (error) {
      notify('error', t('exportFailed', { detail: errorMessage(error) }));
    }
  };

  const load = async () => {
    const [result] = await platform.pickFiles('codebook');
    if (!result) return;
    if (!result.ok)
      return notify(
        'error',
        t('codebookImportFailed', { file: result.error.name, detail: result.error.code }),
      );
    const { name, bytes } = result.file;
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      const outcome = await (await transfer()).importCodebook(db, name, text, annotationStore);
      if (!outcome.ok)
        return notify('error', t('codebookImportFailed', { file: name, detail: outcome.error }));
      notify(
        'info',
        t('codebookImported', { file: name, added: outcome.added, updated: outcome.updated }),
      );
      for (const warning of outcome.warnings) notify('info', warning, { sticky: true });
    } catch (error) {
      notify('error', t('codebookImportFailed', { file: name, detail: errorMessage(error) }));
    }
  };

  return (
    <div className="codebook-transfer">
      <button onClick={() => void load()}>{t('importCodebook')}</button>
      <button onClick={() => void save('csv')}>{t('exportCodebookCsv')}</button>
      <button onClick={() => void save('qdc')}>{t('exportCodebookQdc')}</button>
    </div>
  );
}
