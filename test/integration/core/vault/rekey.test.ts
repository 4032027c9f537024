// Removing a user re-encrypts the vault: the removed user's old keyring copy and passphrase open neither
// the vault nor any backup made after the removal; the remaining users and the new recovery key do; the
// old recovery key is void; the certificate is revoked in a signed CRL; the evidence still verifies.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../../../electron/core/host/in-process';
import { openVaultDatabase } from '../../../../electron/core/vault/database';
import { readKeyring } from '../../../../electron/core/vault/keyring';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { tempDir } from '../../helpers';
import {
  AUDITOR_PASS,
  OPERATOR_PASS,
  OWNER_PASS,
  makeVault,
  unwrap,
  type VaultFixture,
} from '../../support/vault-fixture';

let v: VaultFixture;
let oldKeyring: string;
let removal: { recoveryKey: string; generation: number; usersWithoutAccess: string[] };
let backupAfter: string;
const backupDir = tempDir('closeout-backups-');
beforeAll(async () => {
  v = await makeVault();
  const call = v.engine.call.bind(v.engine);
  unwrap(await call('users.add', { name: 'operator', role: 'operator', passphrase: OPERATOR_PASS }));
  unwrap(await call('users.add', { name: 'auditor', role: 'auditor', passphrase: AUDITOR_PASS }));
  oldKeyring = join(v.dir, 'operator-kept.keys');
  copyFileSync(`${v.file}.keys`, oldKeyring); // what the operator walks away with
  removal = unwrap(await call('users.remove', { name: 'operator' }));
  const dir = backupDir.path;
  backupAfter = unwrap(await call('backup.create', { dir: { path: dir } })).path;
  await call('vault.lock', {});
}, 180_000);
afterAll(async () => {
  await v.remove();
  backupDir.remove();
});

const engineFor = (name: string) =>
  createEngine({ dataDir: join(v.dir, `data-${name}`), electronVersion: null });

