// The one contract: every operation the engine offers, its input schema, its result type, who may call
// it and whether it is a long job. Preload, main's IPC router, the engine's router, the CLI, the
// renderer's client and the e2e bridge are all derived from this object; there is no second list.
import { z } from 'zod';

export const ROLES = ['owner', 'operator', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** `public`: needs no unlocked vault (app-level). Otherwise the roles of the unlocked session allowed. */
export type Access = 'public' | readonly Role[];

export interface OpSpec<I extends z.ZodType = z.ZodType, R = unknown> {
  readonly input: I;
  readonly access: Access;
  /** A job streams `job.progress` events and can be cancelled with `job.cancel`. */
  readonly job: boolean;
  /** Writers run one at a time; readers may run beside them. */
  readonly writes: boolean;
  readonly summary: string;
  /** Phantom: carries the result type; never set at run time. */
  readonly __result?: R;
}

const op =
  <R>() =>
  <I extends z.ZodType>(spec: Omit<OpSpec<I, R>, '__result'>): OpSpec<I, R> =>
    spec;

const none = z.strictObject({});
export const jobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'job id: 8–64 of A–Z a–z 0–9 _ -');

// ---- result types --------------------------------------------------------------------------------

export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  runtime: { node: string; platform: string; arch: string; electron: string | null };
  engineMode: 'worker' | 'in-process';
}

export type ClosureStage =
  'setup' | 'intake' | 'review' | 'backup' | 'handover' | 'destruction' | 'certified';

/** What the registry knows about a vault: never a secret, never a customer value. */
export interface VaultSummary {
  id: string;
  path: string;
  clientName: string;
  creditCode: string | null;
  stage: ClosureStage;
  lastOpenedAt: string | null;
  lastBackupAt: string | null;
  /** False when the file is no longer where the registry last saw it. */
  present: boolean;
}

export interface DemoCountResult {
  counted: number;
}

// ---- operations ------------------------------------------------------------------------------------

export const contract = {
  'app.info': op<AppInfo>()({
    input: none,
    access: 'public',
    job: false,
    writes: false,
    summary: 'Version, runtime and data folder of this installation',
  }),
  'vault.list': op<VaultSummary[]>()({
    input: none,
    access: 'public',
    job: false,
    writes: false,
    summary: 'Every client vault in the registry, with its stage (no secrets)',
  }),
  'job.cancel': op<{ cancelled: boolean }>()({
    input: z.strictObject({ job: jobIdSchema }),
    access: 'public',
    job: false,
    writes: false,
    summary: 'Ask a running job to stop; it commits nothing',
  }),
  'demo.count': op<DemoCountResult>()({
    input: z.strictObject({
      total: z.int().min(1).max(1_000_000),
      stepMs: z.int().min(0).max(1_000).default(10),
    }),
    access: 'public',
    job: true,
    writes: true,
    summary: 'Counts to `total` with progress: exercises the job runner end to end',
  }),
} as const satisfies Record<string, OpSpec>;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Contract[K]['input']>;
export type OpResult<K extends OpName> = Contract[K] extends OpSpec<z.ZodType, infer R> ? R : never;

export const OP_NAMES = Object.keys(contract) as OpName[];

export function isOpName(value: unknown): value is OpName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

export const callOptionsSchema = z.strictObject({ jobId: jobIdSchema.optional() }).optional();
export type CallOptions = z.infer<typeof callOptionsSchema>;

// ---- events ------------------------------------------------------------------------------------------

export interface JobProgress {
  job: string;
  op: OpName;
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
  op: OpName;
  outcome: 'succeeded' | 'failed' | 'cancelled';
}

export interface SessionLocked {
  reason: 'idle' | 'user' | 'system';
}

const event = <P>() => ({}) as { readonly __payload?: P };

export const events = {
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
