// duplicates.clusters, duplicates.decide and duplicates.split: a person's review of the clusters detection found.
// A decision is kept across later detection runs; a record taken out of a cluster is never linked to
// the records it was taken from again (the pairs are kept in cluster_apart).
import type { ClusterPage, ClusterView, OpParsedInput, SplitResult } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import type { OpenVault } from '../vault/open-vault';
import { detectDuplicates } from './detect';
import {
  clusterViews,
  dropCluster,
  listClusters,
  loadApart,
  memberRows,
  readCluster,
  type MemberRow,
} from './store';
import type { DedupeRecord } from './keys';
import { KEYED_FIELDS, VALUE_COLUMN } from '../../../shared/customer/columns';

export function clusters(vault: OpenVault, input: OpParsedInput<'duplicates.clusters'>): ClusterPage {
  return listClusters(vault.reader(), input);
}

export function decide(vault: OpenVault, input: OpParsedInput<'duplicates.decide'>): ClusterView {
  const { db } = vault;
  const status = input.decision === 'accept' ? 'accepted' : 'rejected';
  vault.change(
    () => ({
      op: 'duplicates.decide',
      params: { clusterId: input.clusterId, decision: input.decision },
      outcome: 'ok',
    }),
    () => {
      const cluster = readCluster(db, input.clusterId);
      if (cluster.status === 'merged')
        throw new EngineError('DEDUPE_CLUSTER_STATUS', { cluster: cluster.id, status: cluster.status });
      db.prepare('UPDATE clusters SET status = ?, decided_at = ?, decided_by = ? WHERE id = ?').run(
        status,
        new Date().toISOString(),
        vault.actor.userName,
        cluster.id,
      );
    },
  );
  return clusterViews(db, [readCluster(db, input.clusterId)])[0];
}

function asRecord(r: MemberRow): DedupeRecord {
  const record: DedupeRecord = {
    id: r.id,
    name: r.name,
    organisation: r.organisation,
    phone: r.phone,
    email: r.email,
    idNumber: r.id_number,
    idNumberStatus: r.id_number_status,
    creditCode: r.credit_code,
    creditCodeStatus: r.credit_code_status,
    address: r.address,
    nameKey: r.name_key,
  };
  for (const field of KEYED_FIELDS) record[field] = r[VALUE_COLUMN[field]];
  return record;
}

/**
 * Takes one record out of a cluster. The records left are scored again among themselves: the one taken
 * out may have been what held them together (A–B–C without B), in which case they become separate
 * clusters, or none.
 */
export async function split(
  vault: OpenVault,
  input: OpParsedInput<'duplicates.split'>,
): Promise<SplitResult> {
  const { db } = vault;
  const cluster = readCluster(db, input.clusterId);
  if (cluster.status === 'merged')
    throw new EngineError('DEDUPE_CLUSTER_STATUS', { cluster: cluster.id, status: cluster.status });
  const members = memberRows(db, cluster.id);
  if (!members.some((m) => m.id === input.recordId))
    throw new EngineError('DEDUPE_NOT_A_MEMBER', { cluster: cluster.id, record: input.recordId });
  const rest = members.filter((m) => m.id !== input.recordId);
  const apart = loadApart(db);
  const taken = (a: number, b: number) => apart(a, b) || a === input.recordId || b === input.recordId;
  // Detection reads only: done before the transaction, which then writes its outcome whole.
  const regrouped = await detectDuplicates(rest.map(asRecord), { apart: taken });

  const created: number[] = [];
  const kept = vault.change(
    () => ({
      op: 'duplicates.split',
      params: { clusterId: cluster.id, recordId: input.recordId, created },
      counts: { left: rest.length },
      outcome: 'ok',
    }),
    () => {
      const now = new Date().toISOString();
      const apartInsert = db.prepare('INSERT OR IGNORE INTO cluster_apart (a, b, at) VALUES (?, ?, ?)');
      for (const m of rest)
        apartInsert.run(Math.min(m.id, input.recordId), Math.max(m.id, input.recordId), now);
      const clear = db.prepare('UPDATE customers SET cluster_id = NULL WHERE id = ?');
      for (const m of members) clear.run(m.id);
      const [first, ...others] = regrouped.clusters;
      if (!first) {
        dropCluster(db, cluster.id);
        return false;
      }
      const assign = db.prepare('UPDATE customers SET cluster_id = ? WHERE id = ?');
      db.prepare('UPDATE clusters SET score = ?, explanation = ? WHERE id = ?').run(
        first.score,
        JSON.stringify(first.explanation),
        cluster.id,
      );
      for (const id of first.members) assign.run(cluster.id, id);
      const insert = db.prepare(`INSERT INTO clusters (score, explanation, status) VALUES (?, ?, 'pending')`);
      for (const c of others) {
        const id = Number(insert.run(c.score, JSON.stringify(c.explanation)).lastInsertRowid);
        for (const member of c.members) assign.run(id, member);
        created.push(id);
      }
      return true;
    },
  );
  return { cluster: kept ? clusterViews(db, [readCluster(db, cluster.id)])[0] : null, created };
}
