// Small vault use cases that need no file of their own: lock, session, recovery key, forget, locate.
import { existsSync } from 'node:fs';
import type { OpParsedInput, VaultSummary } from '../../../shared/contract';
import { decodeVersionedRecoveryKey, encodeRecoveryKey } from '../../../shared/recovery-key';
import { activeCompanyCertificate } from './certificates';
import { keyMatches } from './keyring';
import { recoveryVaultKey } from './recovery-secret';
import pkg from '../../../package.json';
import { EngineError } from '../kernel/engine-error';
import { pathOf } from '../util/file-ref';
import { guardWrite } from '../util/write-guard';
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

/**
 * The key the sheet shows. A version 2 recovery key is not kept anywhere (it would give whoever holds
 * the vault key the company key): the one just made by this session (create, rotation), or the one the
 * caller types, checked against the vault. A version 1 vault's key is its vault key.
 */
function recoveryKeyToPrint(vault: OpenVault, typed: string | undefined): string {
  if (typed !== undefined) {
    const key = recoveryVaultKey(typed);
    const vaultKey = vault.vaultKey();
    try {
      if (!key.equals(vaultKey)) throw new EngineError('WRONG_RECOVERY_KEY');
    } finally {
      key.fill(0);
      vaultKey.fill(0);
    }
    const decoded = decodeVersionedRecoveryKey(typed);
    return encodeRecoveryKey(decoded.bytes, decoded.version);
  }
  if (vault.freshRecoveryKey) return vault.freshRecoveryKey;
  const keyring = readKeyring(vault.file);
  const key = vault.vaultKey();
  try {
    // Only a version 1 vault's recovery key is its vault key (the keyring's check confirms it opens it).
    if (readMeta(vault.db).recoveryKeyVersion === 1 && keyMatches(keyring, key))
      return encodeRecoveryKey(key);
  } finally {
    key.fill(0);
  }
  throw new EngineError('RECOVERY_KEY_NEEDED');
}

export async function recoverySheet(
  vault: OpenVault,
  input: OpParsedInput<'vault.writeRecoverySheet'>,
  dataDir: string | null,
): Promise<{ path: string }> {
  let file = pathOf(input.out);
  if (!file.toLowerCase().endsWith('.pdf')) file += '.pdf';
  guardWrite(file, { vault, dataDir });
  if (existsSync(file)) throw new EngineError('VAULT_EXISTS', { path: file });
  const meta = readMeta(vault.db);
  await writeRecoverySheet(file, {
    clientName: meta.clientName,
    creditCode: meta.creditCode,
    vaultId: vault.vaultId,
    vaultFileName: vault.file.split(/[\\/]/).pop() ?? vault.file,
    recoveryKey: recoveryKeyToPrint(vault, input.recoveryKey),
    createdAt: new Date(),
    appVersion: pkg.version,
    companyFingerprint: activeCompanyCertificate(vault.db)?.fingerprint ?? null,
  });
  // Recorded after the file exists; the entry names no path (paths can carry people's names).
  vault.audit({ op: 'vault.writeRecoverySheet', params: {}, outcome: 'ok' });
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
