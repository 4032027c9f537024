// vault.unlock: passphrase → key slot → vault key → database, or the recovery key straight to the
// database. Every failure leaves the vault's bytes as they were: nothing is written before the key,
// the file and the schema have all been checked.
import { basename } from 'node:path';
import type { OpParsedInput, Role, VaultRef } from '../../../shared/contract';
import { checkRecoveryKey, decodeRecoveryKey } from '../../../shared/recovery-key';
import { asEngineError, EngineError } from '../kernel/engine-error';
import { pathOf } from '../util/file-ref';
import { inspectVaultFile, openVaultDatabase, type VaultDb } from './database';
import { keyMatches, readKeyring, type Keyring } from './keyring';
import { openSlot } from './keyring';
import { readMeta } from './meta';
import { assertNotTooNew, migrate } from './migrate';
import { OpenVault, type Actor } from './open-vault';
import { findRegistered, upsertRegistry } from './registry';
import type { UnlockThrottle } from './unlock-throttle';

function resolveVaultPath(ref: VaultRef, dataDir: string): string {
  return 'vaultId' in ref ? findRegistered(dataDir, ref.vaultId).path : pathOf(ref);
}

async function keyFromPassphrase(
  keyring: Keyring,
  userName: string | undefined,
  passphrase: string,
): Promise<{ key: Buffer; userId: string } | null> {
  const slots = userName ? keyring.slots.filter((s) => s.userName === userName) : keyring.slots;
  for (const slot of slots) {
    const key = await openSlot(keyring, slot, passphrase);
    if (key) return { key, userId: slot.userId };
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
  throttle.check(file);

  let key: Buffer;
  let slotUserId: string | null = null;
  let keyring: Keyring | null;
  if ('recoveryKey' in input) {
    const problem = checkRecoveryKey(input.recoveryKey);
    if (problem)
      throw new EngineError('RECOVERY_KEY_MALFORMED', {
        group: problem.kind === 'length' ? '—' : problem.group,
      });
    key = Buffer.from(decodeRecoveryKey(input.recoveryKey));
    keyring = tryReadKeyring(file);
    if (keyring && !keyMatches(keyring, key)) {
      throttle.failed(file);
      throw new EngineError('WRONG_RECOVERY_KEY');
    }
  } else {
    keyring = readKeyring(file);
    const opened = await keyFromPassphrase(keyring, input.userName, input.passphrase);
    if (!opened) {
      throttle.failed(file);
      throw new EngineError('WRONG_PASSPHRASE');
    }
    key = opened.key;
    slotUserId = opened.userId;
  }

  let db: VaultDb;
  try {
    db = openVaultDatabase(file, key);
  } catch (error) {
    // Without a keyring to vouch for the recovery key, a refused key and a damaged file look the same.
    if (!keyring && error instanceof EngineError && error.code === 'VAULT_DAMAGED') {
      throttle.failed(file);
      key.fill(0);
      throw new EngineError('WRONG_RECOVERY_KEY');
    }
    key.fill(0);
    throw error;
  }

  try {
    assertNotTooNew(db);
    const meta = readMeta(db);
    if (keyring && keyring.vaultId !== meta.vaultId)
      throw new EngineError('KEYRING_MISMATCH', { path: `${basename(file)}.keys` });
    migrate(db, file, now);

    let actor: Actor;
    if (slotUserId) {
      const user = db
        .prepare('SELECT id, name, role FROM users WHERE id = ? AND removed_at IS NULL')
        .get(slotUserId) as { id: string; name: string; role: Role } | undefined;
      if (!user) throw new EngineError('WRONG_PASSPHRASE'); // a slot left behind for a removed user opens nothing
      actor = { userId: user.id, userName: user.name, role: user.role, viaRecoveryKey: false };
    } else {
      actor = { userId: null, userName: 'recovery key', role: 'owner', viaRecoveryKey: true };
    }
    throttle.succeeded(file);
    const vault = new OpenVault(file, meta.vaultId, db, key, actor);
    key.fill(0);
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
    return vault;
  } catch (error) {
    db.close();
    key.fill(0);
    throw asEngineError(error, file);
  }
}
