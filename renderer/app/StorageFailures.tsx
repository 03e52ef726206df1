import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { isClosedError, onConnectionLost } from '../db/connection';
import { errorMessage, isQuotaError } from '../db/storage-error';
import { UnsavedChanges, type UnsavedChange, type UnsavedState } from '../db/unsaved';
import { useBackup } from '../export/use-backup';
import { useI18n, type Translate } from '../i18n/i18n';
import { useNotices } from '../ui/notices';
import {
  StorageFailureContext,
  type ReportFailure,
  type StorageFailures,
} from './storage-failures';

const QUOTA = 'storage-quota';
const CLOSED = 'storage-closed';
const LISTED = 3;

export function listWhat(t: Translate, changes: readonly UnsavedChange[]): string {
  const names = changes.map((c) => c.what);
  const shown = names.slice(0, LISTED).join(', ');
  return names.length > LISTED ? t('quotaMore', { list: shown, n: names.length - LISTED }) : shown;
}

export function StorageFailureProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { notify, withdraw } = useNotices();
  const { backup } = useBackup();
  const latest = useRef({ t, notify, withdraw, backup });
  useEffect(() => {
    latest.current = { t, notify, withdraw, backup };
  });

  const unsaved = useMemo(() => {
    const held = new UnsavedChanges((state: UnsavedState) => {
      const { t, notify, withdraw, backup } = latest.current;
      if (state.phase === 'recovered') {
        if (state.saved > 0) notify('info', t('quotaRecovered'), { key: QUOTA });
        else withdraw(QUOTA);
        return;
      }
      notify('error', t('quotaNotSaved', { list: listWhat(t, state.changes) }), {
        key: QUOTA,
        actions: [
          { label: t('tryAgain'), keepOpen: true, run: () => void held.retryNow() },
          { label: t('backupNow'), keepOpen: true, run: () => void backup() },
        ],
      });
    });
    return held;
  }, []);

  const closed = useCallback(() => {
    const { t, notify } = latest.current;
    notify('error', t('dbClosed'), {
      key: CLOSED,
      actions: [{ label: t('reload'), run: () => window.location.reload() }],
    });
  }, []);
  useEffect(() => onConnectionLost(closed), [closed]);

  const report = useCallback<ReportFailure>(
    (error, change) => {
      if (isClosedError(error)) return closed();
      if (isQuotaError(error)) return unsaved.add(change);
      const { t, notify } = latest.current;
      const detail = errorMessage(error);
      notify('error', t('errSaveWhat', { what: change.what, detail }), { key: `error:${detail}` });
    },
    [closed, unsaved],
  );
  const api = useMemo<StorageFailures>(
    () => ({ report, settle: (key) => unsaved.settle(key) }),
    [report, unsaved],
  );
  return <StorageFailureContext.Provider value={api}>{children}</StorageFailureContext.Provider>;
}
