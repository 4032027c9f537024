// Entry of the bundled harness (scripts/bench.mjs passes `--manifest FILE` listing the bundled
// *.bench.ts files, then the user's arguments). Also the child mode that times one node side.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import {
  describe,
  loadBenchmark,
  runBenchmark,
  runChild,
  type BenchConfig,
  type BenchResult,
  type LoadedBenchmark,
} from './harness';
import { renderTable } from './report';

const USAGE = `usage: npm run bench -- [--only NAME[,NAME…]] [--rows N] [--runs K] [--warmup W] [--seed S]
                     [--calls N] [--cache DIR] [--scratch DIR] [--keep] [--list] [--json FILE]
  NAME matches a benchmark's name or its prefix (--only hash matches hash.sha256).
  Defaults: --rows 200000 --runs 5 --warmup 1 --seed 42 --calls 1000; --rows 1000000 for the goals' sizes (docs/BENCHMARKS.md).`;

type Manifest = { file: string; bundle?: string; error?: string }[];

interface Args {
  manifest: string;
  only: string[];
  list: boolean;
  keep: boolean;
  json: string | null;
  config: Omit<BenchConfig, 'scratchDir' | 'root'> & { scratchParent: string };
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const flags = new Set(['list', 'keep', 'help']);
  const raw = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new UsageError(`unexpected argument: ${argv[i]}`);
    const [, key, inline] = match;
    if (flags.has(key)) raw.set(key, 'true');
    else {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${key} needs a value`);
      raw.set(key, value);
    }
  }
  if (raw.has('help')) throw new UsageError('');
  const count = (key: string, fallback: number, min = 1) => {
    const text = raw.get(key);
    const value = text === undefined ? fallback : Number(text.replace(/_/g, ''));
    if (!Number.isSafeInteger(value) || value < min)
      throw new UsageError(`--${key} must be a whole number ≥ ${min}`);
    return value;
  };
  const manifest = raw.get('manifest');
  if (!manifest) throw new UsageError('--manifest is required (run through `npm run bench`)');
  return {
    manifest,
    only: (raw.get('only') ?? '').split(',').filter(Boolean),
    list: raw.has('list'),
    keep: raw.has('keep'),
    json: raw.get('json') ?? null,
    config: {
      rows: count('rows', 200_000),
      seed: count('seed', 42, 0),
      runs: count('runs', 5),
      warmup: count('warmup', 1, 0),
      calls: count('calls', 1000),
      cacheDir: resolve(raw.get('cache') ?? join(tmpdir(), 'closeout-bench-cache')),
      scratchParent: resolve(raw.get('scratch') ?? tmpdir()),
      options: Object.fromEntries(raw),
    },
  };
}

function select(loaded: LoadedBenchmark[], only: string[]): LoadedBenchmark[] {
  if (only.length === 0) return loaded;
  const matches = (name: string, pattern: string) => name.startsWith(pattern);
  for (const pattern of only)
    if (!loaded.some((l) => matches(l.benchmark.name, pattern)))
      throw new UsageError(
        `no benchmark matches "${pattern}"; have: ${loaded.map((l) => l.benchmark.name).join(', ')}`,
      );
  return loaded.filter((l) => only.some((pattern) => matches(l.benchmark.name, pattern)));
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--child') {
    await runChild(argv.slice(1));
    return 0;
  }
  const root = process.env.CLOSEOUT_ROOT ?? process.cwd();
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write((error.message ? `bench: ${error.message}\n` : '') + USAGE + '\n');
    return error.message ? 64 : 0;
  }

  const manifest = JSON.parse(readFileSync(args.manifest, 'utf8')) as Manifest;
  const broken: BenchResult[] = [];
  const loaded: LoadedBenchmark[] = [];
  for (const entry of manifest) {
    try {
      if (entry.error || !entry.bundle) throw new Error(`could not be built: ${entry.error}`);
      loaded.push({ file: entry.file, bundle: entry.bundle, benchmark: loadBenchmark(entry.bundle) });
    } catch (error) {
      const name = entry.file.replace(/^.*\//, '').replace(/\.bench\.ts$/, '');
      broken.push({
        name,
        summary: '',
        file: entry.file,
        status: 'failed',
        message: describe(error),
        sides: [],
        ratio: null,
        cpuRatio: null,
        against: null,
        goal: null,
        meetsGoal: null,
      });
    }
  }
  if (args.list) {
    for (const { benchmark } of loaded)
      process.stdout.write(`${benchmark.name.padEnd(20)} ${benchmark.summary}\n`);
    for (const b of broken) process.stdout.write(`${b.name.padEnd(20)} (broken: ${b.message})\n`);
    return broken.length ? 1 : 0;
  }
  let selected: LoadedBenchmark[];
  try {
    selected = select(loaded, args.only);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n`);
    return 64;
  }

  mkdirSync(args.config.scratchParent, { recursive: true });
  const scratchDir = mkdtempSync(join(args.config.scratchParent, 'closeout-bench-'));
  const { rows, seed, runs, warmup, calls, cacheDir, options } = args.config;
  const config: BenchConfig = { root, rows, seed, runs, warmup, calls, cacheDir, scratchDir, options };
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const startedAt = new Date();
  const loadBefore = loadavg();
  log(
    `bench: ${selected.length} benchmark(s), ${config.rows.toLocaleString('en')} rows, seed ${config.seed}, ` +
      `${config.runs} runs (+${config.warmup} warm-up), scratch ${scratchDir}`,
  );

  // A benchmark that does not build is reported unless the run was narrowed with --only.
  const results: BenchResult[] = args.only.length === 0 ? [...broken] : [];
  try {
    for (const item of selected) results.push(await runBenchmark(item, config, log));
  } finally {
    if (!args.keep) rmSync(scratchDir, { recursive: true, force: true });
  }

  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    node: process.version,
    loadAverage: { before: loadBefore.map((v) => +v.toFixed(2)), after: loadavg().map((v) => +v.toFixed(2)) },
  };
  process.stdout.write('\n' + renderTable(results, { ...config, startedAt, machine }) + '\n');

  const jsonPath = args.json
    ? resolve(args.json)
    : join(root, 'test', 'bench', 'results', `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(resolve(jsonPath, '..'), { recursive: true });
  writeFileSync(
    jsonPath,
    JSON.stringify({ startedAt: startedAt.toISOString(), settings: config, machine, results }, null, 2) +
      '\n',
  );
  process.stdout.write(`results: ${jsonPath}\n`);
  return results.some((r) => r.status === 'failed') ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
