// The restore panel's model: which key opens the copy (the open vault's keyring, or a typed recovery key),
// the open and save dialogs, the restore job, and afterwards opening what was restored: directly
// (recovery key: the engine unlocked it) or from the unlock screen (same passphrases).
import { useEffect, useState } from 'react';
import { navigateTo } from '../../app/use-hash-route';
import { recoveryKeyFeedback } from '../../components/recovery-key-groups';
import { useChooseFile } from '../../hooks/use-choose-file';
import { useJob } from '../../hooks/use-job';
import { safeFileName } from '../../platform/dialogs';
import { useSession } from '../../session/session-context';

/** What to restore: a copy listed in the open vault's backups table, or a file chosen in a dialog. */
export type RestoreSource = { backupId: string; name: string } | { handle: string; name: string };

export function useRestore(source: RestoreSource | null, onSource: (source: RestoreSource | null) => void) {
  const { session, opened, lock, can } = useSession();
  const restore = useJob('backup.restore');
  const dialog = useChooseFile();
  // Restoring with the open vault's keyring is an owner's act; anyone else restores with the recovery key.
  const mayUseLive = session !== null && can('backup.restore');
  // Until the person picks, the open vault's keyring when there is one (the session may arrive after mount).
  const [picked, setMode] = useState<'live' | 'recovery' | null>(null);
  const mode = picked ?? (mayUseLive ? 'live' : 'recovery');
  const [recoveryKey, setRecoveryKey] = useState('');
  const useLive = mode === 'live' && mayUseLive;
  const running = restore.state.status === 'running';
  const result = restore.state.status === 'finished' ? restore.state.value : undefined;

  // Open what was restored: the engine already unlocked it (recovery key), or the unlock screen for its
  // vault id, which the registry now points at the restored file.
  useEffect(() => {
    if (!result) return;
    if (result.session) {
      opened(result.session);
      navigateTo('vault');
    } else if (result.registered) {
      void lock().then(() => navigateTo('unlock', result.vaultId));
    }
    // Once per result: `opened` and `lock` change with the session this very effect replaces.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);

  const pickFile = async () => {
    const chosen = await dialog.choose({ kind: 'open', purpose: 'backup' });
    if (chosen) onSource({ handle: chosen.handle, name: chosen.name });
  };

  const start = async () => {
    if (!source) return;
    const stem = safeFileName(session?.clientName ?? source.name.replace(/\.cobackup$/, ''), 'vault');
    const target = await dialog.choose({
      kind: 'save',
      purpose: 'vault',
      suggestedName: `${stem}-restored.cvault`,
    });
    if (!target) return;
    const backup = 'backupId' in source ? { backupId: source.backupId } : { handle: source.handle };
    restore.start({
      backup,
      to: { handle: target.handle },
      ...(useLive ? {} : { recoveryKey: recoveryKey.trim() }),
    });
  };

  const cancel = () => {
    onSource(null);
    setRecoveryKey('');
  };

  return {
    hasSession: session !== null,
    mayUseLive,
    restore,
    result,
    running,
    choosing: dialog.choosing,
    error: dialog.error,
    mode,
    setMode,
    useLive,
    recoveryKey,
    setRecoveryKey,
    keyReady: useLive || recoveryKeyFeedback(recoveryKey).complete,
    pickFile,
    start,
    cancel,
  };
}
