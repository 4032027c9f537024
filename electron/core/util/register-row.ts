// A register's row (customers' requests, incidents) by its id or by the reference a person quotes:
// the register's letter and the row's sequence number (R-0001, I-0001).
import type { VaultDb } from '../vault/database';

export function registerRow<T>(db: VaultDb, table: 'requests' | 'incidents', letter: 'R' | 'I', id: string) {
  const seq = new RegExp(`^${letter}-(\\d{1,9})$`, 'i').exec(id)?.[1];
  return (
    seq
      ? db.prepare(`SELECT * FROM ${table} WHERE seq = ?`).get(Number(seq))
      : db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id)
  ) as T | undefined;
}
