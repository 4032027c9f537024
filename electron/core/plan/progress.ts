// The closure's progress outside the plan view: today's counts for the charts (table progress_snapshots),
// the stage in the vault's details when it moves (an audit entry), and the registry's stage, next deadline
// and blocker count so the Dashboard shows them for locked vaults. Called after the operations that move a
// closure (imports, dispositions, backups and drills, plan changes) and when the vault locks.
import type { ProgressPoint } from '../../../shared/contract';
import type { CustomerTally } from '../compliance/customer-tally';
import { gatherFacts } from '../compliance/facts';
import { readMeta, writeMeta } from '../vault/meta';
import type { OpenVault } from '../vault/open-vault';
import { readRegistry, upsertRegistry } from '../vault/registry';
import { planOf } from './closure-plan';

/** `customers`: an import's tally, which has the customer facts without reading the records again. */
export function noteClosureProgress(
  dataDir: string | null,
  vault: OpenVault,
  now = new Date(),
  customers: CustomerTally | null = null,
): void {
  const facts = gatherFacts(vault, now, undefined, customers);
  const plan = planOf(facts);
  const c = facts.customers;
  const counts: ProgressPoint['counts'] = {
    customers: c.total,
    withoutDisposition: c.withoutDisposition,
    ...c.dispositions,
  };
  const stageBefore = readMeta(vault.db).stage;
  const write = () => {
    vault.db
      .prepare(
        `INSERT INTO progress_snapshots (day, stage, counts) VALUES (?, ?, ?)
         ON CONFLICT (day) DO UPDATE SET stage = excluded.stage, counts = excluded.counts`,
      )
      .run(facts.today, plan.stage, JSON.stringify(counts));
  };
  if (stageBefore !== plan.stage)
    vault.change(
      () => ({ op: 'plan.stage', params: { from: stageBefore, to: plan.stage }, outcome: 'ok' }),
      () => {
        writeMeta(vault.db, { stage: plan.stage });
        write();
      },
    );
  else write();
  if (!dataDir || !readRegistry(dataDir).some((e) => e.id === vault.vaultId)) return;
  upsertRegistry(dataDir, {
    id: vault.vaultId,
    stage: plan.stage,
    nextDeadline: plan.nextDeadline ? { kind: plan.nextDeadline.kind, date: plan.nextDeadline.date } : null,
    blockers: plan.blockers,
  });
}

export function progressHistory(vault: OpenVault): ProgressPoint[] {
  return (
    vault.db.prepare('SELECT day, stage, counts FROM progress_snapshots ORDER BY day').all() as Array<{
      day: string;
      stage: ProgressPoint['stage'];
      counts: string;
    }>
  ).map((r) => ({ day: r.day, stage: r.stage, counts: JSON.parse(r.counts) as ProgressPoint['counts'] }));
}
