// The benchmark harness behind `npm run bench` (scripts/bench.mjs bundles and starts it). A benchmark is
// one `*.bench.ts` file under test/bench whose default export is `defineBenchmark({...})`: a setup that
// prepares data (seeded, cached per size), the Closeout operation to time, and reference tools run on the
// same data in the same run. Sides alternate run by run so they share the machine's noise, and the report
// is the ratio of medians, candidate / reference, against the goal in docs/BENCHMARKS.md.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { GENERATOR_VERSION, customerRows } from '../fixtures/customers';
import { encodeCsv, writeCsvFile, type CsvEncoding } from '../fixtures/write-csv';

// ---- the registration API ---------------------------------------------------------------------------

export type Unit = 'rows' | 'bytes' | 'calls';

/** How much work one run does, for throughput (rows/s, MB/s, calls/s). */
interface Work {
  amount: number;
  unit: Unit;
}

export interface BenchConfig {
  /** The checkout's root folder. */
  root: string;
  rows: number;
  seed: number;
  runs: number;
  warmup: number;
  calls: number;
  /** Kept between runs: generated data sets, keyed by generator version, seed and size. */
  cacheDir: string;
  /** This run's scratch folder (databases, outputs); removed at the end unless --keep. */
  scratchDir: string;
  /** Every --key value given on the command line, for benchmark-specific knobs. */
  options: Readonly<Record<string, string>>;
}

interface Dataset {
  path: string;
  rows: number;
  bytes: number;
  encoding: CsvEncoding;
}

interface DatasetSpec {
  rows?: number;
  encoding?: CsvEncoding;
  header?: 'zh' | 'en' | 'none';
}

export interface SetupContext extends BenchConfig {
  /**
   * Names this generator's output for the given seed (version plus a digest of its first rows), so a cached
   * file made by an older generator is never reused: put it in every cache key derived from fixtures.
   */
  generator: string;
  /** A seeded customer CSV (the fixtures generator), generated once and cached. */
  dataset(spec?: DatasetSpec): Promise<Dataset>;
  /** A file in the cache, produced by `produce(tmpPath)` the first time it is asked for. */
  cached(key: string, produce: (path: string) => Promise<void>): Promise<string>;
  log(message: string): void;
}

interface SideBase<S> {
  /** What runs, as the report should name it ("openssl dgst -sha256"). */
  label: string;
  /** Untimed, in the harness, before every run of this side (delete last run's output …). */
  before?(state: S): void | Promise<void>;
}

/** Closeout code, run in a fresh Node process per run: prepare (untimed) → run (timed) → check (untimed). */
export interface NodeSide<S, P> extends SideBase<S> {
  kind: 'node';
  prepare?(state: S): P | Promise<P>;
  /**
   * Peak RSS of the timed run alone: the process's high-water mark is reset (Linux /proc/self/clear_refs)
   * after `prepare`, so untimed setup that peaks higher (an Argon2id vault.create) is not reported as the
   * run's. Off by default: the process's whole peak, as before.
   */
  peakOfRunOnly?: boolean;
  /** The timed part. A string it returns is the side's output, unless `check` gives one. */
  run(state: S, prepared: P): unknown;
  /** Untimed: the output the benchmark's `verify` compares across sides. */
  check?(state: S, prepared: P): string | Promise<string>;
  dispose?(state: S, prepared: P): void | Promise<void>;
}

/** A reference tool: its wall time is measured around the process, peak RSS by /usr/bin/time. */
export interface CommandSide<S> extends SideBase<S> {
  kind: 'command';
  command(state: S): string[];
  /** Untimed, after the run: the output to compare (default: the command's stdout). */
  check?(state: S, stdout: string): string | Promise<string>;
}

export type Side<S> = NodeSide<S, unknown> | CommandSide<S>;

interface Goal {
  /** Pass when candidate median / first reference median is at most this. */
  ratio: number;
  /** Where the goal comes from. */
  note: string;
}

