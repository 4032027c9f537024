// vault.rotateKeys: re-encrypting an N-row vault under a new key (keyring pending record, a table-by-table
// copy under the new key with progress and cancel, the CRL and signed entry, the atomic swap, the keyring
// in step), against `VACUUM INTO` of the same vault in the same run: the one-statement copy SQLite itself
// makes (under the old key, with no progress and no cancel).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type EngineClient } from '../../electron/core/host/in-process';
import { openVaultDatabase, type VaultDb } from '../../electron/core/vault/database';
import { openSlot, readKeyring } from '../../electron/core/vault/keyring';
import { benchVault } from './backup-vault';
import { defineBenchmark, nodeSide } from './harness';

interface State {
  file: string;
  dataDir: string;
  copy: string;
}

const OWNER = { userName: 'owner', passphrase: 'Bench-owner-passphrase-2026!' };

async function openWithPassphrase(file: string): Promise<VaultDb> {
  const keyring = readKeyring(file);
  const opened = await openSlot(keyring, keyring.slots[0], OWNER.passphrase);
  if (!opened?.vaultKey) throw new Error('the bench vault did not open');
  return openVaultDatabase(file, opened.vaultKey);
}

export default defineBenchmark<State>({
  name: 'vault.rekey',
  summary: 'rotate the keys of an N-row vault (copy under a new key + swap) vs VACUUM INTO of the same vault',
  goal: { ratio: 2, note: 'a rekey of a 1M-record vault ≤ 2× VACUUM INTO of it' },
  async setup(ctx) {
    const vault = await benchVault(ctx, 'rekey');
    return {
      state: { file: vault.file, dataDir: vault.dataDir, copy: join(ctx.scratchDir, 'rekey-vacuum.cvault') },
      work: { amount: ctx.rows, unit: 'rows' },
    };
  },
  candidate: nodeSide<State, EngineClient>({
    label: 'closeout vault.rotateKeys',
    async prepare(s) {
      const engine = createEngine({ dataDir: s.dataDir, electronVersion: null });
      const opened = await engine.call('vault.unlock', { vault: { path: s.file }, ...OWNER });
      if (!opened.ok) throw new Error(`unlock: ${opened.error.message}`);
      return engine;
    },
    async run(_s, engine) {
      const rotated = await engine.call('vault.rotateKeys', {});
      if (!rotated.ok) throw new Error(`vault.rotateKeys: ${rotated.error.message}`);
      return 'copied';
    },
    dispose: (_s, engine) => engine.close(),
  }),
  references: [
    nodeSide<State, VaultDb>({
      label: 'VACUUM INTO (same vault, old key)',
      before: (s) => rmSync(s.copy, { force: true }),
      prepare: (s) => openWithPassphrase(s.file),
      run(s, db) {
        db.prepare('VACUUM INTO ?').run(s.copy);
        return 'copied';
      },
      dispose: (_s, db) => {
        db.close();
      },
    }),
  ],
  verify(outputs) {
    for (const [label, out] of Object.entries(outputs))
      if (out !== 'copied') throw new Error(`${label}: ${out}`);
  },
});
