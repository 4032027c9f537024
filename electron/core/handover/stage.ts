// The closure stage a handover moves the vault to: 'handover' once one is started, 'destruction' once
// every handover has its receipt. Written to the vault and to the registry (the Dashboard reads it locked).
import type { ClosureStage } from '../../../shared/contract';
import type { OpenVault } from '../vault/open-vault';
import { readMeta, writeMeta } from '../vault/meta';
import { upsertRegistry } from '../vault/registry';

const ORDER: readonly ClosureStage[] = [
  'setup',
  'intake',
  'review',
  'backup',
  'handover',
  'destruction',
  'certified',
];

/** Moves the stage forward to `to` (never back); returns the stage the vault is now at. */
export function advanceStage(vault: OpenVault, to: ClosureStage): ClosureStage {
  const current = readMeta(vault.db).stage;
  if (ORDER.indexOf(current) >= ORDER.indexOf(to)) return current;
  writeMeta(vault.db, { stage: to });
  return to;
}

/** The registry's copy of the stage (best effort: a registry that cannot be written changes nothing). */
export function noteStage(dataDir: string, vault: OpenVault): void {
  try {
    upsertRegistry(dataDir, { id: vault.vaultId, stage: readMeta(vault.db).stage });
  } catch {
    /* refreshed with the next change of stage */
  }
}
