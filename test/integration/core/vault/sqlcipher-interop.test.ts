// The vault is a real SQLCipher 4 file: an independent SQLCipher implementation (@signalapp/sqlcipher,
// SQLCipher 4.x community edition with its own crypto provider; a dev dependency used only here)
// opens it with nothing but the recovery key, as docs/FORMATS.md promises.
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SignalDatabase from '@signalapp/sqlcipher';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';

let v: VaultFixture;
beforeAll(async () => {
  v = await makeVault({ contact: '王芳 13800000000' });
  unwrap(await v.engine.call('vault.updateDetails', { closureReason: '股东会决议解散' }));
  await v.engine.call('vault.lock', {});
});
afterAll(() => v.remove());

it('opens with PRAGMA key = "x\'…\'" alone in an independent SQLCipher 4, Chinese text intact', () => {
  const copy = join(v.dir, 'interop.cvault');
  copyFileSync(v.file, copy);
  const hex = recoveryVaultKey(v.created.recoveryKey).toString('hex');
  const db = new SignalDatabase(copy);
  try {
    db.pragma(`key = "x'${hex}'"`);
    const version = db.pragma('cipher_version', { simple: true });
    expect(String(version)).toMatch(/^4\./);
    const meta = db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>;
    const values = Object.fromEntries(meta.map((r) => [r.key, JSON.parse(r.value)]));
    expect(values).toMatchObject({
      client_name: '杭州示例商贸有限公司',
      contact: '王芳 13800000000',
      closure_reason: '股东会决议解散',
    });
    const ops = (db.prepare('SELECT op FROM audit ORDER BY seq').all() as Array<{ op: string }>).map(
      (r) => r.op,
    );
    expect(ops[0]).toBe('vault.create');
    expect(ops).toContain('vault.updateDetails');
    expect(db.pragma('cipher_integrity_check')).toEqual([]); // real SQLCipher's HMAC check of every page
  } finally {
    db.close();
    rmSync(copy, { force: true });
  }
});

it('the same client refuses a wrong key', () => {
  const db = new SignalDatabase(v.file);
  try {
    db.pragma(`key = "x'${'00'.repeat(32)}'"`);
    expect(() => db.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
  } finally {
    db.close();
  }
});
