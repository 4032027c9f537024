// backup.verify: works without an unlocked vault (the file, its manifest and the recovery key are
// enough); when the backup's own vault is open, the result is also recorded in its backups table.
import type { BackupVerification, OpParsedInput } from '../../../shared/contract';
import type { JobContext } from '../host/job-runner';
import { pathOf } from '../util/file-ref';
import type { OpenVault } from '../vault/open-vault';
import { hasBackup, recordVerification } from './backups-table';
import { inspectBackup } from './inspect-backup';

export async function verifyBackup(
  vault: OpenVault | null,
  input: OpParsedInput<'backup.verify'>,
  job: JobContext,
  now = new Date(),
): Promise<BackupVerification> {
  const { verification, manifest, key } = await inspectBackup(
    pathOf(input.backup),
    { recoveryKey: input.recoveryKey, vault },
    job,
  );
  key.fill(0);
  let recorded = false;
  if (vault && manifest && manifest.vaultId === vault.vaultId && hasBackup(vault.db, manifest.backupId)) {
    const failed = verification.checks.filter((c) => !c.ok).map((c) => c.name);
    vault.change(
      () => ({
        op: 'backup.verify',
        params: { backupId: manifest.backupId, failed },
        outcome: verification.ok ? 'ok' : 'failed',
      }),
      () => recordVerification(vault.db, manifest.backupId, now.toISOString(), verification.ok),
    );
    recorded = true;
  }
  job.progress(1, 1, 'done');
  return { ...verification, recorded };
}
