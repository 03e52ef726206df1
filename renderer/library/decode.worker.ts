import type { Encoding } from '../../shared/types';
import { runDecodeJob } from './decode-job';

interface Request {
  id: number;
  bytes: Uint8Array;
  forced?: Encoding;
  reflowMode?: 'auto' | 'on' | 'off';
  name?: string;
}

self.onmessage = async (event: MessageEvent<Request>) => {
  const { id, bytes, forced, reflowMode, name } = event.data;
  const result = await runDecodeJob(bytes, forced, reflowMode, name);
  // The page stores the bytes it moved here: they go back the same way.
  self.postMessage({ id, result }, { transfer: result.ok ? [result.bytes.buffer] : [] });
};
