// duplicates.merge and duplicates.unmerge. A merge keeps one record (the survivor), gives it the value chosen
// for each field from any member, and marks the others merged into it: they leave the default views
// and the search index, and their source rows become the survivor's. Everything the merge changed is
// kept in the merges row — the survivor's previous columns, the others' previous links, the cluster's
// previous decision — so unmerge puts every column back exactly.
import type { MergeResult, OpParsedInput } from '../../../shared/contract';
import { MERGE_FIELDS, type ClusterStatus, type MergeField } from '../../../shared/duplicates';
import { type ClusterView } from '../../../shared/contract';
import { nameKeys } from '../../../shared/normalise/names';
import { EngineError } from '../kernel/engine-error';
import type { VaultDb } from '../vault/database';
import type { OpenVault } from '../vault/open-vault';
import { MERGE_COLUMNS } from './merge-plan';
import {
  clusterViews,
  dropCluster,
  memberRows,
  readCluster,
  readMerge,
  reindex,
  rowsById,
  type Snapshot,
} from './store';
import { SNAPSHOT_COLUMNS } from '../../../shared/customer/columns';

interface MergeBefore {
  survivor: Snapshot;
  merged: Record<string, { merged_into: number | null; cluster_id: number | null }>;
  cluster: { status: ClusterStatus; decided_at: string | null; decided_by: string | null };
}

const snapshotOf = (row: Snapshot): Snapshot =>
  Object.fromEntries(SNAPSHOT_COLUMNS.map((c) => [c, row[c]])) as Snapshot;

/** Applies a merge inside the caller's transaction. Checks everything before changing anything. */
export function applyMerge(
  db: VaultDb,
  cluster: ClusterView,
  survivorId: number,
  choose: Partial<Record<MergeField, number>>,
  now: string,
  by: string | null,
): MergeResult & { fromOthers: MergeField[] } {
  if (cluster.status !== 'pending' && cluster.status !== 'accepted')
    throw new EngineError('DEDUPE_CLUSTER_STATUS', { cluster: cluster.id, status: cluster.status });
  const rows = memberRows(db, cluster.id).filter((r) => r.merged_into === null);
  const ids = new Set(rows.map((r) => r.id));
  if (rows.length < 2)
    throw new EngineError('DEDUPE_CLUSTER_STATUS', { cluster: cluster.id, status: 'single' });
  for (const id of [survivorId, ...Object.values(choose)])
    if (id !== undefined && !ids.has(id))
      throw new EngineError('DEDUPE_NOT_A_MEMBER', { cluster: cluster.id, record: id });

  const survivor = rows.find((r) => r.id === survivorId)!;
  const others = rows.filter((r) => r.id !== survivorId);
  const chosen = {} as Record<MergeField, number>;
  for (const field of MERGE_FIELDS) chosen[field] = choose[field] ?? survivorId;
  const before: MergeBefore = {
    survivor: snapshotOf(survivor),
    merged: Object.fromEntries(
      others.map((o) => [
        o.id,
        { merged_into: o.merged_into as number | null, cluster_id: o.cluster_id as number | null },
      ]),
    ),
    cluster: (() => {
      const c = readCluster(db, cluster.id);
      return { status: c.status, decided_at: c.decided_at, decided_by: c.decided_by };
    })(),
  };

  const updates: Record<string, unknown> = {};
  const fromOthers: MergeField[] = [];
  for (const field of MERGE_FIELDS) {
    if (chosen[field] === survivorId) continue;
    const source = rows.find((r) => r.id === chosen[field])!;
    for (const column of MERGE_COLUMNS[field]) updates[column] = source[column];
    fromOthers.push(field);
  }
  if ('name' in updates || 'organisation' in updates) {
    const name = (updates.name ?? survivor.name) as string | null;
    const organisation = (updates.organisation ?? survivor.organisation) as string | null;
    const keyOf = name ?? organisation;
    updates.name_key = keyOf ? nameKeys(keyOf)?.tokens || null : null;
  }
  const columns = Object.keys(updates);
  if (columns.length > 0)
    db.prepare(`UPDATE customers SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({
      ...updates,
      id: survivorId,
    });
  const markMerged = db.prepare('UPDATE customers SET merged_into = ? WHERE id = ?');
  for (const o of others) markMerged.run(survivorId, o.id);
  db.prepare(`UPDATE clusters SET status = 'merged', decided_at = ?, decided_by = ? WHERE id = ?`).run(
    now,
    by,
    cluster.id,
  );
  const mergeId = Number(
    db
      .prepare(
        `INSERT INTO merges (cluster_id, survivor_id, merged_ids, before, chosen, at, by_user)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        cluster.id,
        survivorId,
        JSON.stringify(others.map((o) => o.id)),
        JSON.stringify(before),
        JSON.stringify(chosen),
        now,
        by,
      ).lastInsertRowid,
  );
  reindex(db, survivorId);
  for (const o of others) reindex(db, o.id);
  return { mergeId, clusterId: cluster.id, survivorId, mergedIds: others.map((o) => o.id), fromOthers };
}

