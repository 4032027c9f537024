// The vault's own record of its backups (table `backups`, schema 2): where each copy went, and what
// its last verification and restore drills found. Paths live here, never in the audit chain.
import { existsSync } from 'node:fs';
import type { BackupDrill, BackupRecord } from '../../../shared/contract';
import type { VaultDb } from '../vault/database';

interface Row {
  id: string;
  created_at: string;
  path: string;
  volume: string | null;
  sha256: string;
  size: number;
  manifest_sha256: string;
  last_verified_at: string | null;
  last_verify_ok: number | null;
  drills: string;
  deleted_at: string | null;
}

const fromRow = (row: Row): BackupRecord => ({
  id: row.id,
  createdAt: row.created_at,
  path: row.path,
  volume: row.volume,
  sha256: row.sha256,
  size: row.size,
  manifestSha256: row.manifest_sha256,
  lastVerifiedAt: row.last_verified_at,
  lastVerifyOk: row.last_verify_ok === null ? null : row.last_verify_ok === 1,
  drills: JSON.parse(row.drills) as BackupDrill[],
  present: row.deleted_at === null && existsSync(row.path),
  deletedAt: row.deleted_at,
});

export function listBackups(db: VaultDb): BackupRecord[] {
  return (db.prepare('SELECT * FROM backups ORDER BY created_at DESC, id').all() as Row[]).map(fromRow);
}

export function findBackup(db: VaultDb, id: string): BackupRecord | null {
  const row = db.prepare('SELECT * FROM backups WHERE id = ?').get(id) as Row | undefined;
  return row ? fromRow(row) : null;
}

/** The newest copy, not deleted, whose last verification or drill passed: retention never deletes it. */
export function lastVerifiedBackup(db: VaultDb): BackupRecord | null {
  const row = db
    .prepare(
      `SELECT * FROM backups WHERE deleted_at IS NULL AND last_verify_ok = 1
       ORDER BY created_at DESC, id LIMIT 1`,
    )
    .get() as Row | undefined;
  return row ? fromRow(row) : null;
}

export function markDeleted(db: VaultDb, id: string, at: string, by: string): void {
  db.prepare('UPDATE backups SET deleted_at = ?, deleted_by = ? WHERE id = ?').run(at, by, id);
}

export function hasBackup(db: VaultDb, id: string): boolean {
  return db.prepare('SELECT 1 FROM backups WHERE id = ?').get(id) !== undefined;
}

export function recordVerification(db: VaultDb, id: string, at: string, ok: boolean): void {
  db.prepare('UPDATE backups SET last_verified_at = ?, last_verify_ok = ? WHERE id = ?').run(
    at,
    ok ? 1 : 0,
    id,
  );
}

export function recordDrill(db: VaultDb, id: string, drill: BackupDrill): void {
  const row = db.prepare('SELECT drills FROM backups WHERE id = ?').get(id) as { drills: string } | undefined;
  if (!row) return;
  const drills = [...(JSON.parse(row.drills) as BackupDrill[]), drill];
  db.prepare('UPDATE backups SET drills = ? WHERE id = ?').run(JSON.stringify(drills), id);
  recordVerification(db, id, drill.at, drill.ok);
}

/** The content digest the newest drill of a backup computed (a version-2 manifest carries none), if any. */
export function recordedContentDigest(db: VaultDb, id: string): { contentDigest: string; at: string } | null {
  const drills = findBackup(db, id)?.drills ?? [];
  for (let i = drills.length - 1; i >= 0; i--) {
    const { contentDigest, at } = drills[i];
    if (contentDigest) return { contentDigest, at };
  }
  return null;
}
