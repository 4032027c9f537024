// dispositions.*: what becomes of each record (retain, transfer, anonymise, destroy), by rules or by hand.
import { z } from 'zod';
import type { Disposition } from '../customer';
import { dispositionRuleSchema, dispositionSetSchema } from '../dispositions';
import { op, type OpSpec } from './op';

export type DispositionCounts = Record<Disposition | 'none', number>;

export interface DispositionApplied {
  dryRun: boolean;
  /** Per rule, in order: the records it decided (a record goes to the first rule it matches). */
  rules: Array<{ index: number; matched: number }>;
  /** Records whose disposition this run set or changed (or would, in a dry run). */
  changed: number;
  /** Records a rule matched that keep the disposition a person set by hand. */
  keptManual: number;
  /** Disposition counts after the run (for a dry run: as they would be). */
  disposition: DispositionCounts;
}

export interface DispositionSetResult {
  updated: number;
}

export const dispositionsOps = {
  'dispositions.apply': op<DispositionApplied>()({
    input: z.strictObject({
      rules: z.array(dispositionRuleSchema).min(1).max(100),
      dryRun: z.boolean().default(false),
      /** Leave dispositions a person set by hand (dispositions.set) alone. */
      keepManual: z.boolean().default(true),
    }),
    access: ['owner', 'operator'],
    job: true,
    writes: true,
    summary: 'Decide dispositions by rules (first matching rule wins); a dry run only counts',
  }),
  'dispositions.set': op<DispositionSetResult>()({
    input: z.strictObject({
      ids: z.array(z.int().positive()).min(1).max(100_000),
      set: z.union([dispositionSetSchema, z.strictObject({ disposition: z.null() })]),
    }),
    access: ['owner', 'operator'],
    job: false,
    writes: true,
    summary: "Set (or clear) listed records' disposition by hand: RETAIN needs a basis and a date",
  }),
} as const satisfies Record<string, OpSpec>;
