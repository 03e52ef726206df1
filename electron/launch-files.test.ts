import { describe, expect, it } from 'vitest';
import { LaunchFileQueue } from './launch-files';

describe('LaunchFileQueue', () => {
  it('queues until taken, hands over once, then delivers directly', () => {
    const delivered: string[][] = [];
    const queue = new LaunchFileQueue((paths) => delivered.push(paths));
    queue.add(['/a.txt', '/b.txt']);
    queue.add(['/a.txt']);
    queue.add([]);
    expect(delivered).toEqual([]);
    expect(queue.take()).toEqual(['/a.txt', '/b.txt']);
    expect(queue.take()).toEqual([]);
    queue.add(['/c.txt']);
    expect(delivered).toEqual([['/c.txt']]);
  });

  it('queues again after the window is gone', () => {
    const delivered: string[][] = [];
    const queue = new LaunchFileQueue((paths) => delivered.push(paths));
    queue.take();
    queue.detach();
    queue.add(['/d.txt']);
    expect(delivered).toEqual([]);
    expect(queue.pending).toEqual(['/d.txt']);
    expect(queue.take()).toEqual(['/d.txt']);
  });
});