export interface Benchmark<S> {
  name: string;
  summary: string;
  /** Runs in the harness. `state` must survive JSON: node sides get a copy in their own process. */
  setup(ctx: SetupContext): Promise<{ state: S; work: Work }> | { state: S; work: Work };
  candidate: Side<S>;
  /** The ratio is against the first; later ones are reported beside it. */
  references?: Side<S>[];
  goal?: Goal;
  /** Throws when the sides disagree; gets each side's output from the last run, by label. */
  verify?(outputs: Record<string, string>, state: S): void;
  teardown?(state: S): void | Promise<void>;
}

export function defineBenchmark<S>(benchmark: Benchmark<S>): Benchmark<unknown> {
  return benchmark as unknown as Benchmark<unknown>;
}

export function nodeSide<S, P = undefined>(side: Omit<NodeSide<S, P>, 'kind'>): Side<S> {
  return { kind: 'node', ...side } as unknown as Side<S>;
}

export function commandSide<S>(side: Omit<CommandSide<S>, 'kind'>): Side<S> {
  return { kind: 'command', ...side };
}

/** Thrown from setup when a benchmark cannot run here (a tool or a build is missing). */
export class SkipBenchmark extends Error {}

// ---- results ----------------------------------------------------------------------------------------

interface SideResult {
  label: string;
  role: 'candidate' | 'reference';
  kind: 'node' | 'command';
  seconds: number[];
  min: number;
  median: number;
  /** CPU time (user + system) per run: steadier than wall time on a shared machine. */
  cpuSeconds: number[];
  cpuMedian: number | null;
  /** Work per second at the median. */
  throughput: number;
  peakRssKb: number | null;
}

export interface BenchResult {
  name: string;
  summary: string;
  file: string;
  status: 'ok' | 'failed' | 'skipped';
  message?: string;
  work?: Work;
  sides: SideResult[];
  /** Candidate median / first reference median (wall time). */
  ratio: number | null;
  /** The same for CPU time. */
  cpuRatio: number | null;
  against: string | null;
  goal: Goal | null;
  meetsGoal: boolean | null;
}

interface Sample {
  seconds: number;
  cpuSeconds: number | null;
  peakRssKb: number | null;
  output: string;
}

// ---- running ----------------------------------------------------------------------------------------

export interface LoadedBenchmark {
  file: string;
  bundle: string;
  benchmark: Benchmark<unknown>;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
let sequence = 0;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function setupContext(config: BenchConfig, log: (message: string) => void): SetupContext {
  const cached = async (key: string, produce: (path: string) => Promise<void>) => {
    const path = join(config.cacheDir, key);
    if (existsSync(path)) return path;
    mkdirSync(config.cacheDir, { recursive: true });
    const partial = `${path}.partial-${process.pid}`;
    try {
      await produce(partial);
      renameSync(partial, path);
    } finally {
      rmSync(partial, { recursive: true, force: true }); // a folder too: else its EISDIR hides produce's error
    }
    return path;
  };
  const sample = encodeCsv(customerRows(config.seed, 2000));
  const generator = `g${GENERATOR_VERSION}-${createHash('sha256').update(sample).digest('hex').slice(0, 8)}`;
  return {
    ...config,
    generator,
    cached,
    log,
    async dataset(spec = {}) {
      const rows = spec.rows ?? config.rows;
      const encoding = spec.encoding ?? 'utf8';
      const header = spec.header ?? 'zh';
      const key = `customers-${generator}-s${config.seed}-r${rows}-${encoding}-${header}.csv`;
      const path = await cached(key, async (partial) => {
        log(`generating ${rows.toLocaleString('en')} customer rows (${encoding}) into the cache…`);
        await writeCsvFile(partial, customerRows(config.seed, rows), { encoding, header });
      });
      return { path, rows, bytes: statSync(path).size, encoding };
    },
  };
}

function collect(stream: NodeJS.ReadableStream | null, limit = 1 << 20): () => string {
  const chunks: Buffer[] = [];
  let size = 0;
  stream?.on('data', (chunk: Buffer) => {
    if (size < limit) chunks.push(chunk);
    size += chunk.length;
  });
  return () => Buffer.concat(chunks).toString('utf8');
}

interface CommandRun {
  seconds: number;
  cpuSeconds: number | null;
  peakRssKb: number | null;
  stdout: string;
}

async function runCommand(argv: string[], scratchDir: string): Promise<CommandRun> {
  const rssFile = join(scratchDir, `rss-${process.pid}-${++sequence}.txt`);
  const [file, args] = TIME ? [TIME, ['-f', '%M %U %S', '-o', rssFile, ...argv]] : [argv[0], argv.slice(1)];
  const started = process.hrtime.bigint();
  const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout = collect(child.stdout);
  const stderr = collect(child.stderr);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (code !== 0) throw new Error(`${argv.join(' ')} exited with ${code}: ${stderr().trim().slice(-600)}`);
  if (!TIME) return { seconds, cpuSeconds: null, peakRssKb: null, stdout: stdout() };
  const [rss, user, system] = readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(rssFile, { force: true });
  return { seconds, cpuSeconds: user + system, peakRssKb: rss, stdout: stdout() };
}

async function runNodeSide(
  loaded: LoadedBenchmark,
  sideIndex: number,
  stateFile: string,
  scratchDir: string,
): Promise<Sample> {
  const resultFile = join(scratchDir, `result-${process.pid}-${++sequence}.json`);
  const child = spawn(
    process.execPath,
    [
      ...process.execArgv,
      process.argv[1],
      '--child',
      loaded.bundle,
      String(sideIndex),
      stateFile,
      resultFile,
    ],
    { stdio: ['ignore', 'inherit', 'pipe'] },
  );
  const stderr = collect(child.stderr);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`node side exited with ${code}: ${stderr().trim().slice(-1200)}`);
  const sample = JSON.parse(readFileSync(resultFile, 'utf8')) as Sample;
  rmSync(resultFile, { force: true });
  return sample;
}

