// classification.override: set or clear classifications by hand, for listed records or a filter's, in bulk.
// The overrides are stored on each record and the records reclassified at once, so what the window
// shows is what a person chose; later reclassifications leave those fields alone. Audited with the
// count, and the record ids when there are at most AUDIT_IDS_MAX of them.
import type { OpParsedInput } from '../../../shared/contract';
import { applyOverrideChange } from '../../../shared/classification/overrides';
import type { OverrideResult } from '../../../shared/contract';
import { AUDIT_IDS_MAX } from '../vault/audit';
import type { OpenVault } from '../vault/open-vault';
import { classifyCustomers, parseOverrides } from './classify';
import { filterCondition } from '../records/filter-sql';

export function overrideRecords(
  vault: OpenVault,
  input: OpParsedInput<'classification.override'>,
): OverrideResult {
  const { db } = vault;
  const { updated } = vault.change(
    (r) => ({
      op: 'classification.override',
      params: {
        fields: Object.keys(input.set),
        filter: input.filter ?? null,
        ids: r.ids.length <= AUDIT_IDS_MAX ? r.ids : null,
      },
      counts: { updated: r.updated },
      outcome: 'ok',
    }),
    () => {
      const cond = filterCondition(input.filter ?? {});
      const rows = (
        input.ids
          ? db
              .prepare(
                `SELECT id, overrides FROM customers WHERE id IN (SELECT value FROM json_each(?)) AND ${cond.sql} ORDER BY id`,
              )
              .all(JSON.stringify(input.ids), ...cond.params)
          : db
              .prepare(`SELECT id, overrides FROM customers WHERE ${cond.sql} ORDER BY id`)
              .all(...cond.params)
      ) as Array<{ id: number; overrides: string }>;
      const update = db.prepare('UPDATE customers SET overrides = ? WHERE id = ?');
      const changed: number[] = [];
      for (const row of rows) {
        const next = JSON.stringify(applyOverrideChange(parseOverrides(row.overrides), input.set));
        if (next === row.overrides) continue;
        update.run(next, row.id);
        changed.push(row.id);
      }
      // Cleared fields go back to the rules; set ones take the person's value.
      classifyCustomers(db, { ids: changed });
      return { updated: changed.length, ids: changed };
    },
  );
  return { updated };
}
