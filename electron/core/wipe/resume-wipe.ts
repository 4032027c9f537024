// wipe.pending and wipe.resume: wipes that began and did not finish (a kill, a crash, a pulled disk),
// found from their journals in the data folder. A whole-vault wipe past its last audit entry needs no
// key any more and is finished here without the vault; anything else carries on when its vault is
// unlocked and the same wipe is run again (or resumed with that vault open).
import type { OpParsedInput, PendingWipe, WipeResult, WipeResumed } from '../../../shared/contract';
import type { JobContext } from '../kernel/job';
import { resolve } from 'node:path';
import { pathOf } from '../util/file-ref';
import type { OpenVault } from '../vault/open-vault';
import { Journal } from './journal';
import { finishRecordsWipe } from './wipe-records';
import { finishVaultWipe, type VaultWipeContext } from './wipe-vault';

const needsVault = (j: Journal) => j.begin.kind === 'records' || !j.has('audited');

const pendingOf = (j: Journal): PendingWipe => ({
  wipeId: j.begin.wipeId,
  kind: j.begin.kind,
  vaultId: j.begin.vaultId,
  clientName: j.begin.clientName,
  vaultFile: j.begin.vaultFile,
  startedAt: j.begin.at,
  step: j.lastStep,
  needsVault: needsVault(j),
});

export const pendingWipes = (dataDir: string): PendingWipe[] => Journal.unfinished(dataDir).map(pendingOf);

export async function resumeWipes(
  vault: OpenVault | null,
  input: OpParsedInput<'wipe.resume'>,
  job: JobContext,
  ctx: VaultWipeContext,
): Promise<WipeResumed> {
  const completed: WipeResult[] = [];
  const pending: PendingWipe[] = [];
  const file = input.vault ? resolve(pathOf(input.vault)) : null;
  // A whole-vault wipe of this file that already finished (a kill after its last step, before the
  // command could say so) is given again: its remaining steps find everything done.
  const finished = file
    ? Journal.all(ctx.dataDir)
        .filter((j) => j.has('complete') && j.begin.kind === 'vault' && resolve(j.begin.vaultFile) === file)
        .slice(-1)
    : [];
  for (const journal of [...Journal.unfinished(ctx.dataDir), ...finished]) {
    if (input.wipeId && journal.begin.wipeId !== input.wipeId) continue;
    if (file && resolve(journal.begin.vaultFile) !== file) continue;
    const open = vault?.isOpen && vault.vaultId === journal.begin.vaultId ? vault : null;
    if (needsVault(journal) && !open) {
      pending.push(pendingOf(journal));
      continue;
    }
    completed.push(
      journal.begin.kind === 'records'
        ? await finishRecordsWipe(open!, journal, job, true)
        : await finishVaultWipe(open, journal, job, ctx, true),
    );
  }
  return { completed, pending };
}
