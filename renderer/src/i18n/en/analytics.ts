// English text of the Analytics page (anonymised counts and the de-identified extract).
import type { analytics as zh } from '../zh-CN/analytics';
import type { Messages } from '../messages';

export const analytics: Messages<typeof zh> = {
  analytics: {
    title: 'Analytics',
    subtitle:
      'Counts of customers by type, place, category, period, spend band and disposition; counts below k, and those they could be worked out from, are suppressed',
    by: 'Dimensions (up to 3)',
    k: 'Smallest count k',
    period: 'Period',
    periods: { month: 'Month', quarter: 'Quarter', year: 'Year' },
    excludeObjected: 'Leave out customers who objected',
    dimensions: {
      type: 'Customer type',
      province: 'Province or country',
      category: 'Category',
      period: 'Last order period',
      spend: 'Spend band',
      disposition: 'Disposition',
      age: 'Age band',
    },
    count: 'Count',
    chartMark: 'In the chart, × marks a suppressed cell',
    suppressed: 'Suppressed',
    summary: '{{cells}} cells, {{suppressed}} suppressed; {{total}} customers in all',
    totalHidden: 'fewer than k',
    empty: 'No customers in the vault yet',
    export: 'Export {{format}}',
    exported: 'Wrote {{path}} ({{cells}} cells, {{suppressed}} suppressed)',
    extract: {
      title: 'De-identified extract',
      warning:
        'The extract drops names, contact details, ID numbers and addresses, and generalises the chosen fields until every combination holds k records. It is still personal data (PIPL, GDPR): protect it as such and destroy it after use; wiping the vault destroys it too.',
      fields: 'Fields',
      run: 'Make the extract',
      done: 'Wrote {{path}}: {{records}} records, {{classes}} combinations, the smallest {{smallest}}; notice in {{readme}}',
    },
  },
};
