// vault.create: a new encrypted vault for one client company. The database is built under a temporary
// name and renamed into place only when complete, then the keyring is written beside it; a crash part
// way leaves no half-made vault under the chosen name.
import { X509Certificate, randomBytes, randomUUID } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { OpParsedInput, VaultCreated } from '../../../shared/contract';
import { checkCreditCode, normaliseCreditCode } from '../../../shared/identifiers/credit-code';
import { assessPassphrase, MIN_SCORE } from '../../../shared/passphrase-strength';
import { EngineError } from '../kernel/engine-error';
import { fsyncDir } from '../util/atomic-write';
import { pathOf } from '../util/file-ref';
import { appendAudit } from './audit';
import {
  certifyUserKey,
  newCompanyCa,
  newCompanyKek,
  storeCompany,
  storeUserCertificate,
} from './certificates';
import { writeCheckpoint } from './checkpoints';
import { createVaultDatabase, openVaultDatabase } from './database';
import { keyringPathFor, makeSlot, newKeyring, newSlotKeys, writeKeyring } from './keyring';
import { DEFAULT_IDLE_MINUTES, writeMeta } from './meta';
import { migrate } from './migrate';
import { OpenVault } from './open-vault';
import { newRecoveryKey } from './recovery-secret';
import { noteAnchor } from './anchors';
import { upsertRegistry } from './registry';
import { newSigningKey } from './session-keys';
import { certifiedSigner } from './signer';

export const VAULT_EXTENSION = '.cvault';

export function requireStrongPassphrase(passphrase: string): void {
  const assessment = assessPassphrase(passphrase);
  if (assessment.score < MIN_SCORE)
    throw new EngineError('PASSPHRASE_TOO_WEAK', {
      reason: assessment.problems.join(', ') || `about ${assessment.bits} bits`,
    });
}

export function validCreditCodeOrNull(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const code = normaliseCreditCode(raw);
  const problem = checkCreditCode(code);
  if (problem) throw new EngineError('CREDIT_CODE_INVALID', { code: raw, problem });
  return code;
}

export async function createVault(
  input: OpParsedInput<'vault.create'>,
  dataDir: string,
  now = new Date(),
): Promise<{ created: VaultCreated; vault: OpenVault }> {
  let file = pathOf(input.file);
  if (!file.endsWith(VAULT_EXTENSION)) file += VAULT_EXTENSION;
  if (existsSync(file)) throw new EngineError('VAULT_EXISTS', { path: file });
  if (existsSync(keyringPathFor(file))) throw new EngineError('VAULT_EXISTS', { path: keyringPathFor(file) });
  try {
    accessSync(dirname(file), constants.W_OK);
  } catch (error) {
    throw new EngineError('WRITE_FAILED', {
      path: dirname(file),
      reason: (error as NodeJS.ErrnoException).code,
    });
  }
  const creditCode = validCreditCodeOrNull(input.details.creditCode);
  requireStrongPassphrase(input.owner.passphrase);

  const vaultId = randomUUID();
  const recovery = newRecoveryKey();
  const vaultKey = recovery.vaultKey;
  const owner = { id: randomUUID(), name: input.owner.name, role: 'owner' as const };
  const company = await newCompanyCa({ clientName: input.details.clientName, creditCode }, now);
  const ckek = newCompanyKek();
  const ownerKeys = newSlotKeys(newSigningKey());
  const ownerCertificate = await certifyUserKey(company, owner, ownerKeys.signing, now);
  const companySerial = new X509Certificate(company.certificatePem).serialNumber.toUpperCase();
  const signer = certifiedSigner(
    ownerKeys.signing,
    ownerCertificate,
    new X509Certificate(ownerCertificate).serialNumber.toUpperCase(),
    company.certificatePem,
  );
  const keyring = newKeyring(vaultId, vaultKey);
  keyring.slots.push(await makeSlot(keyring, vaultKey, owner, input.owner.passphrase, ownerKeys, ckek));

  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.creating`);
  try {
    const db = createVaultDatabase(temp, vaultKey);
    try {
      migrate(db, temp, now);
      db.transaction(() => {
        writeMeta(db, {
          vaultId,
          clientName: input.details.clientName,
          creditCode,
          contact: input.details.contact ?? null,
          closureReason: input.details.closureReason ?? null,
          keyDates: input.details.keyDates ?? {},
          stage: 'setup',
          createdAt: now.toISOString(),
          idleTimeoutMinutes: DEFAULT_IDLE_MINUTES,
          recoveryKeyConfirmed: false,
          recoveryKeyVersion: 2,
        });
        db.prepare('INSERT INTO users (id, name, role, created_at) VALUES (?, ?, ?, ?)').run(
          owner.id,
          owner.name,
          'owner',
          now.toISOString(),
        );
        storeCompany(db, vaultId, company, ckek, recovery.companyKekKey, now);
        storeUserCertificate(db, owner, ownerCertificate, now);
        appendAudit(
          db,
          { userId: owner.id, userName: owner.name },
          {
            op: 'vault.create',
            params: { vaultId, creditCode: creditCode !== null, companyCertificate: companySerial },
            counts: { users: 1 },
            outcome: 'ok',
          },
          now,
          { vaultId, signer },
        );
        writeCheckpoint(db, vaultId, signer, 'vault.create', now);
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    chmodSync(temp, 0o600); // encrypted, but still nobody else's business
    renameSync(temp, file);
    fsyncDir(dirname(file));
  } catch (error) {
    rmSync(temp, { force: true });
    rmSync(`${temp}-wal`, { force: true });
    rmSync(`${temp}-shm`, { force: true });
    if (error instanceof EngineError) throw error;
    throw new EngineError('WRITE_FAILED', { path: file, reason: (error as Error).message });
  }
  writeKeyring(file, keyring);

  const db = openVaultDatabase(file, vaultKey);
  const vault = new OpenVault(
    file,
    vaultId,
    db,
    vaultKey,
    { userId: owner.id, userName: owner.name, role: 'owner', viaRecoveryKey: false },
    { signer, company, ckek, slotId: keyring.slots[0].id },
  );
  const recoveryKey = recovery.text;
  vault.freshRecoveryKey = recoveryKey;
  vaultKey.fill(0);
  recovery.companyKekKey?.fill(0);
  ckek.key.fill(0);
  upsertRegistry(dataDir, {
    id: vaultId,
    path: file,
    clientName: input.details.clientName,
    creditCode,
    stage: 'setup',
    lastOpenedAt: now.toISOString(),
  });
  noteAnchor(dataDir, vault);
  return { created: { session: vault.session(), recoveryKey }, vault };
}
