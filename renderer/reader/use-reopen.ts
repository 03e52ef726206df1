import type { DocumentRecord, Encoding } from '../../shared/types';
import { ENCODING_NAMES } from '../../shared/types';
import { annotationStore } from '../annotations/instance';
import { db } from '../db/instance';
import { errorMessage } from '../db/storage-error';
import { useI18n } from '../i18n/i18n';
import { decodeFile } from '../library/decode';
import { reopenAs } from '../library/import-files';
import { useConfirm } from '../ui/confirm';
import { useNotify } from '../ui/notices';

/** "Reopen as…": decodes the document's original bytes with another encoding. */
export function useReopen(doc: DocumentRecord | null, annotationCount: number) {
  const { t } = useI18n();
  const notify = useNotify();
  const confirm = useConfirm();
  return async (encoding: Encoding) => {
    if (!doc) return;
    const values = { title: doc.title, file: doc.fileName, encoding: ENCODING_NAMES[encoding] };
    if (annotationCount > 0) {
      const message = t('reopenConfirm', { ...values, n: annotationCount });
      if (!(await confirm({ message, confirmLabel: t('reopenAs') }))) return;
    }
    try {
      const outcome = await reopenAs(doc.id, encoding, { db, decode: decodeFile });
      if (outcome.kind === 'reopened') {
        annotationStore.history.forget(doc.id);
        notify('info', t('reopened', { ...values, ...outcome.report }));
      } else if (outcome.kind === 'unchanged') notify('info', t('reopenSame', values));
      else if (outcome.kind === 'duplicate') {
        notify('error', t('reopenDuplicate', { ...values, other: outcome.other.title }));
      } else notify('error', t('reopenFailed', values));
    } catch (error) {
      notify('error', t('errSaveChange', { detail: errorMessage(error) }));
    }
  };
}
