/** Medians and the printed table. Figures only: nothing here passes or fails. */

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  return ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}

const spread = (samples: readonly number[]): string =>
  samples.length > 1
    ? `(${fmtMs(Math.min(...samples)).replace(' ms', '')}–${fmtMs(Math.max(...samples))})`
    : '';

type Line =
  | { kind: 'section'; title: string }
  | {
      kind: 'row';
      label: string;
      value: string;
      range: string;
      base: string;
      baseValue: string;
      ratio: string;
    }
  | { kind: 'detail'; label: string; value: string };

/** One figure of `dist-bench/results.json`, for programs that read the benchmark. */
export interface Result {
  id: string;
  ms: number;
  baseline_ms: number | null;
  ratio: number | null;
}

const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

/** Rows of "measurement | baseline measured in the same run | ratio". */
export class Table {
  private lines: Line[] = [];
  private readonly figures: Result[] = [];

  section(title: string): void {
    this.lines.push({ kind: 'section', title });
  }

  /** With an `id`, the row is also one figure of results.json (README: "Benchmarks"). */
  row(
    label: string,
    samples: readonly number[],
    base?: { label: string; samples: readonly number[] },
    id?: string,
  ): void {
    const value = median(samples);
    const baseValue = base ? median(base.samples) : NaN;
    // A figure that was not measured (NaN) writes no id, as a section not run.
    if (id && Number.isFinite(value)) {
      if (this.figures.some((f) => f.id === id)) throw new Error(`bench id ${id} written twice`);
      const ratio = base && baseValue > 0 ? value / baseValue : NaN;
      this.figures.push({
        id,
        ms: value,
        baseline_ms: finite(baseValue),
        ratio: finite(ratio),
      });
    }
    this.lines.push({
      kind: 'row',
      label,
      value: fmtMs(value),
      range: spread(samples),
      base: base?.label ?? '',
      baseValue: base ? fmtMs(baseValue) : '',
      ratio: base && baseValue > 0 ? `${(value / baseValue).toFixed(1)}×` : '',
    });
  }

  /** The figures with ids, in the order they were measured. */
  results(): Result[] {
    return this.figures.map((f) => ({ ...f }));
  }

  /** An indented line under a row: a split of its time, or a fact about it. */
  detail(label: string, value: string): void {
    this.lines.push({ kind: 'detail', label, value });
  }

  render(): string {
    const rows = this.lines.filter((l) => l.kind === 'row');
    const w = (f: (l: Extract<Line, { kind: 'row' }>) => string) =>
      Math.max(0, ...rows.map((r) => f(r).length));
    const [wl, wv, wr, wb, wbv] = [
      w((r) => r.label),
      w((r) => r.value),
      w((r) => r.range),
      w((r) => r.base),
      w((r) => r.baseValue),
    ];
    const out: string[] = [];
    for (const line of this.lines) {
      if (line.kind === 'section') out.push('', line.title);
      else if (line.kind === 'detail')
        out.push(
          `    ${line.value ? line.label.padEnd(wl - 2) : line.label}  ${line.value.padStart(line.value ? wv : 0)}`.trimEnd(),
        );
      else {
        const left = `  ${line.label.padEnd(wl)}  ${line.value.padStart(wv)} ${line.range.padEnd(wr)}`;
        const right = line.base
          ? ` | ${line.base.padEnd(wb)}  ${line.baseValue.padStart(wbv)}  ${line.ratio}`
          : '';
        out.push(left + right);
      }
    }
    return out.join('\n');
  }
}
