// Backup health in the registry (vaults.json), so the Dashboard shows it for every client vault without
// unlocking any: the newest verified copy's date, the last successful restore drill, and a failure marker
// that stays until that copy, or a newer one, passes. Dates and an id only: nothing secret, no paths.
import { readRegistry, upsertRegistry } from '../vault/registry';
import type { OpenVault } from '../vault/open-vault';
import { findBackup, lastVerifiedBackup } from './backups-table';

export interface CheckOutcome {
  backupId: string | null;
  ok: boolean;
  at: string;
  /** A restore drill (not only a verification). */
  drill: boolean;
}

/** Recomputes the vault's backup health after a verification, drill or prune. Only registered vaults. */
export function noteBackupHealth(dataDir: string, vault: OpenVault, outcome?: CheckOutcome): void {
  const entry = readRegistry(dataDir).find((e) => e.id === vault.vaultId);
  if (!entry) return; // never invent an entry (with no path) for a vault the registry does not list
  let failure = entry.lastVerifyFailure;
  let restoreVerified = entry.lastRestoreVerifiedAt;
  if (outcome && outcome.backupId) {
    if (!outcome.ok) failure = { at: outcome.at, backupId: outcome.backupId };
    else {
      if (outcome.drill) restoreVerified = outcome.at;
      const passed = findBackup(vault.db, outcome.backupId);
      // A pass of the copy that failed, or of a copy made after the failure, clears the marker.
      if (failure && (failure.backupId === outcome.backupId || (passed && passed.createdAt > failure.at)))
        failure = null;
    }
  }
  if (failure) {
    const failed = findBackup(vault.db, failure.backupId);
    if (failed && failed.deletedAt !== null) failure = null; // retention removed the bad copy
  }
  upsertRegistry(dataDir, {
    id: vault.vaultId,
    lastVerifiedBackupAt: lastVerifiedBackup(vault.db)?.createdAt ?? null,
    lastRestoreVerifiedAt: restoreVerified,
    lastVerifyFailure: failure,
  });
}
