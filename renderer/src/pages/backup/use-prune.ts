// Retention's model: the policy (how many copies to keep: the last ones, one a day, one a month), a dry run
// that only plans, and the real run; a plan belongs to the policy it was made with, so a change drops it.
import { useState } from 'react';
import type { BackupPrunePlan } from '../../../../shared/contract';
import { useCall } from '../../hooks/use-call';

export interface Policy {
  keepLast: number;
  keepDaily: number;
  keepMonthly: number;
}

export function usePrune(onPruned: () => void) {
  const [policy, setPolicy] = useState<Policy>({ keepLast: 3, keepDaily: 7, keepMonthly: 12 });
  const [plan, setPlan] = useState<BackupPrunePlan | null>(null);
  const { run: call, busy, error } = useCall();

  const change = (key: keyof Policy, value: number | null) => {
    setPolicy((p) => ({ ...p, [key]: value ?? 0 }));
    setPlan(null); // a preview belongs to the policy it was made with
  };

  const run = async (dryRun: boolean) => {
    const result = await call('backup.prune', { ...policy, dryRun });
    if (!result) return;
    setPlan(result);
    if (!dryRun) onPruned();
  };

  return {
    policy,
    change,
    plan,
    busy,
    error,
    run,
    toDelete: plan && plan.dryRun ? plan.items.filter((i) => i.action === 'delete').length : 0,
  };
}
