// backup.drill: a restore drill of a backup of an N-row vault (the file's signature, SHA-256 and every
// page's HMAC; a copy into a scratch vault, read back; SQLite's integrity check and every record read for
// the row counts and the content digest; the scratch copy deleted; the drill recorded and signed), against
// `cp` + `sync` + `sha256sum` of the same backup file in the same run (and `openssl dgst` beside it).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type EngineClient } from '../../electron/core/host/in-process';
import { benchVault, copyAndHashSides } from './backup-vault';
import { defineBenchmark, nodeSide } from './harness';

interface State {
  file: string;
  recoveryKey: string;
  dataDir: string;
  backup: string;
  copyDir: string;
}

export default defineBenchmark<State>({
  name: 'backup.drill',
  summary: 'restore drill of a backup of an N-row vault vs cp + sha256sum of the same backup file',
  goal: { ratio: 3, note: 'restore drill ≤ 3× cp + sha256sum (docs/BENCHMARKS.md, Goals)' },
  async setup(ctx) {
    const vault = await benchVault(ctx, 'backup-drill');
    const dest = join(ctx.scratchDir, 'backup-drill-dest');
    mkdirSync(dest, { recursive: true });
    const engine = createEngine({ dataDir: vault.dataDir, electronVersion: null });
    let backup: string;
    try {
      const opened = await engine.call('vault.unlock', {
        vault: { path: vault.file },
        recoveryKey: vault.recoveryKey,
      });
      if (!opened.ok) throw new Error(`unlock: ${opened.error.message}`);
      const created = await engine.call('backup.create', { dir: { path: dest } });
      if (!created.ok) throw new Error(`backup.create: ${created.error.message}`);
      backup = created.value.path;
    } finally {
      await engine.close();
    }
    return {
      state: { ...vault, backup, copyDir: join(ctx.scratchDir, 'backup-drill-cp') },
      work: { amount: ctx.rows, unit: 'rows' },
    };
  },
  candidate: nodeSide<State, EngineClient>({
    label: 'closeout backup drill',
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
      const drilled = await engine.call('backup.drill', { backup: { path: s.backup } });
      if (!drilled.ok) throw new Error(`backup.drill: ${drilled.error.message}`);
      if (!drilled.value.ok)
        throw new Error(`drill failed: ${drilled.value.checks.filter((c) => !c.ok).map((c) => c.name)}`);
      return 'restore verified';
    },
    dispose: (_s, engine) => engine.close(),
  }),
  references: copyAndHashSides<State>((s) => s.backup, 'restore verified'),
  verify(outputs) {
    for (const [label, out] of Object.entries(outputs))
      if (out !== 'restore verified') throw new Error(`${label}: ${out}`);
  },
});
