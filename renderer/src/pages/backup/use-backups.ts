// The Backup page's model: the list of copies, the three jobs (back up now, verify, restore drill), the
// copy being checked, and the folder and file dialogs. Listed copies are named by id, never by path; the
// list is read again after every job, since it shows each copy's last verification and drills.
import { useState } from 'react';
import type { BackupRecord } from '../../../../shared/contract';
import { useChooseFile } from '../../hooks/use-choose-file';
import { useJob, useOnFinished } from '../../hooks/use-job';
import { useOperation } from '../../hooks/use-operation';
import { baseName } from '../../i18n/format';
import { useSession } from '../../session/session-context';

export type ActionKind = 'verify' | 'drill';

export function useBackups() {
  const { can } = useSession();
  const list = useOperation('backup.list', {});
  const create = useJob('backup.create');
  const verify = useJob('backup.verify');
  const drill = useJob('backup.drill');
  const dialog = useChooseFile();
  const [active, setActive] = useState<{ kind: ActionKind; file: string } | null>(null);

  useOnFinished(create.state, list.reload);
  useOnFinished(verify.state, list.reload);
  useOnFinished(drill.state, list.reload);

  // Auditors see the list only (the brief for this page); operators and owners back up, verify, drill.
  const mayCreate = can('backup.create');
  const mayAct = can('backup.drill');
  const busy =
    dialog.choosing ||
    create.state.status === 'running' ||
    verify.state.status === 'running' ||
    drill.state.status === 'running';

  const backUp = async () => {
    const chosen = await dialog.choose({ kind: 'folder', purpose: 'backup-destination' });
    if (chosen) create.start({ dir: { handle: chosen.handle } });
  };

  /** A listed copy, by its id: no dialog. A drill asks only where its certificate should go. */
  const runListed = async (kind: ActionKind, record: { id: string; path: string }) => {
    dialog.setError(null);
    const file = baseName(record.path);
    if (kind === 'verify') {
      setActive({ kind, file });
      verify.start({ backup: { backupId: record.id } });
      return;
    }
    const folder = await dialog.choose({ kind: 'folder', purpose: 'drill-certificate' });
    if (!folder) return;
    setActive({ kind, file });
    drill.start({ backup: { backupId: record.id }, certificateDir: { handle: folder.handle } });
  };

  /** A backup file that is not listed (another vault's, a copy moved elsewhere), chosen in the dialog. */
  const runCheck = async (kind: ActionKind, suggestedName?: string) => {
    const chosen = await dialog.choose({ kind: 'open', purpose: 'backup', suggestedName });
    if (!chosen) return;
    setActive({ kind, file: chosen.name });
    const input = { backup: { handle: chosen.handle } };
    if (kind === 'verify') verify.start(input);
    else drill.start(input);
  };

  const created = create.state.status === 'finished' ? create.state.value : undefined;
  // Copies that retention deleted stay in the vault's table (the record of every copy), not in this list.
  const all: BackupRecord[] = list.state.status === 'ok' ? list.state.value : [];
  const listed = all
    .filter((b) => b.deletedAt === null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const actionJob = active?.kind === 'drill' ? drill : verify;
  const actionState = actionJob.state;
  const actionValue = actionState.status === 'finished' ? actionState.value : undefined;

  return {
    list,
    create,
    created,
    listed,
    pruned: all.length - listed.length,
    mayCreate,
    mayAct,
    mayPrune: can('backup.prune'),
    busy,
    error: dialog.error,
    active,
    actionJob,
    actionValue,
    backUp,
    runListed,
    runCheck,
  };
}

export type BackupsModel = ReturnType<typeof useBackups>;
