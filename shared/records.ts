// The records view's vocabulary, shared by the engine, the CLI and the window: what a search and its
// filters may say, and the export formats (what comes back: shared/contract/records.ts).
import { z } from 'zod';
import { CUSTOMER_TYPES, DISPOSITIONS, REGIONS, VALIDATED_FIELDS, type ValidatedField } from './customer';
import { SORTABLE_FIELDS } from './customer/columns';

const fieldStatusSchema = z.enum(['valid', 'invalid', 'missing', 'legacy']);
/** A status filter for every validated field. */
const statusFilterShape = Object.fromEntries(
  VALIDATED_FIELDS.map((f) => [f, fieldStatusSchema.optional()]),
) as { [F in ValidatedField]: z.ZodOptional<typeof fieldStatusSchema> };

/**
 * Filters on every classification and flag. Absent = any. `category: null` = no category matched,
 * `disposition: null` = none decided yet; a flag set to false asks for records without it. `cluster`:
 * one duplicate cluster by id, or true / false for in any cluster / in none. Merged-away records are
 * hidden unless `includeMerged`.
 */
export const recordFilterSchema = z.strictObject({
  type: z.enum(CUSTOMER_TYPES).optional(),
  region: z.enum(REGIONS).optional(),
  regionCountry: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2')
    .transform((s) => s.toUpperCase())
    .optional(),
  category: z.string().max(200).nullable().optional(),
  disposition: z.enum(DISPOSITIONS).nullable().optional(),
  flags: z
    .strictObject({
      stale: z.boolean().optional(),
      minor: z.boolean().optional(),
      sensitive: z.boolean().optional(),
      formulaLike: z.boolean().optional(),
      incomplete: z.boolean().optional(),
      typeDoubtful: z.boolean().optional(),
      regionConflict: z.boolean().optional(),
      hiddenCharacters: z.boolean().optional(),
      malformed: z.boolean().optional(),
    })
    .optional(),
  status: z.strictObject(statusFilterShape).optional(),
  sourceId: z.string().min(1).max(100).optional(),
  cluster: z.union([z.int().positive(), z.boolean()]).optional(),
  includeMerged: z.boolean().optional(),
});
export type RecordFilter = z.infer<typeof recordFilterSchema>;

/** The record's own number, the sortable customer fields and the classification. */
const RECORD_SORT_FIELDS = [
  'id',
  ...SORTABLE_FIELDS,
  'type',
  'region',
  'category',
  'disposition',
  'completeness',
] as const;
export type RecordSortField = (typeof RECORD_SORT_FIELDS)[number];

const recordSortSchema = z.strictObject({
  field: z.enum(RECORD_SORT_FIELDS),
  dir: z.enum(['asc', 'desc']).default('asc'),
});

/** What a person types in the search box: any substring of a name, organisation, phone, e-mail or address. */
const searchText = z.string().max(200);

/** The largest page one call returns. */
const RECORD_PAGE_MAX = 500;
/**
 * How far a 'capped' count goes: beyond it the answer is "10 000+" (totalExact false) so that a search
 * answers in milliseconds on a million records; ask again with count 'exact' for the precise figure.
 */
export const RECORD_COUNT_CAP = 10_000;

export const recordQuerySchema = z.strictObject({
  query: searchText.optional(),
  filter: recordFilterSchema.optional(),
  sort: recordSortSchema.optional(),
  offset: z.int().min(0).max(100_000_000).default(0),
  limit: z.int().min(0).max(RECORD_PAGE_MAX).default(50),
  /** 'capped' (default): exact up to RECORD_COUNT_CAP; 'exact': always counts; 'none': no count (next pages). */
  count: z.enum(['capped', 'exact', 'none']).default('capped'),
});

export const RECORD_EXPORT_FORMATS = ['csv', 'csv-gb18030', 'xlsx', 'json'] as const;
export type RecordExportFormat = (typeof RECORD_EXPORT_FORMATS)[number];

export const recordExportOptions = {
  query: searchText.optional(),
  filter: recordFilterSchema.optional(),
  format: z.enum(RECORD_EXPORT_FORMATS),
  /** Language of the CSV / XLSX column headers (JSON keys are always the CustomerRecord's). */
  headers: z.enum(['zh-CN', 'en']).default('en'),
};
