// records.query: search and filter the whole vault, one page at a time, fast enough to type into on a
// million records. The search is the bigram FTS5 index (shared/search-grams.ts); filters are plain
// column tests. Two steps: find the page's ids (the FTS index drives when there is a search, else the
// customers_merged_into index or the table in id order), then load just those rows with their source rows.
// The count is capped by default (RECORD_COUNT_CAP, "10 000+") because an exact count of a common
// search means reading its whole posting list; the window asks for the exact figure separately.
import { categoryValuesFor } from '../../../shared/classification/category-vocabulary';
import type { OpParsedInput } from '../../../shared/contract';
import { RECORD_COUNT_CAP, type RecordFilter, type RecordSortField } from '../../../shared/records';
import { type RecordPage } from '../../../shared/contract';
import { searchMatch } from '../../../shared/search-grams';
import {
  SORTABLE_FIELDS,
  STATUS_COLUMN,
  VALIDATED_FIELDS,
  VALUE_COLUMN,
  type SortableField,
} from '../../../shared/customer/columns';
import type { VaultDb } from '../vault/database';
import { loadRecords } from './record-view';

const SORT_COLUMNS: Record<RecordSortField, string> = {
  id: 'c.id',
  ...(Object.fromEntries(SORTABLE_FIELDS.map((f) => [f, `c.${VALUE_COLUMN[f]}`])) as Record<
    SortableField,
    string
  >),
  type: 'c.type',
  region: 'c.region',
  category: 'c.category',
  disposition: 'c.disposition',
  completeness: 'c.completeness',
};

const FLAG_COLUMNS = {
  stale: 'c.stale',
  minor: 'c.minor',
  formulaLike: 'c.formula_like',
  incomplete: 'c.incomplete',
  typeDoubtful: 'c.type_doubtful',
  regionConflict: 'c.region_conflict',
  hiddenCharacters: 'c.hidden_characters',
} as const;

export interface RecordSelection {
  query?: string;
  filter?: RecordFilter;
}

/** The FROM and WHERE of a selection, for `customers c` (joined to the FTS index when searching). */
export interface SelectionSql {
  from: string;
  where: string[];
  args: unknown[];
  /**
   * The same FROM for a query that reads nothing of the rows but their ids (a count, a page's ids in id
   * order). A search with no filter but the default one (merged records left out) checks each match in
   * the customers_merged_into index — its entries are the merged_into value and the id, a few hundred to
   * a page, read in id order — instead of the table row, which costs a page read for every match.
   */
  idFrom: string;
  /** The column that orders the rows by id: the FTS rowid when searching (the index's own order). */
  idColumn: string;
  /** A search with nothing searchable in it (only punctuation): matches nothing. */
  empty: boolean;
}

/** The default condition: records merged into another are not customers any more. */
const LIVE = 'c.merged_into IS NULL';

