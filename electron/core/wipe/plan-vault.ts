// What a whole-vault wipe will do, scope by scope: every record goes with the vault; every key copy the
// erase knows of; the vault file and its sidecars; backups (attached: overwritten; absent: unreadable
// once the keys are gone); the files Closeout wrote that hold customer values or keys; import files asked
// for. The dry run shows exactly this; the wipe carries it out.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { OpParsedInput, WipeFile, WipePlan } from '../../../shared/contract';
import type { VaultDb } from '../vault/database';
import { readMeta } from '../vault/meta';
import type { OpenVault } from '../vault/open-vault';
import { listKeyCopies } from './crypto-erase';
import { recoverySheetDestroyed } from './logs';
import { planBackups, planOutputs, planSources, type PlannedFile } from './plan-files';
import { keptGroups, quarantineRows } from './purge-records';

const SIDECARS = { '-wal': 'wal', '-shm': 'shm', '-journal': 'journal' } as const;

/** The vault file, its SQLite sidecars and any atomic-write leftover of it, as they are now. */
export function vaultFiles(vaultFile: string): WipeFile[] {
  const dir = dirname(vaultFile);
  const name = basename(vaultFile);
  const paths: Array<[string, string]> = [
    [vaultFile, 'vault'],
    ...Object.entries(SIDECARS).map(([suffix, kind]): [string, string] => [vaultFile + suffix, kind]),
    ...(existsSync(dir) ? readdirSync(dir) : [])
      .filter((f) => f.startsWith(`.${name}.`) && f.endsWith('.tmp') && !f.startsWith(`.${name}.keys`))
      .map((f): [string, string] => [join(dir, f), 'vault-temp']),
    // A re-encrypted copy an interrupted rekey left (`.<vault>.<hex>.rekey`, with its sidecars): the
    // whole vault under the next key, whose envelopes are the keyring's pending ones.
    ...(existsSync(dir) ? readdirSync(dir) : [])
      .filter((f) => f.startsWith(`.${name}.`) && /\.rekey(-wal|-shm|-journal)?$/.test(f))
      .map((f): [string, string] => [join(dir, f), 'rekey-copy']),
  ];
  return paths
    .filter(([path]) => existsSync(path))
    .map(([path, kind]) => ({
      kind,
      path,
      bytes: statSync(path).size,
      sha256: null,
      action: 'overwrite',
      reason: null,
      done: false,
    }));
}

const count = (db: VaultDb, sql: string) => (db.prepare(sql).get() as { n: number }).n;

export function planVault(vault: OpenVault, input: OpParsedInput<'wipe.vault'>): WipePlan {
  const db = vault.db;
  const files: PlannedFile[] = [
    ...vaultFiles(vault.file),
    ...planOutputs(db, ['customer-data', 'key']),
    ...planSources(db, input.sources),
  ];
  const backups = planBackups(db, input.includeBackups);
  const kept = keptGroups(db);
  const keyCopies = listKeyCopies(vault, recoverySheetDestroyed(db));
  const warnings: WipePlan['warnings'] = ['overwrite-limits'];
  if (keyCopies.some((k) => k.action === 'exists')) warnings.push('recovery-sheet-exists');
  if (kept.length) warnings.push('retained-records');
  if (files.some((f) => f.reason === 'changed' || f.reason === 'missing')) warnings.push('outputs-changed');
  return {
    kind: 'vault',
    vaultId: vault.vaultId,
    clientName: readMeta(db).clientName,
    records: {
      destroy: count(db, 'SELECT count(*) AS n FROM customers'),
      mergedWith: count(db, 'SELECT count(*) AS n FROM customers WHERE merged_into IS NOT NULL'),
      anonymise: 0,
      quarantine: quarantineRows(db),
      kept,
      keptTotal: kept.reduce((n, g) => n + g.records, 0),
    },
    files,
    backups,
    keyCopies,
    warnings,
  };
}

/** The deletion manifest of a whole-vault wipe: per source, how many records; every file and backup. */
export function vaultManifest(db: VaultDb, wipeId: string, plan: WipePlan, at: string): unknown {
  return {
    format: 'closeout-deletion-manifest',
    version: 1,
    wipeId,
    kind: 'vault',
    vaultId: plan.vaultId,
    createdAt: at,
    sources: db
      .prepare(
        `SELECT s.id, s.name, s.sha256, (SELECT count(*) FROM customers c WHERE c.source_id = s.id) AS records
         FROM sources s ORDER BY s.imported_at`,
      )
      .all(),
    records: { total: plan.records.destroy, quarantine: plan.records.quarantine },
    backups: plan.backups.map((b) => ({
      backupId: b.backupId,
      path: b.path,
      sha256: b.sha256,
      action: b.action,
    })),
    files: plan.files.map((f) => ({ kind: f.kind, path: f.path, sha256: f.sha256, action: f.action })),
    keyCopies: plan.keyCopies.map((k) => ({
      kind: k.kind,
      label: k.label,
      where: k.where,
      action: k.action,
    })),
  };
}
