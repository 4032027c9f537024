// The duplicate tables as the engine reads and writes them: the clusters and their members for review,
// the pairs a person took apart, and the search index rows a merge has to rewrite (the records detection
// compares are read by vault-source.ts).
import { CUSTOMER_FIELDS, type CustomerRecord } from '../../../shared/customer';
import {
  CARRIED_VALUES,
  SEARCH_COLUMNS,
  SNAPSHOT_COLUMNS,
  searchValues,
  type CustomerColumnRow,
  type SearchColumn,
  type Snapshot,
} from '../../../shared/customer/columns';
import {
  CLUSTER_STATUSES,
  type ClusterExplanation,
  type ClusterStatus,
  type MergeField,
} from '../../../shared/duplicates';
import {
  type ClusterMember,
  type ClusterPage,
  type ClusterView,
  type MergeInfo,
} from '../../../shared/contract';
import { searchDocument } from '../../../shared/search-grams';
import { EngineError } from '../kernel/engine-error';
import type { VaultDb } from '../vault/database';
import { loadRecords } from '../records/record-view';
import { suggestMerge } from './merge-plan';

export interface ClusterRow {
  id: number;
  score: number;
  explanation: string;
  status: ClusterStatus;
  decided_at: string | null;
  decided_by: string | null;
}

export type { Snapshot };

export interface MemberRow extends Snapshot {
  id: number;
}

const MEMBER_SELECT = `SELECT id, ${SNAPSHOT_COLUMNS.join(', ')} FROM customers`;

/** The pairs taken apart, as a lookup (a < b). */
export function loadApart(db: VaultDb): (a: number, b: number) => boolean {
  const pairs = new Set<string>();
  for (const row of db.prepare('SELECT a, b FROM cluster_apart').iterate() as IterableIterator<{
    a: number;
    b: number;
  }>)
    pairs.add(`${row.a}:${row.b}`);
  return (a, b) => pairs.size > 0 && pairs.has(a < b ? `${a}:${b}` : `${b}:${a}`);
}

export function readCluster(db: VaultDb, id: number): ClusterRow {
  const row = db.prepare('SELECT * FROM clusters WHERE id = ?').get(id) as ClusterRow | undefined;
  if (!row) throw new EngineError('DEDUPE_CLUSTER_NOT_FOUND', { cluster: id });
  return row;
}

/**
 * A cluster's members: the active records in it, and for a merged cluster also the records merged
 * into its survivor by that merge. In id order.
 */
export function memberRows(db: VaultDb, clusterId: number): MemberRow[] {
  return db.prepare(`${MEMBER_SELECT} WHERE cluster_id = ? ORDER BY id`).all(clusterId) as MemberRow[];
}

function memberIds(db: VaultDb, clusterId: number): number[] {
  return db
    .prepare('SELECT id FROM customers WHERE cluster_id = ? ORDER BY id')
    .pluck()
    .all(clusterId) as number[];
}

