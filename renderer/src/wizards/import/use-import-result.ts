// After an import: export a file's quarantined rows through the save dialog, and delete a plaintext source
// file (after a confirmation that states the SSD caveat), the file named by its handle from the dialog.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportInputResult, ImportRunResult } from '../../../../shared/contract';
import { useChooseFile } from '../../hooks/use-choose-file';
import { api } from '../../platform/api';
import type { ChosenInput } from './chosen-input';

export function useImportResult(result: ImportRunResult, files: ChosenInput[]) {
  const { t } = useTranslation();
  const dialog = useChooseFile();
  const [exported, setExported] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string[]>([]);
  const [confirm, setConfirm] = useState<number | null>(null);

  const exportQuarantine = async (source: ImportInputResult) => {
    let name = '';
    const done = await dialog.chooseAndCall(
      { kind: 'save', purpose: 'quarantine-export', suggestedName: `${source.file}-quarantine.csv` },
      (file) => {
        name = file.name;
        return api.call('import.exportQuarantine', {
          out: { handle: file.handle },
          sourceId: source.sourceId,
        });
      },
    );
    if (done) setExported(t('importWizard.result.exported', { rows: done.rows, name }));
  };

  const deleteSource = async (index: number) => {
    setConfirm(null);
    dialog.setError(null);
    const done = await api.call('import.deleteSource', { file: { handle: files[index].handle } });
    if (!done.ok) return dialog.setError(done.error);
    setDeleted((all) => [...all, result.inputs[index].sourceId]);
  };

  return {
    error: dialog.error,
    exported,
    deleted,
    confirm,
    setConfirm,
    exportQuarantine,
    deleteSource,
    quarantine: result.inputs.flatMap((i) => i.quarantine),
  };
}
