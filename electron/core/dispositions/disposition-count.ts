// The Dashboard's "records without a disposition" for every client vault. vault.list runs without
// unlocking anything, and a person looking at the list of closures expects each vault's progress
// there, not only the open one's; so the count (with the number of customers) is kept in the registry,
// beside the backup health. Two numbers are no secret and no customer value. Written after every
// import, disposition change and lock (which catches merges and anything else a session changed).
import type { OpenVault } from '../vault/open-vault';
import { readRegistry, upsertRegistry } from '../vault/registry';

/** `known`: the counts when the caller has them already (an import's tally); read otherwise. */
export function noteDispositionCount(
  dataDir: string | null,
  vault: OpenVault,
  known: { customers: number; without: number } | null = null,
): void {
  if (!dataDir) return;
  // Never invent an entry (with no path) for a vault the registry does not list.
  if (!readRegistry(dataDir).some((e) => e.id === vault.vaultId)) return;
  const row =
    known ??
    (vault.db
      .prepare(
        `SELECT COUNT(*) AS customers, COALESCE(SUM(disposition IS NULL), 0) AS without
         FROM customers WHERE merged_into IS NULL`,
      )
      .get() as { customers: number; without: number });
  upsertRegistry(dataDir, { id: vault.vaultId, customers: row.customers, withoutDisposition: row.without });
}
