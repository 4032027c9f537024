// Small vault use cases that need no file of their own: lock, session, recovery key, forget, locate.
import { existsSync } from 'node:fs';
import type { OpParsedInput, VaultSummary } from '../../../shared/contract';
import { encodeRecoveryKey } from '../../../shared/recovery-key';
import pkg from '../../../package.json';
import { EngineError } from '../kernel/engine-error';
import { pathOf } from '../util/file-ref';
import { recordOutputs } from '../wipe/outputs';
import { readKeyring } from './keyring';
import { readMeta, writeMeta } from './meta';
import type { OpenVault } from './open-vault';
import { writeRecoverySheet } from './recovery-sheet';
import { findRegistered, listVaults, upsertRegistry } from './registry';

export function confirmRecoveryKey(vault: OpenVault): { confirmed: true } {
  vault.change(
    () => ({ op: 'vault.confirmRecoveryKey', params: {}, outcome: 'ok' }),
    () => writeMeta(vault.db, { recoveryKeyConfirmed: true }),
  );
  return { confirmed: true };
}

export async function recoverySheet(
  vault: OpenVault,
  input: OpParsedInput<'vault.writeRecoverySheet'>,
): Promise<{ path: string }> {
  let file = pathOf(input.out);
  if (!file.toLowerCase().endsWith('.pdf')) file += '.pdf';
  if (existsSync(file)) throw new EngineError('VAULT_EXISTS', { path: file });
  const meta = readMeta(vault.db);
  const key = vault.vaultKey();
  try {
    await writeRecoverySheet(file, {
      clientName: meta.clientName,
      creditCode: meta.creditCode,
      vaultId: vault.vaultId,
      vaultFileName: vault.file.split(/[\\/]/).pop() ?? vault.file,
      recoveryKey: encodeRecoveryKey(key),
      createdAt: new Date(),
      appVersion: pkg.version,
    });
  } finally {
    key.fill(0);
  }
  // Recorded after the file exists; the entry names no path (paths can carry people's names).
  // The sheet is a copy of the key: the outputs register lets the whole-vault wipe find and destroy it.
  vault.change(
    () => ({ op: 'vault.writeRecoverySheet', params: {}, outcome: 'ok' }),
    () => recordOutputs(vault.db, 'recovery-sheet', [file], vault.actor.userName),
  );
  return { path: file };
}

export function locateVault(input: OpParsedInput<'vault.locate'>, dataDir: string): VaultSummary {
  findRegistered(dataDir, input.vaultId);
  const file = pathOf(input.file);
  if (!existsSync(file)) throw new EngineError('VAULT_NOT_FOUND', { path: file });
  const keyring = readKeyring(file);
  if (keyring.vaultId !== input.vaultId) throw new EngineError('KEYRING_MISMATCH', { path: `${file}.keys` });
  upsertRegistry(dataDir, { id: input.vaultId, path: file });
  const summary = listVaults(dataDir).find((v) => v.id === input.vaultId);
  if (!summary) throw new EngineError('VAULT_NOT_REGISTERED', { vaultId: input.vaultId });
  return summary;
}
