// ropa.*: the record of processing activities (GDPR Art. 30, GB/T 35273 11.3), generated from what the
// vault actually did (imports, classification, merges, dispositions, exports, deletions, backups), and the
// retention schedule: every RETAIN basis with its legal source and end date.
import type { Bilingual } from '../bilingual';
import { fileRef, none, op, ROLES, type OpSpec } from './op';
import { z } from 'zod';

export type ActivityKind =
  | 'collection'
  | 'classification'
  | 'deduplication'
  | 'disposition'
  | 'export'
  | 'transfer'
  | 'deletion'
  | 'backup'
  | 'access';

export interface ProcessingActivity {
  kind: ActivityKind;
  /** The operation as recorded in the audit chain. */
  op: string;
  label: Bilingual;
  first: string;
  last: string;
  times: number;
  /** The counts the audit entries recorded, added up (rows, records, files…). */
  counts: Record<string, number>;
}

export interface RetentionRow {
  basis: string;
  /** The statutory preset whose wording the basis is, when it is one. */
  preset: string | null;
  records: number;
  earliest: string | null;
  latest: string | null;
  /** Records whose retain-until date has passed. */
  expired: number;
}

export interface RetentionSchedule {
  at: string;
  rows: RetentionRow[];
  retained: number;
  expired: number;
  /** RETAIN records without a basis or an end date (older vaults; the dispositions page sets them). */
  incomplete: number;
}

export interface Ropa {
  at: string;
  controller: { name: string; creditCode: string | null; contact: string | null };
  custodian: { name: string; contact: string | null } | null;
  purposes: Bilingual;
  subjects: { individual: number; business: number; unknown: number };
  dataCategories: Array<{ field: string; records: number }>;
  sensitive: Array<{ kind: string; records: number }>;
  recipients: Array<{ name: string; records: number }>;
  transfersAbroad: Bilingual;
  sources: Array<{
    name: string;
    format: string;
    sha256: string;
    importedAt: string;
    rowsRead: number;
    imported: number;
    quarantined: number;
    sourceDeletedAt: string | null;
  }>;
  activities: ProcessingActivity[];
  retention: RetentionSchedule;
  security: Bilingual[];
}

export interface RopaFiles {
  pdf: string;
  json: string;
  csv: string;
  signature: string;
}

export const ropaOps = {
  'ropa.get': op<Ropa>()({
    input: none,
    access: ROLES,
    job: false,
    writes: false,
    summary: 'The record of processing activities, from what the vault did',
  }),
  'ropa.retention': op<RetentionSchedule>()({
    input: none,
    access: ROLES,
    job: false,
    writes: false,
    summary:
      'The retention schedule: each RETAIN basis with its legal source, end dates and what has expired',
  }),
  'ropa.write': op<RopaFiles>()({
    input: z.strictObject({ dir: fileRef('compliance', 'folder') }),
    access: ROLES,
    job: false,
    writes: true,
    summary: 'Write the record of processing: PDF (Chinese and English), CSV, JSON and its CMS signature',
  }),
} as const satisfies Record<string, OpSpec>;
