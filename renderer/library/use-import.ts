import { useCallback } from 'react';
import type { FileReadResult } from '../../shared/file-errors';
import { db } from '../db/instance';
import { showBeforeStored } from '../db/library-list';
import { handOverText, releaseText } from '../db/text-handoff';
import { setReflow } from '../reader/reflow-choice';
import { useI18n } from '../i18n/i18n';
import { afterPaint } from '../ui/after-paint';
import { useNotify } from '../ui/notices';
import { decodeFile } from './decode';
import { importFiles, type Preview } from './import-files';
import { damageMessages, fileErrorMessage, importedMessage } from './messages';

/**
 * Imports files, reports each one that failed, warns about each one imported
 * with damage (undecodable bytes, stray NULs taken out), names the ones
 * imported, and opens the last one.
 */
export function useImport(
  open: (docId: string) => void,
  /** The document open now: the one to go back to if a document shown before its write is not stored. */
  current: () => string | null = () => null,
): (results: FileReadResult[]) => Promise<void> {
  const { t } = useI18n();
  const notify = useNotify();
  return useCallback(
    async (results) => {
      if (results.length === 0) return;
      let previewed: string | null = null;
      const preview: Preview = async (doc, text) => {
        const drop = showBeforeStored(doc);
        if (!drop) return null;
        const before = current();
        handOverText(doc.id, text);
        open(doc.id);
        previewed = doc.id;
        await afterPaint();
        return () => {
          drop();
          releaseText(doc.id);
          if (before !== null && before !== doc.id) open(before);
        };
      };
      const outcomes = await importFiles(results, {
        db,
        decode: decodeFile,
        now: () => new Date(),
        preview,
      });
      const added: string[] = [];
      const warnings: string[] = [];
      let last: string | null = null;
      for (const o of outcomes) {
        if (o.kind === 'added') {
          added.push(o.doc.fileName);
          last = o.doc.id;
          const { doc } = o;
          if (doc.reflow) {
            const values = { file: doc.fileName, ...doc.reflow };
            notify('info', t('reflowedNotice', values), {
              action: { label: t('showAsInFile'), run: () => void setReflow(db, doc.id, false) },
            });
          }
          if (o.damage) warnings.push(...damageMessages(t, doc.fileName, o.damage));
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
      // Warnings stay until dismissed. They come after the reflow notices, so a
      // full stack of notices drops those first (it drops the oldest).
      for (const warning of warnings) notify('info', warning, { sticky: true });
      if (added.length > 0) notify('info', importedMessage(t, added));
      // Opened already if it was shown before its write. One whose write failed is gone
      // from the list, and the document open before it is back; the last one stored opens instead.
      if (last && last !== previewed) open(last);
    },
    [current, notify, open, t],
  );
}
