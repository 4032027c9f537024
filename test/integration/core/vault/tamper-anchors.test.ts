// Cuts, rollbacks, forks and a replaced company CA: what no evidence inside the vault can show, the
// anchors outside it do — the registry's newest signed head and pinned company CA, and the signed heads
// of backup manifests. vault.check says it in words.
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../../../electron/core/host/in-process';
import { createCompanyCa } from '../../../../electron/core/pki';
import { readRegistry } from '../../../../electron/core/vault/registry';
import { tempDir } from '../../helpers';
import { copyOf, dropAuditTriggers, tamper, verifyAs } from '../../support/insider';
import { OWNER_PASS, makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';

let v: VaultFixture;
let older: string; // a copy of the vault as it was early on
const backupDir = tempDir('closeout-backups-');
beforeAll(async () => {
  v = await makeVault();
  for (let i = 0; i < 3; i++) unwrap(await v.engine.call('vault.updateDetails', { contact: `c${i}` }));
  await v.engine.call('vault.lock', {});
  older = copyOf(v, 'older');
  unwrap(
    await v.engine.call('vault.unlock', {
      vault: { path: v.file },
      userName: 'owner',
      passphrase: OWNER_PASS,
    }),
  );
  for (let i = 0; i < 6; i++) unwrap(await v.engine.call('vault.updateDetails', { contact: `d${i}` }));
  await v.engine.call('vault.lock', {});
}, 120_000);
afterAll(async () => {
  await v.remove();
  backupDir.remove();
});

const registered = () => readRegistry(v.dataDir).find((e) => e.id === v.created.session.vaultId)!;

/** Puts `file`'s bytes in place of the registered vault (as an insider replacing it on disk would). */
function replaceVaultWith(file: string): void {
  copyFileSync(file, v.file);
  copyFileSync(`${file}.keys`, `${v.file}.keys`);
  rmSync(`${v.file}-wal`, { force: true });
  rmSync(`${v.file}-shm`, { force: true });
}

describe('anchors outside the vault', () => {
  it('the registry keeps a signed head and pins the company CA after every write and at lock', () => {
    const entry = registered();
    expect(entry.anchor).toMatchObject({
      seq: expect.any(Number),
      signature: expect.stringContaining('BEGIN PKCS7'),
    });
    expect(entry.pinnedCompany).toHaveLength(1);
  });

  it('cut the last entries: the registry saw more, and vault.check says so in words', async () => {
    const saved = copyOf(v, 'saved');
    const file = copyOf(v, 'cut');
    const seen = registered().anchor!.seq;
    tamper(file, v.created.recoveryKey, (db) => {
      dropAuditTriggers(db);
      db.prepare('DELETE FROM audit WHERE seq > ?').run(seen - 4);
    });
    replaceVaultWith(file);
    try {
      const { check } = await verifyAs(v.file, v.dataDir);
      expect(check.ok).toBe(false);
      expect(check.anchors).toContainEqual(
        expect.objectContaining({
          kind: 'rollback',
          params: expect.objectContaining({ anchorSeq: seen, source: 'registry' }),
        }),
      );
      expect(check.anchors[0].detail).toMatch(
        new RegExp(`chain ends at seq \\d+; this computer's registry saw seq ${seen}`),
      );
      // The rolled-back vault never moves the anchor back.
      expect(registered().anchor!.seq).toBe(seen);
    } finally {
      replaceVaultWith(saved);
    }
  });

  it('roll the vault back to an older copy: named as a rollback, or a fork once it has grown past the anchor', async () => {
    const saved = copyOf(v, 'saved2');
    const seen = registered().anchor!;
    replaceVaultWith(older);
    try {
      const first = await verifyAs(v.file, v.dataDir);
      expect(first.check.anchors).toContainEqual(
        expect.objectContaining({
          kind: 'rollback',
          params: expect.objectContaining({ anchorSeq: seen.seq }),
        }),
      );
      // The older copy, used until its chain is longer than the anchor's: now a fork.
      const engine = createEngine({ dataDir: v.dataDir, electronVersion: null });
      unwrap(
        await engine.call('vault.unlock', {
          vault: { path: v.file },
          userName: 'owner',
          passphrase: OWNER_PASS,
        }),
      );
      for (let i = 0; i < 6; i++) unwrap(await engine.call('vault.updateDetails', { contact: `fork ${i}` }));
      const check = unwrap(await engine.call('vault.check', {}));
      await engine.close();
      expect(check.anchors).toContainEqual(expect.objectContaining({ kind: 'fork', seq: seen.seq }));
      expect(registered().anchor).toEqual(seen);
    } finally {
      replaceVaultWith(saved);
    }
  });

  it('a backup made at a later head shows a rollback even on a computer whose registry never saw the vault', async () => {
    const backups = backupDir.path;
    unwrap(
      await v.engine.call('vault.unlock', {
        vault: { path: v.file },
        userName: 'owner',
        passphrase: OWNER_PASS,
      }),
    );
    const made = unwrap(await v.engine.call('backup.create', { dir: { path: backups } }));
    await v.engine.call('vault.lock', {});
    const file = copyOf(v, 'cut-after-backup');
    tamper(file, v.created.recoveryKey, (db) => {
      dropAuditTriggers(db);
      db.prepare('DELETE FROM audit WHERE seq > 5').run();
    });
    const { check } = await verifyAs(file, join(v.dir, 'elsewhere'));
    const found = check.anchors.find((a) => a.params.source === 'backup');
    expect(found).toMatchObject({
      kind: 'rollback',
      params: { anchorSeq: made.verification.manifest!.auditHead.seq },
    });
    expect(found!.detail).toMatch(/backup .*\.cobackup of .* was made at seq \d+/);
  });

  it('replace the company CA with one of their own: not the pinned one', async () => {
    const file = copyOf(v, 'own-ca');
    const ca = await createCompanyCa({ name: '杭州示例商贸有限公司', creditCode: '91350100M000100Y43' });
    tamper(file, v.created.recoveryKey, (db) => {
      db.exec('DROP TRIGGER certificates_guard');
      db.prepare("UPDATE certificates SET pem = ?, fingerprint = 'replaced' WHERE kind = 'company'").run(
        ca.certificatePem,
      );
    });
    const { audit } = await verifyAs(file, v.dataDir);
    expect(audit.problems).toContainEqual(expect.objectContaining({ kind: 'company-not-pinned' }));
  });
});
