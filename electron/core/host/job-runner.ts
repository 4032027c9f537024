// Runs long operations as jobs: progress events (throttled, with a heartbeat so the UI hears from a
// job at least twice a second), cooperative cancellation, and one writer at a time.
import { randomUUID } from 'node:crypto';
import type { JobFinished, JobProgress } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';

const EMIT_EVERY_MS = 250;
const HEARTBEAT_MS = 400;

export interface JobSink {
  progress(event: JobProgress): void;
  finished(event: JobFinished): void;
}

interface Running {
  controller: AbortController;
  op: string;
}

export class JobRunner {
  private readonly running = new Map<string, Running>();
  private writeQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly sink: JobSink) {}

  /** Serialises writers: `task` starts only when every earlier writer has settled. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.writeQueue.then(task, task);
    this.writeQueue = next.catch(() => undefined);
    return next;
  }

  busy(): boolean {
    return this.running.size > 0;
  }

  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  cancel(id: string): boolean {
    const job = this.running.get(id);
    if (!job) return false;
    job.controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const job of this.running.values()) job.controller.abort();
  }

  newId(): string {
    return randomUUID();
  }

  async run<T>(id: string, op: string, body: (ctx: JobContext) => Promise<T>): Promise<T> {
    if (this.running.has(id)) throw new EngineError('JOB_ID_IN_USE', { job: id });
    const controller = new AbortController();
    this.running.set(id, { controller, op });

    const started = Date.now();
    let last: { done: number; total: number | null; phase: string } = {
      done: 0,
      total: null,
      phase: 'start',
    };
    let lastEmit = 0;
    const emit = () => {
      lastEmit = Date.now();
      const elapsed = Math.max((lastEmit - started) / 1000, 1e-3);
      const rate = last.done / elapsed;
      const etaSeconds =
        last.total !== null && rate > 0 ? Math.max(0, (last.total - last.done) / rate) : null;
      this.sink.progress({ job: id, op, ...last, rate, etaSeconds });
    };
    const heartbeat = setInterval(emit, HEARTBEAT_MS);
    heartbeat.unref?.();

    const ctx: JobContext = {
      id,
      signal: controller.signal,
      progress(done, total, phase) {
        const nextPhase = phase ?? last.phase;
        const phaseChanged = nextPhase !== last.phase;
        last = { done, total: total === undefined ? last.total : total, phase: nextPhase };
        if (phaseChanged || last.done === last.total || Date.now() - lastEmit >= EMIT_EVERY_MS) emit();
      },
      async checkpoint() {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (controller.signal.aborted) throw new EngineError('CANCELLED');
        if (Date.now() - lastEmit >= EMIT_EVERY_MS) emit();
      },
    };

    let outcome: JobFinished['outcome'] = 'failed';
    try {
      emit();
      // A cancel that arrives after the job's last checkpoint is too late: its work is committed, and
      // answering CANCELLED would tell the person their vault is unchanged when it is not.
      const value = await body(ctx);
      outcome = 'succeeded';
      return value;
    } catch (error) {
      if (error instanceof EngineError && error.code === 'CANCELLED') outcome = 'cancelled';
      throw error;
    } finally {
      clearInterval(heartbeat);
      this.running.delete(id);
      this.sink.finished({ job: id, op, outcome });
    }
  }
}