async function runSide(
  loaded: LoadedBenchmark,
  side: Side<unknown>,
  index: number,
  state: unknown,
  stateFile: string,
  config: BenchConfig,
): Promise<Sample> {
  await side.before?.(state);
  if (side.kind === 'node') return runNodeSide(loaded, index, stateFile, config.scratchDir);
  const { stdout, ...measured } = await runCommand(side.command(state), config.scratchDir);
  const output = side.check ? await side.check(state, stdout) : stdout;
  return { ...measured, output };
}

/** Runs one benchmark: setup, warm-up, then `runs` rounds alternating the sides' order. */
export async function runBenchmark(
  loaded: LoadedBenchmark,
  config: BenchConfig,
  log: (message: string) => void,
): Promise<BenchResult> {
  const { benchmark: b, file } = loaded;
  const base = {
    name: b.name,
    summary: b.summary,
    file,
    sides: [],
    ratio: null,
    cpuRatio: null,
    against: null,
    goal: b.goal ?? null,
    meetsGoal: null,
  };
  const prefix = `[${b.name}]`;
  let state: unknown;
  let work: Work;
  try {
    ({ state, work } = await b.setup(setupContext(config, (m) => log(`${prefix} ${m}`))));
  } catch (error) {
    if (error instanceof SkipBenchmark) return { ...base, status: 'skipped', message: error.message };
    return { ...base, status: 'failed', message: describe(error) };
  }
  const stateFile = join(config.scratchDir, `${b.name}.state.json`);
  writeFileSync(stateFile, JSON.stringify({ config, state }));

  const sides = [b.candidate, ...(b.references ?? [])];
  const samples: Sample[][] = sides.map(() => []);
  try {
    for (let round = -config.warmup; round < config.runs; round++) {
      const order = sides.map((_, i) => i);
      if (round % 2 !== 0) order.reverse();
      const line: string[] = [];
      for (const i of order) {
        const sample = await runSide(loaded, sides[i], i, state, stateFile, config);
        if (round >= 0) samples[i].push(sample);
        line.push(`${sides[i].label} ${formatSeconds(sample.seconds)}`);
      }
      log(`${prefix} ${round < 0 ? 'warm-up' : `run ${round + 1}/${config.runs}`}: ${line.join(', ')}`);
    }
    b.verify?.(Object.fromEntries(sides.map((s, i) => [s.label, samples[i].at(-1)?.output ?? ''])), state);
  } catch (error) {
    return { ...base, status: 'failed', message: describe(error), work };
  } finally {
    await b.teardown?.(state);
  }

  const results: SideResult[] = sides.map((side, i) => {
    const seconds = samples[i].map((s) => s.seconds);
    const rss = samples[i].map((s) => s.peakRssKb).filter((v): v is number => v !== null);
    const cpuSeconds = samples[i].map((s) => s.cpuSeconds).filter((v): v is number => v !== null);
    const med = median(seconds);
    return {
      label: side.label,
      role: i === 0 ? 'candidate' : 'reference',
      kind: side.kind,
      seconds,
      min: Math.min(...seconds),
      median: med,
      cpuSeconds,
      cpuMedian: cpuSeconds.length ? median(cpuSeconds) : null,
      throughput: work.amount / med,
      peakRssKb: rss.length ? Math.max(...rss) : null,
    };
  });
  const ratio = results.length > 1 ? results[0].median / results[1].median : null;
  const [cpuCandidate, cpuReference] = [results[0]?.cpuMedian, results[1]?.cpuMedian];
  const cpuRatio = cpuCandidate != null && cpuReference ? cpuCandidate / cpuReference : null;
  return {
    ...base,
    status: 'ok',
    work,
    sides: results,
    ratio,
    cpuRatio,
    against: results.length > 1 ? results[1].label : null,
    meetsGoal: ratio !== null && b.goal ? ratio <= b.goal.ratio : null,
  };
}

