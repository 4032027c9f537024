// The Import wizard's model: the step, the chosen files (from the open dialog or dropped onto the window:
// handles, never paths) each with its preview read again whenever a choice changes, the same-source
// warning, and the import job. The result step follows from the job: once it has succeeded, the import
// step shows its result.
import { useCallback, useState } from 'react';
import type { ChosenFile } from '../../../../shared/contract';
import { useChooseFile } from '../../hooks/use-choose-file';
import { useJob } from '../../hooks/use-job';
import { api } from '../../platform/api';
import { defaultSheets, inputOf, runInputOf, type ChosenInput } from './chosen-input';

export const IMPORT_STEPS = ['files', 'mapping', 'import', 'result'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

export function useImport() {
  const [step, setStep] = useState<ImportStep>('files');
  const [files, setFiles] = useState<ChosenInput[]>([]);
  const [allowSame, setAllowSame] = useState(false);
  const dialog = useChooseFile();
  const run = useJob('import.run');

  const update = (handle: string, change: Partial<ChosenInput>) =>
    setFiles((all) => all.map((f) => (f.handle === handle ? { ...f, ...change } : f)));

  /** Reads the file again with the person's choices: the preview is what will be stored. */
  const refresh = useCallback(async (file: ChosenInput) => {
    setFiles((all) => all.map((f) => (f.handle === file.handle ? { ...f, loading: true } : f)));
    const result = await api.call('import.preview', inputOf(file));
    setFiles((all) =>
      all.map((f) =>
        f.handle === file.handle
          ? result.ok
            ? {
                ...f,
                preview: result.value,
                sheets: f.sheets ?? defaultSheets(result.value),
                error: null,
                loading: false,
              }
            : { ...f, error: result.error, loading: false }
          : f,
      ),
    );
  }, []);

  const add = (chosen: ChosenFile) => {
    const file: ChosenInput = { ...chosen, preview: null, error: null, loading: true };
    setFiles((all) => [...all, file]);
    void refresh(file);
  };

  const addFile = async () => {
    const chosen = await dialog.choose({ kind: 'open', purpose: 'import' });
    if (chosen) add(chosen);
  };

  // Files dropped onto the step: each becomes a handle through the shell, as if chosen in the dialog.
  const addDropped = async (dropped: File[]) => {
    dialog.setError(null);
    for (const file of dropped) {
      const chosen = await api.fileFromDrop(file);
      if (!chosen.ok) dialog.setError(chosen.error);
      else if (chosen.value) add(chosen.value);
    }
  };

  const change = (file: ChosenInput, choice: Partial<ChosenInput>) => {
    const next = { ...file, ...choice };
    update(file.handle, choice);
    void refresh(next);
  };

  /** Ticks the sheets of a workbook to import (the preview stays on the sheet it shows). */
  const chooseSheets = (handle: string, sheets: string[]) => update(handle, { sheets });

  const remove = (handle: string) => setFiles((all) => all.filter((x) => x.handle !== handle));

  const sameSource = files.filter((f) => f.preview?.alreadyImported);
  // A workbook imports its ticked sheets: at least one.
  const ready =
    files.length > 0 &&
    files.every((f) => f.preview && !f.error && !f.loading && (!f.sheets || f.sheets.length > 0));

  const startImport = () => {
    setStep('import');
    run.start({
      inputs: files.map(runInputOf),
      allowSameSource: allowSame,
    });
  };

  const result = run.state.status === 'finished' ? run.state.value : undefined;
  const shown: ImportStep = step === 'import' && result ? 'result' : step;

  const restart = () => {
    setFiles([]);
    setAllowSame(false);
    setStep('files');
  };

  return {
    step: shown,
    setStep,
    files,
    error: dialog.error,
    addFile,
    addDropped,
    change,
    chooseSheets,
    remove,
    ready,
    sameSource,
    allowSame,
    setAllowSame,
    run,
    result,
    startImport,
    restart,
  };
}

export type ImportModel = ReturnType<typeof useImport>;
