// Brings a vault's schema up to date. A vault from a newer Closeout is refused before anything is
// written; an older one is first copied (still encrypted, VACUUM INTO) beside itself, then migrated.
import { existsSync } from 'node:fs';
import { EngineError } from '../kernel/engine-error';
import type { VaultDb } from './database';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export function schemaVersion(db: VaultDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function assertNotTooNew(db: VaultDb): number {
  const found = schemaVersion(db);
  if (found > SCHEMA_VERSION) throw new EngineError('VAULT_TOO_NEW', { found, supported: SCHEMA_VERSION });
  return found;
}

/** Applies every migration above the vault's version, each in its own transaction. */
export function migrate(
  db: VaultDb,
  file: string,
  now = new Date(),
): { from: number; to: number; backup: string | null } {
  const from = assertNotTooNew(db);
  if (from === SCHEMA_VERSION) return { from, to: from, backup: null };
  let backup: string | null = null;
  if (from > 0) {
    backup = `${file}.schema-v${from}-${now.toISOString().replace(/[:.]/g, '-')}.bak`;
    if (existsSync(backup)) throw new EngineError('VAULT_EXISTS', { path: backup });
    db.prepare('VACUUM INTO ?').run(backup);
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.run?.(db, now);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: SCHEMA_VERSION, backup };
}
