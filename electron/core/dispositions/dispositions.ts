// Dispositions: every record ends with exactly one of RETAIN / TRANSFER / ANONYMISE / DESTROY (one
// column, so never two). dispositions.apply runs rules in order, a record going to the first rule it
// matches, leaving dispositions a person set by hand alone unless asked; a dry run does the same work
// in the transaction and rolls it back, so its counts are exactly what a real run would do.
// dispositions.set decides listed records by hand.
import type { OpParsedInput } from '../../../shared/contract';
import { RETENTION_PRESETS, type DispositionSet } from '../../../shared/dispositions';
import type { DispositionApplied, DispositionSetResult } from '../../../shared/contract';
import type { JobContext } from '../kernel/job';
import type { OpenVault } from '../vault/open-vault';
import { localDay } from '../classification/classify';
import { customerStats } from '../records/customer-stats';
import { filterCondition } from '../records/filter-sql';
import { inJobTransaction } from '../kernel/job-transaction';
import { AUDIT_IDS_MAX } from '../vault/audit';

/** SET clause and its parameters for one disposition; retain-until of a preset counts from year end. */
function setClause(
  set: DispositionSet | { disposition: null },
  today: string,
): { sql: string; params: unknown[] } {
  if (set.disposition === null)
    return {
      sql: 'disposition = NULL, disposition_basis = NULL, retain_until = NULL, disposition_recipient = NULL',
      params: [],
    };
  if (set.disposition === 'RETAIN' && 'preset' in set) {
    const preset = RETENTION_PRESETS[set.preset];
    return {
      sql: `disposition = 'RETAIN', disposition_basis = ?, disposition_recipient = NULL,
        retain_until = printf('%04d-12-31', CAST(substr(coalesce(last_order_date, ?), 1, 4) AS INTEGER) + ?)`,
      params: [set.basis ?? preset.basis, today, preset.years],
    };
  }
  if (set.disposition === 'RETAIN')
    return {
      sql: `disposition = 'RETAIN', disposition_basis = ?, retain_until = ?, disposition_recipient = NULL`,
      params: [set.basis, set.retainUntil],
    };
  if (set.disposition === 'TRANSFER')
    return {
      sql: `disposition = 'TRANSFER', disposition_basis = NULL, retain_until = NULL, disposition_recipient = ?`,
      params: [set.recipient],
    };
  return {
    sql: `disposition = ?, disposition_basis = NULL, retain_until = NULL, disposition_recipient = NULL`,
    params: [set.disposition],
  };
}

/** A fingerprint of the disposition columns, to count only records whose decision really changed. */
const decision = (t = '') =>
  `coalesce(${t}disposition, '') || '|' || coalesce(${t}disposition_basis, '') || '|' ||
  coalesce(${t}retain_until, '') || '|' || coalesce(${t}disposition_recipient, '')`;

export async function applyDispositions(
  vault: OpenVault,
  input: OpParsedInput<'dispositions.apply'>,
  job: JobContext,
  now = new Date(),
): Promise<DispositionApplied> {
  const { db } = vault;
  const today = localDay(now);
  return inJobTransaction(
    db,
    async () => {
      db.exec(
        'CREATE TEMP TABLE IF NOT EXISTS dispose_run (id INTEGER PRIMARY KEY, rule INTEGER NOT NULL, before TEXT)',
      );
      db.exec('DELETE FROM dispose_run');
      const rules: DispositionApplied['rules'] = [];
      let changed = 0;
      let keptManual = 0;
      job.progress(0, input.rules.length, 'applying');
      for (const [index, rule] of input.rules.entries()) {
        const cond = filterCondition(rule.when);
        const manual = input.keepManual ? `AND coalesce(disposition_source, '') <> 'manual'` : '';
        const matched = db
          .prepare(
            `INSERT INTO dispose_run (id, rule, before)
             SELECT id, ?, ${decision()} FROM customers WHERE ${cond.sql} AND id NOT IN (SELECT id FROM dispose_run)`,
          )
          .run(index, ...cond.params).changes;
        keptManual += input.keepManual
          ? (db
              .prepare(
                `SELECT COUNT(*) FROM customers WHERE id IN (SELECT id FROM dispose_run WHERE rule = ?)
                 AND disposition_source = 'manual'`,
              )
              .pluck()
              .get(index) as number)
          : 0;
        const set = setClause(rule.set, today);
        db.prepare(
          `UPDATE customers SET ${set.sql}, disposition_source = 'rule'
           WHERE id IN (SELECT id FROM dispose_run WHERE rule = ?) ${manual}`,
        ).run(...set.params, index);
        changed += db
          .prepare(
            `SELECT COUNT(*) FROM customers c JOIN dispose_run r ON r.id = c.id
             WHERE r.rule = ? AND r.before <> ${decision('c.')}`,
          )
          .pluck()
          .get(index) as number;
        rules.push({ index, matched });
        job.progress(index + 1, input.rules.length, 'applying');
        await job.checkpoint();
      }
      db.exec('DELETE FROM dispose_run');
      const result: DispositionApplied = {
        dryRun: input.dryRun,
        rules,
        changed,
        keptManual,
        disposition: customerStats(db).disposition,
      };
      if (!input.dryRun)
        vault.change(
          () => ({
            op: 'dispositions.apply',
            params: {
              rules: input.rules.map((r) => ({ when: r.when, disposition: r.set.disposition })),
              keepManual: input.keepManual,
            },
            counts: {
              changed,
              keptManual,
              ...Object.fromEntries(rules.map((r) => [`rule${r.index}`, r.matched])),
            },
            outcome: 'ok',
          }),
          () => undefined,
        );
      return result;
    },
    { rollback: (r) => r.dryRun },
  );
}

export function setDispositions(
  vault: OpenVault,
  input: OpParsedInput<'dispositions.set'>,
): DispositionSetResult {
  const { db } = vault;
  const ids = [...new Set(input.ids)];
  return vault.change(
    (r) => ({
      op: 'dispositions.set',
      params: { disposition: input.set.disposition, ids: ids.length <= AUDIT_IDS_MAX ? ids : null },
      counts: { updated: r.updated },
      outcome: 'ok',
    }),
    () => {
      const set = setClause(input.set, localDay(new Date()));
      const updated = db
        .prepare(
          `UPDATE customers SET ${set.sql}, disposition_source = ?
           WHERE merged_into IS NULL AND id IN (SELECT value FROM json_each(?))`,
        )
        .run(...set.params, input.set.disposition === null ? null : 'manual', JSON.stringify(ids)).changes;
      return { updated };
    },
  );
}
