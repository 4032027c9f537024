// A vault from before schema 5 keeps opening and is upgraded: users get their own keys at their next
// unlock (an operator's awaits certification), the first owner unlock makes a new company CA whose key
// no operator ever held, the old one is kept as retired (its checkpoints still verify, with a warning),
// and the retired key — which every user could read — signs nothing that counts after the upgrade.
import { createPrivateKey } from 'node:crypto';
import { join } from 'node:path';
import { createEngine, type EngineClient } from '../../../../electron/core/host/in-process';
import { checkpointContent } from '../../../../electron/core/vault/checkpoints';
import { companySigner, cmsSign } from '../../../../electron/core/vault/signer';
import { X509Certificate } from 'node:crypto';
import { tempDir } from '../../helpers';
import { dropAuditTriggers, kinds, rehashFrom, resign, tamper } from '../../support/insider';
import { makeLegacyVault, type LegacyVault } from '../../support/legacy-vault';
import { OPERATOR_PASS, OWNER_PASS, unwrap } from '../../support/vault-fixture';

const dir = tempDir('closeout-legacy-');
let legacy: LegacyVault;
let engine: EngineClient;
beforeAll(async () => {
  legacy = await makeLegacyVault(join(dir.path, 'old.cvault'), [
    { name: 'owner', role: 'owner', passphrase: OWNER_PASS },
    { name: 'operator', role: 'operator', passphrase: OPERATOR_PASS },
  ]);
  engine = createEngine({ dataDir: join(dir.path, 'data'), electronVersion: null });
}, 60_000);
afterAll(async () => {
  await engine.close();
  dir.remove();
});

const unlock = (userName: string, passphrase: string) =>
  engine.call('vault.unlock', { vault: { path: legacy.file }, userName, passphrase });

describe('upgrade of a schema 4 vault', () => {
  it("an operator's first unlock gives them a key awaiting certification; nothing is a problem yet", async () => {
    unwrap(await unlock('operator', OPERATOR_PASS));
    const users = unwrap(await engine.call('users.list', {}));
    expect(users.find((u) => u.name === 'operator')?.certificate).toMatchObject({ status: 'pending' });
    const report = unwrap(await engine.call('audit.verify', {}));
    expect(report.problems).toEqual([]);
    expect(kinds(report.warnings)).toEqual(
      expect.arrayContaining(['legacy-unsigned', 'retired-company-key', 'pending-key', 'identity-pending']),
    );
    await engine.call('vault.lock', {});
  });

  it('the first owner unlock makes a new company CA and certifies the owner; the recovery key stays version 1', async () => {
    unwrap(await unlock('owner', OWNER_PASS));
    const details = unwrap(await engine.call('vault.info', {}));
    expect(details.identity?.fingerprintSha256).not.toBe(
      new X509Certificate(legacy.companyCertificatePem).fingerprint256.toUpperCase(),
    );
    expect(details).toMatchObject({
      schemaVersion: 5,
      recoveryKeyVersion: 1,
      recoveryRestoresCompanyKey: false,
    });
    const users = unwrap(await engine.call('users.list', {}));
    expect(users.find((u) => u.name === 'owner')?.certificate).toMatchObject({ status: 'certified' });
    const operator = users.find((u) => u.name === 'operator')!;
    // The owner compares the fingerprint with the operator, then certifies it.
    unwrap(
      await engine.call('users.certify', {
        name: 'operator',
        keyFingerprint: operator.certificate!.keyFingerprint,
      }),
    );
    const report = unwrap(await engine.call('audit.verify', {}));
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(kinds(report.warnings)).toEqual(
      expect.arrayContaining(['legacy-unsigned', 'retired-company-key']),
    );
    await engine.call('vault.lock', {});
  });

  it('a v1 recovery key still opens the upgraded vault (it cannot sign as the company)', async () => {
    unwrap(
      await engine.call('vault.unlock', { vault: { path: legacy.file }, recoveryKey: legacy.recoveryKey }),
    );
    expect(unwrap(await engine.call('vault.info', {})).recoveryRestoresCompanyKey).toBe(false);
    await engine.call('vault.lock', {});
  });

  it('re-signing with the retired company key (which every user held) is named', async () => {
    const copy = join(dir.path, 'retired-resign.cvault');
    const { copyFileSync } = await import('node:fs');
    copyFileSync(legacy.file, copy);
    copyFileSync(`${legacy.file}.keys`, `${copy}.keys`);
    const retiredKey = createPrivateKey(legacy.companyKeyPem);
    const serial = new X509Certificate(legacy.companyCertificatePem).serialNumber.toUpperCase();
    let seq = 0;
    tamper(copy, legacy.recoveryKey, (db) => {
      dropAuditTriggers(db);
      db.exec('DROP TRIGGER checkpoints_no_update');
      seq = (db.prepare("SELECT max(seq) AS n FROM audit WHERE op = 'vault.upgrade'").get() as { n: number })
        .n;
      db.prepare(`UPDATE audit SET params = '{"forged":true}' WHERE seq = ?`).run(seq);
      rehashFrom(db, seq);
      resign(db, legacy.vaultId, seq, retiredKey, serial);
      // …and the checkpoint at that entry, signed again with the retired key.
      const cp = db.prepare('SELECT * FROM audit_checkpoints WHERE seq = ?').get(seq) as {
        at: string;
        reason: string;
      };
      const head = (db.prepare('SELECT hash FROM audit WHERE seq = ?').get(seq) as { hash: string }).hash;
      const signature = cmsSign(
        companySigner(retiredKey, legacy.companyCertificatePem, serial),
        checkpointContent(legacy.vaultId, seq, head, cp.at, cp.reason),
        new Date(cp.at),
      );
      db.prepare('UPDATE audit_checkpoints SET head_hash = ?, signature = ? WHERE seq = ?').run(
        head,
        signature,
        seq,
      );
    });
    const other = createEngine({ dataDir: join(dir.path, 'data-2'), electronVersion: null });
    try {
      unwrap(
        await other.call('vault.unlock', {
          vault: { path: copy },
          userName: 'owner',
          passphrase: OWNER_PASS,
        }),
      );
      const report = unwrap(await other.call('audit.verify', {}));
      expect(report.problems).toContainEqual(
        expect.objectContaining({ seq, user: 'owner', kind: 'signer-wrong-user' }),
      );
      expect(report.problems).toContainEqual(
        expect.objectContaining({ seq, kind: 'checkpoint-retired-key' }),
      );
    } finally {
      await other.close();
    }
  });

  it('after the owner rotates keys, the recovery key is version 2 and restores the company key', async () => {
    unwrap(await unlock('owner', OWNER_PASS));
    const rotated = unwrap(await engine.call('vault.rotateKeys', {}));
    await engine.call('vault.lock', {});
    unwrap(
      await engine.call('vault.unlock', { vault: { path: legacy.file }, recoveryKey: rotated.recoveryKey }),
    );
    expect(unwrap(await engine.call('vault.info', {}))).toMatchObject({
      recoveryKeyVersion: 2,
      recoveryRestoresCompanyKey: true,
    });
    unwrap(await engine.call('users.add', { name: 'auditor', role: 'auditor', passphrase: OPERATOR_PASS }));
    expect(unwrap(await engine.call('audit.verify', {})).ok).toBe(true);
    await engine.call('vault.lock', {});
  });
});
