// The wipe's overwrite pass (one pass of AES-256-CTR random data through one descriptor, fsync, rename,
// unlink) on a file the size of an N-row vault, against coreutils shred on the same file: `shred -n 1 -z`
// (a random pass then a zero pass, the goal's reference) and `shred -n 1 -u` (the same work as ours).
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { overwriteAndDelete } from '../../electron/core/util/wipe-file';
import { commandSide, defineBenchmark, nodeSide } from './harness';
import { wipeBenchVault } from './wipe-vault';

interface State {
  source: string;
  file: string;
  bytes: number;
}

const fresh = (s: State) => copyFileSync(s.source, s.file);

export default defineBenchmark<State>({
  name: 'wipe.overwrite',
  summary: 'one random pass + fsync + delete of a vault-sized file vs shred -n 1 -z (and -n 1 -u)',
  goal: { ratio: 1.25, note: 'overwrite pass ≤ 1.25× shred -n 1 -z of the same file' },
  async setup(ctx) {
    const cached = await wipeBenchVault(ctx);
    const dir = join(ctx.scratchDir, 'wipe-overwrite');
    mkdirSync(dir, { recursive: true });
    const source = join(cached.cachedDir, 'bench.cvault');
    const { size } = statSync(source);
    return {
      state: { source, file: join(dir, 'target.bin'), bytes: size },
      work: { amount: size, unit: 'bytes' },
    };
  },
  candidate: nodeSide<State>({
    label: 'closeout overwrite + delete',
    before: fresh,
    run(s) {
      const outcome = overwriteAndDelete(s.file);
      if (outcome.result !== 'overwritten') throw new Error(`${outcome.result}: ${outcome.detail}`);
      return existsSync(s.file) ? 'left' : 'gone';
    },
  }),
  references: [
    commandSide<State>({
      label: 'shred -n 1 -z',
      before: fresh,
      command: (s) => ['shred', '-n', '1', '-z', s.file],
      check: () => 'gone',
    }),
    commandSide<State>({
      label: 'shred -n 1 -u',
      before: fresh,
      command: (s) => ['shred', '-n', '1', '-u', s.file],
      check: () => 'gone',
    }),
  ],
  verify(outputs) {
    for (const [label, out] of Object.entries(outputs))
      if (out !== 'gone') throw new Error(`${label}: ${out}`);
  },
});