/** Child mode: `--child BUNDLE SIDE STATE_FILE RESULT_FILE`, one timed run of one node side. */
export async function runChild([bundle, sideIndex, stateFile, resultFile]: string[]): Promise<void> {
  const benchmark = loadBenchmark(bundle);
  const side = [benchmark.candidate, ...(benchmark.references ?? [])][Number(sideIndex)];
  if (!side || side.kind !== 'node')
    throw new Error(`${benchmark.name}: side ${sideIndex} is not a node side`);
  const { state } = JSON.parse(readFileSync(stateFile, 'utf8')) as { state: unknown };
  const prepared = await side.prepare?.(state);
  if (side.peakOfRunOnly) writeFileSync('/proc/self/clear_refs', '5');
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const ran = await side.run(state, prepared);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { user, system } = process.cpuUsage(cpu);
  const output = side.check ? await side.check(state, prepared) : typeof ran === 'string' ? ran : '';
  await side.dispose?.(state, prepared);
  const sample: Sample = {
    seconds,
    cpuSeconds: (user + system) / 1e6,
    peakRssKb: process.resourceUsage().maxRSS,
    output,
  };
  writeFileSync(resultFile, JSON.stringify(sample));
}

export function loadBenchmark(bundle: string): Benchmark<unknown> {
  const load = createRequire(__filename);
  const loaded = load(bundle) as { default?: Benchmark<unknown> };
  const benchmark = loaded.default;
  if (!benchmark || typeof benchmark.name !== 'string' || typeof benchmark.setup !== 'function')
    throw new Error(`${bundle}: the default export is not a defineBenchmark({...})`);
  return benchmark;
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---- formatting ---------------------------------------------------------------------------------------

export function formatSeconds(seconds: number): string {
  if (seconds >= 10) return `${seconds.toFixed(1)} s`;
  if (seconds >= 1) return `${seconds.toFixed(2)} s`;
  if (seconds >= 0.01) return `${(seconds * 1000).toFixed(0)} ms`;
  return `${(seconds * 1000).toFixed(2)} ms`;
}

export function formatThroughput(perSecond: number, unit: Unit): string {
  if (unit === 'bytes') return `${(perSecond / 1e6).toFixed(perSecond >= 1e8 ? 0 : 1)} MB/s`;
  const name = unit === 'rows' ? 'rows/s' : 'calls/s';
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M ${name}`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(perSecond >= 1e5 ? 0 : 1)} k ${name}`;
  return `${perSecond.toFixed(0)} ${name}`;
}

export function formatRss(kb: number | null): string {
  return kb === null ? '—' : `${(kb / 1024).toFixed(0)} MB`;
}