export function mergeCluster(vault: OpenVault, input: OpParsedInput<'duplicates.merge'>): MergeResult {
  const { db } = vault;
  const now = new Date().toISOString();
  const result = vault.change(
    (r) => ({
      op: 'duplicates.merge',
      params: {
        clusterId: r.clusterId,
        mergeId: r.mergeId,
        survivorId: r.survivorId,
        mergedIds: r.mergedIds,
        // Field names only: which values came from another member, never the values.
        fromOthers: r.fromOthers,
      },
      counts: { records: r.mergedIds.length + 1 },
      outcome: 'ok',
    }),
    () => {
      const [view] = clusterViews(db, [readCluster(db, input.clusterId)]);
      // Without a survivor, the suggestion; with one, its own values except where a field is chosen.
      const survivorId = input.survivorId ?? view.suggestion.survivorId;
      const chosen = { ...(input.survivorId === undefined ? view.suggestion.chosen : {}), ...input.chosen };
      return applyMerge(db, view, survivorId, chosen, now, vault.actor.userName);
    },
  );
  const { fromOthers: _fromOthers, ...merged } = result;
  return merged;
}

export function unmerge(vault: OpenVault, input: OpParsedInput<'duplicates.unmerge'>): MergeResult {
  const { db } = vault;
  const now = new Date().toISOString();
  return vault.change(
    (r) => ({
      op: 'duplicates.unmerge',
      params: {
        mergeId: r.mergeId,
        clusterId: r.clusterId,
        survivorId: r.survivorId,
        restoredIds: r.mergedIds,
      },
      counts: { records: r.mergedIds.length + 1 },
      outcome: 'ok',
    }),
    () => {
      const merge = readMerge(db, input.mergeId);
      if (merge.undone_at !== null) throw new EngineError('DEDUPE_MERGE_UNDONE', { merge: merge.id });
      const before = JSON.parse(merge.before) as MergeBefore;
      const mergedIds = JSON.parse(merge.merged_ids) as number[];
      const [survivor] = rowsById(db, [merge.survivor_id]);
      const superseded = (reason: string) =>
        new EngineError('DEDUPE_MERGE_SUPERSEDED', { merge: merge.id, reason });
      // Undo only what is still as the merge left it: a later merge built on this one would otherwise
      // lose its own choices.
      if (!survivor || survivor.merged_into !== null) throw superseded('survivor-merged');
      const later = db
        .prepare('SELECT id FROM merges WHERE survivor_id = ? AND id > ? AND undone_at IS NULL LIMIT 1')
        .get(merge.survivor_id, merge.id) as { id: number } | undefined;
      if (later) throw superseded(`merge-${later.id}`);
      for (const row of rowsById(db, mergedIds))
        if (row.merged_into !== merge.survivor_id) throw superseded(`record-${row.id}`);
      // A later run may have put the survivor into a new pending cluster; it leaves it. A cluster a
      // person has decided on is theirs: then the merge stays.
      const current = survivor.cluster_id as number | null;
      let leftPending: number | null = null;
      if (current !== null && current !== merge.cluster_id) {
        const c = readCluster(db, current);
        if (c.status !== 'pending') throw superseded(`cluster-${current}`);
        leftPending = current;
      }

      // A merge made before a column existed did not change it: only what its snapshot holds goes back.
      const columns = SNAPSHOT_COLUMNS.filter((c) =>
        Object.prototype.hasOwnProperty.call(before.survivor, c),
      );
      db.prepare(`UPDATE customers SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({
        ...before.survivor,
        id: merge.survivor_id,
      });
      const restore = db.prepare('UPDATE customers SET merged_into = ?, cluster_id = ? WHERE id = ?');
      for (const [id, links] of Object.entries(before.merged))
        restore.run(links.merged_into, links.cluster_id, Number(id));
      if (merge.cluster_id !== null)
        db.prepare('UPDATE clusters SET status = ?, decided_at = ?, decided_by = ? WHERE id = ?').run(
          before.cluster.status,
          before.cluster.decided_at,
          before.cluster.decided_by,
          merge.cluster_id,
        );
      db.prepare('UPDATE merges SET undone_at = ? WHERE id = ?').run(now, merge.id);
      if (leftPending !== null && memberRows(db, leftPending).length < 2) dropCluster(db, leftPending);
      reindex(db, merge.survivor_id);
      for (const id of mergedIds) reindex(db, id);
      return { mergeId: merge.id, clusterId: merge.cluster_id, survivorId: merge.survivor_id, mergedIds };
    },
  );
}
