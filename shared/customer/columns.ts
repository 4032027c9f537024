// The `customers` table as Closeout declares it: the field columns (fields.ts) and the others
// (provenance, classification, duplicates, disposition), each once, with everything derived from them —
// the row types, the lists the import, the views, the merges and the search write or read, and the one
// mapper from a row's field columns to a record's fields. A column added to a field appears in every
// list; a list written by hand elsewhere is typed against these, so the compiler finds what is missing.
// Pure. A test compares this declaration with PRAGMA table_info of a freshly migrated vault.
import { FIELD_SPECS, type FieldSpec, type FieldStatus, type Header, type SqlType } from './fields';

type Specs = typeof FIELD_SPECS;
export type CustomerField = keyof Specs;
/** Closeout's customer fields, in order: what a source column maps to, what a merge chooses. */
export const CUSTOMER_FIELDS = Object.keys(FIELD_SPECS) as readonly CustomerField[];

const spec = (field: CustomerField): FieldSpec => FIELD_SPECS[field];

type TsOf<S extends SqlType> = S extends 'INTEGER' ? number : string;
type ValueColumnOf<F extends CustomerField> = Specs[F]['column'];
type StatusColumnOf<F extends CustomerField> = Specs[F] extends { status: { column: infer C extends string } }
  ? C
  : never;
type CarriedOf<F extends CustomerField> = Specs[F] extends { carries: infer R } ? keyof R & string : never;
type CarriedSql<F extends CustomerField, C> = Specs[F] extends { carries: infer R }
  ? C extends keyof R
    ? R[C] extends { sql: infer S extends SqlType }
      ? S
      : never
    : never
  : never;

/** The fields with a validation status (phone, e-mail, …). */
export type ValidatedField = {
  [F in CustomerField]: [StatusColumnOf<F>] extends [never] ? never : F;
}[CustomerField];
/** The columns a field is stored in: its value, its status and what travels with it. */
export type FieldColumnOf<F extends CustomerField> = ValueColumnOf<F> | StatusColumnOf<F> | CarriedOf<F>;
export type FieldColumn = { [F in CustomerField]: FieldColumnOf<F> }[CustomerField];

type FieldColumnType<C extends FieldColumn> = {
  [F in CustomerField]: C extends ValueColumnOf<F>
    ? TsOf<Specs[F]['sql']> | null
    : C extends StatusColumnOf<F>
      ? FieldStatus
      : C extends CarriedOf<F>
        ? TsOf<CarriedSql<F, C>> | null
        : never;
}[CustomerField];
export type FieldColumns = { [C in FieldColumn]: FieldColumnType<C> };

/** Every other column of `customers`, in table order. `primaryKey`: never null although not NOT NULL. */
const OTHER_COLUMNS = {
  id: { sql: 'INTEGER', notNull: false, primaryKey: true },
  source_id: { sql: 'TEXT', notNull: true },
  source_line: { sql: 'INTEGER', notNull: true },
  source_sheet: { sql: 'TEXT', notNull: false },
  /** The source row as read (JSON object of header → cell, or the line). */
  raw: { sql: 'TEXT', notNull: true },
  /** Unmapped columns by header, plus values of mapped columns that could not be read (JSON object). */
  extra: { sql: 'TEXT', notNull: true },
  /** The duplicate-blocking key of the name (or organisation). */
  name_key: { sql: 'TEXT', notNull: false },
  type: { sql: 'TEXT', notNull: false },
  type_doubtful: { sql: 'INTEGER', notNull: true },
  region: { sql: 'TEXT', notNull: false },
  region_country: { sql: 'TEXT', notNull: false },
  region_conflict: { sql: 'INTEGER', notNull: true },
  region_evidence: { sql: 'TEXT', notNull: false },
  category: { sql: 'TEXT', notNull: false },
  sensitive: { sql: 'TEXT', notNull: true },
  minor: { sql: 'INTEGER', notNull: true },
  stale: { sql: 'INTEGER', notNull: true },
  formula_like: { sql: 'INTEGER', notNull: true },
  completeness: { sql: 'INTEGER', notNull: true },
  incomplete: { sql: 'INTEGER', notNull: true },
  overrides: { sql: 'TEXT', notNull: true },
  rules_version: { sql: 'INTEGER', notNull: false },
  cluster_id: { sql: 'INTEGER', notNull: false },
  merged_into: { sql: 'INTEGER', notNull: false },
  disposition: { sql: 'TEXT', notNull: false },
  disposition_basis: { sql: 'TEXT', notNull: false },
  retain_until: { sql: 'TEXT', notNull: false },
  disposition_recipient: { sql: 'TEXT', notNull: false },
  disposition_source: { sql: 'TEXT', notNull: false },
  created_at: { sql: 'TEXT', notNull: true },
  /** 1: a cell of the source row held hidden characters (controls, bidi, zero-width), removed here. */
  hidden_characters: { sql: 'INTEGER', notNull: true },
  /** Why the source row was malformed (its ProblemKind: 'too-few-fields', 'undecodable' …), or null. */
  malformed: { sql: 'TEXT', notNull: false },
} as const satisfies Record<string, { sql: SqlType; notNull: boolean; primaryKey?: true }>;
type Others = typeof OTHER_COLUMNS;
type OtherColumn = keyof Others;
type OtherType<C extends OtherColumn> = Others[C] extends { notNull: true } | { primaryKey: true }
  ? TsOf<Others[C]['sql']>
  : TsOf<Others[C]['sql']> | null;

