// vault.unlock: passphrase → key slot → vault key, signing key (and for owners the company key) →
// database, or the recovery key → vault key (and, version 2, the company key) → database. A rekey that
// a crash interrupted is finished or rolled back first. Every failure leaves the vault's bytes as they
// were: nothing is written before the key, the file and the schema have all been checked.
import { basename } from 'node:path';
import type { OpParsedInput, Role, VaultRef } from '../../../shared/contract';
import { asEngineError, EngineError } from '../kernel/engine-error';
import { pathOf } from '../util/file-ref';
import { inspectVaultFile, openVaultDatabase, type VaultDb } from './database';
import { keyMatches, openSlot, readKeyring, type Keyring, type OpenedSlot } from './keyring';
import { readMeta } from './meta';
import { assertNotTooNew, migrate } from './migrate';
import { OpenVault, type Actor } from './open-vault';
import { recoveryMaterial, type RecoveryMaterial } from './recovery-secret';
import { settlePendingRekey } from './rekey-recovery';
import { noteAnchor } from './anchors';
import { findRegistered, upsertRegistry } from './registry';
import { passphraseSession, recoverySession, type SessionSetup } from './session-keys';
import { throttleKeyFor, type UnlockThrottle } from './unlock-throttle';

function resolveVaultPath(ref: VaultRef, dataDir: string): string {
  return 'vaultId' in ref ? findRegistered(dataDir, ref.vaultId).path : pathOf(ref);
}

async function openWithPassphrase(
  keyring: Keyring,
  userName: string | undefined,
  passphrase: string,
): Promise<OpenedSlot | null> {
  const slots = userName ? keyring.slots.filter((s) => s.userName === userName) : keyring.slots;
  for (const slot of slots) {
    const opened = await openSlot(keyring, slot, passphrase);
    if (opened?.vaultKey) return opened;
  }
  return null;
}

function tryReadKeyring(file: string): Keyring | null {
  try {
    return readKeyring(file);
  } catch (error) {
    if (
      error instanceof EngineError &&
      (error.code === 'KEYRING_MISSING' || error.code === 'KEYRING_CORRUPT')
    )
      return null;
    throw error;
  }
}

export async function unlockVault(
  input: OpParsedInput<'vault.unlock'>,
  dataDir: string,
  throttle: UnlockThrottle,
  now = new Date(),
): Promise<OpenVault> {
  const file = resolveVaultPath(input.vault, dataDir);
  inspectVaultFile(file);
  settlePendingRekey(file);
  let keyring: Keyring | null = 'recoveryKey' in input ? tryReadKeyring(file) : readKeyring(file);
  const throttleKey = throttleKeyFor(file, keyring?.vaultId ?? null);
  throttle.check(throttleKey);

  let key: Buffer;
  let opened: OpenedSlot | null = null;
  let recovery: RecoveryMaterial | null = null;
  if ('recoveryKey' in input) {
    recovery = recoveryMaterial(input.recoveryKey);
    key = recovery.vaultKey;
    if (keyring && !keyMatches(keyring, key)) {
      throttle.failed(throttleKey);
      recovery.companyKekKey?.fill(0);
      throw new EngineError('WRONG_RECOVERY_KEY');
    }
  } else {
    keyring = keyring as Keyring;
    opened = await openWithPassphrase(keyring, input.userName, input.passphrase);
    if (!opened?.vaultKey) {
      throttle.failed(throttleKey);
      throw new EngineError('WRONG_PASSPHRASE');
    }
    key = opened.vaultKey;
  }

  let db: VaultDb;
  try {
    db = openVaultDatabase(file, key);
  } catch (error) {
    recovery?.companyKekKey?.fill(0);
    key.fill(0);
    // Without a keyring to vouch for the recovery key, a refused key and a damaged file look the same.
    if (!keyring && error instanceof EngineError && error.code === 'VAULT_DAMAGED') {
      throttle.failed(throttleKey);
      throw new EngineError('WRONG_RECOVERY_KEY');
    }
    throw error;
  }

  let setup: SessionSetup | null = null;
  try {
    assertNotTooNew(db);
    const meta = readMeta(db);
    if (keyring && keyring.vaultId !== meta.vaultId)
      throw new EngineError('KEYRING_MISMATCH', { path: `${basename(file)}.keys` });
    migrate(db, file, now);

    let actor: Actor;
    if (opened) {
      const user = db
        .prepare('SELECT id, name, role FROM users WHERE id = ? AND removed_at IS NULL')
        .get(opened.slot.userId) as { id: string; name: string; role: Role } | undefined;
      if (!user) throw new EngineError('WRONG_PASSPHRASE'); // a slot left behind for a removed user opens nothing
      actor = { userId: user.id, userName: user.name, role: user.role, viaRecoveryKey: false };
      setup = await passphraseSession(
        db,
        meta,
        file,
        keyring!,
        opened,
        'passphrase' in input ? input.passphrase : '',
        key,
        actor,
        now,
      );
    } else {
      actor = { userId: null, userName: 'recovery key', role: 'owner', viaRecoveryKey: true };
      setup = recoverySession(db, meta.vaultId, recovery!);
    }
    throttle.succeeded(throttleKeyFor(file, meta.vaultId));
    const vault = new OpenVault(file, meta.vaultId, db, key, actor, setup.keys);
    key.fill(0);
    recovery?.companyKekKey?.fill(0);
    setup.record(vault);
    vault.audit(
      { op: 'vault.unlock', params: { viaRecoveryKey: actor.viaRecoveryKey }, outcome: 'ok' },
      actor.viaRecoveryKey,
    );
    upsertRegistry(dataDir, {
      id: meta.vaultId,
      path: file,
      clientName: meta.clientName,
      creditCode: meta.creditCode,
      stage: meta.stage,
      lastOpenedAt: now.toISOString(),
    });
    noteAnchor(dataDir, vault);
    return vault;
  } catch (error) {
    db.close();
    key.fill(0);
    recovery?.companyKekKey?.fill(0);
    setup?.keys.ckek?.key.fill(0);
    throw asEngineError(error, file);
  }
}
