// One cluster's review: the survivor and the member each field's value is taken from (the engine's
// suggestion until the person chooses), which fields differ, and the actions (accept, reject, take a
// record out, merge, undo a merge), one at a time, each followed by `onChanged`.
import { useMemo, useState } from 'react';
import { fieldText } from '../../../../shared/customer/columns';
import { MERGE_FIELDS, type MergeField } from '../../../../shared/duplicates';
import type { ClusterMember, ClusterView } from '../../../../shared/contract';
import { api, type ErrorValue, type Result } from '../../platform/api';

/** A member's value of a field as the review shows and compares it ('' when empty). */
export const display = (m: ClusterMember, field: MergeField): string => fieldText(field, m.values);

export function useClusterReview(
  cluster: ClusterView,
  canEdit: boolean,
  /** After a change: the cluster id to show next (null: close). */
  onChanged: (next: number | null) => void,
) {
  const [survivor, setSurvivor] = useState(cluster.suggestion.survivorId);
  const [chosen, setChosen] = useState<Record<MergeField, number>>(cluster.suggestion.chosen);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);
  const open = cluster.status === 'pending' || cluster.status === 'accepted';
  const members = cluster.members;

  const differs = useMemo(() => {
    const out = new Set<MergeField>();
    for (const f of MERGE_FIELDS) if (new Set(members.map((m) => display(m, f))).size > 1) out.add(f);
    return out;
  }, [members]);

  const act = async (work: () => Promise<Result<unknown>>) => {
    setBusy(true);
    setError(null);
    const result = await work();
    setBusy(false);
    if (!result.ok) setError(result.error);
    else onChanged(cluster.id);
  };

  const pickSurvivor = (id: number) => {
    setSurvivor(id);
    // A new survivor keeps its own values unless the person chose otherwise since.
    setChosen((current) => {
      const next = { ...current };
      for (const f of MERGE_FIELDS) if (current[f] === survivor) next[f] = id;
      return next;
    });
  };

  const clusterId = cluster.id;
  return {
    editable: canEdit && open,
    members,
    survivor,
    pickSurvivor,
    chosen,
    choose: (field: MergeField, memberId: number) => setChosen((c) => ({ ...c, [field]: memberId })),
    differs,
    busy,
    error,
    accept: () => act(() => api.call('duplicates.decide', { clusterId, decision: 'accept' })),
    reject: () => act(() => api.call('duplicates.decide', { clusterId, decision: 'reject' })),
    merge: () => act(() => api.call('duplicates.merge', { clusterId, survivorId: survivor, chosen })),
    unmerge: () =>
      cluster.merge ? act(() => api.call('duplicates.unmerge', { mergeId: cluster.merge!.id })) : undefined,
    split: (recordId: number) => act(() => api.call('duplicates.split', { clusterId, recordId })),
  };
}

export type ClusterReview = ReturnType<typeof useClusterReview>;
