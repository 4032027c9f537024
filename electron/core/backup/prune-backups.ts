// backup.prune: applies retention to the copies in the backups table. A dry run only answers the plan.
// A real run deletes each condemned copy's three files where its disk is here, marks the row deleted
// (the row stays: the table names every copy there ever was), and records the prune in the audit chain
// (ids and counts, no paths). A copy whose disk is not here is left registered and said to be absent,
// so the next prune with that disk attached deletes it.
import { existsSync, rmSync } from 'node:fs';
import type { BackupPrunePlan, OpParsedInput } from '../../../shared/contract';
import type { OpenVault } from '../vault/open-vault';
import { noteBackupHealth } from './backup-health';
import { listBackups, markDeleted } from './backups-table';
import { manifestPathFor, signaturePathFor } from './manifest';
import { planRetention } from './retention';

export function pruneBackups(
  vault: OpenVault,
  input: OpParsedInput<'backup.prune'>,
  dataDir: string | null,
  now = new Date(),
): BackupPrunePlan {
  const policy = { keepLast: input.keepLast, keepDaily: input.keepDaily, keepMonthly: input.keepMonthly };
  const at = now.toISOString();
  const items = planRetention(listBackups(vault.db), policy);
  const summary = (): BackupPrunePlan => ({
    dryRun: input.dryRun,
    at,
    policy,
    items,
    kept: items.filter((i) => i.action === 'keep').length,
    deleted: items.filter((i) => i.deleted).length,
    absent: items.filter((i) => i.note === 'absent').length,
  });
  if (input.dryRun) {
    for (const item of items) if (item.action === 'delete' && !item.present) item.note = 'absent';
    return summary();
  }

  vault.change(
    () => {
      const ids = (pick: (i: (typeof items)[number]) => boolean) => items.filter(pick).map((i) => i.id);
      return {
        op: 'backup.prune',
        params: {
          policy,
          deleted: ids((i) => i.deleted),
          absent: ids((i) => i.note === 'absent'),
          failed: ids((i) => i.note === 'failed'),
        },
        counts: {
          kept: items.filter((i) => i.action === 'keep').length,
          deleted: ids((i) => i.deleted).length,
        },
        outcome: items.some((i) => i.note === 'failed') ? 'failed' : 'ok',
      };
    },
    () => {
      for (const item of items) {
        if (item.action !== 'delete') continue;
        if (!existsSync(item.path)) {
          item.note = 'absent';
          continue;
        }
        try {
          // The backup file first: without it the manifest and signature describe nothing.
          for (const file of [item.path, manifestPathFor(item.path), signaturePathFor(item.path)])
            rmSync(file, { force: true });
          item.deleted = true;
          markDeleted(vault.db, item.id, at, vault.actor.userName);
        } catch {
          item.note = 'failed';
        }
      }
    },
  );
  if (dataDir) noteBackupHealth(dataDir, vault);
  return summary();
}