export type CustomerColumn = FieldColumn | OtherColumn;
/** A whole `customers` row as SQLite returns it. */
export type CustomerColumnRow = FieldColumns & { [C in OtherColumn]: OtherType<C> };

/** Each field's columns, value first. */
export const FIELD_COLUMNS = Object.fromEntries(
  CUSTOMER_FIELDS.map((f) => {
    const s = spec(f);
    return [f, [s.column, ...(s.status ? [s.status.column] : []), ...Object.keys(s.carries ?? {})]];
  }),
) as unknown as { readonly [F in CustomerField]: readonly FieldColumnOf<F>[] };

const ALL_FIELD_COLUMNS: readonly FieldColumn[] = CUSTOMER_FIELDS.flatMap((f) => FIELD_COLUMNS[f]);

/** Every column of the table with its declared type: what the schema test holds the migrations to. */
export const CUSTOMER_TABLE: ReadonlyArray<{ name: CustomerColumn; sql: SqlType; notNull: boolean }> = [
  ...CUSTOMER_FIELDS.flatMap((f) => {
    const s = spec(f);
    return [
      { name: s.column as CustomerColumn, sql: s.sql, notNull: false },
      ...(s.status ? [{ name: s.status.column as CustomerColumn, sql: 'TEXT' as const, notNull: true }] : []),
      ...Object.entries(s.carries ?? {}).map(([name, c]) => ({
        name: name as CustomerColumn,
        sql: c.sql,
        notNull: false,
      })),
    ];
  }),
  ...Object.entries(OTHER_COLUMNS).map(([name, c]) => ({
    name: name as CustomerColumn,
    sql: c.sql,
    notNull: c.notNull,
  })),
];

// ---- what each part of the engine writes or reads -----------------------------------------------------

/** What the import writes for each record (classification follows in its own pass). */
export type ImportColumn =
  FieldColumn | 'extra' | 'name_key' | 'formula_like' | 'hidden_characters' | 'malformed';
export type ImportedColumns = Pick<CustomerColumnRow, ImportColumn>;
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  ...ALL_FIELD_COLUMNS,
  'extra',
  'name_key',
  'formula_like',
  'hidden_characters',
  'malformed',
];

/** What a merge may change on the survivor, and so what its snapshot keeps for unmerge. */
export type SnapshotColumn = FieldColumn | 'name_key' | 'cluster_id' | 'merged_into';
export type Snapshot = Pick<CustomerColumnRow, SnapshotColumn>;
export const SNAPSHOT_COLUMNS: readonly SnapshotColumn[] = [
  ...ALL_FIELD_COLUMNS,
  'name_key',
  'cluster_id',
  'merged_into',
];

/** What the record view reads: everything but the raw row, keys, classification internals and times. */
export type RecordColumn =
  | FieldColumn
  | Exclude<
      OtherColumn,
      'raw' | 'name_key' | 'region_evidence' | 'rules_version' | 'disposition_source' | 'created_at'
    >;
export type CustomerRow = Pick<CustomerColumnRow, RecordColumn>;
const NOT_VIEWED = new Set<string>([
  'raw',
  'name_key',
  'region_evidence',
  'rules_version',
  'disposition_source',
  'created_at',
]);
export const RECORD_COLUMNS = CUSTOMER_TABLE.map((c) => c.name).filter(
  (c) => !NOT_VIEWED.has(c),
) as readonly RecordColumn[];

