/**
 * A worker started on first use that answers requests by id (`{ id, ...request }`
 * in, `{ id, result }` out). A crashed worker (out of memory on a huge input)
 * rejects every request waiting on it, so none hangs, and the next request
 * starts a new one. `warm()` starts it ahead of the first request, so that
 * request does not wait for the worker's script to load.
 */
export function workerClient<Request extends object, Result>(
  start: () => Worker,
  crashMessage: string,
  /** Buffers of the request to move to the worker instead of copying them. */
  transferOf: (request: Request) => Transferable[] = () => [],
): ((request: Request) => Promise<Result>) & { warm(): void } {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve(r: Result): void; reject(e: Error): void }>();
  const get = (): Worker => {
    if (!worker) {
      worker = start();
      worker.onmessage = (event: MessageEvent<{ id: number; result: Result }>) => {
        pending.get(event.data.id)?.resolve(event.data.result);
        pending.delete(event.data.id);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        for (const job of pending.values()) job.reject(new Error(event.message || crashMessage));
        pending.clear();
        worker?.terminate();
        worker = null;
      };
    }
    return worker;
  };
  const ask = (request: Request) =>
    new Promise<Result>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      get().postMessage({ id, ...request }, transferOf(request));
    });
  return Object.assign(ask, { warm: () => void get() });
}
