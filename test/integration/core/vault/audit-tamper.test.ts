// Someone with the key edits, deletes or reorders audit rows with raw SQL (going around the triggers):
// audit.verify names the first entry that no longer follows.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../../../electron/core/host/in-process';
import { openVaultDatabase } from '../../../../electron/core/vault/database';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { sql as schema1 } from '../../../../electron/core/vault/migrations/0001-initial';
import { makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';

let v: VaultFixture;
let key: Buffer;
beforeAll(async () => {
  v = await makeVault();
  for (let i = 0; i < 6; i++) unwrap(await v.engine.call('vault.updateDetails', { contact: `c${i}` }));
  await v.engine.call('vault.lock', {});
  key = recoveryVaultKey(v.created.recoveryKey);
});
afterAll(() => v.remove());

async function verifyAfter(name: string, sql: string) {
  const file = join(v.dir, `${name}.cvault`);
  copyFileSync(v.file, file);
  copyFileSync(`${v.file}.keys`, `${file}.keys`);
  const db = openVaultDatabase(file, key);
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
  db.exec(sql);
  // …and puts the triggers back exactly as they were (a trigger check alone cannot tell).
  for (const trigger of schema1.match(/CREATE TRIGGER audit_no_\w+[\s\S]*?END;/g) ?? []) db.exec(trigger);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const engine = createEngine({ dataDir: join(v.dir, 'tamper-data'), electronVersion: null });
  try {
    unwrap(await engine.call('vault.unlock', { vault: { path: file }, recoveryKey: v.created.recoveryKey }));
    return unwrap(await engine.call('audit.verify', {}));
  } finally {
    await engine.close();
  }
}

describe('audit chain tampering', () => {
  it('an untouched chain verifies', async () => {
    const report = await verifyAfter('clean', 'SELECT 1');
    expect(report).toMatchObject({ ok: true, firstProblem: null });
    expect(report.entries).toBeGreaterThanOrEqual(7);
  });

  it('an edited entry: the first bad entry is the edited one', async () => {
    const report = await verifyAfter(
      'edit',
      `UPDATE audit SET params = '{"fields":["stage"]}' WHERE seq = 3`,
    );
    expect(report).toMatchObject({ ok: false, firstProblem: { seq: 3, kind: 'hash' } });
  });

  it('an edited entry whose hash was recomputed breaks the next link', async () => {
    const report = await verifyAfter(
      'edit-rehash',
      `UPDATE audit SET hash = '${'a'.repeat(64)}' WHERE seq = 4`,
    );
    expect(report.ok).toBe(false);
    expect(report.firstProblem?.seq).toBe(4);
  });

  it('a deleted entry: the gap is named', async () => {
    const report = await verifyAfter('delete', 'DELETE FROM audit WHERE seq = 2');
    expect(report).toMatchObject({ ok: false, firstProblem: { seq: 3, kind: 'gap' } });
  });

  it('reordered entries: the first moved entry is named', async () => {
    const report = await verifyAfter(
      'reorder',
      `UPDATE audit SET seq = -1 WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = -1;`,
    );
    expect(report).toMatchObject({ ok: false, firstProblem: { seq: 2 } });
  });

  it('a chain cut back past a signed checkpoint is caught by that checkpoint', async () => {
    // Every entry deleted; unlocking appends a fresh entry 1, which the signed checkpoint at entry 1
    // (made at vault creation) does not match. (A cut that stays after the last checkpoint cannot be
    // seen: checkpoints every 100 entries and at irreversible acts bound what can go unnoticed.)
    const report = await verifyAfter('cut', 'DELETE FROM audit WHERE seq >= 1');
    expect(report.ok).toBe(false);
    expect(report.firstProblem).toEqual({
      seq: 1,
      kind: expect.stringMatching(/^checkpoint-(head-mismatch|beyond-chain)$/),
    });
  });
});
