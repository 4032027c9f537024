// Classification of customer records (type, region, category, sensitive / minor / stale / incomplete
// flags) under the vault's current rules. The import classifies each record as it reads it and inserts
// it with its classification (ImportClassifier), inside its own transaction, so a committed import is
// always classified; classification.run reclassifies the vault (or a filter) in batches walked along the
// rowid, as a job that commits whole or not at all. Overridden fields keep the value a person set.
import type { CustomerColumn, CustomerColumnRow, ImportedColumns } from '../../../shared/customer/columns';
import type { RecordFilter } from '../../../shared/records';
import { overridesSchema, type RecordOverrides } from '../../../shared/classification/overrides';
import { categoryIdFor } from '../../../shared/classification/category-vocabulary';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { VaultDb } from '../vault/database';
import { classifyRecord, compileRules, type Classification, type CompiledRules } from './classify-record';
import { filterCondition, type SqlCondition } from '../records/filter-sql';
import { currentRules } from './rules-store';
import { staleReference, type StaleReference } from '../../../shared/classification/stale';
import { readMeta } from '../vault/meta';
import type { CustomerTally } from '../compliance/customer-tally';

export interface ClassifyScope {
  /** Only the records of one imported source (the import's own rows). */
  sourceId?: string;
  /** Only these records. */
  ids?: readonly number[];
  /** Only the records matching this filter. */
  filter?: RecordFilter;
}

export interface ClassifyCounts {
  classified: number;
  rulesVersion: number;
}

/** The columns classification reads (typed by the column table, so a renamed column does not compile). */
const READ = [
  'id',
  'name',
  'organisation',
  'customer_type',
  'phone',
  'phone_status',
  'phone_region',
  'email',
  'email_status',
  'id_number',
  'id_number_status',
  'birth_date',
  'credit_code',
  'credit_code_status',
  'address',
  'country',
  'product',
  'last_order_date',
  'lifetime_value',
  'notes',
  'extra',
  'overrides',
] as const satisfies readonly CustomerColumn[];
type Row = Pick<CustomerColumnRow, (typeof READ)[number]>;
const COLUMNS = READ.join(', ');

const BATCH = 2000;

/** The columns classification writes, in the order of classificationValues. */
export const CLASSIFICATION_COLUMNS = [
  'type',
  'type_doubtful',
  'region',
  'region_country',
  'region_conflict',
  'region_evidence',
  'category',
  'sensitive',
  'minor',
  'stale',
  'completeness',
  'incomplete',
  'rules_version',
] as const satisfies readonly CustomerColumn[];

/** A classification as the values of CLASSIFICATION_COLUMNS. */
function classificationValues(c: Classification, rulesVersion: number): unknown[] {
  return [
    c.type,
    c.typeDoubtful ? 1 : 0,
    c.region,
    c.regionCountry,
    c.regionConflict ? 1 : 0,
    // Only when the evidence disagrees, so a person can see which field said what (kept small).
    c.regionConflict ? JSON.stringify(c.regionEvidence) : null,
    c.category,
    c.sensitive.join(','),
    c.minor ? 1 : 0,
    c.stale ? 1 : 0,
    c.completeness,
    c.incomplete ? 1 : 0,
    rulesVersion,
  ];
}

/**
 * Classifies records before they are inserted (the import's): the current rules compiled once, the
 * columns as they will be stored, no overrides (a new record has none). Gives what classifyCustomers
 * would write for the same row afterwards.
 */
export class ImportClassifier {
  private readonly compiled: CompiledRules;
  private readonly rulesVersion: number;
  private readonly today: string;
  private readonly stale: StaleReference;

  /** `tally`: counts each record classified, for the closure's figures after the import. */
  constructor(
    db: VaultDb,
    now: Date,
    private readonly tally: CustomerTally | null = null,
  ) {
    const rules = currentRules(db, now);
    this.rulesVersion = rules.version;
    this.compiled = compileRules(rules.body);
    this.today = localDay(now);
    this.stale = staleReferenceOf(db, now, rules.body.staleYears);
  }

  values(columns: ImportedColumns): unknown[] {
    const c = classifyRecord(recordFacts(columns), this.compiled, this.today, this.stale.before);
    this.tally?.add(columns, c, this.rulesVersion);
    return classificationValues(c, this.rulesVersion);
  }
}

/** One run's statements and compiled rules: build once, then feed it batches. */
export class Classifier {
  private readonly compiled: CompiledRules;
  readonly rulesVersion: number;
  private readonly update: Statement;
  private readonly select: Statement;
  private readonly condition: SqlCondition;
  private readonly today: string;
  /** What the stale flag was measured from in this run. */
  readonly stale: StaleReference;
  private lastId = 0;
  private remainingIds: number[] | null;
  done = 0;

