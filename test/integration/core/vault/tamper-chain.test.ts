// An operator or auditor with a copy of the vault, its keyring and their own passphrase (so the vault
// key) edits the evidence with raw SQL and signs with every key they hold. Each attack passed
// `audit verify` and `vault check` before signed entries; each is now reported, naming entry, user and
// reason. Real vault files, real keys.
import { X509Certificate, createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { createCompanyCa, issueUserCertificate } from '../../../../electron/core/pki';
import { openVaultDatabase } from '../../../../electron/core/vault/database';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import type { VaultDb } from '../../../../electron/core/vault/database';
import {
  copyOf,
  dropAuditTriggers,
  kinds,
  makeTeamVault,
  ownKey,
  rehashFrom,
  resign,
  tamper,
  verifyAs,
} from '../../support/insider';
import type { VaultFixture } from '../../support/vault-fixture';

let v: VaultFixture;
let vaultId: string;
beforeAll(async () => {
  v = await makeTeamVault();
  vaultId = v.created.session.vaultId;
}, 120_000);
afterAll(() => v.remove());

const fresh = (name: string) => join(v.dir, `data-${name}`);
const lastOwnerEntry = (db: VaultDb) =>
  (
    db
      .prepare("SELECT max(seq) AS seq FROM audit WHERE user_name = 'owner' AND op = 'vault.updateDetails'")
      .get() as { seq: number }
  ).seq;

describe('tampering by an insider with the vault key', () => {
  it('an untouched copy verifies, and names no problem', async () => {
    const { audit, check } = await verifyAs(copyOf(v, 'clean'), fresh('clean'));
    expect(audit).toMatchObject({ ok: true, problems: [], firstProblem: null });
    expect(check.ok).toBe(true);
  });

  it("edit another user's entry after the last checkpoint and recompute every hash: its signature fails", async () => {
    const file = copyOf(v, 'edit-rehash');
    let seq = 0;
    tamper(file, v.created.recoveryKey, (db) => {
      dropAuditTriggers(db);
      seq = lastOwnerEntry(db);
      db.prepare(`UPDATE audit SET params = '{"fields":["stage"]}' WHERE seq = ?`).run(seq);
      rehashFrom(db, seq);
    });
    const { audit, check } = await verifyAs(file, fresh('edit-rehash'), 'operator');
    expect(audit.ok).toBe(false);
    expect(check.ok).toBe(false);
    expect(audit.problems).toContainEqual(
      expect.objectContaining({ seq, user: 'owner', kind: 'bad-signature' }),
    );
    expect(kinds(audit.problems)).not.toContain('hash'); // the hashes themselves were made to agree
  });

  it("re-sign another user's edited entry with the operator's own certified key: wrong signer", async () => {
    const file = copyOf(v, 'resign-own');
    let seq: number;
    const db = openVaultDatabase(file, recoveryVaultKey(v.created.recoveryKey));
    try {
      const key = await ownKey(file, db, 'operator', 'Operator-passphrase-2026!');
      dropAuditTriggers(db);
      seq = lastOwnerEntry(db);
      db.prepare(`UPDATE audit SET params = '{"fields":["stage"]}' WHERE seq = ?`).run(seq);
      rehashFrom(db, seq);
      const last = (db.prepare('SELECT max(seq) AS n FROM audit').get() as { n: number }).n;
      for (let s = seq; s <= last; s++) resign(db, vaultId, s, key.key, key.serial);
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    const { audit } = await verifyAs(file, fresh('resign-own'), 'operator');
    expect(audit.problems).toContainEqual(
      expect.objectContaining({ seq, user: 'owner', kind: 'signer-wrong-user' }),
    );
  });

  it('re-sign with a key and certificate of their own making: not issued by the company CA', async () => {
    const file = copyOf(v, 'resign-forged');
    let seq = 0;
    const forgedCa = await createCompanyCa({
      name: '杭州示例商贸有限公司',
      creditCode: '91350100M000100Y43',
    });
    const forgedKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    let ownerId = '';
    tamper(file, v.created.recoveryKey, (db) => {
      ownerId = (db.prepare("SELECT id FROM users WHERE name = 'owner'").get() as { id: string }).id;
    });
    const pem = await issueUserCertificate(forgedCa, {
      userId: ownerId,
      userName: 'owner',
      role: 'owner',
      publicKey: forgedKey.publicKey,
    });
    const serial = new X509Certificate(pem).serialNumber.toUpperCase();
    tamper(file, v.created.recoveryKey, (db) => {
      dropAuditTriggers(db);
      db.exec('DROP TRIGGER certificates_guard');
      seq = lastOwnerEntry(db);
      db.prepare(
        `INSERT INTO certificates (kind, user_id, role, key_fingerprint, public_key, serial, fingerprint, pem, status, created_at)
         VALUES ('user', ?, 'owner', 'forged', ?, ?, 'forged', ?, 'certified', '2020-01-01T00:00:00.000Z')`,
      ).run(ownerId, forgedKey.publicKey.export({ format: 'pem', type: 'spki' }) as string, serial, pem);
      db.prepare(`UPDATE audit SET params = '{"fields":["stage"]}' WHERE seq = ?`).run(seq);
      rehashFrom(db, seq);
      resign(
        db,
        vaultId,
        seq,
        createPrivateKey(forgedKey.privateKey.export({ format: 'pem', type: 'pkcs8' })),
        serial,
      );
    });
    const { audit } = await verifyAs(file, fresh('resign-forged'), 'operator');
    expect(audit.problems).toContainEqual(
      expect.objectContaining({ seq, user: 'owner', kind: 'signer-not-company' }),
    );
    expect(audit.problems).toContainEqual(
      expect.objectContaining({ kind: 'trigger-missing', params: { name: 'certificates_guard' } }),
    );
  });

  it('delete every checkpoint: each required one is named missing', async () => {
    const file = copyOf(v, 'no-checkpoints');
    tamper(file, v.created.recoveryKey, (db) =>
      db.exec('DROP TRIGGER checkpoints_no_delete; DELETE FROM audit_checkpoints;'),
    );
    const { audit } = await verifyAs(file, fresh('no-checkpoints'));
    expect(audit.problems).toContainEqual(expect.objectContaining({ seq: 1, kind: 'checkpoint-missing' }));
    expect(kinds(audit.problems)).toEqual(expect.arrayContaining(['checkpoint-missing', 'trigger-missing']));
  });

  it('delete the company certificate (the identity): named, and nothing signed by users checks any more', async () => {
    const file = copyOf(v, 'no-identity');
    tamper(file, v.created.recoveryKey, (db) =>
      db.exec("DROP TRIGGER certificates_no_delete; DELETE FROM certificates WHERE kind = 'company';"),
    );
    const { audit } = await verifyAs(file, fresh('no-identity'), 'operator');
    expect(kinds(audit.problems)).toEqual(
      expect.arrayContaining(['identity-missing', 'signer-not-company', 'trigger-missing']),
    );
  });

  it("delete the users' certificates: every entry they signed names an unknown signer", async () => {
    const file = copyOf(v, 'no-certificates');
    tamper(file, v.created.recoveryKey, (db) =>
      db.exec(
        "DROP TRIGGER certificates_no_delete; DELETE FROM certificates WHERE kind = 'user' AND role <> 'operator';",
      ),
    );
    const { audit } = await verifyAs(file, fresh('no-certificates'), 'operator');
    expect(audit.problems).toContainEqual(
      expect.objectContaining({ seq: 1, user: 'owner', kind: 'signer-unknown' }),
    );
  });

  it('drop the protective triggers: each one is named', async () => {
    const file = copyOf(v, 'no-triggers');
    tamper(file, v.created.recoveryKey, (db) => {
      for (const name of [
        'audit_no_update',
        'audit_no_delete',
        'checkpoints_no_delete',
        'certificates_guard',
        'crls_no_delete',
      ])
        db.exec(`DROP TRIGGER ${name}`);
    });
    const { audit } = await verifyAs(file, fresh('no-triggers'));
    const missing = audit.problems.filter((p) => p.kind === 'trigger-missing').map((p) => p.params.name);
    expect(missing.sort()).toEqual([
      'audit_no_delete',
      'audit_no_update',
      'certificates_guard',
      'checkpoints_no_delete',
      'crls_no_delete',
    ]);
  });

  it('a trigger replaced by one that does nothing is named altered', async () => {
    const file = copyOf(v, 'altered-trigger');
    tamper(file, v.created.recoveryKey, (db) =>
      db.exec(
        'DROP TRIGGER audit_no_update; CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT 1; END;',
      ),
    );
    const { audit } = await verifyAs(file, fresh('altered-trigger'));
    expect(audit.problems).toContainEqual(
      expect.objectContaining({ kind: 'trigger-altered', params: { name: 'audit_no_update' } }),
    );
  });

  it('strip the signature from an entry: unsigned, with its user named', async () => {
    const file = copyOf(v, 'unsigned');
    let seq = 0;
    tamper(file, v.created.recoveryKey, (db) => {
      dropAuditTriggers(db);
      seq = lastOwnerEntry(db);
      db.prepare('UPDATE audit SET signature = NULL, signer = NULL WHERE seq = ?').run(seq);
    });
    const { audit } = await verifyAs(file, fresh('unsigned'));
    expect(audit.problems).toContainEqual(expect.objectContaining({ seq, user: 'owner', kind: 'unsigned' }));
  });
});
