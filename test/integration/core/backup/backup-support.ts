// Helpers for the backup tests: fill a real vault with rows of every SQLite type, read every table.
import { readdirSync } from 'node:fs';
import { openVaultDatabase, type VaultDb } from '../../../../electron/core/vault/database';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { OWNER_PASS, unwrap, type VaultFixture } from '../../support/vault-fixture';

export const keyOf = (v: VaultFixture): Buffer => recoveryVaultKey(v.created.recoveryKey);

/** Runs `work` on a raw connection while the engine has the vault locked, then unlocks it as the owner. */
export async function withRawVault<T>(v: VaultFixture, work: (db: VaultDb) => T): Promise<T> {
  await v.engine.call('vault.lock', {});
  const db = openVaultDatabase(v.file, keyOf(v));
  let result: T;
  try {
    result = work(db);
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
  return result;
}

/** A scratch table with integers (some beyond 2^53), reals, Chinese text, blobs and NULLs. */
export function fillScratch(db: VaultDb, rows: number, seed = 1): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS scratch (id INTEGER PRIMARY KEY, name TEXT, amount REAL, big INTEGER, photo BLOB, note TEXT)',
  );
  const insert = db.prepare('INSERT INTO scratch (name, amount, big, photo, note) VALUES (?, ?, ?, ?, ?)');
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      insert.run(
        `客户${next() % 100000}号 Customer ${i}`,
        (next() % 1000000) / 100,
        BigInt(next()) * 4294967296n + BigInt(next()),
        i % 7 === 0 ? Buffer.from([next() % 256, 0, next() % 256]) : null,
        i % 3 === 0 ? null : `备注 ${'x'.repeat(next() % 40)}`,
      );
    }
  })();
}

/** Every ordinary table's rows, in primary-key order (or rowid), with exact integers. */
export function allRows(db: VaultDb): Record<string, unknown[]> {
  const tables = (
    db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name`,
      )
      .all() as Array<{
      name: string;
    }>
  ).map((t) => t.name);
  return Object.fromEntries(
    tables.map((t) => {
      // Primary-key order (WITHOUT ROWID tables have no rowid), else the rowid.
      const pk = (db.pragma(`table_info("${t}")`) as Array<{ name: string; pk: number }>)
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => `"${c.name}"`);
      const order = pk.length ? pk.join(', ') : 'rowid';
      return [t, db.prepare(`SELECT * FROM "${t}" ORDER BY ${order}`).safeIntegers(true).all()];
    }),
  );
}

export const visibleFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort();
export const allFiles = (dir: string): string[] => readdirSync(dir).sort();
