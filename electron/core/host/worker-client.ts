// Main's side of the engine worker: the same EngineClient interface as the in-process engine.
// If the worker dies, every pending and later call answers ENGINE_UNAVAILABLE instead of hanging.
import { Worker } from 'node:worker_threads';
import type { CallOptions, OpName, OpResult } from '../../../shared/contract';
import { fail, type Result } from '../../../shared/result';
import type { FromWorker, ToWorker, WorkerData } from './protocol';
import type { EngineClient, EngineListener } from './types';

export function startEngineWorker(workerScript: string, data: WorkerData): EngineClient {
  const worker = new Worker(workerScript, { workerData: data });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Set<EngineListener>();
  let seq = 0;
  let dead = false;
  let closing: Promise<void> | null = null;

  const failAll = () => {
    dead = true;
    for (const resolve of pending.values()) resolve(fail('ENGINE_UNAVAILABLE', 'The engine has stopped'));
    pending.clear();
  };

  worker.on('message', (message: FromWorker) => {
    if (message.kind === 'result') {
      pending.get(message.seq)?.(message.result);
      pending.delete(message.seq);
    } else if (message.kind === 'event') {
      for (const listener of listeners) listener(message.event, message.payload);
    }
  });
  worker.on('error', (error) => {
    process.stderr.write(`closeout engine worker failed: ${error.stack ?? error.message}\n`);
    failAll();
  });
  worker.on('exit', failAll);

  return {
    call<K extends OpName>(op: K, input: unknown, options?: CallOptions) {
      if (dead) return Promise.resolve(fail('ENGINE_UNAVAILABLE', 'The engine has stopped'));
      return new Promise<Result<OpResult<K>>>((resolve) => {
        const id = ++seq;
        pending.set(id, resolve as (result: Result<unknown>) => void);
        const message: ToWorker = { kind: 'call', seq: id, op, input, options };
        worker.postMessage(message);
      });
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (dead) return Promise.resolve();
      closing ??= new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        const message: ToWorker = { kind: 'close' };
        worker.postMessage(message);
      });
      return closing;
    },
  };
}
