// plan.get, plan.setDates, plan.confirm, plan.certify: the closure plan worked out from the facts, the
// closure's own dates, steps confirmed by hand, and the certification (a signed checkpoint).
import {
  CLOSURE_STAGES,
  type ClosurePlan,
  type ClosureStage,
  type OpParsedInput,
  type PlanStepId,
} from '../../../shared/contract';
import { gatherFacts, type ClosureFacts } from '../compliance/facts';
import { writeSetting } from '../compliance/settings';
import { EngineError } from '../kernel/engine-error';
import { writeMeta } from '../vault/meta';
import type { OpenVault } from '../vault/open-vault';
import { keyDates, nextDeadline } from './key-dates';
import { certifyBlockers, planSteps } from './steps';

const STAGE_OF: Record<PlanStepId, ClosureStage> = {
  intake: 'intake',
  classify: 'review',
  dispositions: 'review',
  backup: 'backup',
  notify: 'handover',
  handover: 'handover',
  wipe: 'destruction',
  certify: 'destruction',
};

/**
 * The stage the Dashboard shows, from one writer (this plan): the stage of the first step not done, or
 * the furthest the handovers' and wipes' evidence shows the closure has reached, whichever is later — a
 * handover started is at least 'handover'; every handover received, or a certificate of sanitisation,
 * at least 'destruction'.
 */
function stageOf(f: ClosureFacts, current: PlanStepId | null): ClosureStage {
  if (f.compliance.settings['plan.certified']) return 'certified';
  const fromSteps = current ? STAGE_OF[current] : 'destruction';
  const h = f.handover;
  const reached: ClosureStage =
    f.wipe.certificates > 0 || (h !== null && h.withReceipt === h.handovers)
      ? 'destruction'
      : h !== null
        ? 'handover'
        : 'setup';
  return CLOSURE_STAGES.indexOf(reached) > CLOSURE_STAGES.indexOf(fromSteps) ? reached : fromSteps;
}

export function planOf(f: ClosureFacts): ClosurePlan {
  const steps = planSteps(f);
  const certified = f.compliance.settings['plan.certified'];
  const current = steps.find((s) => s.state === 'current') ?? null;
  const dates = keyDates(f);
  const settings = f.compliance.settings['plan.dates'];
  return {
    vaultId: f.vault.vaultId,
    at: f.now.toISOString(),
    stage: stageOf(f, current?.id ?? null),
    certified,
    steps,
    current: current?.id ?? null,
    nextAction: current?.action
      ? { step: current.id, route: current.action.route, label: current.action.label }
      : null,
    keyDates: dates,
    nextDeadline: certified ? null : nextDeadline(dates),
    blockers: steps.reduce((n, s) => n + s.blockers.length, 0),
    canCertify: !certified && certifyBlockers(f).length === 0,
    dates: {
      liquidationGroupDate: settings?.liquidationGroupDate ?? null,
      objectionDeadline: settings?.objectionDeadline ?? null,
    },
  };
}

export const closurePlan = (vault: OpenVault, now = new Date()): ClosurePlan =>
  planOf(gatherFacts(vault, now));

function refuseIfCertified(f: ClosureFacts): void {
  const certified = f.compliance.settings['plan.certified'];
  if (certified) throw new EngineError('PLAN_CERTIFIED', { at: certified.at.slice(0, 10) });
}

export function setPlanDates(
  vault: OpenVault,
  input: OpParsedInput<'plan.setDates'>,
  now = new Date(),
): ClosurePlan {
  const facts = gatherFacts(vault, now);
  refuseIfCertified(facts);
  const before = facts.compliance.settings['plan.dates'] ?? {
    liquidationGroupDate: null,
    objectionDeadline: null,
  };
  const next = {
    liquidationGroupDate:
      input.liquidationGroupDate === undefined ? before.liquidationGroupDate : input.liquidationGroupDate,
    objectionDeadline:
      input.objectionDeadline === undefined ? before.objectionDeadline : input.objectionDeadline,
  };
  vault.change(
    () => ({ op: 'plan.setDates', params: next, outcome: 'ok' }),
    () => writeSetting(vault.db, 'plan.dates', next),
  );
  return closurePlan(vault, now);
}

export function confirmStep(
  vault: OpenVault,
  input: OpParsedInput<'plan.confirm'>,
  now = new Date(),
): ClosurePlan {
  const facts = gatherFacts(vault, now);
  refuseIfCertified(facts);
  const step = planOf(facts).steps.find((s) => s.id === input.step);
  if (!step || step.source === 'evidence')
    throw new EngineError('PLAN_STEP_EVALUATED', { step: step ? step.title.en : input.step });
  vault.change(
    () => ({
      op: 'plan.confirm',
      params: { step: input.step, noteLength: input.note.length },
      outcome: 'ok',
    }),
    () =>
      writeSetting(vault.db, input.step === 'notify' ? 'plan.confirm.notify' : 'plan.confirm.handover', {
        at: now.toISOString(),
        by: vault.actor.userName,
        note: input.note,
      }),
  );
  return closurePlan(vault, now);
}

export function certifyClosure(vault: OpenVault, now = new Date()): ClosurePlan {
  const facts = gatherFacts(vault, now);
  refuseIfCertified(facts);
  const blockers = certifyBlockers(facts);
  if (blockers.length)
    throw new EngineError('PLAN_NOT_READY', { blockers: blockers.map((b) => b.text.en).join('; ') });
  const c = facts.customers;
  vault.change(
    () => ({
      op: 'plan.certify',
      params: { stage: 'certified' },
      counts: { customers: c.total, ...c.dispositions },
      outcome: 'ok',
    }),
    () => {
      writeSetting(vault.db, 'plan.certified', { at: now.toISOString(), by: vault.actor.userName });
      writeMeta(vault.db, { stage: 'certified' });
    },
    true,
  );
  return closurePlan(vault, now);
}
