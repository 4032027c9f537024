// The dialog sequence every page that reads or writes a file goes through: choose in the shell's dialog
// → a handle and the file's name (never a path) → the call that uses it → its result or one error to
// show. Cancelling the dialog is not an error: nothing happens. `choosing` is true while the dialog is
// open, `calling` while the call after it runs; `error` is the last failure of either, cleared when the
// next sequence starts.
import { useCallback, useState } from 'react';
import type { ChosenFile } from '../../../shared/contract';
import type { ErrorValue, Result } from '../platform/api';
import { chooseFile, type DialogRequest } from '../platform/dialogs';

export interface FileChooser {
  /** The dialog alone: the chosen file, or null when cancelled or when the dialog failed (see `error`). */
  choose: (request: DialogRequest) => Promise<ChosenFile | null>;
  /**
   * The dialog, then `call` with the chosen file: the call's value, or null when the person cancelled or
   * either step failed (see `error`).
   */
  chooseAndCall: <T>(
    request: DialogRequest,
    call: (file: ChosenFile) => Promise<Result<T>>,
  ) => Promise<T | null>;
  choosing: boolean;
  calling: boolean;
  error: ErrorValue | null;
  /** For a failure on the same path that did not come through the dialog (e.g. a dropped file). */
  setError: (error: ErrorValue | null) => void;
}

export function useChooseFile(): FileChooser {
  const [choosing, setChoosing] = useState(false);
  const [calling, setCalling] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);

  const choose = useCallback(async (request: DialogRequest): Promise<ChosenFile | null> => {
    setError(null);
    setChoosing(true);
    const chosen = await chooseFile(request);
    setChoosing(false);
    if (!chosen.ok) {
      setError(chosen.error);
      return null;
    }
    return chosen.value;
  }, []);

  const chooseAndCall = useCallback(
    async <T>(request: DialogRequest, call: (file: ChosenFile) => Promise<Result<T>>): Promise<T | null> => {
      const file = await choose(request);
      if (!file) return null;
      setCalling(true);
      const result = await call(file);
      setCalling(false);
      if (!result.ok) {
        setError(result.error);
        return null;
      }
      return result.value;
    },
    [choose],
  );

  return { choose, chooseAndCall, choosing, calling, error, setError };
}
