import { useCallback } from 'react';
import { db } from '../db/instance';
import { errorMessage, isQuotaError } from '../db/storage-error';
import { useI18n } from '../i18n/i18n';
import { platform } from '../platform';
import { useNotify } from '../ui/notices';

// Exporters and readers (zod, XML, zip, xlsx) are imported on first use: not parsed with the window.

/** A detail that goes before the message's own full stop. */
const sentence = (detail: string): string => detail.replace(/[.。]+\s*$/u, '');

/** Export ▸ REFI-QDA project, and Import ▸ REFI-QDA project…. */
export function useProject(docId: string | null) {
  const { t } = useI18n();
  const notify = useNotify();

  const exportProject = useCallback(
    async (onlyDocument: boolean) => {
      try {
        const out = await (
          await import('./project')
        ).buildProjectExport(db, onlyDocument ? docId : null);
        const saved = await platform.saveBytes(out.fileName, out.bytes, {
          name: 'REFI-QDA project',
          extensions: ['qdpx'],
        });
        if (saved)
          notify(
            'info',
            t('projectExported', { docs: out.documents, n: out.selections, file: out.fileName }),
          );
      } catch (error) {
        notify('error', t('exportFailed', { detail: errorMessage(error) }));
      }
    },
    [docId, notify, t],
  );

  const importFile = useCallback(async () => {
    const [picked] = await platform.pickFiles('project');
    if (!picked) return;
    if (!picked.ok) {
      const { name, code } = picked.error;
      return notify('error', t('projectImportFailed', { file: name, detail: code }));
    }
    const { name, bytes } = picked.file;
    const failed = (detail: string) =>
      notify('error', t('projectImportFailed', { file: name, detail: sentence(detail) }), {
        sticky: true,
      });
    const unpacked = (await import('../../shared/exchange/qdpx')).unpackProject(bytes);
    if (!unpacked.ok) return failed(unpacked.error);
    const read = (await import('../../shared/exchange/qde-read')).readProject(unpacked.archive);
    if (!read.ok) return failed(read.error);
    try {
      const r = await (await import('./project')).importProject(db, read.project);
      const message =
        t('projectImported', {
          file: name,
          docs: r.documents,
          matched: r.matched,
          codes: r.codesAdded,
          merged: r.codesMerged,
          n: r.annotations,
          skipped: r.skipped,
          coders: r.coders.length ? r.coders.join(', ') : t('projectNobody'),
        }) +
        (r.moved + r.unplaced > 0
          ? ' ' + t('projectReplaced', { moved: r.moved, unplaced: r.unplaced })
          : '') +
        (r.warnings.length ? ` (${r.warnings.join('; ')})` : '');
      notify('info', message, { sticky: true });
    } catch (error) {
      failed(isQuotaError(error) ? t('errQuota', { file: name }) : errorMessage(error));
    }
  }, [notify, t]);

  return { exportProject, importFile };
}
