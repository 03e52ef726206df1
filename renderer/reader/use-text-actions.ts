import { useCallback } from 'react';
import type { FileReadResult } from '../../shared/file-errors';
import type { DocumentRecord } from '../../shared/types';
import { annotationStore } from '../annotations/instance';
import { db } from '../db/instance';
import { errorMessage } from '../db/storage-error';
import { useI18n } from '../i18n/i18n';
import { decodeFile } from '../library/decode';
import { fileErrorMessage } from '../library/messages';
import { platform } from '../platform';
import { useStorageFailures } from '../app/storage-failures';
import { useNotify } from '../ui/notices';
import { setReflow } from './reflow-choice';
import { replaceText } from './replace-text';

/** Reflow on/off, "Replace text…" and reloading a file that changed on disk. */
export function useTextActions() {
  const { t } = useI18n();
  const notify = useNotify();
  const { report } = useStorageFailures();

  const replaceWith = useCallback(
    async (doc: DocumentRecord, results: FileReadResult[]) => {
      const result = results[0];
      if (!result) return;
      if (!result.ok) return notify('error', fileErrorMessage(t, result.error));
      try {
        const outcome = await replaceText(db, doc.id, result.file, decodeFile);
        if (outcome.kind === 'replaced') annotationStore.history.forget(doc.id);
        const values = { title: doc.title, file: result.file.name };
        if (outcome.kind === 'replaced') {
          // Stays until dismissed: the analyst needs to read what happened.
          notify('info', t('replaced', { ...values, ...outcome.report }), { sticky: true });
        } else if (outcome.kind === 'unchanged') notify('info', t('replaceUnchanged', values));
        else if (outcome.kind === 'duplicate') {
          notify('error', t('replaceDuplicate', { other: outcome.other.title }));
        } else {
          notify(
            'error',
            fileErrorMessage(t, {
              name: result.file.name,
              code: outcome.code,
              ...(outcome.detail ? { detail: outcome.detail } : {}),
            }),
          );
        }
      } catch (error) {
        report(error, { key: `replace:${doc.id}`, what: t('whatReplace', { title: doc.title }) });
      }
    },
    [notify, report, t],
  );

  return {
    async toggleReflow(doc: DocumentRecord, on: boolean) {
      const write = async () => {
        await setReflow(db, doc.id, on);
        annotationStore.history.forget(doc.id);
      };
      try {
        await write();
      } catch (error) {
        report(error, {
          key: `reflow:${doc.id}`,
          what: t('whatReflow', { title: doc.title }),
          retry: write,
        });
      }
    },
    async replace(doc: DocumentRecord) {
      try {
        await replaceWith(doc, await platform.pickFiles());
      } catch (error) {
        notify('error', errorMessage(error));
      }
    },
    /** A watched file changed: offer to load the new version. */
    offerReload(doc: DocumentRecord) {
      const read = platform.readPaths;
      if (!read || !doc.filePath) return;
      const path = doc.filePath;
      notify('info', t('fileChanged', { file: path }), {
        action: {
          label: t('reload'),
          run: () =>
            void read([path])
              .then((r) => replaceWith(doc, r))
              .catch((error: unknown) => notify('error', errorMessage(error))),
        },
      });
    },
    replaceWith,
  };
}
