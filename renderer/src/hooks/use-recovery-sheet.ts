// "Save the recovery sheet (PDF)…": the shell's save dialog, then vault.writeRecoverySheet to the chosen
// file. Used by the create-vault wizard and by the vault overview while the key is unconfirmed.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { baseName } from '../i18n/format';
import { api, type ErrorValue } from '../platform/api';
import { safeFileName } from '../platform/dialogs';
import { useChooseFile } from './use-choose-file';

export interface RecoverySheet {
  save: () => Promise<void>;
  saving: boolean;
  /** The written file's name (never its folder). */
  saved: string | null;
  error: ErrorValue | null;
}

export function useRecoverySheet(clientName: string): RecoverySheet {
  const { t } = useTranslation();
  const { chooseAndCall, calling, error } = useChooseFile();
  const [saved, setSaved] = useState<string | null>(null);

  const save = useCallback(async () => {
    const written = await chooseAndCall(
      {
        kind: 'save',
        purpose: 'recovery-sheet',
        suggestedName: t('create.sheetName', { client: safeFileName(clientName, 'Closeout') }),
      },
      (file) => api.call('vault.writeRecoverySheet', { out: { handle: file.handle } }),
    );
    if (written) setSaved(baseName(written.path));
  }, [chooseAndCall, clientName, t]);

  return { save, saving: calling, saved, error };
}
