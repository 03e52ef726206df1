import type { Encoding } from '../../shared/types';
import { runDecodeJob } from './decode-job';

interface Request {
  id: number;
  bytes: Uint8Array;
  forced?: Encoding;
  reflowMode?: 'auto' | 'on' | 'off';
}

self.onmessage = async (event: MessageEvent<Request>) => {
  const { id, bytes, forced, reflowMode } = event.data;
  const result = await runDecodeJob(bytes, forced, reflowMode);
  self.postMessage({ id, result });
};
