// records.*: finding, reading, counting and exporting the customer records.
import { z } from 'zod';
import type { CustomerRecord, SourceRowRef } from '../customer';
import { recordExportOptions, recordQuerySchema, type RecordExportFormat } from '../records';
import type { DispositionCounts } from './dispositions';
import { fileRef, none, op, ROLES, type OpSpec } from './op';

export interface RecordPage {
  /** Null when the count was not asked for ('none'). */
  total: number | null;
  /** False when counting stopped at RECORD_COUNT_CAP: there are at least `total` records. */
  totalExact: boolean;
  offset: number;
  records: CustomerRecord[];
}

/** One source row of a record (its own, or one merged into it), with the row as it was read. */
export interface RecordSourceRow extends SourceRowRef {
  /** The customer row that came from it (differs from the record's id for merged rows). */
  customerId: number;
  format: string;
  importedAt: string;
  /** The row as read, verbatim as the import stored it. */
  raw: string;
  /** The same row as header → cell, when the import stored it as a JSON object. */
  rawFields: Record<string, string> | null;
}

export interface RecordHistoryEntry {
  seq: number;
  at: string;
  userName: string | null;
  op: string;
  params: Record<string, unknown>;
  counts: Record<string, number>;
  outcome: string;
}

export interface RecordDetail {
  record: CustomerRecord;
  sources: RecordSourceRow[];
  /** The audit entries that concern this record or one of its source files, oldest first. */
  history: RecordHistoryEntry[];
}

export interface RecordExportResult {
  path: string;
  format: RecordExportFormat;
  count: number;
  bytes: number;
}

/** `closeout stats --json` and the Classification page; merged-away records are not customers. */
export interface CustomerStats {
  customers: number;
  type: { individual: number; business: number; unknown: number };
  region: { mainland: number; hk_mo_tw: number; overseas: number; unknown: number };
  /** ISO country → records, for region_country. */
  countries: Record<string, number>;
  /** Category name → records, plus `unmatched` (no category matched the product). */
  categories: Record<string, number>;
  flags: {
    sensitive: number;
    minor: number;
    stale: number;
    invalid_id_number: number;
    invalid_credit_code: number;
    invalid_phone: number;
    invalid_email: number;
    formula_like: number;
    incomplete: number;
    type_doubtful: number;
    region_conflict: number;
    no_activity_date: number;
  };
  /** Sensitive kind → records carrying it. */
  sensitiveKinds: Record<string, number>;
  duplicates: { clusters: number; records: number };
  disposition: DispositionCounts;
  /** Records not yet classified under the rules in force. */
  unclassified: number;
  rulesVersion: number;
}

export const recordsOps = {
  'records.query': op<RecordPage>()({
    input: recordQuerySchema,
    access: ROLES,
    job: false,
    writes: false,
    summary:
      'Search (any substring of name, phone, e-mail, address) and filter the records, one page at a time',
  }),
  'records.get': op<RecordDetail>()({
    input: z.strictObject({ id: z.int().positive() }),
    access: ROLES,
    job: false,
    writes: false,
    summary: 'One record with its source rows as read and its history from the audit chain',
  }),
  'records.export': op<RecordExportResult>()({
    input: z.strictObject({ ...recordExportOptions, file: fileRef('records-export', 'save') }),
    access: ROLES,
    job: true,
    writes: true,
    summary: 'Write the selected records as CSV (UTF-8 with BOM or GB18030), XLSX or JSON, formula-safe',
  }),
  'records.stats': op<CustomerStats>()({
    input: none,
    access: ROLES,
    job: false,
    writes: false,
    summary: 'Counts by type, region, category, flag, duplicates and disposition',
  }),
} as const satisfies Record<string, OpSpec>;
