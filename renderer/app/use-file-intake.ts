import { useCallback, useEffect } from 'react';
import type { FileReadResult } from '../../shared/file-errors';
import type { MenuCommand } from '../../shared/ipc';
import { errorMessage } from '../db/storage-error';
import { warmDecoder } from '../library/decode';
import { useImport } from '../library/use-import';
import { platform } from '../platform';
import { useNotify } from '../ui/notices';

/**
 * Every way a file comes in — picker, drop, menu, command line, "open with" —
 * ends in the same import; menu commands other than opening go to `onCommand`.
 */
export function useFileIntake(
  open: (docId: string) => void,
  onCommand: (c: MenuCommand) => void,
  /** The document open now, if any. */
  current: () => string | null = () => null,
) {
  const notify = useNotify();
  const importResults = useImport(open, current);
  const pick = useCallback(
    async (picker: () => Promise<FileReadResult[]>) => {
      warmDecoder();
      try {
        await importResults(await picker());
      } catch (error) {
        notify('error', errorMessage(error));
      }
    },
    [importResults, notify],
  );

  useEffect(() => {
    // Subscribed before the launch files are taken, so none can slip between.
    const report = (error: unknown) => notify('error', errorMessage(error));
    const offFiles = platform.onFilesOpened((results) => {
      importResults(results).catch(report);
    });
    const offMenu = platform.onMenuCommand((command) => {
      if (command === 'open-files') void pick(platform.pickFiles);
      else onCommand(command);
    });
    return () => {
      offFiles();
      offMenu();
    };
  }, [importResults, notify, onCommand, pick]);

  useEffect(() => {
    platform
      .takeLaunchFiles()
      .then(importResults)
      .catch((e: unknown) => notify('error', errorMessage(e)));
  }, [importResults, notify]);

  return pick;
}
