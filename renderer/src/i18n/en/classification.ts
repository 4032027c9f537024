// English text of the Classification page: the same keys as zh-CN/classification.ts (the type checks it).
import type { Messages } from '../messages';
import type { classification as zh } from '../zh-CN/classification';

export const classification: Messages<typeof zh> = {
  classification: {
    title: 'Classification',
    subtitle:
      'Counts by customer type, region and product or service category, with sensitive, minor, stale and incomplete records flagged; click a number to see those records.',
    refresh: 'Refresh',
    reclassify: 'Reclassify all',
    total: '{{n}} customer records (rules version {{version}})',
    unclassified: '{{n}} not yet classified under the current rules',
    duplicates: 'Duplicate records',
    type: {
      title: 'Customer type',
      individual: 'Individuals',
      business: 'Businesses & organisations',
      unknown: 'Cannot tell',
    },
    region: {
      title: 'Region',
      mainland: 'Mainland China',
      hk_mo_tw: 'Hong Kong, Macao & Taiwan',
      overseas: 'Overseas',
      unknown: 'Unknown',
    },
    products: {
      title: 'Product and service categories: review',
      hint: 'Each product or service value of the records, with the category it has now and the one the built-in taxonomy suggests. Accept a suggestion, change a category, or tick several values and set their category at once: each choice is kept as a rule, so a reimport or a new file is filed the same way.',
      summary:
        '{{distinct}} values, {{records}} records with a product or service, {{unmatched}} of them unmatched',
      unmatchedOnly: 'Unmatched values only',
      value: 'Product or service',
      spellings: '+{{count}} spellings',
      records: 'Records',
      category: 'Category now',
      ruled: 'Your rule',
      suggestion: 'Suggested',
      kinds: { product: 'Product', service: 'Service' },
      accept: 'Accept',
      change: 'File under…',
      bulkCategory: 'Category for the ticked values',
      bulkApply: 'Set category ({{count}})',
    },
    category: { title: 'Product / service category', unmatched: 'Unmatched' },
    flags: {
      title: 'Flags',
      sensitive: 'Sensitive personal information',
      minor: 'Under 14',
      stale: 'Stale',
      invalid_id_number: 'Invalid ID number',
      invalid_credit_code: 'Invalid credit code',
      invalid_phone: 'Invalid phone',
      invalid_email: 'Invalid e-mail',
      formula_like: 'Formula-like cells',
      incomplete: 'Incomplete',
      type_doubtful: 'Type doubtful',
      region_conflict: 'Region conflict',
      no_activity_date: 'No activity date',
    },
    rules: {
      title: 'Classification rules (version {{version}})',
      save: 'Save as a new version',
      ownerOnly: 'Only the owner can change the rules',
      saved: 'Saved as rules version {{version}}. Reclassify every record under the new rules?',
      reclassifyNow: 'Reclassify now',
      invalid: 'The rules have a problem ({{where}}): {{message}}',
      staleYears: 'Stale after this many years without an order',
      staleFrom: {
        decision:
          'Stale: no order since {{before}} — the {{years}} years before {{date}}, the closure decision date (a key date in the vault’s details).',
        today:
          'Stale: no order since {{before}} — the {{years}} years before today ({{date}}): no closure decision date is set in the vault’s details; once it is, stale is measured from it.',
        reason:
          'Why: after the closure, a customer with no order in that time needs no further handling, and personal information is kept no longer than its purpose needs (PIPL Art. 19), so these records are the first to delete. The default is 3 years; choose more if contracts, warranties or tax records need the customers for longer.',
      },
      threshold: 'Incomplete below this completeness (0–100)',
      minorAge: 'Minor: under {{age}} (from the ID number’s birth date)',
      markers: 'Organisation markers (a name containing one is a business)',
      categories: 'Product / service categories (in order: the first match wins)',
      addCategory: 'Add a category',
      removeCategory: 'Remove the category',
      categoryName: 'Category',
      keywords: 'Keywords (Enter to add)',
      orderHint:
        'Keywords are looked for in the product field: Chinese anywhere, English as whole words, any case.',
    },
  },
};
