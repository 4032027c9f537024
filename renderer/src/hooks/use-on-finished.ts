// Runs `effect` once each time a job finishes (by job id): a page reads its data again after a job that
// changed it. `effect` should be stable (a reload callback), so only a newly finished job fires it.
import { useEffect } from 'react';
import type { JobState } from './use-job';

export function useOnFinished(state: JobState<unknown>, effect: () => void): void {
  const finishedId = state.status === 'finished' ? state.id : null;
  useEffect(() => {
    if (finishedId) effect();
  }, [finishedId, effect]);
}
