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
} as const satisfies Record<string, OpSpec>;
