import { useCallback } from 'react';
import { useStorageFailures } from '../app/storage-failures';
import { useI18n } from '../i18n/i18n';
import { db } from './instance';

/** Stores a setting; a failure is reported (and held on a full disk) like any edit. */
export function useSaveSetting(): (key: string, value: string) => void {
  const { report } = useStorageFailures();
  const { t } = useI18n();
  return useCallback(
    (key: string, value: string) => {
      const write = () => db.settings.put({ key, value });
      write().catch((error: unknown) =>
        report(error, { key: `setting:${key}`, what: t('whatSetting'), retry: write }),
      );
    },
    [report, t],
  );
}
