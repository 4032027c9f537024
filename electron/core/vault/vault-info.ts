// vault.info and vault.updateDetails: the client company's details and the vault's state.
import type { OpParsedInput, VaultDetails } from '../../../shared/contract';
import { auditHead } from './audit';
import { validCreditCodeOrNull } from './create-vault';
import { certificateInfo } from '../pki';
import { activeCompanyCertificate, recoveryCoversCompany } from './certificates';
import { readKeyring } from './keyring';
import { readMeta, writeMeta, type VaultMeta } from './meta';
import { schemaVersion } from './migrate';
import type { OpenVault } from './open-vault';
import { upsertRegistry } from './registry';

export function vaultDetails(vault: OpenVault): VaultDetails {
  const meta = readMeta(vault.db);
  const company = activeCompanyCertificate(vault.db);
  const info = company?.pem ? certificateInfo(company.pem) : null;
  let keyGeneration = 1;
  try {
    keyGeneration = readKeyring(vault.file).generation;
  } catch {
    // A recovery-key session without a keyring: generation unknown until a keyring is written.
  }
  const head = auditHead(vault.db);
  const users = vault.db.prepare('SELECT count(*) AS n FROM users WHERE removed_at IS NULL').get() as {
    n: number;
  };
  return {
    vaultId: vault.vaultId,
    path: vault.file,
    clientName: meta.clientName,
    creditCode: meta.creditCode,
    contact: meta.contact,
    closureReason: meta.closureReason,
    keyDates: meta.keyDates,
    stage: meta.stage,
    createdAt: meta.createdAt,
    schemaVersion: schemaVersion(vault.db),
    idleTimeoutMinutes: meta.idleTimeoutMinutes,
    recoveryKeyConfirmed: meta.recoveryKeyConfirmed,
    users: users.n,
    audit: { entries: head.seq, head: head.hash },
    identity: info
      ? { subject: info.subject, fingerprintSha256: info.fingerprintSha256, notAfter: info.notAfter }
      : null,
    recoveryKeyVersion: meta.recoveryKeyVersion,
    recoveryRestoresCompanyKey: recoveryCoversCompany(vault.db),
    keyGeneration,
    session: vault.session(),
  };
}

export function updateDetails(
  vault: OpenVault,
  input: OpParsedInput<'vault.updateDetails'>,
  dataDir: string,
): VaultDetails {
  const changes: Partial<VaultMeta> = {
    clientName: input.clientName,
    creditCode: input.creditCode === undefined ? undefined : validCreditCodeOrNull(input.creditCode),
    contact: input.contact,
    closureReason: input.closureReason,
    keyDates: input.keyDates ? { ...readMeta(vault.db).keyDates, ...input.keyDates } : undefined,
    idleTimeoutMinutes: input.idleTimeoutMinutes,
  };
  const fields = Object.keys(changes).filter((k) => changes[k as keyof VaultMeta] !== undefined);
  vault.change(
    () => ({ op: 'vault.updateDetails', params: { fields }, outcome: 'ok' }),
    () => writeMeta(vault.db, changes),
  );
  const meta = readMeta(vault.db);
  upsertRegistry(dataDir, { id: vault.vaultId, clientName: meta.clientName, creditCode: meta.creditCode });
  return vaultDetails(vault);
}
