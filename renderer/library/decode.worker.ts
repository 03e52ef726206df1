import type { Encoding } from '../../shared/types';
import { runDecodeJob } from './decode-job';

interface Request {
  id: number;
  bytes: Uint8Array;
  forced?: Encoding;
}

self.onmessage = async (event: MessageEvent<Request>) => {
  const { id, bytes, forced } = event.data;
  const result = await runDecodeJob(bytes, forced);
  self.postMessage({ id, result });
};
