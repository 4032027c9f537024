// The engine's router: validates input against the contract, enforces roles, runs jobs, and always
// answers with a Result. The same class runs inside the worker and in process.
import { randomUUID } from 'node:crypto';
import {
  callOptionsSchema,
  type CallOptions,
  type Contract,
  type ContractShape,
  type EventName,
  type EventPayload,
  type SpecResult,
} from '../../../shared/contract';
import { fail, ok, type Result } from '../../../shared/result';
import { asEngineError, EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { JobRunner } from './job-runner';
import type { Composition, EngineClient, EngineEnv, EngineListener, OpContext } from './types';
import type { OpenVault } from '../vault/open-vault';
import { noteAnchor } from '../vault/anchors';
import { UnlockThrottle } from '../vault/unlock-throttle';
import { setFontDirectory } from '../documents/fonts';
import type { SessionLocked } from '../../../shared/contract';
import { describeZodError } from '../../../shared/zod-message';

/**
 * The engine: sessions, access, jobs and the answers as values, over whichever contract and handlers its
 * composition root gives it (the product's in the worker and the CLI; tests may add operations of their own).
 */
export class Engine<C extends ContractShape = Contract> implements EngineClient<C> {
  private readonly listeners = new Set<EngineListener>();
  readonly jobs: JobRunner;
  private readonly throttle = new UnlockThrottle();
  private vault: OpenVault | null = null;
  private lastActivity = Date.now();
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    readonly env: EngineEnv,
    private readonly composition: Composition<C>,
  ) {
    if (env.fontsDir) setFontDirectory(env.fontsDir);
    this.jobs = new JobRunner({
      progress: (payload) => this.emit('job.progress', payload),
      finished: (payload) => this.emit('job.finished', payload),
    });
  }

  on(listener: EngineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.jobs.cancelAll();
    this.setVault(null, 'user');
  }

  /** One vault open at a time: opening another, locking, or closing the engine closes the previous one. */
  private setVault(vault: OpenVault | null, reason: SessionLocked['reason'] = 'user'): void {
    const previous = this.vault;
    this.vault = vault;
    if (previous && previous !== vault) {
      previous.close();
      this.emit('session.locked', { reason });
    }
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.idleTimer = null;
    if (vault) {
      this.lastActivity = Date.now();
      this.idleTimer = setInterval(() => this.lockIfIdle(), IDLE_CHECK_MS);
      this.idleTimer.unref?.();
    }
  }

  private lockIfIdle(): void {
    if (!this.vault || this.jobs.busy()) return;
    const minutes = this.vault.session().idleTimeoutMinutes;
    if (Date.now() - this.lastActivity >= minutes * 60_000) this.setVault(null, 'idle');
  }

  /** A refused operation is worth an audit entry: someone tried something their role does not allow. */
  private recordRefusal(op: string, role: string): void {
    const vault = this.vault;
    if (!vault) return;
    const write = () => {
      try {
        if (vault.isOpen) vault.audit({ op, params: { role }, outcome: 'refused' });
      } catch {
        /* the refusal itself is what matters to the caller */
      }
    };
    // Inside a running writer job's transaction (an import) the entry would share its fate: a cancel
    // would roll the refusal back. It waits for the writer's turn instead, and is written after.
    if (vault.db.inTransaction) void this.jobs.exclusive(async () => write());
    else write();
  }

  async call<K extends keyof C & string>(
    op: K,
    input: unknown,
    options?: CallOptions,
  ): Promise<Result<SpecResult<C[K]>>> {
    try {
      return ok(await this.dispatch(op, input, options));
    } catch (error) {
      return toFailure(asEngineError(error, this.vault?.file), op);
    }
  }

  private async dispatch<K extends keyof C & string>(
    op: K,
    rawInput: unknown,
    rawOptions: unknown,
  ): Promise<SpecResult<C[K]>> {
    if (this.closed) throw new EngineError('ENGINE_UNAVAILABLE');
    const { contract, handlers } = this.composition;
    if (typeof op !== 'string' || !Object.prototype.hasOwnProperty.call(contract, op))
      throw new EngineError('UNKNOWN_OPERATION', { op: String(op) });
    const spec = contract[op];

    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw new EngineError('INVALID_INPUT', { detail: describeZodError(parsed.error) });
    const options = callOptionsSchema.safeParse(rawOptions);
    if (!options.success) throw new EngineError('INVALID_INPUT', { detail: describeZodError(options.error) });

    // The idle lock counts what the person does; the window's own polls say they are background.
    if (!options.data?.background) this.lastActivity = Date.now();
    if (spec.access !== 'public' && !(spec.orRecoveryKey && carriesRecoveryKey(parsed.data))) {
      if (!this.vault) throw new EngineError(spec.orRecoveryKey ? 'UNLOCK_OR_RECOVERY_KEY' : 'VAULT_LOCKED');
      const role = this.vault.actor.role;
      if (!spec.access.includes(role)) {
        this.recordRefusal(op, role);
        throw new EngineError('NOT_ALLOWED', { role, op });
      }
    }

    const handler = handlers[op] as (input: unknown, ctx: OpContext & { job?: JobContext }) => unknown;
    const ctx: OpContext = {
      env: this.env,
      vault: this.vault,
      jobs: this.jobs,
      throttle: this.throttle,
      setVault: (vault, reason) => this.setVault(vault, reason),
      emit: (event, payload) => this.emit(event, payload),
    };
    const invoke = (job?: JobContext) =>
      Promise.resolve(handler(parsed.data, job ? { ...ctx, job } : ctx)) as Promise<SpecResult<C[K]>>;

    // After every write the registry's anchor moves to the new signed head (anchors.ts).
    const anchored = async (job?: JobContext) => {
      const result = await invoke(job);
      if (this.vault) noteAnchor(this.env.dataDir, this.vault);
      return result;
    };
    if (!spec.job) return spec.writes ? this.jobs.exclusive(() => anchored()) : invoke();
    // A job is registered (and so cancellable) before it waits for the writer's turn.
    return this.jobs.run(options.data?.jobId ?? this.jobs.newId(), op, (job) =>
      spec.writes
        ? this.jobs.exclusive(() => {
            if (job.signal.aborted) throw new EngineError('CANCELLED');
            return anchored(job);
          })
        : invoke(job),
    );
  }
}

const IDLE_CHECK_MS = 15_000;

/** The recovery key stands in for a session where the contract says so (`orRecoveryKey`). */
const carriesRecoveryKey = (input: unknown): boolean =>
  typeof input === 'object' &&
  input !== null &&
  typeof (input as { recoveryKey?: unknown }).recoveryKey === 'string';

function toFailure<T>(error: unknown, op: string): Result<T> {
  if (error instanceof EngineError) return fail(error.code, error.message, error.details);
  // Unexpected: keep the stack on the engine's stderr under a reference, never customer values.
  const ref = randomUUID().slice(0, 8);
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`closeout engine: internal error ${ref} in ${op}: ${stack}\n`);
  return fail('INTERNAL', `Internal error (reference ${ref})`, { ref });
}
