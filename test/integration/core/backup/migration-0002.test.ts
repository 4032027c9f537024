// Migration 0002 (the backups table) on a vault made by a schema-1 Closeout: unlocking migrates it,
// after leaving the automatic pre-migration copy beside it, which still opens with the same key.
import { SCHEMA_VERSION } from '../../../../electron/core/vault/migrations';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type openVaultDatabase } from '../../../../electron/core/vault/database';
import { createEngine } from '../../../../electron/core/host/in-process';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { tempDir } from '../../helpers';
import { makeLegacyVault, type LegacyVault } from '../../support/legacy-vault';
import { OWNER_PASS, unwrap } from '../../support/vault-fixture';
import { openBackupReadOnly } from '../../../../electron/core/backup/snapshot-content';

const dir = tempDir('closeout-schema1-');
const engine = createEngine({ dataDir: join(dir.path, 'data'), electronVersion: null });
let legacy: LegacyVault;
beforeAll(async () => {
  // What a vault written by the schema-1 release looks like (its keyring version 1).
  legacy = await makeLegacyVault(
    join(dir.path, 'client.cvault'),
    [{ name: 'owner', role: 'owner', passphrase: OWNER_PASS }],
    3,
    1,
  );
});
afterAll(async () => {
  await engine.close();
  dir.remove();
});

const hasBackupsTable = (db: ReturnType<typeof openVaultDatabase>) =>
  db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'backups'`).get() !== undefined;

it('migrates a schema-1 vault to the current schema on unlock, keeping a copy of the schema-1 file', async () => {
  const key = recoveryVaultKey(legacy.recoveryKey);
  unwrap(
    await engine.call('vault.unlock', {
      vault: { path: legacy.file },
      userName: 'owner',
      passphrase: OWNER_PASS,
    }),
  );
  expect(unwrap(await engine.call('vault.info', {})).schemaVersion).toBe(SCHEMA_VERSION);
  expect(unwrap(await engine.call('backup.list', {}))).toEqual([]);
  expect(unwrap(await engine.call('vault.check', {})).ok).toBe(true);

  const copies = readdirSync(dir.path).filter((f) => /^client\.cvault\.schema-v1-.*\.bak$/.test(f));
  expect(copies).toHaveLength(1);
  const old = openBackupReadOnly(join(dir.path, copies[0]), key);
  try {
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    expect(old.pragma('quick_check', { simple: true })).toBe('ok');
    expect(hasBackupsTable(old)).toBe(false);
    expect((old.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(1);
  } finally {
    old.close();
  }
});
