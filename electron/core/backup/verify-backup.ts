// backup.verify: works without an unlocked vault (the file, its manifest and the recovery key are
// enough); when the backup's own vault is open, the result is also recorded in its backups table and
// the registry's backup health (a failure is a marker the Dashboard shows until a copy passes).
import type { BackupVerification, OpParsedInput } from '../../../shared/contract';
import type { JobContext } from '../kernel/job';
import type { OpenVault } from '../vault/open-vault';
import { noteBackupHealth } from './backup-health';
import { backupPathOf } from './backup-ref';
import { hasBackup, recordVerification } from './backups-table';
import { inspectBackup } from './inspect-backup';

export async function verifyBackup(
  vault: OpenVault | null,
  input: OpParsedInput<'backup.verify'>,
  job: JobContext,
  dataDir: string | null,
  now = new Date(),
): Promise<BackupVerification> {
  const { verification, manifest, key } = await inspectBackup(
    backupPathOf(input.backup, vault),
    { recoveryKey: input.recoveryKey, vault },
    job,
  );
  key.fill(0);
  let recorded = false;
  if (vault && manifest && manifest.vaultId === vault.vaultId && hasBackup(vault.db, manifest.backupId)) {
    const failed = verification.checks.filter((c) => !c.ok).map((c) => c.name);
    const at = now.toISOString();
    vault.change(
      () => ({
        op: 'backup.verify',
        params: { backupId: manifest.backupId, failed },
        outcome: verification.ok ? 'ok' : 'failed',
      }),
      () => recordVerification(vault.db, manifest.backupId, at, verification.ok),
    );
    recorded = true;
    if (dataDir)
      noteBackupHealth(dataDir, vault, {
        backupId: manifest.backupId,
        ok: verification.ok,
        at,
        drill: false,
      });
  }
  job.progress(1, 1, 'done');
  return { ...verification, recorded };
}
