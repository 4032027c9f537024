// The Duplicates page's model: the clusters listed (by status and minimum score, a page at a time), the
// cluster open below the list, and the run that finds them (with or without merging above a score). A
// run replaces the pending clusters: the list and the open cluster (which may be gone) are read again, as
// after every change made in the review.
import { useCallback, useEffect, useState } from 'react';
import type { ClusterStatus } from '../../../../shared/duplicates';
import { useJob, useOnFinished } from '../../hooks/use-job';
import { useOperation } from '../../hooks/use-operation';

export type StatusFilter = ClusterStatus | 'all';
export const PAGE = 20;

export function useDuplicates() {
  const [status, setStatus] = useState<StatusFilter>('pending');
  const [minScore, setMinScore] = useState<number | null>(null);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const run = useJob('duplicates.run');

  const { state: page, reload } = useOperation('duplicates.clusters', {
    status: status === 'all' ? undefined : status,
    minScore: minScore ?? undefined,
    offset,
    limit: PAGE,
  });
  const { state: detail, reload: reloadDetail } = useOperation('duplicates.clusters', {
    clusterId: selected ?? 1,
    limit: 1,
  });
  const rereadAll = useCallback(() => {
    reload();
    reloadDetail();
  }, [reload, reloadDetail]);
  useOnFinished(run.state, rereadAll);
  useEffect(() => {
    rereadAll();
  }, [generation, rereadAll]);

  return {
    status,
    /** A new status filter starts at the first page. */
    setStatus: (next: StatusFilter) => {
      setStatus(next);
      setOffset(0);
    },
    minScore,
    setMinScore: (next: number | null) => {
      setMinScore(next);
      setOffset(0);
    },
    offset,
    setOffset,
    page,
    byStatus: page.status === 'ok' ? page.value.byStatus : null,
    selected,
    select: setSelected,
    detail,
    current: selected !== null && detail.status === 'ok' ? (detail.value.clusters[0] ?? null) : null,
    /** After a change in the review: show `next` and read everything again. */
    changed: (next: number | null) => {
      setSelected(next);
      setGeneration((g) => g + 1);
    },
    run,
  };
}

export type DuplicatesModel = ReturnType<typeof useDuplicates>;
