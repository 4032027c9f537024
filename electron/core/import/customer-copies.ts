// The import's copies of customers beyond the records themselves: quarantined rows (rows that could not
// become records, kept verbatim with the reason) — no disposition, so a records wipe takes them all.
import { jsonStrings, type CustomerCopies } from '../kernel/customer-copies';

export const importCopies: readonly CustomerCopies[] = [
  {
    table: 'quarantine',
    valueColumns: ['raw'],
    purge: (db, scope) => (scope.quarantine ? db.prepare('DELETE FROM quarantine').run().changes : 0),
    *values(db, scope) {
      if (!scope.quarantine) return;
      for (const row of db.prepare('SELECT raw FROM quarantine WHERE raw IS NOT NULL').iterate())
        yield* jsonStrings((row as { raw: string }).raw);
    },
  },
];
