import { useEffect, useRef } from 'react';
import type { DocumentRecord } from '../../shared/types';
import { platform } from '../platform';

/**
 * Keeps the desktop app watching every document's file, and reports which
 * document's file changed on disk.
 */
export function useFileWatch(
  docs: readonly DocumentRecord[] | undefined,
  onChanged: (doc: DocumentRecord) => void,
): void {
  const latest = useRef({ docs, onChanged });
  useEffect(() => {
    latest.current = { docs, onChanged };
  });

  const paths = (docs ?? []).flatMap((d) => (d.filePath ? [d.filePath] : [])).sort();
  const key = paths.join('\n');
  const loaded = docs !== undefined;
  useEffect(() => {
    if (loaded) platform.watchFiles(key ? key.split('\n') : []);
  }, [key, loaded]);

  useEffect(
    () =>
      platform.onFileChanged((path) => {
        const doc = latest.current.docs?.find((d) => d.filePath === path);
        if (doc) latest.current.onChanged(doc);
      }),
    [],
  );
}
