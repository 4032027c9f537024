// Classification of customer records (type, region, category, sensitive / minor / stale / incomplete
// flags) under the vault's current rules. Being written in this session by the quality work; the import
// calls classifyCustomers inside its own transaction so a committed import is always classified.
import type { VaultDb } from '../vault/database';

export interface ClassifyScope {
  /** Only the records of one imported source (the import's own rows). */
  sourceId?: string;
  /** Only these records. */
  ids?: readonly number[];
}

export function classifyCustomers(
  _db: VaultDb,
  _scope: ClassifyScope = {},
  _now = new Date(),
): { classified: number } {
  return { classified: 0 };
}