export function selectionSql(selection: RecordSelection): SelectionSql {
  const where: string[] = [];
  const args: unknown[] = [];
  const f = selection.filter ?? {};
  const query = selection.query?.trim() ?? '';
  const match = query === '' ? null : searchMatch(query);

  if (!f.includeMerged) where.push(LIVE);
  // NULL type / region = not classified yet, which the view shows as unknown.
  if (f.type !== undefined)
    where.push(f.type === 'unknown' ? `coalesce(c.type, 'unknown') = 'unknown'` : 'c.type = ?');
  if (f.type !== undefined && f.type !== 'unknown') args.push(f.type);
  if (f.region !== undefined)
    where.push(f.region === 'unknown' ? `coalesce(c.region, 'unknown') = 'unknown'` : 'c.region = ?');
  if (f.region !== undefined && f.region !== 'unknown') args.push(f.region);
  if (f.regionCountry !== undefined) {
    where.push('c.region_country = ?');
    args.push(f.regionCountry);
  }
  if (f.category !== undefined) {
    const values = f.category === null ? [] : categoryValuesFor(f.category);
    where.push(
      f.category === null ? 'c.category IS NULL' : `c.category IN (${values.map(() => '?').join(', ')})`,
    );
    args.push(...values);
  }
  if (f.disposition !== undefined) {
    where.push(f.disposition === null ? 'c.disposition IS NULL' : 'c.disposition = ?');
    if (f.disposition !== null) args.push(f.disposition);
  }
  for (const [flag, column] of Object.entries(FLAG_COLUMNS) as [keyof typeof FLAG_COLUMNS, string][]) {
    const value = f.flags?.[flag];
    if (value !== undefined) where.push(`${column} = ${value ? 1 : 0}`);
  }
  if (f.flags?.sensitive !== undefined)
    where.push(f.flags.sensitive ? `c.sensitive <> ''` : `c.sensitive = ''`);
  if (f.flags?.malformed !== undefined) where.push(`c.malformed IS ${f.flags.malformed ? 'NOT ' : ''}NULL`);
  for (const field of VALIDATED_FIELDS) {
    const value = f.status?.[field];
    if (value === undefined) continue;
    where.push(`c.${STATUS_COLUMN[field]} = ?`);
    args.push(value);
  }
  if (f.sourceId !== undefined) {
    // Its own source row, or one of a record merged into it.
    where.push(
      '(c.source_id = ? OR EXISTS (SELECT 1 FROM customers m WHERE m.merged_into = c.id AND m.source_id = ?))',
    );
    args.push(f.sourceId, f.sourceId);
  }
  if (f.cluster !== undefined) {
    if (f.cluster === true) where.push('c.cluster_id IS NOT NULL');
    else if (f.cluster === false) where.push('c.cluster_id IS NULL');
    else {
      where.push('c.cluster_id = ?');
      args.push(f.cluster);
    }
  }

  if (match === null) {
    const from = 'customers c';
    return { from, idFrom: from, where, args, idColumn: 'c.id', empty: query !== '' };
  }
  // CROSS JOIN keeps the FTS index as the outer loop: it yields matches in rowid order, so the first
  // page of a search stops after its first few dozen hits instead of sorting every match.
  const join = (customers: string) => `customers_fts CROSS JOIN ${customers} ON c.id = customers_fts.rowid`;
  const onlyLive = where.length === 1 && where[0] === LIVE;
  return {
    from: join('customers c'),
    idFrom: onlyLive ? join('customers c INDEXED BY customers_merged_into') : join('customers c'),
    where: ['customers_fts MATCH ?', ...where],
    args: [match, ...args],
    idColumn: 'customers_fts.rowid',
    empty: false,
  };
}

const whereClause = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

/** How many records a selection has; with `cap`, stops counting at cap + 1. */
export function countSelection(db: VaultDb, sql: SelectionSql, cap: number | null): number {
  if (sql.empty) return 0;
  const inner = `SELECT 1 FROM ${sql.idFrom} ${whereClause(sql.where)}`;
  const text =
    cap === null ? `SELECT count(*) FROM (${inner})` : `SELECT count(*) FROM (${inner} LIMIT ${cap + 1})`;
  return db
    .prepare(text)
    .pluck()
    .get(...sql.args) as number;
}

export function queryRecords(db: VaultDb, input: OpParsedInput<'records.query'>): RecordPage {
  const sql = selectionSql(input);
  const order = input.sort && input.sort.field !== 'id' ? input.sort : null;
  const dir = input.sort?.dir === 'desc' ? 'DESC' : 'ASC';
  const orderBy = order ? `${SORT_COLUMNS[order.field]} ${dir}, c.id ${dir}` : `${sql.idColumn} ${dir}`;

  let ids: number[] = [];
  if (!sql.empty && input.limit > 0) {
    const from = order ? sql.from : sql.idFrom;
    ids = db
      .prepare(`SELECT c.id FROM ${from} ${whereClause(sql.where)} ORDER BY ${orderBy} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...sql.args, input.limit, input.offset) as number[];
  }

  let total: number | null = null;
  let totalExact = true;
  if (input.count !== 'none') {
    // A page shorter than asked for is the end: its offset + length is the count, without counting.
    if (ids.length > 0 && ids.length < input.limit) total = input.offset + ids.length;
    else if (input.count === 'exact') total = countSelection(db, sql, null);
    else {
      const n = countSelection(db, sql, RECORD_COUNT_CAP);
      totalExact = n <= RECORD_COUNT_CAP;
      total = Math.min(n, RECORD_COUNT_CAP);
    }
  }
  return { total, totalExact, offset: input.offset, records: loadRecords(db, ids) };
}
