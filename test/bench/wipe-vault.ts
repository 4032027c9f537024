// Vaults for the wipe benchmarks: created through the engine (company identity, owner's key slot), filled
// with N seeded customers as the import stores them (columns, search index), one in ten marked DESTROY and
// the rest TRANSFER; checkpointed and closed. Cached per seed and size, with the recovery key beside it. The
// same rows — copied from the vault, not generated and normalised a second time (that halves the setup of
// a million records) — also go into a plain (unencrypted) SQLite database with the same schema, for the
// references.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createEngine } from '../../electron/core/host/in-process';
import { openVaultDatabase, type VaultDb } from '../../electron/core/vault/database';
import { MIGRATIONS } from '../../electron/core/vault/migrations';
import { recoveryVaultKey } from '../../electron/core/vault/recovery-secret';
import { generateCustomers } from '../fixtures/customers';
import { insertCustomers } from '../integration/support/records-fixture';
import type { SetupContext } from './harness';

export interface WipeBenchVault {
  /** The cached vault folder (bench.cvault, its keyring, plain.db, recovery-key.txt): copy before use. */
  cachedDir: string;
  recoveryKey: string;
}

function fill(db: VaultDb, ctx: SetupContext, rows: number): void {
  insertCustomers(db, generateCustomers(ctx.seed, rows));
  db.prepare(
    `UPDATE customers SET disposition = CASE WHEN id % 10 = 0 THEN 'DESTROY' ELSE 'TRANSFER' END,
       disposition_recipient = CASE WHEN id % 10 = 0 THEN NULL ELSE 'Successor Ltd' END`,
  ).run();
}

/** The tables `fill` writes: the import's source, the records, and the search index's own tables. */
const FILLED = `name IN ('sources', 'customers') OR name LIKE 'customers_fts_%'`;

/** Copies the filled tables, row for row, from the vault into the plain database (same migrations). */
function copyIntoPlain(vaultFile: string, vaultKey: Buffer, plainFile: string): void {
  const db = new Database(vaultFile, { fileMustExist: true });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.key(Buffer.from(`x'${vaultKey.toString('hex')}'`));
    db.unsafeMode(true); // the search index's own tables are written directly, as FTS5 left them
    db.prepare(`ATTACH DATABASE ? AS plain KEY ''`).run(plainFile);
    const tables = db
      .prepare(
        `SELECT name FROM main.sqlite_master WHERE type = 'table' AND (${FILLED}) ORDER BY name = 'customers'`,
      )
      .all() as Array<{ name: string }>;
    db.transaction(() => {
      for (const { name } of tables)
        db.exec(`DELETE FROM plain."${name}"; INSERT INTO plain."${name}" SELECT * FROM main."${name}";`);
    })();
    db.exec('DETACH DATABASE plain');
  } finally {
    db.close();
  }
}

export async function wipeBenchVault(ctx: SetupContext, rows = ctx.rows): Promise<WipeBenchVault> {
  const cachedDir = await ctx.cached(`wipe-vault-${ctx.generator}-s${ctx.seed}-r${rows}`, async (dir) => {
    mkdirSync(dir, { recursive: true });
    const engine = createEngine({ dataDir: join(dir, 'data'), electronVersion: null });
    let recoveryKey: string;
    try {
      const created = await engine.call('vault.create', {
        file: { path: join(dir, 'bench.cvault') },
        details: { clientName: '基准测试有限公司', creditCode: null },
        owner: { name: 'owner', passphrase: 'Bench-owner-passphrase-2026!' },
      });
      if (!created.ok) throw new Error(`vault.create: ${created.error.message}`);
      recoveryKey = created.value.recoveryKey;
      await engine.call('vault.lock', {});
    } finally {
      await engine.close();
    }
    const vaultKey = recoveryVaultKey(recoveryKey);
    const db = openVaultDatabase(join(dir, 'bench.cvault'), vaultKey);
    try {
      fill(db, ctx, rows);
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    const plain = new Database(join(dir, 'plain.db'));
    try {
      for (const m of MIGRATIONS) plain.exec(m.sql);
    } finally {
      plain.close();
    }
    copyIntoPlain(join(dir, 'bench.cvault'), vaultKey, join(dir, 'plain.db'));
    writeFileSync(join(dir, 'recovery-key.txt'), recoveryKey);
    rmSync(join(dir, 'data'), { recursive: true, force: true });
  });
  return { cachedDir, recoveryKey: readFileSync(join(cachedDir, 'recovery-key.txt'), 'utf8').trim() };
}

/** A fresh working copy of the cached vault (and its keyring) in `dir`. */
export function copyVault(cached: WipeBenchVault, dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'bench.cvault');
  copyFileSync(join(cached.cachedDir, 'bench.cvault'), file);
  copyFileSync(join(cached.cachedDir, 'bench.cvault.keys'), `${file}.keys`);
  return file;
}

export const plainCopy = (cached: WipeBenchVault, dir: string): string => {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'plain.db');
  if (existsSync(file)) rmSync(file);
  copyFileSync(join(cached.cachedDir, 'plain.db'), file);
  return file;
};