describe('rekey on removal', () => {
  it('returns a new version 2 recovery key and the next key generation', () => {
    expect(removal.generation).toBe(2);
    expect(removal.recoveryKey).not.toBe(v.created.recoveryKey);
    expect(removal.usersWithoutAccess).toEqual([]);
    expect(readKeyring(v.file)).toMatchObject({ generation: 2, pending: null });
    expect(
      readKeyring(v.file)
        .slots.map((s) => s.userName)
        .sort(),
    ).toEqual(['auditor', 'owner']);
    expect(readdirSync(v.dir).filter((n) => n.endsWith('.rekey'))).toEqual([]);
  });

  it("the removed user's old keyring copy and passphrase open neither the vault nor a later backup", async () => {
    const stolen = join(v.dir, 'stolen.cvault');
    copyFileSync(v.file, stolen);
    copyFileSync(oldKeyring, `${stolen}.keys`);
    const engine = engineFor('removed');
    try {
      const opened = await engine.call('vault.unlock', {
        vault: { path: stolen },
        userName: 'operator',
        passphrase: OPERATOR_PASS,
      });
      expect(opened).toMatchObject({ ok: false });
      expect(['WRONG_PASSPHRASE', 'VAULT_DAMAGED']).toContain(opened.ok ? '' : opened.error.code);
      // The old keyring's vault key does not open the backup made after the removal either.
      const copy = join(v.dir, 'stolen-backup.cvault');
      copyFileSync(backupAfter, copy);
      copyFileSync(oldKeyring, `${copy}.keys`);
      const backup = await engine.call('vault.unlock', {
        vault: { path: copy },
        userName: 'operator',
        passphrase: OPERATOR_PASS,
      });
      expect(backup.ok).toBe(false);
    } finally {
      await engine.close();
    }
  });

  it('the old recovery key is void: it opens neither the vault nor the later backup', async () => {
    expect(() => openVaultDatabase(v.file, recoveryVaultKey(v.created.recoveryKey))).toThrow();
    const engine = engineFor('old-recovery');
    try {
      expect(
        await engine.call('vault.unlock', { vault: { path: v.file }, recoveryKey: v.created.recoveryKey }),
      ).toMatchObject({
        ok: false,
        error: { code: 'WRONG_RECOVERY_KEY' },
      });
      expect(
        await engine.call('backup.verify', {
          backup: { path: backupAfter },
          recoveryKey: v.created.recoveryKey,
        }),
      ).toMatchObject({ ok: false });
    } finally {
      await engine.close();
    }
  });

  it('the remaining users and the new recovery key open it; the evidence verifies; the CRL names the certificate', async () => {
    const engine = engineFor('remaining');
    try {
      for (const [userName, passphrase] of [
        ['owner', OWNER_PASS],
        ['auditor', AUDITOR_PASS],
      ] as const) {
        unwrap(await engine.call('vault.unlock', { vault: { path: v.file }, userName, passphrase }));
        const report = unwrap(await engine.call('audit.verify', {}));
        expect(report).toMatchObject({ ok: true, problems: [] });
        await engine.call('vault.lock', {});
      }
      unwrap(
        await engine.call('vault.unlock', { vault: { path: v.file }, recoveryKey: removal.recoveryKey }),
      );
      const entries = unwrap(await engine.call('audit.list', { op: 'users.remove' }));
      expect(entries[0].params).toMatchObject({ previousRecoveryKeyVoid: true, keyGeneration: 2 });
      const verified = unwrap(
        await engine.call('backup.verify', {
          backup: { path: backupAfter },
          recoveryKey: removal.recoveryKey,
        }),
      );
      expect(verified.ok).toBe(true);
    } finally {
      await engine.close();
    }
    const db = openVaultDatabase(v.file, recoveryVaultKey(removal.recoveryKey));
    try {
      const crl = (db.prepare('SELECT pem FROM crls ORDER BY number DESC LIMIT 1').get() as { pem: string })
        .pem;
      const company = (
        db.prepare("SELECT pem FROM certificates WHERE kind = 'company' AND status = 'certified'").get() as {
          pem: string;
        }
      ).pem;
      const revoked = db.prepare("SELECT serial FROM certificates WHERE status = 'revoked'").all() as Array<{
        serial: string;
      }>;
      expect(revoked).toHaveLength(1);
      writeFileSync(join(v.dir, 'company.pem'), company);
      writeFileSync(join(v.dir, 'crl.pem'), crl);
      const checked = spawnSync(
        'openssl',
        ['crl', '-in', 'crl.pem', '-CAfile', 'company.pem', '-noout', '-text'],
        { cwd: v.dir, encoding: 'utf8' },
      );
      expect(checked.stderr).toMatch(/verify OK/);
      expect(checked.stdout.replace(/:/g, '').toUpperCase()).toContain(revoked[0].serial.replace(/^0+/, ''));
    } finally {
      db.close();
    }
  });

  it('an owner rotates keys without removing anyone: a new recovery key, the same people', async () => {
    const engine = engineFor('rotate');
    try {
      unwrap(
        await engine.call('vault.unlock', {
          vault: { path: v.file },
          userName: 'owner',
          passphrase: OWNER_PASS,
        }),
      );
      const rotated = unwrap(await engine.call('vault.rotateKeys', {}));
      expect(rotated.generation).toBe(3);
      unwrap(await engine.call('vault.writeRecoverySheet', { out: { path: join(v.dir, 'sheet.pdf') } }));
      await engine.call('vault.lock', {});
      unwrap(
        await engine.call('vault.unlock', {
          vault: { path: v.file },
          userName: 'auditor',
          passphrase: AUDITOR_PASS,
        }),
      );
      expect(unwrap(await engine.call('audit.verify', {})).ok).toBe(true);
      await engine.call('vault.lock', {});
      expect(
        await engine.call('vault.unlock', { vault: { path: v.file }, recoveryKey: removal.recoveryKey }),
      ).toMatchObject({ ok: false });
      unwrap(
        await engine.call('vault.unlock', { vault: { path: v.file }, recoveryKey: rotated.recoveryKey }),
      );
      // A version 2 recovery key session holds the company key: it can add a user (certified at once).
      const added = unwrap(
        await engine.call('users.add', { name: 'new operator', role: 'operator', passphrase: OPERATOR_PASS }),
      );
      expect(added.certificate).toMatchObject({ status: 'certified' });
      expect(unwrap(await engine.call('audit.verify', {})).ok).toBe(true);
    } finally {
      await engine.close();
    }
  });

  it('an operator may not rotate keys', async () => {
    const engine = engineFor('operator-rotate');
    try {
      unwrap(
        await engine.call('vault.unlock', {
          vault: { path: v.file },
          userName: 'auditor',
          passphrase: AUDITOR_PASS,
        }),
      );
      expect(await engine.call('vault.rotateKeys', {})).toMatchObject({
        ok: false,
        error: { code: 'NOT_ALLOWED' },
      });
    } finally {
      await engine.close();
    }
  });
});
