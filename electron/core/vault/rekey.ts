// Re-encrypting a vault under a new key (users.remove, vault.rotateKeys): a new recovery key R and the
// vault key it derives, a new company KEK, a signed CRL when a user goes. Crash-safe by construction:
//   1. the keyring records the rekey as pending (the new key's check, the old file's salt, the temp
//      file's name) and gives every remaining slot an envelope of the new key (owners the new CKEK);
//   2. the re-encrypted copy is built beside the vault (vault-copy.ts), and the change itself (user
//      removed, certificate revoked, CRL, the old recovery sheet declared void) is written into the copy
//      with its signed audit entry and checkpoint;
//   3. the copy is renamed over the vault: the one atomic step;
//   4. the keyring's pending envelopes become the current ones (a removed user's slot is gone).
// A kill at any point leaves the old vault or the new one; settlePendingRekey (rekey-recovery.ts) puts
// the keyring in step on the next open. A cancel before step 3 undoes everything.
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Role } from '../../../shared/contract';
import { createCrl, type CompanyCa } from '../pki';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { fsyncDir } from '../util/atomic-write';
import { appendAudit, type AuditInput } from './audit';
import { listCertificates, newCompanyKek, resealCompany } from './certificates';
import { writeCheckpoint } from './checkpoints';
import { openVaultDatabase, type VaultDb } from './database';
import {
  companyKekEnvelopeFor,
  isV2,
  keyCheckFor,
  readKeyring,
  vaultKeyEnvelopeFor,
  writeKeyring,
  type CompanyKek,
  type Keyring,
} from './keyring';
import { writeMeta } from './meta';
import type { OpenVault } from './open-vault';
import { newRecoveryKey } from './recovery-secret';
import { dropPending, fileSalt, promotePending } from './rekey-recovery';
import { copyVault } from './vault-copy';

export interface RekeyChange {
  /** The audit entry recording the change (an irreversible op: it gets its checkpoint). */
  entry: AuditInput;
  /** The user whose access ends (their slot gets no envelope, their certificate is revoked). */
  removeUserId?: string;
  /** Database changes made in the re-encrypted copy, before its audit entry. */
  apply?: (db: VaultDb) => void;
}

export interface RekeyResult {
  recoveryKey: string;
  generation: number;
  /** Users left without a passphrase: their slot was still version 1 and cannot receive the new key. */
  usersWithoutAccess: string[];
}

const CRL_DAYS = 365;

async function crlFor(
  db: VaultDb,
  ca: CompanyCa,
  removeUserId: string | undefined,
  now: Date,
): Promise<{ number: number; pem: string }> {
  const revoked = listCertificates(db)
    .filter(
      (c) =>
        c.kind === 'user' &&
        c.serial &&
        (c.status === 'revoked' || (removeUserId && c.userId === removeUserId && c.status === 'certified')),
    )
    .map((c) => ({
      serial: c.serial!,
      at: c.revokedAt ? new Date(c.revokedAt) : now,
      reason: 'affiliationChanged' as const,
    }));
  const last = db.prepare('SELECT coalesce(max(number), 0) AS n FROM crls').get() as { n: number };
  const number = last.n + 1;
  const { pem } = await createCrl(ca, revoked, {
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + CRL_DAYS * 86_400_000),
    crlNumber: BigInt(number),
  });
  return { number, pem };
}

function activeUsers(db: VaultDb): Map<string, Role> {
  const rows = db.prepare('SELECT id, role FROM users WHERE removed_at IS NULL').all() as Array<{
    id: string;
    role: Role;
  }>;
  return new Map(rows.map((r) => [r.id, r.role]));
}

function pendingKeyring(
  keyring: Keyring,
  file: string,
  temp: string,
  newKey: Buffer,
  ckek: CompanyKek,
  users: Map<string, Role>,
  removeUserId: string | undefined,
  now: Date,
): Keyring {
  const generation = keyring.generation + 1;
  return {
    ...keyring,
    pending: {
      generation,
      keyCheck: keyCheckFor(keyring.vaultId, newKey),
      oldSalt: fileSalt(file),
      temp,
      pid: process.pid,
      at: now.toISOString(),
    },
    slots: keyring.slots.map((slot) => {
      if (!isV2(slot) || slot.userId === removeUserId || !users.has(slot.userId)) return slot;
      const next = { ...slot, pendingVaultKey: vaultKeyEnvelopeFor(keyring, slot, newKey, generation) };
      return users.get(slot.userId) === 'owner'
        ? { ...next, pendingCompanyKek: companyKekEnvelopeFor(keyring, slot, ckek) }
        : next;
    }),
  };
}

