// The engine's public face: the same interface whether it runs in a worker (desktop app) or in
// process (CLI, jest).
import type {
  CallOptions,
  EventName,
  EventPayload,
  OpName,
  OpParsedInput,
  OpResult,
  SessionLocked,
} from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import type { OpenVault } from '../vault/open-vault';
import type { UnlockThrottle } from '../vault/unlock-throttle';
import type { EngineEnv } from '../kernel/env';
import type { JobContext } from '../kernel/job';
import type { JobRunner } from './job-runner';

export type { EngineEnv };

export type EngineListener = (event: EventName, payload: unknown) => void;

export interface EngineClient {
  call<K extends OpName>(op: K, input: unknown, options?: CallOptions): Promise<Result<OpResult<K>>>;
  on(listener: EngineListener): () => void;
  close(): Promise<void>;
}

export interface OpContext {
  readonly env: EngineEnv;
  /** The unlocked vault, if any. Operations whose access is not 'public' always get one. */
  readonly vault: OpenVault | null;
  readonly jobs: JobRunner;
  readonly throttle: UnlockThrottle;
  /** Makes `vault` the open vault (locking any other first), or locks when null. */
  setVault(vault: OpenVault | null, reason?: SessionLocked['reason']): void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export interface JobOpContext extends OpContext {
  readonly job: JobContext;
}

type Handler<K extends OpName> = (
  input: OpParsedInput<K>,
  ctx: OpContext & Partial<Pick<JobOpContext, 'job'>>,
) => Promise<OpResult<K>> | OpResult<K>;

/** Every operation of the contract must have exactly one handler: a missing one fails to compile. */
export type Handlers = { readonly [K in OpName]: Handler<K> };
