import { runDecodeJob, type DecodeRequest } from './decode-job';

self.onmessage = async (event: MessageEvent<DecodeRequest & { id: number }>) => {
  const { id, bytes, forced, reflowMode, name } = event.data;
  const result = await runDecodeJob(bytes, forced, reflowMode, name);
  // The page stores the bytes it moved here: they go back the same way.
  self.postMessage({ id, result }, { transfer: result.ok ? [result.bytes.buffer] : [] });
};
