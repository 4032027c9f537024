// backup.create: Closeout's backup of an N-row vault: a frozen snapshot of the vault's encrypted pages
// copied as they are, read back from the destination (SHA-256, every page's SQLCipher HMAC, the pages
// against those copied), row counts from SQL, a signed manifest written and read back, the backup recorded
// as verified — against `cp` + `sync` + `sha256sum` of the same vault file in the same run, the least any
// backup that checks its copy does (and `openssl dgst`, the faster hash, beside it).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type EngineClient } from '../../electron/core/host/in-process';
import { benchVault, copyAndHashSides } from './backup-vault';
import { defineBenchmark, nodeSide } from './harness';

interface State {
  file: string;
  recoveryKey: string;
  dataDir: string;
  dest: string;
  copyDir: string;
}

export default defineBenchmark<State>({
  name: 'backup.create',
  summary:
    'backup (page copy + read-back check of every page) of an N-row vault vs cp + sha256sum of its file',
  goal: { ratio: 1.5, note: 'backup + verify of a 1M-record vault ≤ 1.5× cp + sha256sum' },
  async setup(ctx) {
    const vault = await benchVault(ctx, 'backup-create');
    const dest = join(ctx.scratchDir, 'backup-create-dest');
    const copyDir = join(ctx.scratchDir, 'backup-create-cp');
    return {
      state: { ...vault, dest, copyDir },
      work: { amount: ctx.rows, unit: 'rows' },
    };
  },
  candidate: nodeSide<State, EngineClient>({
    label: 'closeout backup create (read back)',
    before: (s) => {
      rmSync(s.dest, { recursive: true, force: true });
      mkdirSync(s.dest, { recursive: true });
    },
    async prepare(s) {
      const engine = createEngine({ dataDir: s.dataDir, electronVersion: null });
      const opened = await engine.call('vault.unlock', {
        vault: { path: s.file },
        recoveryKey: s.recoveryKey,
      });
      if (!opened.ok) throw new Error(`unlock: ${opened.error.message}`);
      return engine;
    },
    async run(s, engine) {
      const created = await engine.call('backup.create', { dir: { path: s.dest } });
      if (!created.ok) throw new Error(`backup.create: ${created.error.message}`);
      if (!created.value.verification.ok) throw new Error('the new backup did not verify');
      return 'verified';
    },
    dispose: (_s, engine) => engine.close(),
  }),
  references: copyAndHashSides<State>((s) => s.file, 'verified'),
  verify(outputs) {
    for (const [label, out] of Object.entries(outputs))
      if (out !== 'verified') throw new Error(`${label}: ${out}`);
  },
});
