// What the classification, disposition and statistics operations answer (contract result types).
import type { Disposition } from '../customer';
import type { RulesVersion } from '../classification/rules';

export interface RulesInfo {
  current: RulesVersion;
  history: Array<{ version: number; createdAt: string; createdBy: string | null; note: string | null }>;
  /** False while the vault still runs on the built-in defaults (stored as version 1 on first use). */
  stored: boolean;
}

export interface ClassifyRunResult {
  classified: number;
  rulesVersion: number;
  /** True when this run stored new rules first. */
  savedRules: boolean;
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
