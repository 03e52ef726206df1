// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectStructure, type HeadingOverrides } from '../../shared/structure';
import { DETECT_IN_WORKER } from '../claims/detect-client';
import { afterPaint } from '../ui/after-paint';
import { useStructure } from './use-structure';

type Job = { id: number; text: string; overrides?: HeadingOverrides };

/** A worker that answers only when told to, as a slow one would. */
class HeldWorker {
  static all: HeldWorker[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: unknown = null;
  jobs: Job[] = [];
  constructor() {
    HeldWorker.all.push(this);
  }
  postMessage(job: Job) {
    this.jobs.push(job);
  }
  answer() {
    for (const job of this.jobs.splice(0))
      this.onmessage?.({ data: { id: job.id, result: detectStructure(job.text, job.overrides) } });
  }
  terminate() {}
}
/** Answers every job asked so far; a job is asked once the text's frame is painted. */
const answerAll = () =>
  act(async () => {
    await afterPaint();
    HeldWorker.all.forEach((w) => w.answer());
  });

const article = (title: string) =>
  `${title}\n\n` +
  '全区地区生产总值增长百分之五点八，增速居全国前列。'.repeat(DETECT_IN_WORKER / 20);

beforeAll(() => {
  (globalThis as { Worker?: unknown }).Worker = HeldWorker;
});
afterAll(() => {
  delete (globalThis as { Worker?: unknown }).Worker;
});

describe('useStructure', () => {
  it('works out a short text at once', () => {
    const text = '预算执行情况\n\n全区地区生产总值增长百分之五点八。';
    const { result } = renderHook(() => useStructure(text, undefined));
    expect(result.current).toEqual(detectStructure(text));
  });

  it("a long text's outline arrives from the worker; a corrected one keeps the old one until then", async () => {
    const text = article('内蒙古经济运行情况');
    const { result, rerender } = renderHook(
      ({ overrides }: { overrides?: HeadingOverrides }) => useStructure(text, overrides),
      { initialProps: {} },
    );
    expect(result.current).toBeNull();
    await answerAll();
    expect(result.current).toEqual(detectStructure(text));
    const before = result.current;
    const overrides = { promote: [], demote: [0] };
    rerender({ overrides });
    expect(result.current).toBe(before);
    await answerAll();
    expect(result.current).toEqual(detectStructure(text, overrides));
    expect(result.current).not.toEqual(before);
  });

  it("never shows one text's outline for another", async () => {
    const first = article('第一篇');
    const second = article('第二篇');
    const { result, rerender } = renderHook(({ text }) => useStructure(text, undefined), {
      initialProps: { text: first },
    });
    await answerAll();
    expect(result.current).toEqual(detectStructure(first));
    rerender({ text: second });
    expect(result.current).toBeNull();
    await answerAll();
    expect(result.current).toEqual(detectStructure(second));
  });
});
