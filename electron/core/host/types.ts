// The engine's public face: the same interface whether it runs in a worker (desktop app) or in
// process (CLI, jest), and the shape of what it is composed from (a contract and one handler per op).
import type { z } from 'zod';
import type {
  CallOptions,
  Contract,
  ContractShape,
  EventName,
  EventPayload,
  SessionLocked,
  SpecResult,
} from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import type { EngineEnv } from '../kernel/env';
import type { JobContext } from '../kernel/job';
import type { OpenVault } from '../vault/open-vault';
import type { UnlockThrottle } from '../vault/unlock-throttle';
import type { JobRunner } from './job-runner';

export type { EngineEnv };

export type EngineListener = (event: EventName, payload: unknown) => void;

export interface EngineClient<C extends ContractShape = Contract> {
  call<K extends keyof C & string>(
    op: K,
    input: unknown,
    options?: CallOptions,
  ): Promise<Result<SpecResult<C[K]>>>;
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

type Handler<S extends ContractShape[string]> = (
  input: z.output<S['input']>,
  ctx: OpContext & { readonly job?: JobContext },
) => Promise<SpecResult<S>> | SpecResult<S>;

/** Every operation of a contract must have exactly one handler: a missing one fails to compile. */
export type HandlersOf<C extends ContractShape> = { readonly [K in keyof C]: Handler<C[K]> };
export type Handlers = HandlersOf<Contract>;

/** What an engine runs: a contract and its handlers, chosen by the composition root. */
export interface Composition<C extends ContractShape> {
  readonly contract: C;
  readonly handlers: HandlersOf<C>;
}
