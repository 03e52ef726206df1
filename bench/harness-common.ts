/** What both halves of the harness share: the loaded files, timing helpers, annotations. */
import { contextAround } from '../shared/text';
import type { Annotation } from '../shared/types';
import type { Check } from './api';
import { makeSpans } from './generate';

const bytesCache = new Map<string, Uint8Array>();
const labels = new Map<string, string>();
const textCache = new Map<string, string>();

export const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
export const ms = (t0: number) => performance.now() - t0;

/** Fetches /bench/data/<name> (text in encoding `label`) into memory. */
export async function load(name: string, label: string): Promise<number> {
  labels.set(name, label);
  const response = await fetch(`./data/${name}`);
  if (!response.ok) throw new Error(`GET ${name}: ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  bytesCache.set(name, bytes);
  return bytes.length;
}

export function bytesOf(name: string): Uint8Array {
  const bytes = bytesCache.get(name);
  if (!bytes) throw new Error(`${name} is not loaded`);
  return bytes;
}

/** A file's text, decoded once outside any timing. */
export function textOf(name: string): string {
  let text = textCache.get(name);
  if (text === undefined) {
    text = new TextDecoder(labels.get(name)).decode(bytesOf(name));
    textCache.set(name, text);
  }
  return text;
}

/** Median of `reps` timings of `f`, after one untimed call. */
export async function medianOf(reps: number, f: () => Promise<unknown>): Promise<number> {
  await f();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await f();
    times.push(ms(t0));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

/**
 * Times `action` the way the app is timed (probe.ts): from now to the first
 * animation frame at which every check holds.
 */
export async function timeUntil(checks: Check[], action: () => unknown): Promise<number> {
  window.benchProbe.arm('now', checks, 60_000);
  await action();
  const result = await window.benchProbe.result();
  if (result.done === null) throw new Error(`timed out: ${JSON.stringify(result.marks)}`);
  return result.done;
}

/** Annotations as the app stores them, on the spans of generate.ts. */
export function annotationsFor(
  docId: string,
  text: string,
  count: number,
  categoryIds: string[],
): Annotation[] {
  const now = new Date().toISOString();
  return makeSpans(text, count, categoryIds.length).map((span, i): Annotation => {
    const ids = span.categories.map((c) => categoryIds[c] ?? '');
    return {
      id: `bench-${String(i).padStart(6, '0')}`,
      docId,
      start: span.start,
      end: span.end,
      ...contextAround(text, span.start, span.end),
      status: 'unverified',
      speaker: '',
      evidence: '',
      categoryIds: ids,
      note: i % 10 === 0 ? '待核实：来源为二手转述。' : '',
      createdAt: now,
      updatedAt: now,
    };
  });
}
