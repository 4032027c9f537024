// The Handover page's state: the vault's handovers, the one being worked on (read again after every
// change), and the wizard's step. A handover is resumable: opening it goes to the first step that still
// has something to do.
import { useCallback, useState } from 'react';
import type { HandoverDetail, HandoverSummary, OpInput, OpName, OpResult } from '../../../../shared/contract';
import type { HandoverBlocker } from '../../../../shared/handover';
import { useOperation } from '../../hooks/use-operation';
import { api, type ErrorValue } from '../../platform/api';

export const HANDOVER_STEPS = [
  'recipient',
  'route',
  'agreement',
  'pipia',
  'notices',
  'responses',
  'package',
  'receipt',
] as const;
export type HandoverStep = (typeof HANDOVER_STEPS)[number];

/** What every step after the first is given: the handover, and what to call after changing it. */
export interface StepProps {
  detail: HandoverDetail;
  /** Read the handover again (or take this fresh copy of it). */
  onChanged: (next?: HandoverDetail) => void;
}

/** The step that resolves each blocker. */
const STEP_OF: Record<HandoverBlocker, HandoverStep> = {
  recipient: 'recipient',
  certificate: 'recipient',
  reasoning: 'route',
  'cross-border': 'route',
  agreement: 'agreement',
  pipia: 'pipia',
  notices: 'notices',
  deadline: 'responses',
};

/** Where a handover picks up: the first step with a blocker; the package, then the receipt, otherwise. */
function resumeStep(detail: HandoverDetail): HandoverStep {
  if (detail.state !== 'open') return 'receipt';
  const first = detail.progress.blockers[0];
  return first ? STEP_OF[first] : 'package';
}

/** One operation at a time, with its error kept for the step to show. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);
  const run = useCallback(async <K extends OpName>(op: K, input: OpInput<K>): Promise<OpResult<K> | null> => {
    setBusy(true);
    setError(null);
    const result = await api.call(op, input);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    return result.value;
  }, []);
  return { busy, error, setError, run };
}

export function useHandover() {
  const list = useOperation('handover.list', {});
  const reloadList = list.reload;
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<HandoverDetail | null>(null);
  const [step, setStep] = useState<HandoverStep>('recipient');
  const [error, setError] = useState<ErrorValue | null>(null);

  const load = useCallback(async (handoverId: string, resume: boolean) => {
    const result = await api.call('handover.get', { handoverId });
    if (!result.ok) return setError(result.error);
    setError(null);
    setDetail(result.value);
    if (resume) setStep(resumeStep(result.value));
  }, []);

  /** Continue a handover where it stands. */
  const select = useCallback(
    (handoverId: string) => {
      setSelected(handoverId);
      void load(handoverId, true);
    },
    [load],
  );

  /** After a step changed something: the handover and the list are read again. */
  const changed = useCallback(
    (next?: HandoverDetail) => {
      if (next) setDetail(next);
      else if (selected) void load(selected, false);
      reloadList();
    },
    [selected, load, reloadList],
  );

  /** A handover was just created: work on it, from the route. */
  const created = useCallback(
    (next: HandoverDetail) => {
      setSelected(next.handoverId);
      setDetail(next);
      setStep('route');
      reloadList();
    },
    [reloadList],
  );

  const startNew = useCallback(() => {
    setSelected(null);
    setDetail(null);
    setStep('recipient');
  }, []);

  const summaries: HandoverSummary[] = list.state.status === 'ok' ? list.state.value : [];
  return {
    summaries,
    listError: list.state.status === 'error' ? list.state.error : error,
    selected,
    select,
    detail,
    step,
    setStep,
    changed,
    created,
    startNew,
  };
}
