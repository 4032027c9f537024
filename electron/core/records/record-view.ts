// From a `customers` row to the CustomerRecord everyone shows (the Records page, `closeout records`,
// the exports, the duplicates review): the one mapper, plus batch loading of records with their source
// rows (their own and those of records merged into them) in the order the caller asks for.
import type {
  CustomerRecord,
  CustomerType,
  Disposition,
  Region,
  SensitiveKind,
  SourceRowRef,
} from '../../../shared/customer';
import { CUSTOMER_TYPES, REGIONS, SENSITIVE_KINDS } from '../../../shared/customer';
import { RECORD_COLUMNS, recordFields, type CustomerRow } from '../../../shared/customer/columns';
import { decodePhones } from '../../../shared/customer/phones';
import type { VaultDb } from '../vault/database';

export type { CustomerRow };

/** The select list for CustomerRow, for a `customers` table aliased `c`. */
export const CUSTOMER_ROW_COLUMNS = RECORD_COLUMNS.map((c) => `c.${c}`).join(', ');

const TYPES = new Set<string>(CUSTOMER_TYPES);
const REGION_SET = new Set<string>(REGIONS);
const KINDS = new Set<string>(SENSITIVE_KINDS);

/** JSON text that should hold an object; anything else (older or hand-edited rows) reads as empty. */
function jsonObject(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** Extra fields as text: the import keeps unmapped cells under their header, always as strings. */
export function parseExtra(text: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(jsonObject(text)))
    out[key] = typeof value === 'string' ? value : value === null ? '' : JSON.stringify(value);
  return out;
}

/**
 * The sensitive column: the kinds found, comma-separated ('' = none). A JSON array is read too, so the
 * view does not depend on which of the two the classifier settles on.
 */
export function parseSensitive(text: string): SensitiveKind[] {
  if (!text) return [];
  let parts: unknown[];
  if (text.startsWith('[')) {
    try {
      parts = JSON.parse(text) as unknown[];
    } catch {
      parts = [];
    }
  } else parts = text.split(',');
  const kinds = parts.map((p) => String(p).trim()).filter((p) => p !== '');
  return [...new Set(kinds.map((k) => (KINDS.has(k) ? (k as SensitiveKind) : 'other')))];
}

/** The classification fields set by hand: the keys of the overrides object (or the array itself). */
export function parseOverrides(text: string): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) return value.map(String);
    if (value && typeof value === 'object') return Object.keys(value);
  } catch {
    /* unreadable overrides are shown as none; reclassification owns the column */
  }
  return [];
}

/** One row → the shared view. `sources`: the record's own source row first, then merged ones. */
export function toCustomerRecord(row: CustomerRow, sources: SourceRowRef[]): CustomerRecord {
  return {
    id: row.id,
    sources,
    ...recordFields(row),
    phones: decodePhones(row.phone, row.phone_status, row.phones),
    extra: parseExtra(row.extra),
    // Not yet classified (NULL) reads as unknown: the view never invents a classification.
    type: row.type && TYPES.has(row.type) ? (row.type as CustomerType) : 'unknown',
    region: row.region && REGION_SET.has(row.region) ? (row.region as Region) : 'unknown',
    regionCountry: row.region_country,
    category: row.category,
    flags: {
      stale: row.stale === 1,
      minor: row.minor === 1,
      sensitive: parseSensitive(row.sensitive),
      formulaLike: row.formula_like === 1,
      incomplete: row.incomplete === 1,
      typeDoubtful: row.type_doubtful === 1,
      regionConflict: row.region_conflict === 1,
      hiddenCharacters: row.hidden_characters === 1,
      malformed: row.malformed,
    },
    completeness: row.completeness,
    cluster: row.cluster_id,
    mergedInto: row.merged_into,
    disposition: row.disposition as Disposition | null,
    dispositionBasis: row.disposition_basis,
    retainUntil: row.retain_until,
    dispositionRecipient: row.disposition_recipient,
    overrides: parseOverrides(row.overrides),
  };
}

/** A source row as found by sourceRowsOf: which record it belongs to, and which customer row it is. */
export interface SourceRowHit extends SourceRowRef {
  root: number;
  customerId: number;
}

/**
 * The source rows of each record: its own, then those of every record merged into it (following
 * merges of merges), in customer-id order. Uses the customers_merged_into index, so a page of records
 * costs a few index probes.
 */
export function sourceRowsOf(db: VaultDb, ids: readonly number[]): Map<number, SourceRowHit[]> {
  const out = new Map<number, SourceRowHit[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `WITH RECURSIVE tree (root, id, depth) AS (
         SELECT value, value, 0 FROM json_each(?)
         UNION ALL
         SELECT tree.root, m.id, tree.depth + 1 FROM customers m JOIN tree ON m.merged_into = tree.id
          WHERE tree.depth < 32
       )
       SELECT tree.root AS root, tree.depth AS depth, c.id AS customerId, c.source_id AS sourceId,
              s.name AS file, c.source_sheet AS sheet, c.source_line AS row
         FROM tree JOIN customers c ON c.id = tree.id JOIN sources s ON s.id = c.source_id
        ORDER BY tree.root, tree.depth > 0, c.id`,
    )
    .all(JSON.stringify(ids)) as Array<SourceRowHit & { depth: number }>;
  for (const { depth: _depth, ...hit } of rows) out.get(hit.root)?.push(hit);
  return out;
}

const sourceRef = ({ sourceId, file, sheet, row }: SourceRowHit): SourceRowRef => ({
  sourceId,
  file,
  sheet,
  row,
});

/** Rows already read (e.g. by an export's chunk) → records, with their source rows loaded in one go. */
export function recordsFromRows(db: VaultDb, rows: readonly CustomerRow[]): CustomerRecord[] {
  const sources = sourceRowsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toCustomerRecord(row, (sources.get(row.id) ?? []).map(sourceRef)));
}

/** The records with these ids, in the order given; ids that do not exist are left out. */
export function loadRecords(db: VaultDb, ids: readonly number[]): CustomerRecord[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${CUSTOMER_ROW_COLUMNS} FROM customers c WHERE c.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as CustomerRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.map((id) => byId.get(id)).filter((r): r is CustomerRow => r !== undefined);
  return recordsFromRows(db, ordered);
}

export function loadRecord(db: VaultDb, id: number): CustomerRecord | null {
  return loadRecords(db, [id])[0] ?? null;
}
