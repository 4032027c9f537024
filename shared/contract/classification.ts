// classification.*: the versioned classification rules, (re)classifying records, and what people set by hand.
import type { StaleReference } from '../classification/stale';
import { z } from 'zod';
import { overrideChangeSchema } from '../classification/overrides';
import { rulesSchema, type RulesVersion } from '../classification/rules';
import { recordFilterSchema } from '../records';
import { none, op, ROLES, type OpSpec } from './op';

export interface RulesInfo {
  current: RulesVersion;
  history: Array<{ version: number; createdAt: string; createdBy: string | null; note: string | null }>;
  /** False while the vault still runs on the built-in defaults (stored as version 1 on first use). */
  stored: boolean;
  /** What the stale rule measures from now: the closure decision date, or today when none is set. */
  staleReference: StaleReference;
}

export interface ClassifyRunResult {
  classified: number;
  rulesVersion: number;
  /** True when this run stored new rules first. */
  savedRules: boolean;
  /** What the stale flag was measured from. */
  staleReference: StaleReference;
}

export interface RulesSaved {
  version: number;
  /** Records reclassified under the new version; null when reclassification was not asked for. */
  reclassified: number | null;
}

/** One product or service value of the vault (its spellings folded together) for the product review. */
export interface ProductValue {
  /** The value as most records write it. */
  value: string;
  /** Live records with this value (any spelling). */
  records: number;
  /** Other spellings folded into it (case, width, script, punctuation). */
  spellings: number;
  /** The category most of its records have now (null: unmatched). */
  category: string | null;
  /** Its records with no category. */
  unmatched: number;
  /** The category a person chose for it in the review, or null. */
  rule: string | null;
  /** The built-in taxonomy's suggestion: a category id with its kind; null when it knows no term in it. */
  suggestion: { categoryId: string; kind: 'product' | 'service'; confidence: number } | null;
}

export interface ProductReview {
  /** Most records first; unmatched values before matched ones of the same count. */
  values: ProductValue[];
  /** Distinct values in the vault; those past `limit` are left out. */
  distinct: number;
  omitted: number;
  /** Live records with a product value, and those of them with no category. */
  records: number;
  unmatched: number;
}

export interface ProductRulesSaved {
  version: number;
  /** Product rules in the new version. */
  rules: number;
  reclassified: number;
}

export interface OverrideResult {
  /** Records whose overrides changed. */
  updated: number;
}

export const classificationOps = {
  'classification.rules': op<RulesInfo>()({
    input: none,
    access: ROLES,
    job: false,
    writes: false,
    summary: 'The classification rules in force and the list of earlier versions',
  }),
  'classification.saveRules': op<RulesSaved>()({
    input: z.strictObject({
      rules: rulesSchema,
      note: z.string().trim().max(500).optional(),
      reclassify: z.boolean().default(false),
    }),
    access: ['owner'],
    job: true,
    writes: true,
    summary: 'Store the classification rules as a new version; optionally reclassify every record',
  }),
  'classification.run': op<ClassifyRunResult>()({
    input: z.strictObject({
      filter: recordFilterSchema.optional(),
      /** New rules to store first (owners only). */
      rules: rulesSchema.optional(),
      note: z.string().trim().max(500).optional(),
    }),
    access: ['owner', 'operator'],
    job: true,
    writes: true,
    summary: 'Reclassify every record (or a filter of them) under the rules in force; overrides stay',
  }),
  'classification.override': op<OverrideResult>()({
    input: z
      .strictObject({
        ids: z.array(z.int().positive()).min(1).max(100_000).optional(),
        filter: recordFilterSchema.optional(),
        set: overrideChangeSchema,
      })
      .refine((i) => (i.ids === undefined) !== (i.filter === undefined), {
        message: 'give either ids or a filter',
      }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: 'Set or clear type, region, category or flags by hand for records, in bulk',
  }),
  'classification.products': op<ProductReview>()({
    input: z.strictObject({
      limit: z.int().min(1).max(10_000).default(1000),
      unmatchedOnly: z.boolean().default(false),
    }),
    access: ROLES,
    job: false,
    writes: false,
    summary: 'The product review: distinct product/service values with counts, category, suggestion and rule',
  }),
  'classification.fileProducts': op<ProductRulesSaved>()({
    input: z.strictObject({
      values: z.array(z.string().trim().min(1).max(500)).min(1).max(10_000),
      /** A taxonomy category id or a category of the rules; null removes the values' rules. */
      category: z.string().trim().min(1).max(100).nullable(),
      note: z.string().trim().max(500).optional(),
    }),
    access: ['owner'],
    job: true,
    writes: true,
    summary: 'Product review: file values under a category as rules (a new rules version), then reclassify',
  }),
} as const satisfies Record<string, OpSpec>;
