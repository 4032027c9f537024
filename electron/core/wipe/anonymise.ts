// ANONYMISE: a record reduced to what analytics keeps — its classification (type, region and country,
// category, flags), when it last ordered and what it was worth — and nothing that names or reaches a
// person. Every other column is cleared, including any column a later version adds (it is not in the
// list below, so it goes), and the classification is frozen as overrides so that reclassifying the
// vault (whose rules read the cleared values) cannot change what analytics counts.
import { SENSITIVE_KINDS, type SensitiveKind } from '../../../shared/customer';
import type { RecordOverrides } from '../../../shared/classification/overrides';
import type { VaultDb } from '../vault/database';
import { WIPE_TARGETS } from '../kernel/customer-copies';

/** What an anonymised record keeps: structure, classification, and the amounts and dates analytics counts. */
const KEPT_COLUMNS = new Set([
  'id',
  'source_id',
  'created_at',
  'type',
  'type_doubtful',
  'region',
  'region_country',
  'region_conflict',
  'category',
  'sensitive',
  'minor',
  'stale',
  'formula_like',
  'completeness',
  'incomplete',
  'overrides',
  'rules_version',
  'merged_into',
  'disposition',
  'disposition_basis',
  'retain_until',
  'disposition_recipient',
  'disposition_source',
  'last_order_date',
  'lifetime_value',
  'currency',
]);

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
}

const columnsOf = (db: VaultDb): ColumnInfo[] => db.pragma('table_info(customers)') as ColumnInfo[];

/** A validation status column (`phone_status`): reset to 'missing' when its value goes. */
const isStatus = (name: string) => name.endsWith('_status');

/** The text columns whose values came from the customer: what the verification looks for. */
export function valueColumns(db: VaultDb): string[] {
  return columnsOf(db)
    .filter((c) => c.type.toUpperCase() === 'TEXT' && !KEPT_COLUMNS.has(c.name) && !isStatus(c.name))
    .map((c) => c.name);
}

/** `SET` assignments that clear every column an anonymised record does not keep. */
function clearing(db: VaultDb): string {
  return columnsOf(db)
    .filter((c) => !KEPT_COLUMNS.has(c.name))
    .map((c) => {
      if (c.dflt_value !== null) return `${c.name} = ${c.dflt_value}`;
      if (isStatus(c.name)) return `${c.name} = 'missing'`;
      if (c.name === 'cluster_id') return `${c.name} = NULL`;
      if (c.notnull) return `${c.name} = ${c.type.toUpperCase() === 'TEXT' ? "''" : '0'}`;
      return `${c.name} = NULL`;
    })
    .join(', ');
}

interface ClassRow {
  id: number;
  type: string | null;
  region: string | null;
  region_country: string | null;
  category: string | null;
  sensitive: string;
  minor: number;
  stale: number;
  incomplete: number;
  type_doubtful: number;
  region_conflict: number;
}

/** The record's classification as overrides, so the rules (which need the cleared values) leave it be. */
function frozen(row: ClassRow): RecordOverrides {
  const sensitive = row.sensitive
    .split(',')
    .filter((k): k is SensitiveKind => (SENSITIVE_KINDS as readonly string[]).includes(k));
  return {
    type: (row.type ?? 'unknown') as RecordOverrides['type'],
    region: (row.region ?? 'unknown') as RecordOverrides['region'],
    regionCountry: row.region_country && /^[A-Z]{2}$/.test(row.region_country) ? row.region_country : null,
    category: row.category && row.category.trim() ? row.category.trim().slice(0, 100) : null,
    flags: {
      stale: row.stale === 1,
      minor: row.minor === 1,
      incomplete: row.incomplete === 1,
      typeDoubtful: row.type_doubtful === 1,
      regionConflict: row.region_conflict === 1,
      sensitive,
    },
  };
}

/** Reduces the 'anonymise' targets inside the caller's transaction; returns how many rows. */
export function anonymiseTargets(db: VaultDb): number {
  const rows = db
    .prepare(
      `SELECT id, type, region, region_country, category, sensitive, minor, stale, incomplete, type_doubtful,
         region_conflict FROM customers WHERE id IN (SELECT id FROM ${WIPE_TARGETS} WHERE action = 'anonymise')`,
    )
    .all() as ClassRow[];
  const update = db.prepare(`UPDATE customers SET ${clearing(db)}, overrides = ? WHERE id = ?`);
  for (const row of rows) update.run(JSON.stringify(frozen(row)), row.id);
  return rows.length;
}