export function rowsById(db: VaultDb, ids: readonly number[]): MemberRow[] {
  return db
    .prepare(`${MEMBER_SELECT} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .all(JSON.stringify(ids)) as MemberRow[];
}

/** A record as the review shows it: its fields side by side, their statuses and where it came from. */
function toMember(record: CustomerRecord): ClusterMember {
  const { status, sources, mergedInto } = record;
  const values = Object.fromEntries(
    [...CUSTOMER_FIELDS, ...CARRIED_VALUES].map((key) => [key, record[key]]),
  ) as ClusterMember['values'];
  return { id: record.id, values, status, sources, mergedInto };
}

interface MergeRow {
  id: number;
  cluster_id: number | null;
  survivor_id: number;
  merged_ids: string;
  before: string;
  chosen: string;
  at: string;
  by_user: string | null;
  undone_at: string | null;
}

export function readMerge(db: VaultDb, id: number): MergeRow {
  const row = db.prepare('SELECT * FROM merges WHERE id = ?').get(id) as MergeRow | undefined;
  if (!row) throw new EngineError('DEDUPE_MERGE_NOT_FOUND', { merge: id });
  return row;
}

/** The merge in force for a merged cluster (the newest one not undone). */
function activeMerge(db: VaultDb, clusterId: number): MergeRow | undefined {
  return db
    .prepare('SELECT * FROM merges WHERE cluster_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1')
    .get(clusterId) as MergeRow | undefined;
}

const mergeInfo = (m: MergeRow): MergeInfo => ({
  id: m.id,
  survivorId: m.survivor_id,
  mergedIds: JSON.parse(m.merged_ids) as number[],
  at: m.at,
  by: m.by_user,
  chosen: JSON.parse(m.chosen) as Partial<Record<MergeField, number>>,
});

/** Full views of the clusters given, with members, their source rows and the suggested merge. */
export function clusterViews(db: VaultDb, rows: readonly ClusterRow[]): ClusterView[] {
  return rows.map((row) => {
    const merge = row.status === 'merged' ? activeMerge(db, row.id) : undefined;
    const info = merge ? mergeInfo(merge) : null;
    const ids = info ? [info.survivorId, ...info.mergedIds].sort((a, b) => a - b) : memberIds(db, row.id);
    const views = loadRecords(db, ids).map(toMember);
    return {
      id: row.id,
      score: row.score,
      status: row.status,
      decidedAt: row.decided_at,
      decidedBy: row.decided_by,
      explanation: JSON.parse(row.explanation) as ClusterExplanation,
      members: views,
      suggestion:
        views.length > 0
          ? suggestMerge(views)
          : { survivorId: 0, chosen: {} as ClusterView['suggestion']['chosen'] },
      merge: info,
    };
  });
}

export interface ClusterQuery {
  status?: ClusterStatus;
  minScore?: number;
  maxScore?: number;
  clusterId?: number;
  offset: number;
  limit: number;
}

export function listClusters(db: VaultDb, q: ClusterQuery): ClusterPage {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    where.push(clause);
    params.push(value);
  };
  if (q.status) add('status = ?', q.status);
  if (q.minScore !== undefined) add('score >= ?', q.minScore);
  if (q.maxScore !== undefined) add('score <= ?', q.maxScore);
  if (q.clusterId !== undefined) add('id = ?', q.clusterId);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM clusters ${clause}`).get(...params) as { n: number })
    .n;
  // Strongest first: what a person reviews first, and what an automatic merge would take.
  const rows = db
    .prepare(`SELECT * FROM clusters ${clause} ORDER BY score DESC, id LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset) as ClusterRow[];
  const byStatus = Object.fromEntries(CLUSTER_STATUSES.map((s) => [s, 0])) as Record<ClusterStatus, number>;
  for (const r of db.prepare('SELECT status, count(*) AS n FROM clusters GROUP BY status').all() as Array<{
    status: ClusterStatus;
    n: number;
  }>)
    byStatus[r.status] = r.n;
  return { total, offset: q.offset, clusters: clusterViews(db, rows), byStatus };
}

/**
 * Rewrites a record's row in the search index from its current values, the way the import writes it
 * (the searched fields of shared/customer/fields.ts). A record merged away has no row: the default
 * views and search do not show it.
 */
export function reindex(db: VaultDb, id: number): void {
  db.prepare('DELETE FROM customers_fts WHERE rowid = ?').run(id);
  const c = db
    .prepare(`SELECT ${SEARCH_COLUMNS.join(', ')}, merged_into FROM customers WHERE id = ?`)
    .get(id) as (Pick<CustomerColumnRow, SearchColumn> & { merged_into: number | null }) | undefined;
  if (!c || c.merged_into !== null) return;
  const document = searchDocument(searchValues(c));
  if (document !== '') db.prepare('INSERT INTO customers_fts (rowid, grams) VALUES (?, ?)').run(id, document);
}

/**
 * Removes a cluster that no longer groups anything. Merges that were undone may still name it; they
 * forget it (their records are back as they were, the cluster id told only where they had been).
 */
export function dropCluster(db: VaultDb, id: number): void {
  db.prepare('UPDATE customers SET cluster_id = NULL WHERE cluster_id = ?').run(id);
  db.prepare('UPDATE merges SET cluster_id = NULL WHERE cluster_id = ? AND undone_at IS NOT NULL').run(id);
  db.prepare('DELETE FROM clusters WHERE id = ?').run(id);
}
