// Runs a quick (non-job) operation when a page opens, and again on reload().
import { useCallback, useEffect, useState } from 'react';
import type { OpInput, OpName, OpResult } from '../../../shared/contract';
import { api, type ErrorValue } from '../platform/api';

export type OperationState<T> =
  { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: ErrorValue };

const LOADING = { status: 'loading' } as const;

export function useOperation<K extends OpName>(
  op: K,
  input: OpInput<K>,
): { state: OperationState<OpResult<K>>; reload: () => void } {
  const [generation, setGeneration] = useState(0);
  // Inputs are plain data: compare them by value so a fresh object literal does not loop.
  const key = JSON.stringify(input);
  const request = `${op}\n${key}\n${generation}`;
  // A settled answer belongs to one request; until the current request's answer arrives we are loading.
  const [settled, setSettled] = useState<{ request: string; state: OperationState<OpResult<K>> } | null>(
    null,
  );

  useEffect(() => {
    let live = true;
    void api.call(op, JSON.parse(key) as OpInput<K>).then((result) => {
      if (!live) return;
      setSettled({
        request,
        state: result.ok ? { status: 'ok', value: result.value } : { status: 'error', error: result.error },
      });
    });
    return () => {
      live = false;
    };
  }, [op, key, request]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { state: settled?.request === request ? settled.state : LOADING, reload };
}
