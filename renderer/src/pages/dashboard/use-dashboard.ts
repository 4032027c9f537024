// The Dashboard's model: every client vault in the registry, and the acts on one from the list: open a
// vault file (chosen in the dialog, then unlocked), locate a vault whose file moved, forget a vault. A
// failed act leaves one error to show (`error`), cleared when the next act starts.
import { useState } from 'react';
import type { VaultSummary } from '../../../../shared/contract';
import { navigateTo } from '../../app/use-hash-route';
import { useChooseFile } from '../../hooks/use-choose-file';
import { useOperation } from '../../hooks/use-operation';
import { api } from '../../platform/api';
import { useSession } from '../../session/session-context';

export function useDashboard() {
  // The registry's list, shown locked or not: reading it never keeps an open vault from its idle lock.
  const { state, reload } = useOperation('vault.list', {}, { background: true });
  const { session, chooseFile: keepChosenFile } = useSession();
  const dialog = useChooseFile();
  // "Days since" is counted from when the page was opened (a render must not read the clock).
  const [now] = useState(() => Date.now());

  const openFile = async () => {
    const chosen = await dialog.choose({ kind: 'open', purpose: 'vault' });
    if (!chosen) return;
    keepChosenFile(chosen);
    navigateTo('unlock');
  };

  /** The vault's file chosen again where it is now; true once the registry has it. */
  const locate = async (vault: VaultSummary): Promise<boolean> => {
    const located = await dialog.chooseAndCall({ kind: 'open', purpose: 'vault' }, (file) =>
      api.call('vault.locate', { vaultId: vault.id, file: { handle: file.handle } }),
    );
    if (!located) return false;
    reload();
    return true;
  };

  /** The vault out of the registry (its file stays where it is); true once done. */
  const forget = async (vault: VaultSummary): Promise<boolean> => {
    const result = await api.call('vault.forget', { vaultId: vault.id });
    if (!result.ok) {
      dialog.setError(result.error);
      return false;
    }
    reload();
    return true;
  };

  return {
    state,
    reload,
    openVaultId: session?.vaultId ?? null,
    now,
    error: dialog.error,
    clearError: () => dialog.setError(null),
    openFile,
    locate,
    forget,
  };
}
