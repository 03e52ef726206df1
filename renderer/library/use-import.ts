import { useCallback } from 'react';
import type { FileReadResult } from '../../shared/file-errors';
import { db } from '../db/instance';
import { setReflow } from '../reader/reflow-choice';
import { useI18n } from '../i18n/i18n';
import { useNotify } from '../ui/notices';
import { decodeFile } from './decode';
import { importFiles } from './import-files';
import { fileErrorMessage } from './messages';

/** Imports files, reports each one that failed, and opens the last one imported. */
export function useImport(
  open: (docId: string) => void,
): (results: FileReadResult[]) => Promise<void> {
  const { t } = useI18n();
  const notify = useNotify();
  return useCallback(
    async (results) => {
      if (results.length === 0) return;
      const outcomes = await importFiles(results, {
        db,
        decode: decodeFile,
        now: () => new Date(),
      });
      let added = 0;
      let last: string | null = null;
      for (const o of outcomes) {
        if (o.kind === 'added') {
          added++;
          last = o.doc.id;
          const { doc } = o;
          if (doc.reflow) {
            const values = { file: doc.fileName, ...doc.reflow };
            notify('info', t('reflowedNotice', values), {
              action: { label: t('showAsInFile'), run: () => void setReflow(db, doc.id, false) },
            });
          }
        } else if (o.kind === 'existing') {
          last = o.doc.id;
          notify('info', t('alreadyInLibrary', { file: o.fileName, title: o.doc.title }));
        } else if (o.kind === 'rejected') {
          notify('error', fileErrorMessage(t, o.error));
        } else {
          notify(
            'error',
            o.quota
              ? t('errQuota', { file: o.fileName })
              : t('errStorage', { file: o.fileName, detail: o.detail }),
          );
        }
      }
      if (added > 0) notify('info', t('imported', { n: added }));
      if (last) open(last);
    },
    [notify, open, t],
  );
}