export async function rekeyVault(
  vault: OpenVault,
  change: RekeyChange,
  job: JobContext,
  now = new Date(),
): Promise<RekeyResult> {
  const company = vault.company;
  if (!company) throw new EngineError('COMPANY_KEY_NEEDED');
  const file = vault.file;
  const keyring = readKeyring(file);
  if (keyring.pending) throw new EngineError('REKEY_IN_PROGRESS', { path: file });
  const users = activeUsers(vault.db);
  if (change.removeUserId) users.delete(change.removeUserId);
  const usersWithoutAccess = keyring.slots
    .filter((s) => !isV2(s) && users.has(s.userId))
    .map((s) => s.userName);

  job.progress(0, null, 'preparing');
  const crl = await crlFor(vault.db, company, change.removeUserId, now);
  const recovery = newRecoveryKey();
  const ckek = newCompanyKek();
  const tempName = `.${basename(file)}.${randomBytes(6).toString('hex')}.rekey`;
  const temp = join(dirname(file), tempName);
  const pending = pendingKeyring(
    keyring,
    file,
    tempName,
    recovery.vaultKey,
    ckek,
    users,
    change.removeUserId,
    now,
  );
  const cleanUp = () => {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) rmSync(f, { force: true });
    writeKeyring(file, dropPending(pending));
  };

  writeKeyring(file, pending);
  let copy: VaultDb | null = null;
  let oldKey: Buffer | null = null;
  try {
    oldKey = vault.vaultKey();
    copy = await copyVault(file, oldKey, temp, recovery.vaultKey, job);
    await job.checkpoint();
    job.progress(0, 1, 'recording');
    const db = copy;
    db.transaction(() => {
      change.apply?.(db);
      db.prepare('INSERT INTO crls (number, issued_at, pem) VALUES (?, ?, ?)').run(
        crl.number,
        now.toISOString(),
        crl.pem,
      );
      resealCompany(db, vault.vaultId, company, ckek, recovery.companyKekKey);
      writeMeta(db, { recoveryKeyVersion: 2, recoveryKeyConfirmed: false });
      const entry = appendAudit(
        db,
        { userId: vault.actor.userId, userName: vault.actor.userName },
        {
          ...change.entry,
          params: {
            ...change.entry.params,
            keyGeneration: pending.pending!.generation,
            previousRecoveryKeyVoid: true,
            crl: crl.number,
          },
        },
        now,
        { vaultId: vault.vaultId, signer: vault.signer },
      );
      writeCheckpoint(db, vault.vaultId, vault.signer, entry.op, now);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    copy = null;
    await job.checkpoint(); // the last moment a cancel undoes the rekey
  } catch (error) {
    copy?.close();
    oldKey?.fill(0);
    cleanUp();
    recovery.vaultKey.fill(0);
    recovery.companyKekKey?.fill(0);
    ckek.key.fill(0);
    throw error;
  }

  // The swap: the old connection goes first, so no WAL of the old file can outlive it.
  job.progress(1, 1, 'replacing');
  vault.db.pragma('wal_checkpoint(TRUNCATE)');
  vault.db.close();
  try {
    if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0)
      throw new EngineError('WRITE_FAILED', {
        path: `${file}-wal`,
        reason: 'the old write-ahead log is still in use',
      });
    rmSync(`${file}-shm`, { force: true });
    renameSync(temp, file);
    fsyncDir(dirname(file));
  } catch (error) {
    vault.replaceDatabase(openVaultDatabase(file, oldKey!), oldKey!);
    oldKey!.fill(0);
    cleanUp();
    throw error;
  }
  oldKey.fill(0);
  writeKeyring(file, promotePending(pending));
  vault.replaceDatabase(openVaultDatabase(file, recovery.vaultKey), recovery.vaultKey);
  vault.setKeys({ ckek });
  vault.freshRecoveryKey = recovery.text;
  recovery.vaultKey.fill(0);
  recovery.companyKekKey?.fill(0);
  ckek.key.fill(0);
  return { recoveryKey: recovery.text, generation: pending.pending!.generation, usersWithoutAccess };
}
