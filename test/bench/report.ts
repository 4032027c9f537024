// The plain-text table `npm run bench` prints (and docs/BENCHMARKS.md quotes).
import { formatRss, formatSeconds, formatThroughput, type BenchConfig, type BenchResult } from './harness';

export interface RunInfo extends BenchConfig {
  startedAt: Date;
  machine: { cpus: number; cpu: string; node: string; loadAverage: { before: number[]; after: number[] } };
}

const HEAD = [
  'benchmark',
  'side',
  'median',
  'min',
  'cpu',
  'throughput',
  'peak RSS',
  'ratio',
  'cpu ratio',
  'goal',
];
const RIGHT = new Set([2, 3, 4, 5, 6, 7, 8]);

export function renderTable(results: readonly BenchResult[], info: RunInfo): string {
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const r of results) {
    if (r.status !== 'ok') {
      rows.push([r.name, r.status.toUpperCase(), ...HEAD.slice(2).map(() => '')]);
      notes.push(`${r.name}: ${r.status}: ${r.message ?? ''}`);
      continue;
    }
    const candidate = r.sides[0];
    r.sides.forEach((side, i) => {
      let ratio = '';
      let cpuRatio = '';
      if (i === 0) {
        ratio = r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`;
        cpuRatio = r.cpuRatio === null ? '—' : `${r.cpuRatio.toFixed(2)}×`;
      } else if (i > 1) {
        ratio = `(${(candidate.median / side.median).toFixed(2)}×)`;
        if (candidate.cpuMedian !== null && side.cpuMedian)
          cpuRatio = `(${(candidate.cpuMedian / side.cpuMedian).toFixed(2)}×)`;
      }
      let goal = '';
      if (i === 0) goal = r.goal ? `≤ ${r.goal.ratio}× ${r.meetsGoal ? 'met' : 'MISSED'}` : '—';
      rows.push([
        i === 0 ? r.name : '',
        side.label,
        formatSeconds(side.median),
        formatSeconds(side.min),
        side.cpuMedian === null ? '—' : formatSeconds(side.cpuMedian),
        formatThroughput(side.throughput, r.work!.unit),
        formatRss(side.peakRssKb),
        ratio,
        cpuRatio,
        goal,
      ]);
    });
    if (r.goal) notes.push(`${r.name}: goal ${r.goal.note}`);
  }

  const widths = HEAD.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (RIGHT.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  const { machine } = info;
  const title =
    `Closeout benchmarks, ${info.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC: ` +
    `${info.rows.toLocaleString('en')} rows (seed ${info.seed}), ${info.calls} calls, ${info.runs} runs + ${info.warmup} warm-up; ` +
    `node ${machine.node}, ${machine.cpus} × ${machine.cpu.trim()}, load ${machine.loadAverage.before[0]} → ${machine.loadAverage.after[0]}`;
  return [
    title,
    '',
    line(HEAD),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    'median, min: wall time; cpu: median user + system CPU time (steadier on a busy machine).',
    'ratio = candidate median / first reference median; cpu ratio the same for CPU time (in brackets: against a',
    'further reference). The goal is judged on the wall-time ratio. Candidates are timed inside their own Node',
    'process (start-up excluded), references as whole processes.',
    ...notes,
  ].join('\n');
}
