import type { ExtractedHeading } from '../../shared/extract/types';
import { detectStructure, type HeadingOverrides } from '../../shared/structure';

self.onmessage = (
  event: MessageEvent<{
    id: number;
    text: string;
    overrides?: HeadingOverrides;
    headings?: ExtractedHeading[];
  }>,
) => {
  const { id, text, overrides, headings } = event.data;
  self.postMessage({ id, result: detectStructure(text, overrides, headings) });
};
