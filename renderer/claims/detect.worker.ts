import { detectClaims } from '../../shared/claims/detect';

self.onmessage = (event: MessageEvent<{ id: number; text: string }>) => {
  const { id, text } = event.data;
  self.postMessage({ id, result: detectClaims(text) });
};
