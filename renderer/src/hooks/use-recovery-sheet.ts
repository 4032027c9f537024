// "Save the recovery sheet (PDF)…": the shell's save dialog, then vault.writeRecoverySheet to the chosen
// file. Used by the create-vault wizard and by the vault overview while the key is unconfirmed.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { baseName } from '../i18n/format';
import { api, type ErrorValue } from '../platform/api';
import { chooseFile, safeFileName } from '../platform/dialogs';

export interface RecoverySheet {
  save: () => Promise<void>;
  saving: boolean;
  /** The written file's name (never its folder). */
  saved: string | null;
  error: ErrorValue | null;
}

export function useRecoverySheet(clientName: string): RecoverySheet {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);

  const save = useCallback(async () => {
    setError(null);
    const chosen = await chooseFile({
      kind: 'save',
      purpose: 'recovery-sheet',
      suggestedName: t('create.sheetName', { client: safeFileName(clientName, 'Closeout') }),
    });
    if (!chosen.ok) return setError(chosen.error);
    if (!chosen.value) return;
    setSaving(true);
    const result = await api.call('vault.writeRecoverySheet', { out: { handle: chosen.value.handle } });
    setSaving(false);
    if (!result.ok) return setError(result.error);
    setSaved(baseName(result.value.path));
  }, [clientName, t]);

  return { save, saving, saved, error };
}