/** The fields with a validation status, and each one's status column. */
export const VALIDATED_FIELDS = CUSTOMER_FIELDS.filter((f) => spec(f).status) as readonly ValidatedField[];
export const STATUS_COLUMN = Object.fromEntries(VALIDATED_FIELDS.map((f) => [f, spec(f).status!.column])) as {
  readonly [F in ValidatedField]: StatusColumnOf<F>;
};

export const isValidated = (field: CustomerField): field is ValidatedField =>
  spec(field).status !== undefined;

/** The statuses a field's values can have ('legacy' only where the field allows it). */
export function statusesOf(field: ValidatedField): readonly FieldStatus[] {
  return spec(field).status?.legacy
    ? ['valid', 'invalid', 'missing', 'legacy']
    : ['valid', 'invalid', 'missing'];
}

/** Fields the records view sorts by, in the window's order. */
export type SortableField = {
  [F in CustomerField]: Specs[F] extends { sort: true } ? F : never;
}[CustomerField];
export const SORTABLE_FIELDS = CUSTOMER_FIELDS.filter((f) => spec(f).sort) as readonly SortableField[];
export const VALUE_COLUMN = Object.fromEntries(CUSTOMER_FIELDS.map((f) => [f, spec(f).column])) as {
  readonly [F in CustomerField]: ValueColumnOf<F>;
};

/** The fields whose cells this table reads (fields.ts `read`); the import reads the others itself. */
export type ReadField = {
  [F in CustomerField]: Specs[F] extends { read: unknown } ? F : never;
}[CustomerField];
export type ReadColumns = Pick<FieldColumns, { [F in ReadField]: FieldColumnOf<F> }[ReadField]>;
const READ_FIELDS = CUSTOMER_FIELDS.filter((f) => spec(f).read) as readonly ReadField[];

/** The read fields' columns from a row's mapped cells; `flag` hears of each invalid value. */
export function readCells(
  cells: Partial<Record<CustomerField, string>>,
  flag: (field: ReadField, problem: string) => void,
): ReadColumns {
  const out: Record<string, unknown> = {};
  for (const field of READ_FIELDS) {
    const s = spec(field);
    const reading = s.read!(cells[field]);
    out[s.column] = reading.value;
    if (s.status) out[s.status.column] = reading.status;
    if (reading.status === 'invalid') flag(field, reading.problem ?? 'invalid');
  }
  return out as ReadColumns;
}

/** The fields whose presence makes a row name someone (a row naming no one is quarantined). */
export const IDENTIFYING_FIELDS = CUSTOMER_FIELDS.filter((f) => spec(f).identifies);

/** Is the field present in these columns: its status is not 'missing', or (unchecked) it has a value. */
export function hasField(row: Pick<FieldColumns, FieldColumn>, field: CustomerField): boolean {
  const s = spec(field);
  const columns = row as Record<string, unknown>;
  return s.status ? columns[s.status.column] !== 'missing' : columns[s.column] !== null;
}

// ---- duplicate keys ----------------------------------------------------------------------------------

/** Fields that are duplicate keys of their own (fields.ts `match`); phone, e-mail and the IDs have theirs. */
export type KeyedField = {
  [F in CustomerField]: Specs[F] extends { match: object } ? F : never;
}[CustomerField];
export const KEYED_FIELDS = CUSTOMER_FIELDS.filter((f) => spec(f).match) as unknown as readonly KeyedField[];
export const matchOf = (field: KeyedField): NonNullable<FieldSpec['match']> => spec(field).match!;

// ---- search ------------------------------------------------------------------------------------------

type SearchColumnOf<F extends CustomerField> = Specs[F] extends { search: infer S }
  ? ValueColumnOf<F> | (S extends { digitsOf: infer D extends string } ? D : never)
  : never;
export type SearchColumn = { [F in CustomerField]: SearchColumnOf<F> }[CustomerField];
/** The fields a search looks in. */
export const SEARCHED_FIELDS = CUSTOMER_FIELDS.filter((f) => spec(f).search);
const SEARCHED = SEARCHED_FIELDS.map((f) => {
  const s = spec(f).search;
  return { value: spec(f).column, digitsOf: typeof s === 'object' ? s.digitsOf : null };
});
export const SEARCH_COLUMNS = SEARCHED.flatMap((s) =>
  s.digitsOf ? [s.value, s.digitsOf] : [s.value],
) as readonly SearchColumn[];

