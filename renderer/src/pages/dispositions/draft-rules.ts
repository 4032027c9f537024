// Disposition rules as the person drafts them on the page, and what they become for dispositions.apply:
// each rule a condition (a Records filter, or a category from the vault's statistics) and a disposition;
// RETAIN with a statutory preset or a legal basis and date, TRANSFER with a recipient. A draft that is not
// complete yet is no rules at all (null), so nothing can be applied from it.
import type { OpInput } from '../../../../shared/contract';
import type { Disposition } from '../../../../shared/customer';
import type { RetentionPreset } from '../../../../shared/dispositions';
import type { RecordFilter } from '../../../../shared/records';

export type DisposeRules = OpInput<'dispositions.apply'>['rules'];

/** The conditions a rule can start from; categories are added from the vault's statistics. */
export const CONDITIONS = {
  none: { disposition: null },
  stale: { flags: { stale: true } },
  business: { type: 'business' },
  individual: { type: 'individual' },
  minor: { flags: { minor: true } },
  sensitive: { flags: { sensitive: true } },
  incomplete: { flags: { incomplete: true } },
  overseas: { region: 'overseas' },
  all: {},
} satisfies Record<string, RecordFilter>;
export type ConditionKey = keyof typeof CONDITIONS;

export interface DraftRule {
  when: string;
  disposition: Disposition;
  preset: RetentionPreset | 'custom';
  basis: string;
  retainUntil: string;
  recipient: string;
}

export const blankRule = (when = 'stale', disposition: Disposition = 'DESTROY'): DraftRule => ({
  when,
  disposition,
  preset: 'accounting-30y',
  basis: '',
  retainUntil: '',
  recipient: '',
});

export function toRules(drafts: DraftRule[]): DisposeRules | null {
  const rules: DisposeRules = [];
  for (const d of drafts) {
    const when = d.when.startsWith('category:')
      ? { category: d.when.slice('category:'.length) || null }
      : CONDITIONS[d.when as ConditionKey];
    if (d.disposition === 'RETAIN') {
      if (d.preset !== 'custom') rules.push({ when, set: { disposition: 'RETAIN', preset: d.preset } });
      else if (d.basis.trim() && d.retainUntil)
        rules.push({
          when,
          set: { disposition: 'RETAIN', basis: d.basis.trim(), retainUntil: d.retainUntil },
        });
      else return null;
    } else if (d.disposition === 'TRANSFER') {
      if (!d.recipient.trim()) return null;
      rules.push({ when, set: { disposition: 'TRANSFER', recipient: d.recipient.trim() } });
    } else rules.push({ when, set: { disposition: d.disposition } });
  }
  return rules.length ? rules : null;
}
