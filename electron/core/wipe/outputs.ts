// The outputs register (table `outputs`): every file Closeout writes outside the vault — exports, the
// quarantine export, recovery sheets, certificates, audit exports — with where it went and its SHA-256,
// recorded by the one helper each writer calls. The wipe finds them here, and touches only a file that
// is still where it was written with the same bytes.
import { closeSync, fstatSync, openSync } from 'node:fs';
import { sha256FdSync } from '../backup/file-hash';
import type { VaultDb } from '../vault/database';

/**
 * What each kind of output holds, which decides what a wipe does with it: customer values and keys are
 * destroyed; evidence (what the company keeps to show it complied) is kept unless asked for.
 */
const OUTPUT_KINDS = {
  'records-export': 'customer-data',
  'quarantine-export': 'customer-data',
  /** Pseudonymised, still personal data: the wipe destroys it with the rest. */
  'analytics-extract': 'customer-data',
  'recovery-sheet': 'key',
  'drill-certificate': 'evidence',
  'audit-export': 'evidence',
} as const;
export type OutputKind = keyof typeof OUTPUT_KINDS;
export type OutputContent = (typeof OUTPUT_KINDS)[OutputKind];

export interface OutputRow {
  id: number;
  kind: string;
  path: string;
  sha256: string;
  bytes: number;
  at: string;
  by_user: string | null;
  wiped_at: string | null;
}

/** What a kind holds; a kind this build does not know (a newer feature's) counts as customer data. */
export const contentOf = (kind: string): OutputContent =>
  (OUTPUT_KINDS as Record<string, OutputContent>)[kind] ?? 'customer-data';

export function fileSha256(path: string): { sha256: string; bytes: number } {
  const fd = openSync(path, 'r');
  try {
    const bytes = fstatSync(fd).size;
    return { sha256: sha256FdSync(fd, bytes), bytes };
  } finally {
    closeSync(fd);
  }
}

/**
 * Records files a writer has just finished (call it inside the writer's `vault.change`, so the files
 * and their record commit together with the audit entry). Paths only here, never in the audit chain.
 */
export function recordOutputs(db: VaultDb, kind: OutputKind, paths: readonly string[], by: string): void {
  const insert = db.prepare(
    'INSERT INTO outputs (kind, path, sha256, bytes, at, by_user) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const at = new Date().toISOString();
  for (const path of paths) {
    const { sha256, bytes } = fileSha256(path);
    insert.run(kind, path, sha256, bytes, at, by);
  }
}

/** Every output not yet wiped, oldest first. */
export function listOutputs(db: VaultDb): OutputRow[] {
  return db.prepare('SELECT * FROM outputs WHERE wiped_at IS NULL ORDER BY id').all() as OutputRow[];
}

export function markOutputWiped(db: VaultDb, id: number, wipeId: string, at: string): void {
  db.prepare('UPDATE outputs SET wiped_at = ?, wipe_id = ? WHERE id = ?').run(at, wipeId, id);
}
