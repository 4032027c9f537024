// Runs a quick (non-job) operation when a page opens, and again on reload(). `background`: the page's
// own refresh (e.g. the list of vaults), which does not count as the person's activity for the idle lock.
import { useCallback, useEffect, useState } from 'react';
import type { CallOptions, OpInput, OpName, OpResult } from '../../../shared/contract';
import { api, type ErrorValue } from '../platform/api';

export type OperationState<T> =
  { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: ErrorValue };

const LOADING = { status: 'loading' } as const;

export function useOperation<K extends OpName>(
  op: K,
  input: OpInput<K>,
  options: Pick<NonNullable<CallOptions>, 'background'> = {},
): { state: OperationState<OpResult<K>>; reload: () => void } {
  const background = options.background === true;
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
    void api
      .call(op, JSON.parse(key) as OpInput<K>, background ? { background } : undefined)
      .then((result) => {
        if (!live) return;
        setSettled({
          request,
          state: result.ok ? { status: 'ok', value: result.value } : { status: 'error', error: result.error },
        });
      });
    return () => {
      live = false;
    };
  }, [op, key, request, background]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { state: settled?.request === request ? settled.state : LOADING, reload };
}
