// duplicates.run: recomputes the candidate clusters over every active record. Clusters a person decided
// (accepted, rejected, merged) stay as they are and their accepted or rejected members are not
// proposed again; pending clusters are replaced by what this run finds. With mergeAbove, every pending
// cluster scoring at least that much is merged with the suggested choices. Detection only reads; the
// clusters, the merges and the audit entry are then written in one transaction, so a cancel or a
// failure leaves the vault as it was.
import type { DuplicatesRunResult, OpParsedInput } from '../../../shared/contract';
import type { JobContext } from '../kernel/job';
import type { OpenVault } from '../vault/open-vault';
import { applyMerge } from './merge';
import { CANDIDATE_THRESHOLD } from './score';
import type { ClusterExplanation } from '../../../shared/duplicates';
import type { ClusterReport } from '../../../shared/contract';
import type { VaultDb } from '../vault/database';
import { clusterViews, dropCluster, loadApart, type ClusterRow } from './store';
import { detectInVault } from './vault-source';

export async function runDuplicates(
  vault: OpenVault,
  input: OpParsedInput<'duplicates.run'>,
  job: JobContext,
): Promise<DuplicatesRunResult> {
  const { db } = vault;
  job.progress(0, null, 'loading');
  await job.checkpoint();
  const apart = loadApart(db);
  const detection = await detectInVault(db, {
    apart,
    checkpoint: async (done, total, phase) => {
      job.progress(done, total, phase);
      await job.checkpoint();
    },
  });
  job.progress(0, detection.clusters.length, 'writing');
  await job.checkpoint();
  // Past the last checkpoint: from here the run commits whole.

  const now = new Date().toISOString();
  const mergeAbove = input.mergeAbove ?? null;
  return vault.change(
    (result) => ({
      op: 'duplicates.run',
      // The automatic merges are each in the merges table; the entry counts them.
      params: { threshold: CANDIDATE_THRESHOLD, mergeAbove },
      counts: {
        records: result.records,
        pairs: result.pairs,
        links: result.links,
        clusters: result.found,
        clusteredRecords: result.clusteredRecords,
        kept: result.kept,
        autoMergedClusters: result.autoMerged?.clusters ?? 0,
        autoMergedRecords: result.autoMerged?.records ?? 0,
      },
      outcome: 'ok',
    }),
    () => {
      for (const { id } of db.prepare(`SELECT id FROM clusters WHERE status = 'pending'`).all() as Array<{
        id: number;
      }>)
        dropCluster(db, id);
      const kept = (db.prepare('SELECT count(*) AS n FROM clusters').get() as { n: number }).n;

      const insertCluster = db.prepare(
        `INSERT INTO clusters (score, explanation, status) VALUES (?, ?, 'pending')`,
      );
      const assign = db.prepare('UPDATE customers SET cluster_id = ? WHERE id = ?');
      const created: Array<{ id: number; score: number }> = [];
      let clusteredRecords = 0;
      for (const cluster of detection.clusters) {
        const id = Number(
          insertCluster.run(cluster.score, JSON.stringify(cluster.explanation)).lastInsertRowid,
        );
        for (const member of cluster.members) assign.run(id, member);
        clusteredRecords += cluster.members.length;
        created.push({ id, score: cluster.score });
      }

      let autoMerged: DuplicatesRunResult['autoMerged'] = null;
      if (mergeAbove !== null) {
        autoMerged = { clusters: 0, records: 0, mergeIds: [] };
        for (const { id, score } of created) {
          if (score < mergeAbove) continue;
          const [view] = clusterViews(db, [
            db.prepare('SELECT * FROM clusters WHERE id = ?').get(id) as ClusterRow,
          ]);
          const merged = applyMerge(
            db,
            view,
            view.suggestion.survivorId,
            view.suggestion.chosen,
            now,
            vault.actor.userName,
          );
          autoMerged.clusters++;
          autoMerged.records += merged.mergedIds.length;
          autoMerged.mergeIds.push(merged.mergeId);
        }
      }

      const clusters = input.report ? clusterReport(db) : null;

      return {
        records: detection.records,
        pairs: detection.pairs,
        links: detection.links,
        found: created.length,
        clusteredRecords,
        kept,
        autoMerged,
        threshold: CANDIDATE_THRESHOLD,
        clusters,
      };
    },
  );
}

/**
 * Every cluster with each member's own source row (file, sheet, row), for scripts: no customer values.
 * A merged cluster lists the records merged away too, so every source row of the cluster is named.
 */
function clusterReport(db: VaultDb): ClusterReport[] {
  const members = new Map<number, ClusterReport['members']>();
  const rows = db
    .prepare(
      `SELECT c.cluster_id AS clusterId, c.id, c.source_id AS sourceId, s.name AS file,
              c.source_sheet AS sheet, c.source_line AS row
         FROM customers c JOIN sources s ON s.id = c.source_id
        WHERE c.cluster_id IS NOT NULL ORDER BY c.id`,
    )
    .all() as Array<{
    clusterId: number;
    id: number;
    sourceId: string;
    file: string;
    sheet: string | null;
    row: number;
  }>;
  for (const { clusterId, id, ...source } of rows) {
    let list = members.get(clusterId);
    if (!list) members.set(clusterId, (list = []));
    list.push({ id, sources: [source] });
  }
  return (
    db.prepare('SELECT id, score, status, explanation FROM clusters ORDER BY score DESC, id').all() as Array<
      Pick<ClusterRow, 'id' | 'score' | 'status' | 'explanation'>
    >
  ).map((c) => ({
    id: c.id,
    score: c.score,
    status: c.status,
    matched: (JSON.parse(c.explanation) as ClusterExplanation).matched,
    members: members.get(c.id) ?? [],
  }));
}
