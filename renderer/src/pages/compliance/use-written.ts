// Writing a document into a folder the person chooses: the dialog, the call, the error, the files written.
import { useState } from 'react';
import type { ChosenFile } from '../../../../shared/contract';
import { chooseFile, type DialogRequest } from '../../platform/dialogs';
import type { ErrorValue, Result } from '../../platform/api';

export function useWritten() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [files, setFiles] = useState<string[] | null>(null);

  /** Asks for a file or folder, then runs `write` with it; the written paths are kept for display. */
  const write = async <T>(
    request: DialogRequest,
    run: (chosen: ChosenFile) => Promise<Result<T>>,
    paths: (value: T) => string[],
  ): Promise<T | null> => {
    setError(null);
    const chosen = await chooseFile(request);
    if (!chosen.ok) {
      setError(chosen.error);
      return null;
    }
    if (!chosen.value) return null;
    setBusy(true);
    const result = await run(chosen.value);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    setFiles(paths(result.value));
    return result.value;
  };

  return { busy, error, files, write };
}
