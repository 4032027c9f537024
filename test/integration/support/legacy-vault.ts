// A vault exactly as Closeout wrote it before schema 5 (schema 4): the company key in clear in the
// identity table, unsigned audit entries, checkpoints signed by that company key, and a version 1
// keyring (the vault key sealed straight under each passphrase). Built from the released migrations.
import { X509Certificate, createPrivateKey, randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createCompanyCa } from '../../../electron/core/pki';
import { appendAudit, type AuditInput } from '../../../electron/core/vault/audit';
import { writeCheckpoint } from '../../../electron/core/vault/checkpoints';
import { createVaultDatabase } from '../../../electron/core/vault/database';
import { DEFAULT_KDF, deriveKey } from '../../../electron/core/vault/kdf';
import { keyCheckFor } from '../../../electron/core/vault/keyring';
import { MIGRATIONS } from '../../../electron/core/vault/migrations';
import { seal } from '../../../electron/core/vault/sealing';
import { companySigner } from '../../../electron/core/vault/signer';
import { encodeRecoveryKey } from '../../../shared/recovery-key';

export interface LegacyVault {
  file: string;
  vaultId: string;
  recoveryKey: string;
  companyCertificatePem: string;
  /** The old company key, which every user of the vault could read. */
  companyKeyPem: string;
}

export async function makeLegacyVault(
  file: string,
  users: Array<{ name: string; role: 'owner' | 'operator' | 'auditor'; passphrase: string }>,
  entries = 5,
  schema = 4,
  /** Entries as that Closeout recorded them (e.g. under an operation's old name), after the others. */
  recorded: AuditInput[] = [],
): Promise<LegacyVault> {
  const vaultId = randomUUID();
  const key = randomBytes(32);
  const ca = await createCompanyCa({ name: '旧公司有限公司', creditCode: '91350100M000100Y43' });
  const serial = new X509Certificate(ca.certificatePem).serialNumber.toUpperCase();
  const signer = companySigner(createPrivateKey(ca.privateKeyPem), ca.certificatePem, serial);
  const ids = users.map((u) => ({ ...u, id: randomUUID() }));
  const db = createVaultDatabase(file, key);
  try {
    for (const m of MIGRATIONS.filter((x) => x.version <= schema)) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
    const now = new Date();
    const meta: Record<string, unknown> = {
      vault_id: vaultId,
      client_name: '旧公司有限公司',
      credit_code: '91350100M000100Y43',
      stage: 'setup',
      created_at: now.toISOString(),
      idle_timeout_minutes: 15,
      recovery_key_confirmed: true,
      key_dates: {},
    };
    for (const [k, v] of Object.entries(meta))
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(k, JSON.stringify(v));
    for (const u of ids)
      db.prepare('INSERT INTO users (id, name, role, created_at) VALUES (?, ?, ?, ?)').run(
        u.id,
        u.name,
        u.role,
        now.toISOString(),
      );
    db.prepare(
      'INSERT INTO identity (id, certificate_pem, private_key_pem, created_at) VALUES (1, ?, ?, ?)',
    ).run(ca.certificatePem, ca.privateKeyPem, now.toISOString());
    const owner = ids[0];
    appendAudit(
      db,
      { userId: owner.id, userName: owner.name },
      { op: 'vault.create', params: { vaultId }, outcome: 'ok' },
    );
    writeCheckpoint(db, vaultId, signer, 'vault.create');
    for (let i = 0; i < entries; i++)
      appendAudit(
        db,
        { userId: owner.id, userName: owner.name },
        { op: 'vault.updateDetails', params: { fields: ['contact'] }, outcome: 'ok' },
      );
    for (const input of recorded) appendAudit(db, { userId: owner.id, userName: owner.name }, input);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  const slots = [];
  for (const u of ids) {
    const salt = randomBytes(16);
    const kek = await deriveKey(u.passphrase, salt, DEFAULT_KDF);
    const id = randomUUID();
    const sealed = seal(kek, key, `closeout-keyring:v1:${vaultId}:${id}:${u.id}`);
    slots.push({
      id,
      userId: u.id,
      userName: u.name,
      kdf: { ...DEFAULT_KDF, salt: salt.toString('base64') },
      wrap: { name: 'aes-256-gcm', ...sealed },
    });
  }
  writeFileSync(
    `${file}.keys`,
    JSON.stringify(
      { format: 'closeout-keyring', version: 1, vaultId, keyCheck: keyCheckFor(vaultId, key), slots },
      null,
      2,
    ),
  );
  return {
    file,
    vaultId,
    recoveryKey: encodeRecoveryKey(key),
    companyCertificatePem: ca.certificatePem,
    companyKeyPem: ca.privateKeyPem,
  };
}
