// engine.roundtrip: the cost of the worker boundary. N sequential `app.info` calls through the engine
// worker (startEngineWorker with the bundled dist/core/worker.js, as the desktop shell runs it) against the
// same calls to the in-process engine (createEngine, as the CLI and jest run it).
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startEngineWorker, type EngineClient } from '../../electron/core/host/index';
import { createEngine } from '../../electron/core/host/in-process';
import { defineBenchmark, nodeSide, SkipBenchmark, type SetupContext } from './harness';

interface State {
  workerScript: string;
  dataDir: string;
  calls: number;
}

const WARM_UP_CALLS = 200;

async function callMany(engine: EngineClient, calls: number): Promise<number> {
  let ok = 0;
  for (let i = 0; i < calls; i++) {
    const result = await engine.call('app.info', {});
    if (result.ok) ok++;
  }
  return ok;
}

/** Newest modification time of the engine's sources, to warn when dist/ is older. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function engineSide(label: string, start: (s: State) => EngineClient) {
  return nodeSide<State, EngineClient>({
    label,
    async prepare(s) {
      const engine = start(s);
      await callMany(engine, WARM_UP_CALLS);
      return engine;
    },
    run: async (s, engine) => String(await callMany(engine, s.calls)),
    dispose: (_s, engine) => engine.close(),
  });
}

export default defineBenchmark<State>({
  name: 'engine.roundtrip',
  summary: 'N sequential app.info calls: engine worker (dist/core/worker.js) vs in-process engine',
  setup(ctx: SetupContext) {
    const workerScript = join(ctx.root, 'dist', 'core', 'worker.js');
    if (!existsSync(workerScript))
      throw new SkipBenchmark('dist/core/worker.js is missing: run `node scripts/build-node.mjs` first');
    const stale =
      statSync(workerScript).mtimeMs <
      Math.max(newestSource(join(ctx.root, 'electron', 'core')), newestSource(join(ctx.root, 'shared')));
    if (stale)
      ctx.log(
        'warning: dist/core/worker.js is older than electron/core or shared; run `node scripts/build-node.mjs`',
      );
    const dataDir = join(ctx.scratchDir, 'engine-data');
    mkdirSync(dataDir, { recursive: true });
    return { state: { workerScript, dataDir, calls: ctx.calls }, work: { amount: ctx.calls, unit: 'calls' } };
  },
  candidate: engineSide('closeout engine worker', (s) =>
    startEngineWorker(s.workerScript, { dataDir: s.dataDir, electronVersion: null }),
  ),
  references: [
    engineSide('in-process engine', (s) => createEngine({ dataDir: s.dataDir, electronVersion: null })),
  ],
  verify(outputs, s) {
    for (const [label, ok] of Object.entries(outputs))
      if (ok !== String(s.calls)) throw new Error(`${label}: ${ok} of ${s.calls} calls succeeded`);
  },
});
