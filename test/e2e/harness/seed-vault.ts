// Vaults made straight through the engine (no UI), for specs about other screens: a separate engine on the
// same data folder, so the page's engine sees the vault only through the registry, emits no event for it,
// and holds no session. Argon2 (~0.3 s per key slot) and RSA key generation (~1 s) make this the quick way.
import path from 'node:path';
import { createEngine } from '../../../electron/core/host/in-process';
import type { EngineClient } from '../../../electron/core/host/types';
import type { OpInput, OpName, OpResult, Role } from '../../../shared/contract';
import type { TestContract } from '../../support/test-contract';

interface SeedUser {
  name: string;
  role: Role;
  passphrase: string;
}

type SeedCall = <K extends OpName>(op: K, input: OpInput<K>) => Promise<OpResult<K>>;

export interface SeedVault {
  clientName: string;
  creditCode?: string;
  contact?: string;
  owner: { name: string; passphrase: string };
  users?: SeedUser[];
  /** More work as the owner before the vault is locked (e.g. entries for the audit log). */
  afterCreate?: (call: SeedCall) => Promise<void>;
}

export interface SeededVault {
  vaultId: string;
  path: string;
  recoveryKey: string;
}

export async function seedVault(dataDir: string, dir: string, spec: SeedVault): Promise<SeededVault> {
  const engine = createEngine({ dataDir, electronVersion: null });
  const call: SeedCall = async (op, input) => {
    const result = await engine.call(op, input);
    if (!result.ok) throw new Error(`seed: ${op} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  try {
    const file = path.join(dir, `${spec.clientName.replace(/[\\/]/g, ' ')}.cvault`);
    const created = await call('vault.create', {
      file: { path: file },
      details: {
        clientName: spec.clientName,
        creditCode: spec.creditCode ?? null,
        contact: spec.contact ?? null,
      },
      owner: spec.owner,
    });
    for (const user of spec.users ?? []) await call('users.add', user);
    await spec.afterCreate?.(call);
    await call('vault.lock', { reason: 'user' });
    return { vaultId: created.session.vaultId, path: created.session.path, recoveryKey: created.recoveryKey };
  } finally {
    await engine.close();
  }
}

/** Unlocks a seeded vault as its owner in the page's engine, so the window opens on it; throws otherwise. */
export async function unlockSeeded(
  engine: EngineClient<TestContract>,
  vault: SeededVault,
  owner: SeedVault['owner'],
): Promise<void> {
  const unlocked = await engine.call('vault.unlock', {
    vault: { vaultId: vault.vaultId },
    userName: owner.name,
    passphrase: owner.passphrase,
  });
  if (!unlocked.ok) throw new Error(`unlock: ${unlocked.error.code} ${unlocked.error.message}`);
}
