// Vaults written before an operation was renamed keep its old name in their audit entries (the hash chain
// covers it): the chain still verifies, audit.list filtered by today's name finds them, and lists them
// exactly as recorded.
import { appendAudit } from '../../../../electron/core/vault/audit';
import { openVaultDatabase } from '../../../../electron/core/vault/database';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { OWNER_PASS, makeVault, unwrap, type VaultFixture } from '../../support/vault-fixture';

let v: VaultFixture;
beforeAll(async () => {
  v = await makeVault();
  unwrap(await v.engine.call('vault.lock', {}));
  // What an earlier Closeout wrote for a merge, straight into the encrypted file.
  const db = openVaultDatabase(v.file, recoveryVaultKey(v.created.recoveryKey));
  db.transaction(() =>
    appendAudit(
      db,
      { userId: null, userName: 'owner' },
      { op: 'dedupe.merge', params: { mergeId: 7 }, outcome: 'ok' },
    ),
  )();
  db.close();
  unwrap(await v.engine.call('vault.unlock', { vault: { path: v.file }, passphrase: OWNER_PASS }));
}, 60_000);
afterAll(() => v.remove());

test('the filter by the new name finds the entry recorded under the old one, shown as recorded', async () => {
  const found = unwrap(await v.engine.call('audit.list', { op: 'duplicates.merge' }));
  expect(found.map((e) => [e.op, e.params])).toEqual([['dedupe.merge', { mergeId: 7 }]]);
  expect(unwrap(await v.engine.call('audit.list', { op: 'dedupe.merge' }))).toHaveLength(1);
  expect(unwrap(await v.engine.call('audit.list', { op: 'duplicates.run' }))).toHaveLength(0);
});

test('the chain with the old name still verifies', async () => {
  expect(unwrap(await v.engine.call('audit.verify', {}))).toMatchObject({ ok: true, firstProblem: null });
});
