// The one contract: every operation the engine offers, its input schema, its result type, who may call
// it and whether it is a long job. Each namespace declares its operations (and their result types) in its
// own file; this index merges them into the one `contract` object, from which the preload, main's IPC
// router, the engine's router, the CLI, the renderer's client and the e2e bridge are all derived.
import { z } from 'zod';
import { analyticsOps } from './analytics';
import { appOps } from './app';
import { assessmentsOps } from './assessments';
import { auditOps } from './audit';
import { backupOps } from './backup';
import { certificateOps } from './certificate';
import { classificationOps } from './classification';
import { complianceOps } from './compliance';
import { dialogOps } from './dialog';
import { dispositionsOps } from './dispositions';
import { duplicatesOps } from './duplicates';
import { evidenceOps } from './evidence';
import { handoverOps } from './handover';
import { importOps } from './import';
import { incidentsOps } from './incidents';
import { jobOps } from './job';
import { jobIdSchema, type OpSpec } from './op';
import { peopleOps } from './people';
import { planOps } from './plan';
import { recordsOps } from './records';
import { requestsOps } from './requests';
import { risksOps } from './risks';
import { ropaOps } from './ropa';
import { usersOps } from './users';
import { vaultOps } from './vault';
import { wipeOps } from './wipe';

export * from './op';
export * from './app';
export * from './job';
export * from './vault';
export * from './users';
export * from './audit';
export * from './dialog';
export * from './backup';
export * from './import';
export * from './records';
export * from './classification';
export * from './dispositions';
export * from './duplicates';
export * from './plan';
export * from './compliance';
export * from './assessments';
export * from './ropa';
export * from './people';
export * from './risks';
export * from './evidence';
export * from './wipe';
export * from './certificate';
export * from './handover';
export * from './requests';
export * from './incidents';
export * from './analytics';

export const contract = {
  ...appOps,
  ...jobOps,
  ...vaultOps,
  ...usersOps,
  ...auditOps,
  ...dialogOps,
  ...backupOps,
  ...importOps,
  ...recordsOps,
  ...classificationOps,
  ...dispositionsOps,
  ...duplicatesOps,
  ...planOps,
  ...complianceOps,
  ...assessmentsOps,
  ...ropaOps,
  ...peopleOps,
  ...risksOps,
  ...evidenceOps,
  ...wipeOps,
  ...certificateOps,
  ...handoverOps,
  ...requestsOps,
  ...incidentsOps,
  ...analyticsOps,
} as const satisfies Record<string, OpSpec>;

export type Contract = typeof contract;
export type OpName = keyof Contract;
/** Any contract: the product's, or one a test composes from it and operations of its own. */
export type ContractShape = Readonly<Record<string, OpSpec>>;
/** The result type an operation's spec carries. */
export type SpecResult<S> = S extends OpSpec<z.ZodType, infer R> ? R : never;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Contract[K]['input']>;
export type OpResult<K extends OpName> = SpecResult<Contract[K]>;

export const OP_NAMES = Object.keys(contract) as OpName[];

export function isOpName(value: unknown): value is OpName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

export const callOptionsSchema = z
  .strictObject({
    jobId: jobIdSchema.optional(),
    /**
     * A call the window makes on its own (a poll, a refresh after a job finished), not one the person
     * asked for: it does not count as activity, so it never keeps an idle vault unlocked.
     */
    background: z.boolean().optional(),
  })
  .optional();
export type CallOptions = z.infer<typeof callOptionsSchema>;

// ---- events ------------------------------------------------------------------------------------------

export interface JobProgress {
  job: string;
  op: string;
  phase: string;
  done: number;
  /** Null while the total is not yet known. */
  total: number | null;
  /** Units per second over the job so far. */
  rate: number;
  /** Seconds left at the current rate, null when unknown. */
  etaSeconds: number | null;
}

export interface JobFinished {
  job: string;
  op: string;
  outcome: 'succeeded' | 'failed' | 'cancelled';
}

export interface SessionLocked {
  reason: 'idle' | 'user' | 'system';
}

const event = <P>() => ({}) as { readonly __payload?: P };

const events = {
  'job.progress': event<JobProgress>(),
  'job.finished': event<JobFinished>(),
  'session.locked': event<SessionLocked>(),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = (typeof events)[E] extends { readonly __payload?: infer P }
  ? P
  : never;
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(events, value);
}

// ---- wire names --------------------------------------------------------------------------------------

export const CHANNEL_PREFIX = 'closeout:';
export const channelFor = (name: OpName): string => CHANNEL_PREFIX + name;
export const EVENT_CHANNEL = 'closeout:event';
/**
 * Files dropped onto the window: the preload reads the path of a dropped File (webUtils) and sends it
 * here; main answers with a handle, as a dialog would. Not an operation: a window cannot call it with a
 * path of its own choosing, only with a File the person dropped.
 */
export const DROP_CHANNEL = 'closeout:file-dropped';