/** The values a record is found by, in field order (fed to searchDocument): a phone also by its digits. */
export function searchValues(row: Pick<FieldColumns, SearchColumn>): Array<string | null> {
  const columns = row as Record<string, unknown>;
  const out: Array<string | null> = [];
  for (const s of SEARCHED) {
    const value = columns[s.value];
    out.push(typeof value === 'string' ? value : null);
    if (s.digitsOf === null) continue;
    const raw = columns[s.digitsOf];
    out.push(typeof raw === 'string' && raw !== '' ? raw.replace(/\D+/g, '') : null);
  }
  return out;
}

// ---- exports -----------------------------------------------------------------------------------------

/** A field's export headers: its value, its status, and the carried columns a record shows. */
export function exportHeaders(field: CustomerField): {
  value: Header;
  status: Header | null;
  carried: Array<{ record: string; header: Header }>;
} {
  const s = spec(field);
  return {
    value: s.exportAs,
    status: s.status?.exportAs ?? null,
    carried: Object.values(s.carries ?? {}).flatMap((c) =>
      c.record && c.exportAs ? [{ record: c.record, header: c.exportAs }] : [],
    ),
  };
}

/** Fields named in a sentence, by their export headers: "name, phone or email" / "姓名、电话或电子邮箱". */
export function fieldList(fields: readonly CustomerField[], lang: 'en' | 'zh'): string {
  const words = fields.map((f) => spec(f).exportAs[lang]);
  if (words.length < 2) return words.join('');
  const [comma, or] = lang === 'en' ? [', ', ' or '] : ['、', '或'];
  return `${words.slice(0, -1).join(comma)}${or}${words[words.length - 1]}`;
}

export const displayOf = (field: CustomerField): FieldSpec['display'] => spec(field).display;

/** Whole minor units → major units as text (2 decimals; none for currencies without minor units). */
export function moneyText(minor: number | null, currency: string | null): string | null {
  if (minor === null) return null;
  const decimals = currency === 'JPY' || currency === 'KRW' ? 0 : 2;
  if (decimals === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A field's value as a person reads it ('' when absent): an amount in major units with its currency. */
export function fieldText(field: CustomerField, values: FieldValues & CarriedValues): string {
  const value = values[field];
  if (value === null) return '';
  if (displayOf(field) === 'money' && typeof value === 'number')
    return `${moneyText(value, values.currency)}${values.currency ? ` ${values.currency}` : ''}`;
  return String(value);
}

// ---- a row's fields as a record's --------------------------------------------------------------------

export type FieldValues = { [F in CustomerField]: TsOf<Specs[F]['sql']> | null };
export type FieldStatuses = { [F in ValidatedField]: FieldStatus };
type CarriedEntry = {
  [F in CustomerField]: Specs[F] extends { carries: infer R }
    ? {
        [C in keyof R]: R[C] extends { record: infer N extends string; sql: infer S extends SqlType }
          ? { name: N; sql: S }
          : never;
      }[keyof R]
    : never;
}[CustomerField];
/** Carried columns a record shows under their own name (a value's currency). */
export type CarriedValues = { [E in CarriedEntry as E['name']]: TsOf<E['sql']> | null };
/** The names of those carried columns. */
export const CARRIED_VALUES = CUSTOMER_FIELDS.flatMap((f) =>
  Object.values(spec(f).carries ?? {}).flatMap((c) => (c.record ? [c.record] : [])),
) as readonly (keyof CarriedValues)[];
/** A record's fields as every screen, export and script sees them. */
export type RecordFields = FieldValues & CarriedValues & { status: FieldStatuses };

const STATUSES = new Set<string>(['valid', 'invalid', 'missing', 'legacy']);
const statusOf = (value: unknown): FieldStatus =>
  typeof value === 'string' && STATUSES.has(value) ? (value as FieldStatus) : 'missing';

/** The one mapper from a row's field columns (snake_case, as stored) to a record's fields (camelCase). */
export function recordFields(row: Pick<FieldColumns, FieldColumn>): RecordFields {
  const columns = row as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const status: Record<string, FieldStatus> = {};
  for (const field of CUSTOMER_FIELDS) {
    const s = spec(field);
    out[field] = columns[s.column] ?? null;
    if (s.status) status[field] = statusOf(columns[s.status.column]);
    for (const [column, c] of Object.entries(s.carries ?? {}))
      if (c.record) out[c.record] = columns[column] ?? null;
  }
  out.status = status;
  return out as RecordFields;
}
