// What the customer records say, for the checklists, the plan, the assessments and the risk register: one
// aggregate pass over the live records plus small GROUP BYs. Counts and company names of recipients only;
// no customer's value leaves this module.
import { CUSTOMER_FIELDS, SENSITIVE_KINDS, type CustomerField } from '../../../shared/customer';
import type { VaultDb } from '../vault/database';
import { peekRules } from '../classification/rules-store';

const LIVE = 'merged_into IS NULL';

/** The European Economic Area (GDPR applies there); ISO 3166-1 alpha-2. */
export const EEA_COUNTRIES = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
] as const;

/**
 * What marks a US address as Californian: the state's name (English or Chinese) or its postal
 * abbreviation after a comma, anywhere in the address, ASCII letters in any case (SQLite's LIKE).
 */
export const CALIFORNIA_MARKS = ['California', '加州', '加利福尼亚', ', CA '] as const;
/** A US address in California (CALIFORNIA_MARKS), as SQL. */
export const CALIFORNIA = `(${CALIFORNIA_MARKS.map((m) => `address LIKE '%${m}%'`).join(' OR ')})`;

export interface CustomerFacts {
  total: number;
  individual: number;
  business: number;
  unknownType: number;
  withoutDisposition: number;
  dispositions: { RETAIN: number; TRANSFER: number; ANONYMISE: number; DESTROY: number };
  sensitive: number;
  sensitiveByKind: Array<{ kind: string; records: number }>;
  /** Sensitive records whose disposition sends them to someone else. */
  sensitiveTransfer: number;
  minors: number;
  minorsTransfer: number;
  stale: number;
  unclassified: number;
  regions: { mainland: number; hk_mo_tw: number; overseas: number; unknown: number };
  countries: Record<string, number>;
  eu: number;
  us: number;
  california: number;
  /** RETAIN without a basis or an end date. */
  retainIncomplete: number;
  /** RETAIN whose end date has passed. */
  retainExpired: number;
  /** DESTROY records still in the vault: not purged yet. */
  destroyPending: number;
  transferNoRecipient: number;
  recipients: Array<{ name: string; records: number }>;
  dataKinds: Array<{ field: string; records: number }>;
  retention: Array<{
    basis: string;
    records: number;
    earliest: string | null;
    latest: string | null;
    expired: number;
  }>;
  pendingClusters: number;
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The fields the vault's customers table has a column for (the data kinds counted), in field order. */
export function recordedFields(db: VaultDb): Array<{ field: CustomerField; column: string }> {
  const columns = new Set((db.pragma('table_info(customers)') as Array<{ name: string }>).map((c) => c.name));
  return CUSTOMER_FIELDS.map((f) => ({ field: f, column: snake(f) })).filter((f) => columns.has(f.column));
}

export function customerFacts(db: VaultDb, today: string): CustomerFacts {
  const fields = recordedFields(db);
  const kindSums = SENSITIVE_KINDS.map((k, i) => `SUM((',' || sensitive || ',') LIKE '%,${k},%') AS k${i}`);
  const fieldSums = fields.map((f, i) => `SUM(${f.column} IS NOT NULL AND ${f.column} <> '') AS f${i}`);
  const eea = EEA_COUNTRIES.map((c) => `'${c}'`).join(', ');
  const row = db
    .prepare(
      `SELECT COUNT(*) AS total,
        SUM(type = 'individual') AS individual, SUM(type = 'business') AS business,
        SUM(disposition IS NULL) AS without,
        SUM(disposition = 'RETAIN') AS retain, SUM(disposition = 'TRANSFER') AS transfer,
        SUM(disposition = 'ANONYMISE') AS anonymise, SUM(disposition = 'DESTROY') AS destroy,
        SUM(sensitive <> '') AS sensitive, SUM(sensitive <> '' AND disposition = 'TRANSFER') AS sensitive_transfer,
        SUM(minor) AS minors, SUM(minor = 1 AND disposition = 'TRANSFER') AS minors_transfer, SUM(stale) AS stale,
        SUM(rules_version IS NULL OR rules_version <> @rules) AS unclassified,
        SUM(region = 'mainland') AS mainland, SUM(region = 'hk_mo_tw') AS hk_mo_tw, SUM(region = 'overseas') AS overseas,
        SUM(region_country IN (${eea})) AS eu, SUM(region_country = 'US') AS us,
        SUM(region_country = 'US' AND ${CALIFORNIA}) AS california,
        SUM(disposition = 'RETAIN' AND (disposition_basis IS NULL OR disposition_basis = '' OR retain_until IS NULL)) AS retain_incomplete,
        SUM(disposition = 'RETAIN' AND retain_until < @today) AS retain_expired,
        SUM(disposition = 'TRANSFER' AND (disposition_recipient IS NULL OR disposition_recipient = '')) AS transfer_no_recipient
        ${kindSums.length ? ',' + kindSums.join(', ') : ''}
        ${fieldSums.length ? ',' + fieldSums.join(', ') : ''}
      FROM customers WHERE ${LIVE}`,
    )
    .get({ rules: peekRules(db).version, today }) as Record<string, number | null>;
  const n = (key: string) => row[key] ?? 0;

  const countries: Record<string, number> = {};
  for (const c of db
    .prepare(
      `SELECT region_country AS country, COUNT(*) AS n FROM customers
       WHERE ${LIVE} AND region_country IS NOT NULL GROUP BY region_country ORDER BY n DESC, country`,
    )
    .all() as Array<{ country: string; n: number }>)
    countries[c.country] = c.n;

  const recipients = (
    db
      .prepare(
        `SELECT disposition_recipient AS name, COUNT(*) AS records FROM customers
         WHERE ${LIVE} AND disposition = 'TRANSFER' AND disposition_recipient IS NOT NULL
         GROUP BY disposition_recipient ORDER BY records DESC, name`,
      )
      .all() as Array<{ name: string; records: number }>
  ).map((r) => ({ name: r.name, records: r.records }));

  const retention = db
    .prepare(
      `SELECT COALESCE(disposition_basis, '') AS basis, COUNT(*) AS records, MIN(retain_until) AS earliest,
         MAX(retain_until) AS latest, COALESCE(SUM(retain_until < ?), 0) AS expired
       FROM customers WHERE ${LIVE} AND disposition = 'RETAIN'
       GROUP BY COALESCE(disposition_basis, '') ORDER BY earliest, basis`,
    )
    .all(today) as CustomerFacts['retention'];

  const pending = db.prepare(`SELECT COUNT(*) AS n FROM clusters WHERE status = 'pending'`).get() as {
    n: number;
  };
  const total = n('total');
  const placed = n('mainland') + n('hk_mo_tw') + n('overseas');
  return {
    total,
    individual: n('individual'),
    business: n('business'),
    unknownType: total - n('individual') - n('business'),
    withoutDisposition: n('without'),
    dispositions: {
      RETAIN: n('retain'),
      TRANSFER: n('transfer'),
      ANONYMISE: n('anonymise'),
      DESTROY: n('destroy'),
    },
    sensitive: n('sensitive'),
    sensitiveByKind: SENSITIVE_KINDS.map((kind, i) => ({ kind, records: n(`k${i}`) })).filter(
      (k) => k.records > 0,
    ),
    sensitiveTransfer: n('sensitive_transfer'),
    minors: n('minors'),
    minorsTransfer: n('minors_transfer'),
    stale: n('stale'),
    unclassified: n('unclassified'),
    regions: {
      mainland: n('mainland'),
      hk_mo_tw: n('hk_mo_tw'),
      overseas: n('overseas'),
      unknown: total - placed,
    },
    countries,
    eu: n('eu'),
    us: n('us'),
    california: n('california'),
    retainIncomplete: n('retain_incomplete'),
    retainExpired: n('retain_expired'),
    destroyPending: n('destroy'),
    transferNoRecipient: n('transfer_no_recipient'),
    recipients,
    dataKinds: fields.map((f, i) => ({ field: f.field, records: n(`f${i}`) })).filter((f) => f.records > 0),
    retention,
    pendingClusters: pending.n,
  };
}
