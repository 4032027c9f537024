// The engine's router: validates input against the contract, enforces roles, runs jobs, and always
// answers with a Result. The same class runs inside the worker and in process.
import { randomUUID } from 'node:crypto';
import {
  callOptionsSchema,
  contract,
  isOpName,
  type CallOptions,
  type EventName,
  type EventPayload,
  type OpName,
  type OpResult,
} from '../../../shared/contract';
import { fail, ok, type Result } from '../../../shared/result';
import { EngineError } from './engine-error';
import { JobRunner, type JobContext } from './job-runner';
import { handlers } from './router';
import type { EngineClient, EngineEnv, EngineListener, OpContext, Session } from './types';
import { describeZodError } from './zod-message';

export class Engine implements EngineClient {
  private readonly listeners = new Set<EngineListener>();
  readonly jobs: JobRunner;
  session: Session | null = null;
  private closed = false;

  constructor(readonly env: EngineEnv) {
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
    this.session = null;
  }

  async call<K extends OpName>(op: K, input: unknown, options?: CallOptions): Promise<Result<OpResult<K>>> {
    try {
      return ok(await this.dispatch(op, input, options));
    } catch (error) {
      return toFailure(error, op);
    }
  }

  private async dispatch<K extends OpName>(
    op: K,
    rawInput: unknown,
    rawOptions: unknown,
  ): Promise<OpResult<K>> {
    if (this.closed) throw new EngineError('ENGINE_UNAVAILABLE');
    if (!isOpName(op)) throw new EngineError('UNKNOWN_OPERATION', { op: String(op) });
    const spec = contract[op];

    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw new EngineError('INVALID_INPUT', { detail: describeZodError(parsed.error) });
    const options = callOptionsSchema.safeParse(rawOptions);
    if (!options.success) throw new EngineError('INVALID_INPUT', { detail: describeZodError(options.error) });

    if (spec.access !== 'public') {
      if (!this.session) throw new EngineError('VAULT_LOCKED');
      if (!spec.access.includes(this.session.role))
        throw new EngineError('NOT_ALLOWED', { role: this.session.role, op });
    }

    const handler = handlers[op] as (input: unknown, ctx: OpContext & { job?: JobContext }) => unknown;
    const ctx: OpContext = {
      env: this.env,
      session: this.session,
      jobs: this.jobs,
      emit: (event, payload) => this.emit(event, payload),
    };
    const invoke = (job?: JobContext) =>
      Promise.resolve(handler(parsed.data, job ? { ...ctx, job } : ctx)) as Promise<OpResult<K>>;

    if (!spec.job) return spec.writes ? this.jobs.exclusive(() => invoke()) : invoke();
    // A job is registered (and so cancellable) before it waits for the writer's turn.
    return this.jobs.run(options.data?.jobId ?? this.jobs.newId(), op, (job) =>
      spec.writes
        ? this.jobs.exclusive(() => {
            if (job.signal.aborted) throw new EngineError('CANCELLED');
            return invoke(job);
          })
        : invoke(job),
    );
  }
}

function toFailure<T>(error: unknown, op: string): Result<T> {
  if (error instanceof EngineError) return fail(error.code, error.message, error.details);
  // Unexpected: keep the stack on the engine's stderr under a reference, never customer values.
  const ref = randomUUID().slice(0, 8);
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`closeout engine: internal error ${ref} in ${op}: ${stack}\n`);
  return fail('INTERNAL', `Internal error (reference ${ref})`, { ref });
}
