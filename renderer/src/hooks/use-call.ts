// One engine call a person starts from a form or a button (add a user, save the details, export):
// `busy` while it runs, `error` its failure, cleared when the next one starts. `run` answers the call's
// value, or null when it failed (see `error`). Not for operations whose value may itself be null.
import { useCallback, useState } from 'react';
import type { OpInput, OpName, OpResult } from '../../../shared/contract';
import { api, type ErrorValue } from '../platform/api';

export interface Call {
  run: <K extends OpName>(op: K, input: OpInput<K>) => Promise<OpResult<K> | null>;
  busy: boolean;
  error: ErrorValue | null;
  setError: (error: ErrorValue | null) => void;
}

export function useCall(): Call {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);
  const run = useCallback(async <K extends OpName>(op: K, input: OpInput<K>) => {
    setBusy(true);
    setError(null);
    const result = await api.call(op, input);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    return result.value;
  }, []);
  return { run, busy, error, setError };
}
