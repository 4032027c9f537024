// records.stats: the counts the Classification page, the Dashboard and `closeout stats --json` show, in
// one pass over the customers (plus small GROUP BYs for categories, countries and sensitive kinds).
import { DISPOSITIONS, SENSITIVE_KINDS } from '../../../shared/customer';
import type { CustomerStats } from '../../../shared/contract';
import { UNMATCHED } from '../../../shared/classification/rules';
import type { VaultDb } from '../vault/database';
import { peekRules } from '../classification/rules-store';

const LIVE = 'merged_into IS NULL';

export function customerStats(db: VaultDb): CustomerStats {
  const rulesVersion = peekRules(db).version;
  const kindColumns = SENSITIVE_KINDS.map(
    (k, i) => `SUM((',' || sensitive || ',') LIKE '%,${k},%') AS k${i}`,
  ).join(',\n      ');
  const dispositionColumns = DISPOSITIONS.map((d) => `SUM(disposition = '${d}') AS d_${d}`).join(', ');
  const row = db
    .prepare(
      `SELECT COUNT(*) AS customers,
      SUM(type = 'individual') AS individual, SUM(type = 'business') AS business,
      SUM(region = 'mainland') AS mainland, SUM(region = 'hk_mo_tw') AS hk_mo_tw, SUM(region = 'overseas') AS overseas,
      SUM(sensitive <> '') AS sensitive, SUM(minor) AS minor, SUM(stale) AS stale,
      SUM(id_number_status = 'invalid') AS invalid_id_number, SUM(credit_code_status = 'invalid') AS invalid_credit_code,
      SUM(phone_status = 'invalid') AS invalid_phone, SUM(email_status = 'invalid') AS invalid_email,
      SUM(formula_like) AS formula_like, SUM(incomplete) AS incomplete, SUM(type_doubtful) AS type_doubtful,
      SUM(region_conflict) AS region_conflict, SUM(last_order_date IS NULL) AS no_activity_date,
      SUM(cluster_id IS NOT NULL) AS duplicate_records, COUNT(DISTINCT cluster_id) AS clusters,
      SUM(disposition IS NULL) AS d_none, ${dispositionColumns},
      SUM(rules_version IS NULL OR rules_version <> ?) AS unclassified,
      ${kindColumns}
    FROM customers WHERE ${LIVE}`,
    )
    .get(rulesVersion) as Record<string, number | null>;
  const n = (key: string) => row[key] ?? 0;

  const categories: Record<string, number> = {};
  for (const c of db
    .prepare(`SELECT category, COUNT(*) AS n FROM customers WHERE ${LIVE} GROUP BY category ORDER BY n DESC`)
    .all() as Array<{ category: string | null; n: number }>)
    categories[c.category ?? UNMATCHED] = c.n;
  categories[UNMATCHED] ??= 0;

  const countries: Record<string, number> = {};
  for (const c of db
    .prepare(
      `SELECT region_country AS country, COUNT(*) AS n FROM customers
       WHERE ${LIVE} AND region_country IS NOT NULL GROUP BY region_country ORDER BY n DESC`,
    )
    .all() as Array<{ country: string; n: number }>)
    countries[c.country] = c.n;

  const customers = n('customers');
  const known = n('individual') + n('business');
  const placed = n('mainland') + n('hk_mo_tw') + n('overseas');
  return {
    customers,
    // Not yet classified counts as unknown, as the records view shows it.
    type: { individual: n('individual'), business: n('business'), unknown: customers - known },
    region: {
      mainland: n('mainland'),
      hk_mo_tw: n('hk_mo_tw'),
      overseas: n('overseas'),
      unknown: customers - placed,
    },
    countries,
    categories,
    flags: {
      sensitive: n('sensitive'),
      minor: n('minor'),
      stale: n('stale'),
      invalid_id_number: n('invalid_id_number'),
      invalid_credit_code: n('invalid_credit_code'),
      invalid_phone: n('invalid_phone'),
      invalid_email: n('invalid_email'),
      formula_like: n('formula_like'),
      incomplete: n('incomplete'),
      type_doubtful: n('type_doubtful'),
      region_conflict: n('region_conflict'),
      no_activity_date: n('no_activity_date'),
    },
    sensitiveKinds: Object.fromEntries(SENSITIVE_KINDS.map((k, i) => [k, n(`k${i}`)])),
    duplicates: { clusters: n('clusters'), records: n('duplicate_records') },
    disposition: {
      RETAIN: n('d_RETAIN'),
      TRANSFER: n('d_TRANSFER'),
      ANONYMISE: n('d_ANONYMISE'),
      DESTROY: n('d_DESTROY'),
      none: n('d_none'),
    },
    unclassified: n('unclassified'),
    rulesVersion,
  };
}
