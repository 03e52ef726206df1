import { useCallback } from 'react';
import { annotationStore } from '../annotations/instance';
import { db } from '../db/instance';
import { errorMessage, isQuotaError } from '../db/storage-error';
import { useI18n } from '../i18n/i18n';
import { platform } from '../platform';
import { useConfirm } from '../ui/confirm';
import { useNotify } from '../ui/notices';

// Exporters and readers (zod, XML, zip, xlsx) are imported on first use: not parsed with the window.

/** Back up the library as JSON, and restore it from such a file. */
export function useBackup() {
  const { t } = useI18n();
  const notify = useNotify();
  const confirm = useConfirm();

  const backup = useCallback(async () => {
    try {
      const data = await (await import('./backup')).buildBackup(db);
      const day = data.exportedAt.slice(0, 10);
      const saved = await platform.saveText(`claimmark-backup-${day}.json`, JSON.stringify(data), {
        name: 'JSON',
        extensions: ['json'],
      });
      if (saved)
        notify(
          'info',
          t('backupSaved', { docs: data.documents.length, n: data.annotations.length }),
        );
    } catch (error) {
      notify('error', t('exportFailed', { detail: errorMessage(error) }));
    }
  }, [notify, t]);

  const restore = useCallback(async () => {
    const [picked] = await platform.pickFiles('backup');
    if (!picked) return;
    if (!picked.ok)
      return notify(
        'error',
        t('restoreFailed', { file: picked.error.name, detail: picked.error.code }),
      );
    const { name, bytes } = picked.file;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return notify('error', t('restoreFailed', { file: name, detail: 'not UTF-8 text' }));
    }
    const parsed = (await import('./backup')).parseBackup(text);
    if (!parsed.ok)
      return notify('error', t('restoreFailed', { file: name, detail: sentence(parsed.error) }));
    const b = parsed.backup;
    const repaired = parsed.repaired ? ' ' + t('restoreRepaired', { ...parsed.repaired }) : '';
    const ok = await confirm({
      message:
        t('restoreConfirm', {
          file: name,
          date: new Date(b.exportedAt).toLocaleString(),
          docs: b.documents.length,
          n: b.annotations.length,
          current: await db.documents.count(),
        }) + repaired,
      confirmLabel: t('restore'),
      danger: true,
    });
    if (!ok) return;
    try {
      await (await import('./backup')).restoreBackup(db, b);
      annotationStore.history.clear();
      notify(
        'info',
        t('restored', { file: name, docs: b.documents.length, n: b.annotations.length }),
      );
    } catch (error) {
      const detail = isQuotaError(error) ? t('errQuota', { file: name }) : errorMessage(error);
      notify('error', t('restoreFailed', { file: name, detail: sentence(detail) }));
    }
  }, [confirm, notify, t]);

  return { backup, restore };
}

/** A detail that goes before the message's own full stop ("….." otherwise). */
const sentence = (detail: string): string => detail.replace(/[.。]+\s*$/u, '');
