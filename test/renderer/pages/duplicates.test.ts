// The Duplicates page's model (use-duplicates.ts) and one cluster's review (use-cluster-review.ts) against
// the fake engine: the list by status and score from the first page, everything read again after a run
// or a change, which fields differ, a new survivor keeping the values chosen by hand, the merge sending
// the choices, and a refusal shown without moving on.
import { act, renderHook } from '@testing-library/react';
import { MERGE_FIELDS, type MergeField } from '../../../shared/duplicates';
import type { ClusterMember, ClusterView, DuplicatesRunResult } from '../../../shared/contract';
import { fail, ok } from '../../../shared/result';
import { display, useClusterReview } from '../../../renderer/src/pages/duplicates/use-cluster-review';
import { useDuplicates } from '../../../renderer/src/pages/duplicates/use-duplicates';
import { installFakeBridge } from '../support/fake-bridge';
import { renderModel, settle } from '../support/render-model';
import { SOURCE_ID } from '../support/samples';

function member(id: number, values: Partial<Record<MergeField, string | number | null>>): ClusterMember {
  const empty = Object.fromEntries(MERGE_FIELDS.map((f) => [f, null])) as Record<MergeField, null>;
  return {
    id,
    values: { ...empty, ...values, currency: 'CNY' } as ClusterMember['values'],
    status: {
      phone: 'valid',
      email: 'missing',
      idNumber: 'missing',
      creditCode: 'missing',
      wechat: 'missing',
    },
    sources: [{ sourceId: SOURCE_ID, file: 'customers.csv', sheet: null, row: id + 1 }],
    mergedInto: null,
  };
}

function cluster(id: number, members: ClusterMember[]): ClusterView {
  const [first] = members;
  return {
    id,
    score: 92,
    status: 'pending',
    decidedAt: null,
    decidedBy: null,
    explanation: { links: [], matched: ['phone'], conflicts: [] },
    members,
    suggestion: {
      survivorId: first.id,
      chosen: Object.fromEntries(MERGE_FIELDS.map((f) => [f, first.id])) as Record<MergeField, number>,
    },
    merge: null,
  };
}

const PAIR = cluster(7, [
  member(11, { name: '张伟', phone: '+8613800138000', lifetimeValue: 12_345 }),
  member(12, { name: '张 伟', phone: '+8613800138000', email: 'zw@example.com', lifetimeValue: 12_345 }),
]);
const page = (clusters: ClusterView[]) =>
  ok({
    total: clusters.length,
    offset: 0,
    clusters,
    byStatus: { pending: clusters.length, accepted: 0, rejected: 0, merged: 0 },
  });
const ran: DuplicatesRunResult = {
  records: 400,
  pairs: 900,
  links: 30,
  found: 12,
  clusteredRecords: 25,
  kept: 0,
  autoMerged: null,
  threshold: 70,
  clusters: null,
};

describe('useDuplicates', () => {
  test('filters from the first page; a run reads the list and the open cluster again', async () => {
    const fake = installFakeBridge({
      'duplicates.clusters': (input) => page(input.clusterId ? [] : [PAIR]),
      'duplicates.run': () => ok(ran),
    });
    const { result } = await renderModel(fake, useDuplicates);
    await settle();
    const lists = () => fake.inputsOf('duplicates.clusters').filter((q) => q.clusterId === undefined);
    expect(lists().at(-1)).toMatchObject({ status: 'pending', offset: 0, limit: 20 });
    expect(result.current.byStatus?.pending).toBe(1);

    act(() => result.current.setOffset(20));
    act(() => result.current.setStatus('all'));
    await settle();
    expect(result.current.offset).toBe(0);
    expect(lists().at(-1)?.status).toBeUndefined();
    act(() => result.current.setMinScore(90));
    await settle();
    expect(lists().at(-1)).toMatchObject({ minScore: 90, offset: 0 });

    act(() => result.current.select(PAIR.id));
    await settle();
    const before = fake.inputsOf('duplicates.clusters').length;
    act(() => result.current.run.start({}));
    await settle();
    const after = fake.inputsOf('duplicates.clusters').slice(before);
    expect(after.some((q) => q.clusterId === PAIR.id)).toBe(true);
    expect(after.some((q) => q.clusterId === undefined)).toBe(true);
    // The open cluster is gone after the run (this engine lists none by id).
    expect(result.current.current).toBeNull();
  });
});

describe('useClusterReview', () => {
  test('differing fields, a new survivor, a chosen value, the merge, and a refusal', async () => {
    const fake = installFakeBridge({
      'duplicates.merge': () => fail('DEDUPE_CLUSTER_STATUS', 'decided meanwhile'),
    });
    const onChanged = jest.fn();
    const { result } = renderHook(() => useClusterReview(PAIR, true, onChanged));
    expect([...result.current.differs].sort()).toEqual(['email', 'name']);
    expect(display(PAIR.members[0], 'lifetimeValue')).toBe('123.45 CNY');
    expect(result.current.editable).toBe(true);

    act(() => result.current.choose('email', 12));
    act(() => result.current.pickSurvivor(12));
    // The new survivor takes over the old one's values; the e-mail was chosen by hand already.
    expect(result.current.survivor).toBe(12);
    expect(result.current.chosen.name).toBe(12);
    act(() => result.current.choose('name', 11));

    await act(() => result.current.merge());
    expect(fake.inputsOf('duplicates.merge')).toEqual([
      { clusterId: 7, survivorId: 12, chosen: expect.objectContaining({ name: 11, email: 12, phone: 12 }) },
    ]);
    expect(result.current.error?.code).toBe('DEDUPE_CLUSTER_STATUS');
    expect(onChanged).not.toHaveBeenCalled();

    fake.handle('duplicates.decide', () => ok({ ...PAIR, status: 'accepted' }));
    await act(() => result.current.accept());
    expect(fake.inputsOf('duplicates.decide')).toEqual([{ clusterId: 7, decision: 'accept' }]);
    expect(result.current.error).toBeNull();
    expect(onChanged).toHaveBeenCalledWith(7);
  });

  test('a decided cluster is not editable; a merged one can be undone by its merge id', async () => {
    const merged: ClusterView = {
      ...PAIR,
      status: 'merged',
      merge: { id: 3, survivorId: 11, mergedIds: [12], at: '2025-01-01T00:00:00Z', by: '陈静', chosen: {} },
    };
    const fake = installFakeBridge({
      'duplicates.unmerge': () => ok({ mergeId: 3, clusterId: 7, survivorId: 11, mergedIds: [12] }),
    });
    const onChanged = jest.fn();
    const { result } = renderHook(() => useClusterReview(merged, true, onChanged));
    expect(result.current.editable).toBe(false);
    await act(async () => {
      await result.current.unmerge();
    });
    expect(fake.inputsOf('duplicates.unmerge')).toEqual([{ mergeId: 3 }]);
    expect(onChanged).toHaveBeenCalledWith(7);
  });
});
