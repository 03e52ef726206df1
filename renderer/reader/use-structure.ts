import { useEffect, useMemo, useState } from 'react';
import type { ExtractedHeading } from '../../shared/extract/types';
import { detectStructure, type HeadingOverrides, type Structure } from '../../shared/structure';
import { DETECT_IN_WORKER } from '../claims/detect-client';
import { afterPaint } from '../ui/after-paint';
import { workerClient } from '../worker-client';

const inWorker = workerClient<
  { text: string; overrides?: HeadingOverrides; headings?: ExtractedHeading[] },
  Structure
>(
  () => new Worker(new URL('./structure.worker.ts', import.meta.url), { type: 'module' }),
  'the outline could not be worked out',
);

const long = (text: string) => text.length >= DETECT_IN_WORKER && typeof Worker !== 'undefined';

/**
 * The articles and headings of `text`. A long text's are worked out in a
 * worker, so the text is on screen while they are (half a second for 10 MB
 * here); until they arrive a corrected outline keeps showing the one before.
 */
export function useStructure(
  text: string | null | undefined,
  overrides: HeadingOverrides | undefined,
  /** The headings the file marks (PDF, DOCX, HTML); they make the outline. */
  headings?: ExtractedHeading[],
): Structure | null {
  const inline = useMemo(
    () =>
      typeof text === 'string' && !long(text) ? detectStructure(text, overrides, headings) : null,
    [text, overrides, headings],
  );
  const [found, setFound] = useState<{ text: string; structure: Structure } | null>(null);
  useEffect(() => {
    if (typeof text !== 'string' || !long(text)) return;
    let live = true;
    // Posted once the text is painted: the copy of 10 MB into the worker took 10 ms of that frame.
    afterPaint()
      .then(() => {
        if (!live) return null;
        const request = {
          text,
          ...(overrides ? { overrides } : {}),
          ...(headings ? { headings } : {}),
        };
        return inWorker(request).then((structure) => live && setFound({ text, structure }));
      })
      // Without its outline the text still reads; the outline stays as it was.
      .catch((error: unknown) => console.warn('Claimmark: no outline for this text', error));
    return () => {
      live = false;
    };
  }, [text, overrides, headings]);
  if (inline) return inline;
  return found && found.text === text ? found.structure : null;
}
