import { detectStructure, type HeadingOverrides } from '../../shared/structure';

self.onmessage = (
  event: MessageEvent<{ id: number; text: string; overrides?: HeadingOverrides }>,
) => {
  const { id, text, overrides } = event.data;
  self.postMessage({ id, result: detectStructure(text, overrides) });
};
