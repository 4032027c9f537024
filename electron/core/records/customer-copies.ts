// The records view's copy of each customer: its row in the search index (grams of its values).
import type { CustomerCopies } from '../kernel/customer-copies';
import { WIPE_TARGETS } from '../kernel/customer-copies';

export const recordsCopies: readonly CustomerCopies[] = [
  {
    table: 'customers_fts',
    shadows: ['customers_fts_data', 'customers_fts_idx', 'customers_fts_docsize', 'customers_fts_config'],
    valueColumns: [],
    purge(db) {
      const changed = db
        .prepare(`DELETE FROM customers_fts WHERE rowid IN (SELECT id FROM ${WIPE_TARGETS})`)
        .run().changes;
      // Contentless-delete tables only mark a row deleted; rewriting the index drops its grams for good.
      if (changed > 0) db.prepare(`INSERT INTO customers_fts (customers_fts) VALUES ('optimize')`).run();
      return changed;
    },
  },
];
