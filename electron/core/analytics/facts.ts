// The facts analytics reads from each live customer record: classifications, the last order, the spend,
// the disposition, the birth date, and the province worked out from the address or the resident ID —
// computed here and never passed on (no name, contact, number or address leaves this module).
import { provinceCode, type AnalyticsFacts } from '../../../shared/analytics/dimensions';
import { OBJECTED_ANYWHERE } from '../requests/objections';
import type { VaultDb } from '../vault/database';

interface FactsRow {
  type: string | null;
  region: string | null;
  region_country: string | null;
  address: string | null;
  id_number: string | null;
  category: string | null;
  last_order_date: string | null;
  lifetime_value: number | null;
  disposition: string | null;
  birth_date: string | null;
}

/** Calls `each` with every live customer's facts, leaving out those who objected when asked. */
export function forEachFacts(
  db: VaultDb,
  excludeObjected: boolean,
  each: (facts: AnalyticsFacts) => void,
): void {
  const rows = db
    .prepare(
      `SELECT type, region, region_country, address, id_number, category, last_order_date, lifetime_value,
        disposition, birth_date FROM customers c
       WHERE c.merged_into IS NULL${excludeObjected ? ` AND NOT ${OBJECTED_ANYWHERE}` : ''}`,
    )
    .iterate() as IterableIterator<FactsRow>;
  for (const r of rows)
    each({
      type: r.type,
      region: r.region,
      country: r.region_country,
      province: r.region === 'mainland' ? provinceCode(r.address, r.id_number) : null,
      category: r.category,
      lastOrder: r.last_order_date,
      spend: r.lifetime_value,
      disposition: r.disposition,
      birthDate: r.birth_date,
    });
}