  constructor(
    private readonly db: VaultDb,
    scope: ClassifyScope,
    now: Date,
  ) {
    const rules = currentRules(db, now);
    this.rulesVersion = rules.version;
    this.compiled = compileRules(rules.body);
    this.today = localDay(now);
    this.stale = staleReferenceOf(db, now, rules.body.staleYears);
    this.condition = scope.filter
      ? filterCondition(scope.filter)
      : { sql: scope.sourceId ? 'source_id = ?' : '1', params: scope.sourceId ? [scope.sourceId] : [] };
    if (scope.filter && scope.sourceId) {
      this.condition = {
        sql: `${this.condition.sql} AND source_id = ?`,
        params: [...this.condition.params, scope.sourceId],
      };
    }
    this.remainingIds = scope.ids ? [...new Set(scope.ids)].sort((a, b) => a - b) : null;
    this.select = this.remainingIds
      ? db.prepare(
          `SELECT ${COLUMNS} FROM customers WHERE id IN (SELECT value FROM json_each(?)) AND ${this.condition.sql} ORDER BY id`,
        )
      : // Along the rowid, whatever the condition: were SQLite to pick an index for it (source_id = ?, a
        // filter's column), every batch would read all of its matches again to sort those past the cursor.
        db.prepare(
          `SELECT ${COLUMNS} FROM customers NOT INDEXED WHERE id > ? AND ${this.condition.sql} ORDER BY id LIMIT ${BATCH}`,
        );
    this.update = db.prepare(
      `UPDATE customers SET ${CLASSIFICATION_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    );
  }

  /** How many records the run will touch (for progress). */
  total(): number {
    if (this.remainingIds) return this.remainingIds.length;
    const row = this.db
      .prepare(`SELECT COUNT(*) AS n FROM customers WHERE ${this.condition.sql}`)
      .get(...this.condition.params) as { n: number };
    return row.n;
  }

  /** Classifies the next batch; false when there is nothing left. */
  next(): boolean {
    let rows: Row[];
    if (this.remainingIds) {
      if (this.remainingIds.length === 0) return false;
      const chunk = this.remainingIds.splice(0, BATCH);
      rows = this.select.all(JSON.stringify(chunk), ...this.condition.params) as Row[];
      if (rows.length === 0) return this.remainingIds.length > 0 || false;
    } else {
      rows = this.select.all(this.lastId, ...this.condition.params) as Row[];
      if (rows.length === 0) return false;
      this.lastId = rows[rows.length - 1].id;
    }
    for (const row of rows) {
      const c = withOverrides(
        classifyRecord(recordFacts(row), this.compiled, this.today, this.stale.before),
        parseOverrides(row.overrides),
      );
      this.update.run(...classificationValues(c, this.rulesVersion), row.id);
    }
    this.done += rows.length;
    return true;
  }
}

/**
 * Classifies the scope's records under the current rules (storing the default rules as version 1 on
 * first use). Runs inside the caller's transaction when there is one (the import's), else in its own.
 */
export function classifyCustomers(db: VaultDb, scope: ClassifyScope = {}, now = new Date()): ClassifyCounts {
  const run = () => {
    const classifier = new Classifier(db, scope, now);
    while (classifier.next());
    return { classified: classifier.done, rulesVersion: classifier.rulesVersion };
  };
  return db.inTransaction ? run() : db.transaction(run)();
}

/** What classification reads of a record (stored or about to be). */
export function recordFacts(row: Omit<Row, 'id' | 'overrides'>) {
  let extra: Record<string, string> = {};
  if (row.extra && row.extra !== '{}') {
    try {
      const parsed = JSON.parse(row.extra) as unknown;
      if (parsed && typeof parsed === 'object') extra = parsed as Record<string, string>;
    } catch {
      // An unreadable extra column classifies as if empty; the record keeps its raw row regardless.
    }
  }
  return {
    name: row.name,
    organisation: row.organisation,
    customerType: row.customer_type,
    phone: row.phone,
    phoneStatus: row.phone_status,
    phoneRegion: row.phone_region,
    email: row.email,
    emailStatus: row.email_status,
    idNumber: row.id_number,
    idNumberStatus: row.id_number_status,
    birthDate: row.birth_date,
    creditCode: row.credit_code,
    creditCodeStatus: row.credit_code_status,
    address: row.address,
    country: row.country,
    product: row.product,
    lastOrderDate: row.last_order_date,
    lifetimeValue: row.lifetime_value,
    notes: row.notes,
    extra: Object.fromEntries(Object.entries(extra).filter(([, v]) => typeof v === 'string')),
  };
}

export function parseOverrides(text: string): RecordOverrides {
  if (!text || text === '{}') return {};
  try {
    const parsed = overridesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** What a person set wins over what the rules computed. */
export function withOverrides(c: Classification, o: RecordOverrides): Classification {
  if (Object.keys(o).length === 0) return c;
  const out = { ...c };
  if (o.type !== undefined) out.type = o.type;
  if (o.region !== undefined) {
    out.region = o.region;
    // A region set by hand without a country keeps the computed country only if it agrees.
    if (o.regionCountry === undefined && o.region !== c.region) out.regionCountry = null;
  }
  if (o.regionCountry !== undefined) out.regionCountry = o.regionCountry;
  // Overrides stored before categories were ids name a taxonomy category by its name: read as its id.
  if (o.category !== undefined) out.category = o.category === null ? null : categoryIdFor(o.category);
  const f = o.flags ?? {};
  if (f.stale !== undefined) out.stale = f.stale;
  if (f.minor !== undefined) out.minor = f.minor;
  if (f.incomplete !== undefined) out.incomplete = f.incomplete;
  if (f.typeDoubtful !== undefined) out.typeDoubtful = f.typeDoubtful;
  if (f.regionConflict !== undefined) out.regionConflict = f.regionConflict;
  if (f.sensitive !== undefined) out.sensitive = f.sensitive;
  return out;
}

/** The day the stale rule measures from in this vault: its closure decision date, else today. */
export function staleReferenceOf(db: VaultDb, now: Date, years: number): StaleReference {
  return staleReference(readMeta(db).keyDates.decisionDate, localDay(now), years);
}

/** The calendar day as the person sees it (local time), as resident-id.ts reads "today". */
export function localDay(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
