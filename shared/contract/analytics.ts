// analytics.*: anonymised counts of customers by type, place, category, period, spend band and
// disposition, with small cells suppressed (no count below k, and none recoverable from the totals), their
// export (CSV / XLSX / PDF) and the de-identified, k-anonymous extract. Every export is audited with its
// fields, k and counts, never a value.
import { z } from 'zod';
import {
  ANALYTICS_DIMENSIONS,
  DEFAULT_K,
  EXTRACT_FIELDS,
  PERIODS,
  type AnalyticsDimension,
  type ExtractField,
  type Period,
} from '../analytics/dimensions';
import { fileRef, op, ROLES, type OpSpec } from './op';

/** One combination of the dimensions' values and its count; null: suppressed. */
export interface AnalyticsCell {
  values: string[];
  count: number | null;
}

export interface AnalyticsTable {
  by: AnalyticsDimension[];
  k: number;
  period: Period;
  excludeObjected: boolean;
  /** Each dimension's values, in order. */
  axes: string[][];
  /** Every combination with customers, and every suppressed one (a suppressed cell may be a 0). */
  cells: AnalyticsCell[];
  /** Customers counted, when k or more (else null). */
  total: number | null;
  suppressed: number;
}

export interface AnalyticsExportResult {
  path: string;
  format: (typeof ANALYTICS_FORMATS)[number];
  cells: number;
  suppressed: number;
  bytes: number;
}

export interface AnalyticsExtractResult {
  path: string;
  /** The notice beside the extract: what it is, and that it is still personal data. */
  readme: string;
  fields: ExtractField[];
  k: number;
  records: number;
  /** The combinations of values (equivalence classes) and the smallest one's size (≥ k). */
  classes: number;
  smallest: number;
  /** How far each field was generalised (0 = as is). */
  levels: Partial<Record<ExtractField, number>>;
}

export const ANALYTICS_FORMATS = ['csv', 'xlsx', 'pdf'] as const;

const distinct = <T extends string>(values: T[]) => new Set(values).size === values.length;

const tableQuery = {
  by: z.array(z.enum(ANALYTICS_DIMENSIONS)).min(1).max(3).refine(distinct, 'each dimension once'),
  k: z.int().min(2).max(1000).default(DEFAULT_K),
  period: z.enum(PERIODS).default('year'),
  /** Leave out customers who objected (in the requests register or a handover). */
  excludeObjected: z.boolean().default(true),
};

export const analyticsOps = {
  'analytics.table': op<AnalyticsTable>()({
    input: z.strictObject(tableQuery),
    access: ROLES,
    job: false,
    writes: false,
    summary: 'Counts of customers by the chosen dimensions, small cells suppressed',
  }),
  'analytics.export': op<AnalyticsExportResult>()({
    input: z.strictObject({
      ...tableQuery,
      format: z.enum(ANALYTICS_FORMATS),
      headers: z.enum(['zh-CN', 'en']).default('en'),
      file: fileRef('analytics-export', 'save'),
    }),
    access: ROLES,
    job: false,
    writes: true,
    summary: 'Write the suppressed table of counts as CSV, XLSX or PDF (audited: fields, k, counts)',
  }),
  'analytics.extract': op<AnalyticsExtractResult>()({
    input: z.strictObject({
      fields: z
        .array(z.enum(EXTRACT_FIELDS))
        .min(1)
        .max(EXTRACT_FIELDS.length)
        .refine(distinct, 'each field once'),
      k: z.int().min(2).max(1000).default(DEFAULT_K),
      excludeObjected: z.boolean().default(true),
      file: fileRef('analytics-extract', 'save'),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary:
      'Write a de-identified extract: no direct identifiers, the chosen fields generalised until every combination holds k records; refused when it cannot',
  }),
} as const satisfies Record<string, OpSpec>;
