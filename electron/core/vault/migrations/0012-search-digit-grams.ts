// Schema 12: the search index also holds each run of four or more digits as four-digit grams (what
// shared/search-grams.ts writes now), so a phone or ID fragment reads short posting lists. The index of
// an older vault is written again from its records: every record not merged away, its document from its
// searched values, as the import and the merges write it. Nothing else changes.
import {
  searchValues,
  SEARCH_COLUMNS,
  type CustomerColumnRow,
  type SearchColumn,
} from '../../../../shared/customer/columns';
import { searchDocument } from '../../../../shared/search-grams';
import type { VaultDb } from '../database';

export const version = 12;

export const sql = `INSERT INTO customers_fts (customers_fts) VALUES ('delete-all');`;

const BATCH = 2000;

export function run(db: VaultDb): void {
  const select = db.prepare(
    `SELECT id, ${SEARCH_COLUMNS.join(', ')} FROM customers
     WHERE id > ? AND merged_into IS NULL ORDER BY id LIMIT ${BATCH}`,
  );
  const insert = db.prepare('INSERT INTO customers_fts (rowid, grams) VALUES (?, ?)');
  let last = 0;
  for (;;) {
    const rows = select.all(last) as Array<Pick<CustomerColumnRow, SearchColumn> & { id: number }>;
    if (rows.length === 0) return;
    for (const row of rows) {
      const document = searchDocument(searchValues(row));
      if (document !== '') insert.run(row.id, document);
    }
    last = rows[rows.length - 1].id;
  }
}
