// records.get: one record with its provenance (every source row it came from, as read) and its history
// from the audit chain.
//
// Convention for audit entries about customer records (every area that changes records follows it):
// - an import names its sources in params.sources[].sourceId (or one in params.sourceId), and its rows
//   are those sources' rows;
// - an operation on particular records (override, disposition, merge, split, purge) lists their ids in
//   params.ids (numbers) when it touches at most 1000 records (a merge lists survivor and merged ids);
//   a bulk operation over more records names its scope instead (a rule, a filter, a source) and is then
//   not part of each record's own history.
import type { RecordDetail, RecordHistoryEntry, RecordSourceRow } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import type { VaultDb } from '../vault/database';
import { loadRecord, sourceRowsOf } from './record-view';

interface SourceDetailRow {
  format: string;
  importedAt: string;
  raw: string;
}

function rawFields(raw: string): Record<string, string> | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (!value || typeof value !== 'object') return null;
    if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i + 1), cellText(v)]));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cellText(v)]));
  } catch {
    return null;
  }
}

const cellText = (v: unknown): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);

function recordHistory(db: VaultDb, customerIds: readonly number[], sourceIds: readonly string[]) {
  // The audit chain is small next to the customers (one entry per operation, not per record), so a
  // scan with JSON tests is cheap and needs no index that would have to follow the chain's format.
  const rows = db
    .prepare(
      `SELECT seq, at, user_name AS userName, op, params, counts, outcome FROM audit
        WHERE json_valid(params) AND (
          json_extract(params, '$.sourceId') IN (SELECT value FROM json_each(@sources))
          OR (json_type(params, '$.sources') = 'array'
              AND EXISTS (SELECT 1 FROM json_each(params, '$.sources') AS s
                           WHERE CASE WHEN s.type = 'object' THEN json_extract(s.value, '$.sourceId') END IN (SELECT value FROM json_each(@sources))))
          OR (json_type(params, '$.ids') = 'array'
              AND EXISTS (SELECT 1 FROM json_each(params, '$.ids') AS e
                           WHERE e.value IN (SELECT value FROM json_each(@ids))))
          OR json_extract(params, '$.id') IN (SELECT value FROM json_each(@ids)))
        ORDER BY seq`,
    )
    .all({ ids: JSON.stringify(customerIds), sources: JSON.stringify(sourceIds) }) as Array<
    Omit<RecordHistoryEntry, 'params' | 'counts'> & { params: string; counts: string }
  >;
  return rows.map((r): RecordHistoryEntry => ({
    ...r,
    params: JSON.parse(r.params) as Record<string, unknown>,
    counts: JSON.parse(r.counts) as Record<string, number>,
  }));
}

export function getRecord(db: VaultDb, id: number): RecordDetail {
  const record = loadRecord(db, id);
  if (!record) throw new EngineError('RECORD_NOT_FOUND', { id });
  const hits = sourceRowsOf(db, [id]).get(id) ?? [];
  const detail = db.prepare(
    `SELECT s.format AS format, s.imported_at AS importedAt, c.raw AS raw
       FROM customers c JOIN sources s ON s.id = c.source_id WHERE c.id = ?`,
  );
  const sources = hits.map((hit): RecordSourceRow => {
    const row = detail.get(hit.customerId) as SourceDetailRow;
    return {
      sourceId: hit.sourceId,
      file: hit.file,
      sheet: hit.sheet,
      row: hit.row,
      customerId: hit.customerId,
      format: row.format,
      importedAt: row.importedAt,
      raw: row.raw,
      rawFields: rawFields(row.raw),
    };
  });
  const history = recordHistory(
    db,
    [...new Set([id, ...hits.map((h) => h.customerId)])],
    [...new Set(hits.map((h) => h.sourceId))],
  );
  return { record, sources, history };
}
