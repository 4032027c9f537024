// plan.*: the closure plan of the open vault — its steps with their state and blockers, its key dates
// with the days left, the next action — and certifying the closure once nothing blocks it.
import { z } from 'zod';
import type { Bilingual } from '../bilingual';
import type { CalendarStatus } from '../calendar/working-days';
import type { KeyDateKind } from '../compliance/key-dates';
import { none, op, ROLES, type OpSpec } from './op';
import type { ClosureStage } from './vault';

/** The closure's steps, in order. */
export type PlanStepId =
  'intake' | 'classify' | 'dispositions' | 'backup' | 'notify' | 'handover' | 'wipe' | 'certify';

/** The pages a plan step sends a person to. */
export type PlanRoute =
  'import' | 'classification' | 'duplicates' | 'dispositions' | 'backup' | 'handover' | 'wipe' | 'compliance';

export interface PlanNote {
  code: string;
  text: Bilingual;
}

export interface PlanStep {
  id: PlanStepId;
  title: Bilingual;
  /** done; current (the first step not done); todo; not-needed (nothing for it to do in this closure). */
  state: 'done' | 'current' | 'todo' | 'not-needed';
  /** Decided from the vault's own evidence, confirmed by hand, or not evaluated (no evidence of its kind yet). */
  source: 'evidence' | 'hand' | 'not-evaluated';
  summary: Bilingual;
  /** What keeps the step from being done. */
  blockers: PlanNote[];
  /** Worth knowing, but not in the way. */
  warnings: PlanNote[];
  action: { route: PlanRoute; label: Bilingual } | null;
  confirmation: { at: string; by: string | null; note: string } | null;
}

export interface KeyDate {
  kind: KeyDateKind;
  label: Bilingual;
  basis: Bilingual;
  date: string;
  /** An event that happened (decision) or a date to meet (due). */
  type: 'event' | 'due';
  /** From today (negative: past). */
  daysLeft: number;
  /** Counted from a date that is itself estimated (e.g. the liquidation group's formation not yet entered). */
  estimated: boolean;
  /** When a rest day moved the end (Civil Code Art. 203): the day the count alone gives. */
  rolledFrom: string | null;
  calendar: CalendarStatus;
}

export interface ClosurePlan {
  vaultId: string;
  at: string;
  stage: ClosureStage;
  certified: { at: string; by: string | null } | null;
  steps: PlanStep[];
  current: PlanStepId | null;
  nextAction: { step: PlanStepId; route: PlanRoute; label: Bilingual } | null;
  keyDates: KeyDate[];
  /** The nearest due date not yet past. */
  nextDeadline: KeyDate | null;
  /** Blockers over every step. */
  blockers: number;
  /** Certify is possible: every record has a disposition, every handover a receipt, every DESTROY record is purged, a drill passed. */
  canCertify: boolean;
  dates: { liquidationGroupDate: string | null; objectionDeadline: string | null };
}

/** One day's counts, for the charts of records by disposition and by stage over time. */
export interface ProgressPoint {
  day: string;
  stage: ClosureStage;
  counts: {
    customers: number;
    withoutDisposition: number;
    RETAIN: number;
    TRANSFER: number;
    ANONYMISE: number;
    DESTROY: number;
  };
}

const isoDate = z.iso.date();

export const planOps = {
  'plan.get': op<ClosurePlan>()({
    input: none,
    access: ROLES,
    job: false,
    writes: false,
    summary:
      'The closure plan: steps with their state and blockers, key dates with days left, the next action',
  }),
  'plan.history': op<ProgressPoint[]>()({
    input: none,
    access: ROLES,
    job: false,
    writes: false,
    summary: 'Records by disposition and the stage, day by day (for the charts)',
  }),
  'plan.setDates': op<ClosurePlan>()({
    input: z.strictObject({
      liquidationGroupDate: isoDate.nullable().optional(),
      objectionDeadline: isoDate.nullable().optional(),
    }),
    access: ['owner'],
    job: false,
    writes: true,
    summary:
      "The closure's own dates: when the liquidation group was formed, when customers' objections close",
  }),
  'plan.confirm': op<ClosurePlan>()({
    input: z.strictObject({
      step: z.enum(['notify', 'handover']),
      note: z.string().trim().min(1).max(2000),
    }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: 'Confirm by hand a step the vault holds no evidence for yet (notices sent, handover received)',
  }),
  'plan.certify': op<ClosurePlan>()({
    input: none,
    access: ['owner'],
    job: false,
    writes: true,
    summary: 'Certify the closure (only when nothing blocks it); a signed checkpoint in the audit chain',
  }),
} as const satisfies Record<string, OpSpec>;
