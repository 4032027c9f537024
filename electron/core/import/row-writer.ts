// What an import writes, with statements prepared once per run: each record with its classification and
// its search document, each quarantined row, and, for a large import, its choice to build the secondary
// indexes afterwards.
import { IMPORT_COLUMNS, searchValues, type ImportedColumns } from '../../../shared/customer/columns';
import { searchDocument } from '../../../shared/search-grams';
import { CLASSIFICATION_COLUMNS, type ImportClassifier } from '../classification/classify';
import type { VaultDb } from '../vault/database';
import type { SourceRow } from './types';

const WRITTEN = [...IMPORT_COLUMNS, ...CLASSIFICATION_COLUMNS];
const INSERT_CUSTOMER = `INSERT INTO customers (source_id, source_line, source_sheet, raw, created_at, ${WRITTEN.join(', ')})
  VALUES (?, ?, ?, ?, ?, ${WRITTEN.map(() => '?').join(', ')})`;

/** What is written for one run: statements prepared once. */
export class Writer {
  private readonly insertCustomer;
  private readonly insertFts;
  private readonly insertQuarantine;
  private readonly params: unknown[] = new Array(5 + WRITTEN.length);

  constructor(
    db: VaultDb,
    private readonly createdAt: string,
    private readonly classifier: ImportClassifier,
  ) {
    this.insertCustomer = db.prepare(INSERT_CUSTOMER);
    this.insertFts = db.prepare('INSERT INTO customers_fts (rowid, grams) VALUES (?, ?)');
    this.insertQuarantine = db.prepare(
      'INSERT INTO quarantine (source_id, line, sheet, kind, reason, raw) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  customer(sourceId: string, row: SourceRow, c: ImportedColumns): void {
    // One reused parameter array: no object per row beyond the record itself.
    const p = this.params;
    p[0] = sourceId;
    p[1] = row.line;
    p[2] = row.sheet ?? null;
    p[3] = row.raw;
    p[4] = this.createdAt;
    for (let i = 0; i < IMPORT_COLUMNS.length; i++) p[5 + i] = c[IMPORT_COLUMNS[i]];
    const classification = this.classifier.values(c);
    const at = 5 + IMPORT_COLUMNS.length;
    for (let i = 0; i < classification.length; i++) p[at + i] = classification[i];
    const id = this.insertCustomer.run(p).lastInsertRowid;
    const document = searchDocument(searchValues(c));
    if (document !== '') this.insertFts.run(id, document);
  }

  quarantine(
    sourceId: string,
    line: number,
    sheet: string | null,
    kind: string,
    reason: string,
    raw: string | null,
  ) {
    this.insertQuarantine.run(sourceId, line, sheet, kind, reason, raw);
  }
}

/** Inputs from this size on (~25 000 rows) are large enough for building the indexes afterwards to pay off. */
const DEFER_INDEXES_BYTES = 4 * 1024 * 1024;
/** A rough size of one customer row in a CSV, to compare an input with the records already there. */
const BYTES_PER_ROW = 150;

/**
 * The indexes of customers whose entries for new records arrive in order, so they stay during an import:
 * the source's (source id and line), and those whose key every new record has empty (no cluster, no
 * disposition, not merged: entries appended after the others with the same empty key, in rowid order).
 * Building each of them again afterwards would be one more pass over the whole table.
 */
const KEPT_INDEXES = [
  'customers_source',
  'customers_cluster',
  'customers_disposition',
  'customers_merged_into',
];

/**
 * For a large import, drops the secondary indexes of customers on random keys (phone, e-mail, ID, credit
 * code, name key …) inside the transaction and returns their CREATE statements, to run once every row is
 * in. Inserting a million rows into five indexes on random keys touches pages all over the file, and once
 * the file outgrows the page cache each touch is a read, a decryption and a write; building an index
 * afterwards is one sorted pass. KEPT_INDEXES stay.
 * Not done when the vault already holds many more records than the import brings: rebuilding their index
 * entries would cost more than it saves. A rollback (cancel, error, crash) brings the indexes back with
 * everything else.
 */
export function deferIndexes(db: VaultDb, totalBytes: number): string[] {
  if (totalBytes < DEFER_INDEXES_BYTES) return [];
  const existing = (db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
  if (existing > (4 * totalBytes) / BYTES_PER_ROW) return [];
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master
       WHERE type = 'index' AND tbl_name = 'customers' AND sql IS NOT NULL
         AND name NOT IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(KEPT_INDEXES)) as Array<{ name: string; sql: string }>;
  for (const index of indexes) db.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  return indexes.map((index) => index.sql);
}
