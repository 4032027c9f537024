// vault.unlock: what a person waits for to open a vault with a passphrase (Argon2id → AES-GCM unwrap →
// SQLCipher open → schema and audit entry), beside the attacker's cost per passphrase guess: one
// Argon2id derivation with the slot's parameters, which every guess must pay. Goal (docs/BENCHMARKS.md):
// unlock 0.3–1 s with ≥ 0.25 s of KDF work per guess.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../electron/core/host/in-process';
import { DEFAULT_KDF, deriveKey } from '../../electron/core/vault/kdf';
import { defineBenchmark, nodeSide } from './harness';

interface State {
  dir: string;
  file: string;
  passphrase: string;
}

const PASSPHRASE = 'Bench-owner-passphrase-2026';

export default defineBenchmark<State>({
  name: 'vault.unlock',
  summary: 'unlock a vault with a passphrase vs one Argon2id derivation (the attacker’s cost per guess)',
  async setup(ctx) {
    const dir = join(ctx.scratchDir, 'unlock');
    mkdirSync(dir, { recursive: true });
    const engine = createEngine({ dataDir: join(dir, 'data'), electronVersion: null });
    const created = await engine.call('vault.create', {
      file: { path: join(dir, 'bench.cvault') },
      details: { clientName: '基准测试有限公司' },
      owner: { name: 'owner', passphrase: PASSPHRASE },
    });
    await engine.close();
    if (!created.ok) throw new Error(`${created.error.code}: ${created.error.message}`);
    return {
      state: { dir, file: created.value.session.path, passphrase: PASSPHRASE },
      work: { amount: 1, unit: 'calls' },
    };
  },
  candidate: nodeSide<State>({
    label: 'closeout vault.unlock (passphrase)',
    async run(s) {
      const engine = createEngine({ dataDir: join(s.dir, 'data'), electronVersion: null });
      const result = await engine.call('vault.unlock', { vault: { path: s.file }, passphrase: s.passphrase });
      await engine.close();
      if (!result.ok) throw new Error(result.error.code);
      return result.value.role;
    },
  }),
  references: [
    nodeSide<State>({
      label: `one guess: Argon2id ${DEFAULT_KDF.memoryKiB / 1024} MiB × ${DEFAULT_KDF.iterations}`,
      async run(s) {
        await deriveKey(s.passphrase, randomBytes(16), DEFAULT_KDF);
        return 'owner';
      },
    }),
  ],
  teardown(s) {
    rmSync(s.dir, { recursive: true, force: true });
  },
});
