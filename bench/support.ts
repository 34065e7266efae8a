/** Benchmark helpers: timing, percentiles, and the one output format. Runtime: Node. */
export interface BenchLine {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
}

export function emit(bench: string, metric: string, value: number, baseline: number, unit = 'ms'): BenchLine {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const line = {
    bench,
    metric,
    value: round(value),
    unit,
    baseline: round(baseline),
    ratio: round(baseline === 0 ? 0 : value / baseline),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  return line;
}

export function timeMs(fn: () => unknown): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export function log(msg: string): void {
  process.stderr.write(`${msg}\n`);
}
