// A backup named by the renderer: by its id in the open vault's backups table (a listed copy needs no
// dialog, and the window never names a path), or by a file the person chose.
import type { BackupRef } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import { pathOf } from '../util/file-ref';
import type { OpenVault } from '../vault/open-vault';
import { findBackup } from './backups-table';

export function backupPathOf(ref: BackupRef, vault: OpenVault | null): string {
  if (!('backupId' in ref)) return pathOf(ref);
  if (!vault) throw new EngineError('VAULT_LOCKED');
  const record = findBackup(vault.db, ref.backupId);
  if (!record || record.deletedAt !== null)
    throw new EngineError('BACKUP_UNKNOWN', { backupId: ref.backupId });
  return record.path;
}
