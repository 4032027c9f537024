// Opens a backup file read-only with the vault key, and describes its content the same way every time:
// row counts and a SHA-256 digest of every table's rows in primary-key order (docs/FORMATS.md, Backup).
import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { rawKeyLiteral, type VaultDb } from '../vault/database';

/**
 * The same cipher settings as electron/core/vault/database.ts (SQLCipher 4: cipher='sqlcipher' AND
 * legacy=4), but read-only and without the session PRAGMAs: a backup is never written to, and opening
 * it must not turn it into a WAL database. Throws when the key does not open the file.
 */
export function openBackupReadOnly(file: string, vaultKey: Buffer): VaultDb {
  const db = new Database(file, { readonly: true, fileMustExist: true });
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

export interface ContentDescription {
  rowCounts: Record<string, number>;
  tableDigests: Record<string, string>;
  contentDigest: string;
}

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
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** ORDER BY the declared primary key columns in key order; the rowid when there is none. */
function orderBy(db: VaultDb, table: string): string {
  const columns = (db.pragma(`table_info(${quoteId(table)})`) as Array<{ name: string; pk: number }>)
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => quoteId(c.name));
  return columns.length ? columns.join(', ') : 'rowid';
}

/** One value as canonical JSON: integers exactly (any size), reals as JS numbers, blobs as {"$blob": base64}. */
function valueJson(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('non-finite REAL');
    return JSON.stringify(value);
  }
  if (Buffer.isBuffer(value)) return `{"$blob":${JSON.stringify(value.toString('base64'))}}`;
  throw new TypeError(`unexpected SQLite value ${typeof value}`);
}

/**
 * A row (raw: an array in column order) as canonical JSON: an object whose keys (column names) are in
 * code-point order, no whitespace. The keys' prefixes are worked out once per table: this loop is most
 * of a backup's CPU time.
 */
function rawRowEncoder(columns: string[]): (row: unknown[]) => string {
  const order = columns
    .map((name, index) => ({ name, index }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const prefixes = order.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c.name)}:`);
  const indexes = order.map((c) => c.index);
  return (row) => {
    let out = '';
    for (let i = 0; i < indexes.length; i++) out += prefixes[i] + valueJson(row[indexes[i]]);
    return indexes.length ? `${out}}` : '{}';
  };
}

/**
 * tableDigest(T)  = hex SHA-256 over canonical_json(row) + "\n" for every row of T in primary-key order
 * contentDigest   = hex SHA-256 over name + "\n" + tableDigest + "\n" for every table in name order
 * `tick` is called every 5 000 rows and after each table (progress and cancellation). Use it only on a
 * connection nobody else is using: it yields while a statement is open.
 */
export async function describeContent(
  db: VaultDb,
  tick: (rows: number) => Promise<void> = async () => undefined,
): Promise<ContentDescription> {
  const rowCounts: Record<string, number> = {};
  const tableDigests: Record<string, string> = {};
  const content = createHash('sha256');
  let seen = 0;
  for (const table of contentTables(db)) {
    const hash = createHash('sha256');
    let count = 0;
    const statement = db.prepare(`SELECT * FROM ${quoteId(table)} ORDER BY ${orderBy(db, table)}`);
    statement.safeIntegers(true).raw(true);
    const encode = rawRowEncoder(statement.columns().map((c) => c.name));
    // The connection is this function's own (a backup file), so yielding mid-iteration is safe.
    const batch: string[] = [];
    for (const row of statement.iterate() as IterableIterator<unknown[]>) {
      batch.push(encode(row));
      count++;
      if (batch.length === 5000) {
        hash.update(batch.join('\n') + '\n', 'utf8');
        batch.length = 0;
        await tick(seen + count);
      }
    }
    if (batch.length) hash.update(batch.join('\n') + '\n', 'utf8');
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
