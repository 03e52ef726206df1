/**
 * Where the time of one UI action goes, through the Chrome DevTools Protocol:
 * a sampled JS CPU profile, attributed to the source modules of an unminified
 * build of the app (Rolldown marks each module with a `// path` line), and a
 * timeline trace summed by event (self time: script, style, layout, paint, GC).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export type Stop<T> = () => Promise<T>;
export interface Share {
  name: string;
  ms: number;
}

export async function startCpuProfile(page: Page): Promise<Stop<CpuProfile>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    await cdp.detach();
    await keepProfile(profile);
    return profile;
  };
}

let kept = 0;

/** With BENCH_PROFILE_DIR set, each profile is also written there, to open in DevTools. */
async function keepProfile(profile: CpuProfile): Promise<void> {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, `${String(++kept).padStart(2, '0')}.cpuprofile`),
    JSON.stringify(profile),
  );
}

/** Line (0-based) at which each module of a bundle starts. */
async function moduleMap(bundlePath: string): Promise<{ line: number; module: string }[]> {
  const lines = (await readFile(bundlePath, 'utf8')).split('\n');
  const starts: { line: number; module: string }[] = [];
  lines.forEach((text, line) => {
    const m = /^\/\/ (\S+\.(?:[cm]?js|tsx?))$/.exec(text);
    if (m?.[1]) starts.push({ line, module: m[1] });
  });
  return starts;
}

/** node_modules/@codemirror/view/dist/index.js → @codemirror/view; app files stay as they are. */
function packageOf(module: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  return m?.[1] ?? module;
}

export interface CpuSummary {
  totalMs: number;
  byModule: Share[];
  byFunction: Share[];
}

export async function summariseCpu(
  profile: CpuProfile,
  bundlePath: string,
  bundleFile: string,
): Promise<CpuSummary> {
  const starts = await moduleMap(bundlePath);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const where = (frame: CallFrame): string => {
    // (program), (garbage collector), or a native getter such as IDBRequest's `result`.
    if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
    if (!frame.url.endsWith(bundleFile)) return frame.url.replace(/^.*\//, '');
    let found = '(bundle)';
    for (const s of starts) {
      if (s.line > frame.lineNumber) break;
      found = s.module;
    }
    return packageOf(found);
  };
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let totalMs = 0;
  samples.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame;
    const ms = (deltas[i + 1] ?? 0) / 1000;
    if (!frame || frame.functionName === '(idle)') return;
    const module = where(frame);
    const fn = `${frame.functionName || '(anonymous)'}  [${module}]`;
    byModule.set(module, (byModule.get(module) ?? 0) + ms);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    totalMs += ms;
  });
  const top = (m: Map<string, number>, n: number): Share[] =>
    [...m]
      .map(([name, ms]) => ({ name, ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, n);
  return { totalMs, byModule: top(byModule, 8), byFunction: top(byFunction, 10) };
}

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
].join(',');

export async function startTrace(page: Page): Promise<Stop<TraceEvent[]>> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const event of e.value) events.push(event as unknown as TraceEvent);
  });
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    return events;
  };
}

/**
 * Self time per event name on the busiest renderer main thread: each complete
 * event's duration minus that of the events nested in it.
 */
export function summariseTrace(
  events: TraceEvent[],
  thread = 'CrRendererMain',
): { totalMs: number; byEvent: Share[] } {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === thread)
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const threads = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.dur === undefined || !mains.has(key)) continue;
    const list = threads.get(key) ?? [];
    list.push(e);
    threads.set(key, list);
  }
  const busiest = [...threads.values()].sort(
    (a, b) => b.reduce((s, e) => s + (e.dur ?? 0), 0) - a.reduce((s, e) => s + (e.dur ?? 0), 0),
  )[0];
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  let totalMs = 0;
  for (const e of (busiest ?? []).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    const dur = e.dur ?? 0;
    while (stack.length && (stack[stack.length - 1]?.end ?? 0) <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - dur / 1000);
    else totalMs += dur / 1000;
    self.set(e.name, (self.get(e.name) ?? 0) + dur / 1000);
    stack.push({ end: e.ts + dur, name: e.name });
  }
  const byEvent = [...self]
    .map(([name, ms]) => ({ name, ms }))
    .sort((a, b) => b.ms - a.ms)
    .filter((s) => s.ms >= 0.05)
    .slice(0, 8);
  return { totalMs, byEvent };
}
