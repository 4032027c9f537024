// The handover's rows about single customers: the notice sent to each, their objections and consents
// (with the note taken down), and which records each package carried. A wipe removes them with the
// records they name; the handover itself (recipient, agreement, vetting, PIPIA, packages' digests) is
// the company's evidence and holds no customer's value.
import { WIPE_TARGETS, type CustomerCopies } from '../kernel/customer-copies';

const byCustomer = (table: string, valueColumns: readonly string[] = []): CustomerCopies => ({
  table,
  valueColumns,
  purge: (db) =>
    db.prepare(`DELETE FROM ${table} WHERE customer_id IN (SELECT id FROM ${WIPE_TARGETS})`).run().changes,
  *values(db) {
    for (const column of valueColumns)
      for (const row of db
        .prepare(
          `SELECT ${column} AS v FROM ${table} WHERE customer_id IN (SELECT id FROM ${WIPE_TARGETS}) AND ${column} IS NOT NULL`,
        )
        .iterate())
        yield (row as { v: string }).v;
  },
});

export const handoverCopies: readonly CustomerCopies[] = [
  byCustomer('handover_notices'),
  byCustomer('handover_responses', ['note']),
  byCustomer('handover_records'),
];
