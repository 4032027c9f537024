// Fills a real vault with generated customers as the import stores them (columns through the shared
// normalisers, the same FTS document), plus a deterministic classification derived from the generator's
// truth — so the records view, its search, filters and exports can be tested and benchmarked at any size
// without waiting for the import pipeline and the classifier.
import { randomUUID } from 'node:crypto';
import type { Disposition } from '../../../shared/customer';
import { IMPORT_COLUMNS, searchValues, type CustomerColumn } from '../../../shared/customer/columns';
import { searchDocument } from '../../../shared/search-grams';
import type { VaultDb } from '../../../electron/core/vault/database';
import type { CustomerRow, GeneratedCustomer } from '../../fixtures/customers';
import { customerColumns, type CustomerColumns } from './customer-columns';

interface Classification {
  type: 'individual' | 'business' | 'unknown';
  type_doubtful: number;
  region: 'mainland' | 'hk_mo_tw' | 'overseas' | 'unknown';
  region_country: string;
  region_conflict: number;
  category: string | null;
  sensitive: string;
  minor: number;
  stale: number;
  formula_like: number;
  completeness: number;
  incomplete: number;
  cluster_id: number | null;
  disposition: Disposition | null;
  extra: string;
}

export interface StoredCustomer {
  id: number;
  line: number;
  row: CustomerRow;
  columns: CustomerColumns;
  cls: Classification;
}

const DISPOSITION_CYCLE: Array<Disposition | null> = [null, 'RETAIN', 'TRANSFER', 'ANONYMISE', 'DESTROY'];

function category(product: string | null): string | null {
  if (!product) return null;
  if (product.includes('卡')) return 'prepaid-membership';
  if (product.includes('维') || product.includes('保养')) return 'repair-maintenance';
  if (product.includes('咨询')) return 'consulting';
  return null;
}

/** A fixed classification from the generator's truth: what the filter tests count against. */
function classificationOf(g: GeneratedCustomer, columns: CustomerColumns): Classification {
  const t = g.truth;
  const i = t.index;
  const region =
    t.region === 'CN' ? 'mainland' : ['HK', 'MO', 'TW'].includes(t.region) ? 'hk_mo_tw' : 'overseas';
  const present = [columns.name, columns.phone, columns.email, columns.address].filter(Boolean).length;
  const completeness = present * 25;
  return {
    type: i % 50 === 49 ? 'unknown' : t.kind === 'business' ? 'business' : 'individual',
    type_doubtful: i % 50 === 49 ? 1 : 0,
    region,
    region_country: t.region,
    region_conflict: i % 97 === 3 ? 1 : 0,
    category: category(columns.product),
    sensitive: [...(t.idNumber ? ['id-number'] : []), ...t.sensitive].join(','),
    minor: t.minor ? 1 : 0,
    stale: t.lastOrderDate !== null && t.lastOrderDate < '2022-06-30' ? 1 : 0,
    formula_like: /^[=+\-@]/.test(g.row.notes.trim()) ? 1 : 0,
    completeness,
    incomplete: completeness < 50 ? 1 : 0,
    cluster_id: t.duplicateOf === null ? null : t.personId + 1,
    disposition: DISPOSITION_CYCLE[i % DISPOSITION_CYCLE.length],
    extra:
      i % 7 === 0
        ? JSON.stringify({ 会员等级: i % 2 ? '金卡' : '银卡', 推荐人: `=HYPERLINK("x${i}")` })
        : '{}',
  };
}

/** What a stored record is written with: the import's columns, the classification and provenance. */
const INSERTED = [
  ...IMPORT_COLUMNS,
  'type',
  'type_doubtful',
  'region',
  'region_country',
  'region_conflict',
  'category',
  'sensitive',
  'minor',
  'stale',
  'completeness',
  'incomplete',
  'cluster_id',
  'disposition',
  'source_id',
  'source_line',
  'raw',
  'created_at',
] satisfies readonly CustomerColumn[];

export interface InsertOptions {
  file?: string;
  /** Called for each stored record (keep what the test needs; the benchmark keeps nothing). */
  onRow?: (stored: StoredCustomer) => void;
  /** Override the notes of some rows (formula-injection cases). */
  notes?: (index: number) => string | undefined;
}

/** Inserts a source and its customers in one transaction; returns the source id and how many. */
export function insertCustomers(
  db: VaultDb,
  generated: Iterable<GeneratedCustomer>,
  options: InsertOptions = {},
): { sourceId: string; count: number } {
  const sourceId = randomUUID();
  const at = '2026-11-28T00:00:00.000Z';
  const insertCustomer = db.prepare(
    `INSERT INTO customers (${INSERTED.join(', ')}) VALUES (${INSERTED.map((c) => `@${c}`).join(', ')})`,
  );
  const insertFts = db.prepare('INSERT INTO customers_fts (rowid, grams) VALUES (?, ?)');
  let count = 0;
  db.transaction(() => {
    db.prepare(
      `INSERT INTO sources (id, name, sha256, bytes, format, encoding, sheet, imported_at, imported_by,
         rows_read, imported, quarantined, mapping)
       VALUES (?, ?, ?, 0, 'csv', 'utf-8', NULL, ?, 'owner', 0, 0, 0, '{}')`,
    ).run(sourceId, options.file ?? 'customers.csv', '0'.repeat(64), at);
    for (const g of generated) {
      const notes = options.notes?.(g.truth.index);
      const row = notes === undefined ? g.row : { ...g.row, notes };
      const columns = customerColumns(row);
      // Businesses: the name column holds the company, which the import maps to organisation too.
      if (g.truth.kind === 'business') columns.organisation = columns.name;
      const cls = classificationOf({ row, truth: g.truth }, columns);
      const line = g.truth.index + 2; // the header is row 1
      const id = Number(
        insertCustomer.run({
          ...columns,
          ...cls,
          source_id: sourceId,
          source_line: line,
          raw: Object.values(row).join(','),
          created_at: at,
        }).lastInsertRowid,
      );
      const document = searchDocument(searchValues(columns));
      if (document !== '') insertFts.run(id, document);
      count++;
      options.onRow?.({ id, line, row, columns, cls });
    }
    db.prepare('UPDATE sources SET rows_read = ?, imported = ? WHERE id = ?').run(count, count, sourceId);
  })();
  return { sourceId, count };
}
