// English text of the Dispositions page: the same keys as zh-CN/dispositions.ts (the type checks it).
import type { Messages } from '../messages';
import type { dispositions as zh } from '../zh-CN/dispositions';

export const dispositions: Messages<typeof zh> = {
  dispositions: {
    title: 'Dispositions',
    subtitle:
      'Every record ends with exactly one disposition: retain (with a legal basis and a retain-until date), transfer, anonymise or destroy.',
    none: 'Without a disposition',
    allDecided: 'Every record has a disposition',
    kind: { RETAIN: 'Retain', TRANSFER: 'Transfer', ANONYMISE: 'Anonymise', DESTROY: 'Destroy' },
    when: {
      none: 'Records without a disposition',
      stale: 'Stale',
      business: 'Business customers',
      individual: 'Individual customers',
      minor: 'Under 14',
      sensitive: 'With sensitive information',
      incomplete: 'Incomplete',
      overseas: 'Overseas customers',
      all: 'All remaining records',
      category: 'Category',
    },
    preset: {
      'accounting-30y': 'Accounting archives: 30 years',
      'tax-10y': 'Tax records: 10 years',
      'invoice-5y': 'Invoice stubs: 5 years',
      custom: 'Own basis and date',
    },
    basis: 'Legal basis',
    recipient: 'Recipient',
    rules: {
      title: 'Disposition rules',
      hint: 'Rules run in order; each record is decided by the first rule it matches. Dispositions set by hand are kept. Retention counts from the end of the year of the last order.',
      add: 'Add a rule',
      remove: 'Remove the rule',
      when: 'When',
      then: 'Disposition',
      matched: 'Matched',
    },
    dryRun: 'Dry run (count only)',
    apply: 'Apply the rules',
    readOnly: 'Auditors can only look',
    confirmTitle: 'Set dispositions by these rules?',
    confirmBody: 'They are written in one transaction and recorded in the audit log.',
    previewTitle: 'Dry run: {{changed}} records would change; {{none}} would still have no disposition',
    previewBody: '{{kept}} records keep the disposition set by hand. Nothing was changed.',
  },
};
