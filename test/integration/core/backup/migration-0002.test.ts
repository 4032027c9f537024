// Migration 0002 (the backups table) on a vault made by a schema-1 Closeout: unlocking migrates it,
// after leaving the automatic pre-migration copy beside it, which still opens with the same key.
import { SCHEMA_VERSION } from '../../../../electron/core/vault/migrations';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openVaultDatabase } from '../../../../electron/core/vault/database';
import { makeVault, OWNER_PASS, unwrap, type VaultFixture } from '../../support/vault-fixture';
import { keyOf } from './backup-support';
import { openBackupReadOnly } from '../../../../electron/core/backup/snapshot-content';

let v: VaultFixture;
beforeAll(async () => {
  v = await makeVault();
});
afterAll(() => v.remove());

const hasBackupsTable = (db: ReturnType<typeof openVaultDatabase>) =>
  db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'backups'`).get() !== undefined;

it('migrates a schema-1 vault to the current schema on unlock, keeping a copy of the schema-1 file', async () => {
  await v.engine.call('vault.lock', {});
  const db = openVaultDatabase(v.file, keyOf(v));
  try {
    // What a vault written by the schema-1 release looks like.
    // Everything later migrations added goes: virtual tables first (they take their shadow tables along).
    const schema1 = new Set(['meta', 'users', 'audit', 'audit_checkpoints', 'identity']);
    const later = db
      .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'`)
      .all() as Array<{ name: string; sql: string }>;
    const ordered = [...later].sort(
      (a, b) => Number(/VIRTUAL/i.test(b.sql)) - Number(/VIRTUAL/i.test(a.sql)),
    );
    db.pragma('foreign_keys = OFF');
    for (const { name } of ordered) {
      if (schema1.has(name)) continue;
      if (db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = ?`).get(name)) db.exec(`DROP TABLE "${name}"`);
    }
    db.pragma('user_version = 1');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }

  unwrap(
    await v.engine.call('vault.unlock', {
      vault: { path: v.file },
      userName: 'owner',
      passphrase: OWNER_PASS,
    }),
  );
  expect(unwrap(await v.engine.call('vault.info', {})).schemaVersion).toBe(SCHEMA_VERSION);
  expect(unwrap(await v.engine.call('backup.list', {}))).toEqual([]);
  expect(unwrap(await v.engine.call('vault.check', {})).ok).toBe(true);

  const copies = readdirSync(v.dir).filter((f) => /^client\.cvault\.schema-v1-.*\.bak$/.test(f));
  expect(copies).toHaveLength(1);
  const old = openBackupReadOnly(join(v.dir, copies[0]), keyOf(v));
  try {
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    expect(old.pragma('quick_check', { simple: true })).toBe('ok');
    expect(hasBackupsTable(old)).toBe(false);
    expect((old.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(1);
  } finally {
    old.close();
  }
});
