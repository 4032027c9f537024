// The closure plan's data and actions for the Plan tab: the plan, its history, and the changes an owner
// makes (dates, a step confirmed by hand, the certification). Every change answers with the new plan.
import { useState } from 'react';
import type { ClosurePlan, OpInput } from '../../../../../shared/contract';
import { useOperation } from '../../../hooks/use-operation';
import { api, type ErrorValue } from '../../../platform/api';

export function usePlan() {
  const { state, reload } = useOperation('plan.get', {});
  const history = useOperation('plan.history', {});
  const [changed, setChanged] = useState<ClosurePlan | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const plan = changed ?? (state.status === 'ok' ? state.value : null);

  const run = async (
    result: Promise<{ ok: true; value: ClosurePlan } | { ok: false; error: ErrorValue }>,
  ) => {
    setError(null);
    const r = await result;
    if (!r.ok) {
      setError(r.error);
      return false;
    }
    setChanged(r.value);
    history.reload();
    return true;
  };

  return {
    state,
    plan,
    history: history.state.status === 'ok' ? history.state.value : [],
    error,
    reload: () => {
      setChanged(null);
      reload();
      history.reload();
    },
    setDates: (input: OpInput<'plan.setDates'>) => run(api.call('plan.setDates', input)),
    confirm: (input: OpInput<'plan.confirm'>) => run(api.call('plan.confirm', input)),
    certify: () => run(api.call('plan.certify', {})),
  };
}
