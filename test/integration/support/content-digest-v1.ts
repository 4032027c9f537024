// The content digest exactly as Closeout computed it in JavaScript for every version-1 backup manifest
// (docs/FORMATS.md §9), kept as the reference the SQL computation in electron/core/backup must equal.
// Row by row: every value read into JavaScript (integers exactly, as BigInt), encoded, hashed.
import { createHash } from 'node:crypto';
import type { VaultDb } from '../../../electron/core/vault/database';

export interface ReferenceContent {
  rowCounts: Record<string, number>;
  tableDigests: Record<string, string>;
  contentDigest: string;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

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

function orderBy(db: VaultDb, table: string): string {
  const columns = (db.pragma(`table_info(${quoteId(table)})`) as Array<{ name: string; pk: number }>)
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => quoteId(c.name));
  return columns.length ? columns.join(', ') : 'rowid';
}

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

function rawRowEncoder(columns: string[]): (row: unknown[]) => string {
  const order = columns.map((name, index) => ({ name, index })).sort((a, b) => byCodePoint(a.name, b.name));
  const prefixes = order.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c.name)}:`);
  const indexes = order.map((c) => c.index);
  return (row) => {
    let out = '';
    for (let i = 0; i < indexes.length; i++) out += prefixes[i] + valueJson(row[indexes[i]]);
    return indexes.length ? `${out}}` : '{}';
  };
}

export function referenceContent(db: VaultDb): ReferenceContent {
  const rowCounts: Record<string, number> = {};
  const tableDigests: Record<string, string> = {};
  const content = createHash('sha256');
  for (const table of contentTables(db)) {
    const hash = createHash('sha256');
    let count = 0;
    const statement = db.prepare(`SELECT * FROM ${quoteId(table)} ORDER BY ${orderBy(db, table)}`);
    statement.safeIntegers(true).raw(true);
    const encode = rawRowEncoder(statement.columns().map((c) => c.name));
    const batch: string[] = [];
    for (const row of statement.iterate() as IterableIterator<unknown[]>) {
      batch.push(encode(row));
      count++;
      if (batch.length === 5000) {
        hash.update(batch.join('\n') + '\n', 'utf8');
        batch.length = 0;
      }
    }
    if (batch.length) hash.update(batch.join('\n') + '\n', 'utf8');
    rowCounts[table] = count;
    tableDigests[table] = hash.digest('hex');
    content.update(`${table}\n${tableDigests[table]}\n`, 'utf8');
  }
  return { rowCounts, tableDigests, contentDigest: content.digest('hex') };
}
