/** What the measurement groups share: their context and how they print. */
import type { ProbeResult } from './api';
import type { Share } from './profile';
import { fmtMs, median, type Table } from './report';

export interface Sample {
  name: string;
  label: 'utf-8' | 'gb18030';
  title: string;
  size: string;
  path: string;
}

export interface Context {
  origin: string;
  probeScript: string;
  samples: Sample[];
  /** The UTF-8 sample's name, its text start, and a paragraph near its middle. */
  reference: { name: string; sentinel: string; middle: number; middleSnippet: string };
  expectedSha256: string;
  reps: number;
  uiReps: number;
  annotations: number;
  /** The unminified app build for the CPU profile: its path on disk and file name. */
  profileBundle: { path: string; file: string };
  /** The harness bundle (unminified), for CPU profiles taken on the harness page. */
  harnessBundle: { path: string; file: string };
  progress(message: string): void;
}

export async function repeat<T>(reps: number, f: (i: number) => Promise<T>): Promise<T[]> {
  await f(-1); // warm-up, not counted
  const out: T[] = [];
  for (let i = 0; i < reps; i++) out.push(await f(i));
  return out;
}

export const collect = (rows: Record<string, number>[]): Map<string, number[]> => {
  const m = new Map<string, number[]>();
  for (const row of rows)
    for (const [k, v] of Object.entries(row)) m.set(k, [...(m.get(k) ?? []), v]);
  return m;
};

export function longTaskLine(table: Table, probes: ProbeResult[]): void {
  const total = median(probes.map((p) => p.longTasks.totalMs));
  const max = median(probes.map((p) => p.longTasks.maxMs));
  const count = median(probes.map((p) => p.longTasks.count));
  table.detail(
    'main thread: long tasks (>50 ms)',
    `${count} · ${fmtMs(total)} in all · longest ${fmtMs(max)}`,
  );
}

export function markLines(
  table: Table,
  probes: ProbeResult[],
  names: Record<string, string>,
): void {
  for (const [key, label] of Object.entries(names)) {
    table.detail(label, fmtMs(median(probes.map((p) => p.marks[key] ?? NaN))));
  }
}

/** The phases probe.ts saw in passing, in the order they happened (medians). */
export function phaseLines(table: Table, probes: ProbeResult[]): void {
  const names = [...new Set(probes.flatMap((p) => Object.keys(p.events)))];
  const at = (name: string) => median(probes.map((p) => p.events[name] ?? NaN));
  const marks = [...new Set(probes.flatMap((p) => Object.keys(p.marks)))];
  const rows = [
    ...names.map((n) => ({ label: n, ms: at(n) })),
    ...marks.map((n) => ({
      label: `shown: ${n}`,
      ms: median(probes.map((p) => p.marks[n] ?? NaN)),
    })),
  ].sort((a, b) => a.ms - b.ms);
  for (const r of rows) table.detail(`at ${r.label}`, fmtMs(r.ms));
}

export function shares(table: Table, title: string, total: number, list: Share[]): void {
  table.detail(`${title} (${fmtMs(total)} sampled)`, '');
  for (const s of list) table.detail(`  ${fmtMs(s.ms).padStart(8)}  ${s.name}`, '');
}
