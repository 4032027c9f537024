// Opens a backup file read-only with the vault key, and describes its content the same way every time:
// row counts and a SHA-256 digest of every table's rows in primary-key order (docs/FORMATS.md §9).
import Database, { type Statement } from 'better-sqlite3-multiple-ciphers';
import { createHash, type Hash } from 'node:crypto';
import { rawKeyLiteral, type VaultDb } from '../vault/database';

/**
 * The same cipher settings as electron/core/vault/database.ts (SQLCipher 4: cipher='sqlcipher' AND
 * legacy=4), but without the session PRAGMAs: a backup is never written to (but for its journal mode,
 * below), and opening it must not turn it into a WAL database. Throws when the key does not open the file.
 */
function openBackupFile(file: string, vaultKey: Buffer, readonly: boolean): VaultDb {
  const db = new Database(file, { readonly, fileMustExist: true });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.key(rawKeyLiteral(vaultKey));
    db.pragma('temp_store = MEMORY');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export const openBackupReadOnly = (file: string, vaultKey: Buffer): VaultDb =>
  openBackupFile(file, vaultKey, true);

/**
 * A page copy of the vault is in WAL mode, like the vault: switch it to the rollback journal, as a backup
 * is (docs/FORMATS.md §9), so it opens read-only with no -wal or -shm beside it. SQLite rewrites page 1
 * only (the header's two journal-mode bytes, re-encrypted under a new IV); every other page stays as copied.
 */
export function useRollbackJournal(file: string, vaultKey: Buffer): void {
  const db = openBackupFile(file, vaultKey, false);
  try {
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new Error(`journal mode stayed ${String(mode)}`);
  } finally {
    db.close();
  }
}

export interface ContentDescription {
  rowCounts: Record<string, number>;
  tableDigests: Record<string, string>;
  contentDigest: string;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Ordinary tables (not SQLite's own, not virtual tables), in code-point order of their names. */
function contentTables(db: VaultDb): string[] {
  const rows = db
    .prepare(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
    )
    .all() as Array<{ name: string; sql: string | null }>;
  return rows
    .filter((r) => !/^\s*CREATE\s+VIRTUAL\s/i.test(r.sql ?? ''))
    .map((r) => r.name)
    .sort(byCodePoint);
}

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Row counts of every content table (docs/FORMATS.md §9), from SQL: `count(*)` walks the smallest b-tree. */
export function countRows(db: VaultDb): Record<string, number> {
  return Object.fromEntries(
    contentTables(db).map((t) => [
      t,
      Number(
        db
          .prepare(`SELECT count(*) FROM ${quoteId(t)}`)
          .pluck()
          .get(),
      ),
    ]),
  );
}

interface TableShape {
  /** `json_object(…)` of a row, keys in code-point order; REAL and BLOB values through the two functions. */
  json: string;
  /** ORDER BY: the declared primary-key columns in key order, or the rowid when there is none. */
  order: string;
  /** The column that is the rowid (an INTEGER PRIMARY KEY, or the rowid itself): rows can be read in batches. */
  rowidKey: string | null;
}

function tableShape(db: VaultDb, table: string): TableShape {
  const info = db.pragma(`table_info(${quoteId(table)})`) as Array<{
    name: string;
    type: string;
    pk: number;
  }>;
  const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const order = pk.length ? pk.map((c) => quoteId(c.name)).join(', ') : 'rowid';
  const withoutRowid = Boolean(
    db.prepare(`SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?`).pluck().get(table),
  );
  // A single INTEGER primary key is the rowid unless SQLite made an index for it (e.g. `… PRIMARY KEY DESC`).
  const pkIndex = (db.pragma(`index_list(${quoteId(table)})`) as Array<{ origin: string }>).some(
    (i) => i.origin === 'pk',
  );
  const named = new Set(info.map((c) => c.name.toLowerCase()));
  const rowidKey = withoutRowid
    ? null
    : pk.length === 1 && pk[0].type.toUpperCase() === 'INTEGER' && !pkIndex
      ? quoteId(pk[0].name)
      : pk.length === 0 && !named.has('rowid')
        ? 'rowid'
        : null;
  // The rowid's own column holds only INTEGERs (never NULL): written as it is, no test. A column of TEXT
  // affinity stores only NULL, TEXT and BLOB (SQLite turns numbers into text on the way in), so it needs
  // only the BLOB test, and `c >= x''` (true for BLOBs alone) is cheaper than typeof(): together a quarter
  // of the digest's time on a table of text columns, and typeof() on the rowid a tenth.
  const value = (c: string, type: string) =>
    c === rowidKey
      ? c
      : textAffinity(type)
        ? `CASE WHEN ${c} >= x'' THEN json(closeout_json_blob(${c})) ELSE ${c} END`
        : `CASE typeof(${c}) WHEN 'real' THEN json(closeout_json_real(${c})) ` +
          `WHEN 'blob' THEN json(closeout_json_blob(${c})) ELSE ${c} END`;
  const columns = [...info].sort((a, b) => byCodePoint(a.name, b.name));
  const json = columns.length
    ? `json_object(${columns.map((c) => `${quoteText(c.name)}, ${value(quoteId(c.name), c.type)}`).join(', ')})`
    : `'{}'`;
  return { json, order, rowidKey };
}

/** TEXT affinity by SQLite's rules for a declared type ("Datatypes In SQLite" §3.1, rules 1 and 2). */
function textAffinity(declared: string): boolean {
  const type = declared.toUpperCase();
  return !type.includes('INT') && ['CHAR', 'CLOB', 'TEXT'].some((t) => type.includes(t));
}

/** JavaScript's shortest round-trip decimal, as every version-1 manifest's digest was written. */
function realJson(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError('non-finite REAL');
  return JSON.stringify(value);
}
const blobJson = (value: Buffer): string => `{"$blob":${JSON.stringify(value.toString('base64'))}}`;

const BATCH = 2000;
const NL = Buffer.from('\n');

interface Batch {
  last: bigint;
  n: bigint;
  text: Buffer | null;
  /** The batch's rowids as a JSON array, in the order its rows were joined (unordered form only). */
  keys?: string;
}

/** Whether a JSON array of keys strictly ascends. Rowids past 2^53 may look unordered: that only costs a rerun. */
function ascending(keys: string): boolean {
  const k = JSON.parse(keys) as number[];
  for (let i = 1; i < k.length; i++) if (!(k[i] > k[i - 1])) return false;
  return true;
}

/**
 * Hashes a rowid table's rows, 2 000 at a time joined by SQLite into one UTF-8 blob. SQLite joins them in
 * the order its subquery yields them (key order), but only an ORDER BY inside group_concat promises that,
 * at about a third of the digest's cost; so each batch also returns its keys in joined order, and a batch
 * whose keys do not ascend is joined again with the ORDER BY. Returns the row count.
 */
async function hashByRowid(
  db: VaultDb,
  table: string,
  key: string,
  json: string,
  hash: Hash,
  tick: (rows: number) => Promise<void>,
): Promise<number> {
  const prepared = new Map<string, Statement>();
  const statement = (first: boolean, ordered: boolean): Statement => {
    const id = `${first} ${ordered}`;
    let found = prepared.get(id);
    if (!found) {
      found = db
        .prepare(
          `SELECT max(k) AS last, count(*) AS n,
                  CAST(group_concat(j, char(10)${ordered ? ' ORDER BY k' : ''}) AS BLOB) AS text
                  ${ordered ? '' : ', json_group_array(k) AS keys'}
           FROM (SELECT ${key} AS k, ${json} AS j FROM ${quoteId(table)} ${first ? '' : `WHERE ${key} > ?`}
                 ORDER BY ${key} LIMIT ${BATCH})`,
        )
        .safeIntegers(true);
      prepared.set(id, found);
    }
    return found;
  };
  let after: bigint | null = null;
  let count = 0;
  for (;;) {
    const args = after === null ? [] : [after];
    let batch = statement(after === null, false).get(...args) as Batch;
    if (batch.n === 0n) return count;
    if (!ascending(batch.keys as string)) batch = statement(after === null, true).get(...args) as Batch;
    hash.update(batch.text as Buffer);
    hash.update(NL);
    count += Number(batch.n);
    after = batch.last;
    await tick(count);
  }
}

/**
 * tableDigest(T)  = hex SHA-256 over row_json(row) + "\n" for every row of T in primary-key order
 * contentDigest   = hex SHA-256 over name + "\n" + tableDigest + "\n" for every table in name order
 * (docs/FORMATS.md §9). SQLite writes each row's JSON (`json_object`, keys in code-point order) and, for
 * tables keyed by their rowid, joins 2 000 rows into one UTF-8 blob, so the rows never cross into
 * JavaScript one by one; REAL and BLOB values go through two JavaScript functions, because SQLite writes
 * REALs with 15 significant digits and has no base64. The result equals the JavaScript encoder's that
 * wrote every version-1 manifest (test/integration/core/backup/content-digest.test.ts). `tick` is called
 * after every batch and table (progress and cancellation): use this only on a connection nobody else uses.
 */
export async function describeContent(
  db: VaultDb,
  tick: (rows: number) => Promise<void> = async () => undefined,
): Promise<ContentDescription> {
  db.function('closeout_json_real', { deterministic: true }, (v: unknown) => realJson(v as number));
  db.function('closeout_json_blob', { deterministic: true }, (v: unknown) => blobJson(v as Buffer));
  const rowCounts: Record<string, number> = {};
  const tableDigests: Record<string, string> = {};
  const content = createHash('sha256');
  let seen = 0;
  for (const table of contentTables(db)) {
    const shape = tableShape(db, table);
    const hash = createHash('sha256');
    let count = 0;
    if (shape.rowidKey) {
      count = await hashByRowid(db, table, shape.rowidKey, shape.json, hash, (rows) => tick(seen + rows));
    } else {
      const rows = db
        .prepare(`SELECT CAST(${shape.json} AS BLOB) FROM ${quoteId(table)} ORDER BY ${shape.order}`)
        .pluck();
      for (const json of rows.iterate() as IterableIterator<Buffer>) {
        hash.update(json);
        hash.update(NL);
        if (++count % BATCH === 0) await tick(seen + count);
      }
    }
    seen += count;
    await tick(seen);
    rowCounts[table] = count;
    tableDigests[table] = hash.digest('hex');
    content.update(`${table}\n${tableDigests[table]}\n`, 'utf8');
  }
  return { rowCounts, tableDigests, contentDigest: content.digest('hex') };
}

export function pragmaLines(db: VaultDb, pragma: string): string[] {
  try {
    return (db.pragma(pragma) as Array<Record<string, unknown>>).map((row) => String(Object.values(row)[0]));
  } catch (error) {
    return [`error: ${(error as Error).message}`];
  }
}
