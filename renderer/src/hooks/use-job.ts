// Drives one job operation for a component: start, progress from job.progress events, cancel, outcome.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobFinished, JobProgress, OpInput, OpName, OpResult } from '../../../shared/contract';
import { api, type ErrorValue, type JobHandle } from '../platform/api';

type JobOutcome = JobFinished['outcome'];

export type JobState<T> =
  | { status: 'idle' }
  | { status: 'running'; id: string; progress: JobProgress | null; cancelling: boolean }
  | {
      status: 'finished';
      id: string;
      progress: JobProgress | null;
      outcome: JobOutcome;
      value?: T;
      error?: ErrorValue;
    };

export interface JobControls<K extends OpName> {
  state: JobState<OpResult<K>>;
  start: (input: OpInput<K>) => void;
  cancel: () => void;
  /** Set when the cancel request itself failed (the job's own outcome is reported in `state`). */
  cancelError: ErrorValue | null;
}

export function useJob<K extends OpName>(op: K): JobControls<K> {
  const [state, setState] = useState<JobState<OpResult<K>>>({ status: 'idle' });
  const [cancelError, setCancelError] = useState<ErrorValue | null>(null);
  const handle = useRef<JobHandle<K> | null>(null);

  const start = useCallback(
    (input: OpInput<K>) => {
      if (handle.current) return; // one run at a time per component
      setCancelError(null);
      const job = api.startJob(op, input, (progress) =>
        setState((current) =>
          current.status === 'running' && current.id === progress.job ? { ...current, progress } : current,
        ),
      );
      handle.current = job;
      setState({ status: 'running', id: job.id, progress: null, cancelling: false });
      void job.result.then((result) => {
        if (handle.current === job) handle.current = null;
        setState((current) => {
          const progress = current.status !== 'idle' && current.id === job.id ? current.progress : null;
          if (result.ok)
            return { status: 'finished', id: job.id, progress, outcome: 'succeeded', value: result.value };
          const outcome: JobOutcome = result.error.code === 'CANCELLED' ? 'cancelled' : 'failed';
          return { status: 'finished', id: job.id, progress, outcome, error: result.error };
        });
      });
    },
    [op],
  );

  const cancel = useCallback(() => {
    const job = handle.current;
    if (!job) return;
    setState((current) =>
      current.status === 'running' && current.id === job.id ? { ...current, cancelling: true } : current,
    );
    void job.cancel().then((result) => {
      if (!result.ok) setCancelError(result.error);
    });
  }, []);

  return { state, start, cancel, cancelError };
}

/** Calls `effect` once each time a job finishes (by job id). */
export function useOnFinished(state: JobState<unknown>, effect: () => void): void {
  const finishedId = state.status === 'finished' ? state.id : null;
  useEffect(() => {
    // `effect` is expected to be stable (e.g. a reload callback), so only a newly finished job fires it.
    if (finishedId) effect();
  }, [finishedId, effect]);
}
