import { describe, expect, it } from 'vitest';
import { workerClient } from './worker-client';

/** A stand-in Worker: answers in the order the test says, or crashes. */
class FakeWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  received: { id: number; n: number }[] = [];
  moved: Transferable[][] = [];
  terminated = false;
  postMessage(message: { id: number; n: number }, transfer: Transferable[]) {
    this.received.push(message);
    this.moved.push(transfer);
  }
  answer(index: number) {
    const m = this.received[index]!;
    this.onmessage?.({ data: { id: m.id, result: m.n * 2 } } as MessageEvent);
  }
  crash() {
    this.onerror?.({ message: '', preventDefault() {} } as ErrorEvent);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('workerClient', () => {
  it('gives each request its own answer, whatever the order they come back in', async () => {
    const started: FakeWorker[] = [];
    const ask = workerClient<{ n: number }, number>(() => {
      started.push(new FakeWorker());
      return started.at(-1) as unknown as Worker;
    }, 'stopped');
    const a = ask({ n: 1 });
    const b = ask({ n: 5 });
    started[0]!.answer(1);
    started[0]!.answer(0);
    expect(await Promise.all([a, b])).toEqual([2, 10]);
    expect(started).toHaveLength(1);
  });

  it('rejects what waits on a crashed worker and starts a new one for the next request', async () => {
    const started: FakeWorker[] = [];
    const ask = workerClient<{ n: number }, number>(() => {
      started.push(new FakeWorker());
      return started.at(-1) as unknown as Worker;
    }, 'The decoder stopped unexpectedly.');
    const lost = ask({ n: 1 });
    started[0]!.crash();
    await expect(lost).rejects.toThrow('The decoder stopped unexpectedly.');
    expect(started[0]!.terminated).toBe(true);
    const next = ask({ n: 3 });
    expect(started).toHaveLength(2);
    started[1]!.answer(0);
    expect(await next).toBe(6);
  });

  it('moves the buffers the caller names instead of copying them', () => {
    const started: FakeWorker[] = [];
    const ask = workerClient<{ n: number; bytes?: Uint8Array }, number>(
      () => {
        started.push(new FakeWorker());
        return started.at(-1) as unknown as Worker;
      },
      'stopped',
      ({ bytes }) => (bytes ? [bytes.buffer as ArrayBuffer] : []),
    );
    const bytes = new Uint8Array(8);
    void ask({ n: 1, bytes });
    void ask({ n: 2 });
    expect(started[0]!.moved).toEqual([[bytes.buffer], []]);
  });

  it('warm() starts the one worker ahead of the first request, which then uses it', async () => {
    const started: FakeWorker[] = [];
    const ask = workerClient<{ n: number }, number>(() => {
      started.push(new FakeWorker());
      return started.at(-1) as unknown as Worker;
    }, 'stopped');
    expect(started).toHaveLength(0);
    ask.warm();
    ask.warm();
    expect(started).toHaveLength(1);
    const a = ask({ n: 4 });
    started[0]!.answer(0);
    expect(await a).toBe(8);
    expect(started).toHaveLength(1);
  });
});
