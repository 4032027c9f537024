// The renderer's only door to the engine: a typed client over `window.closeout`, which the preload (or,
// under test, the e2e harness) builds from shared/contract. No other module may touch `window.closeout`.
import type { BridgeCall, CloseoutBridge, Unsubscribe } from '../../../shared/bridge';
import type {
  CallOptions,
  ChosenFile,
  EventName,
  EventPayload,
  JobProgress,
  OpInput,
  OpName,
  OpResult,
} from '../../../shared/contract';
import type { ErrorValue, Result } from '../../../shared/result';

declare global {
  interface Window {
    /** Set by the preload; absent when the page is opened outside Closeout (e.g. `vite dev`). */
    readonly closeout?: CloseoutBridge;
  }
}

export type { ErrorValue, Result };

function engineUnavailable(message: string): ErrorValue {
  return { code: 'ENGINE_UNAVAILABLE', message };
}

function bridge(): CloseoutBridge | null {
  return window.closeout ?? null;
}

async function call<K extends OpName>(
  op: K,
  input: OpInput<K>,
  options?: CallOptions,
): Promise<Result<OpResult<K>>> {
  const closeout = bridge();
  if (!closeout) return { ok: false, error: engineUnavailable('window.closeout is missing') };
  const fn = closeout[op] as BridgeCall<K>;
  try {
    return await fn(input, options);
  } catch (error) {
    // The bridge answers with values; a rejection means the channel itself broke (e.g. main is gone).
    return { ok: false, error: engineUnavailable(error instanceof Error ? error.message : String(error)) };
  }
}

function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe {
  const closeout = bridge();
  if (!closeout) return () => undefined;
  return closeout.on(event, listener);
}

export interface JobHandle<K extends OpName> {
  readonly id: string;
  readonly op: K;
  /** Settles once, with the operation's Result; progress listeners are removed by then. */
  readonly result: Promise<Result<OpResult<K>>>;
  /** Asks the engine to stop the job; the job's own result then reports CANCELLED. */
  cancel(): Promise<Result<{ cancelled: boolean }>>;
}

/**
 * Starts a job operation under a fresh id, listening for its progress before the call goes out so no
 * early event is missed.
 */
function startJob<K extends OpName>(
  op: K,
  input: OpInput<K>,
  onProgress: (progress: JobProgress) => void,
): JobHandle<K> {
  const id = crypto.randomUUID();
  const off = on('job.progress', (progress) => {
    if (progress.job === id) onProgress(progress);
  });
  const result = call(op, input, { jobId: id }).finally(off);
  return { id, op, result, cancel: () => call('job.cancel', { job: id }) };
}

/** A file the person dropped onto the window → a handle and its name (null: not a file on disk). */
async function fileFromDrop(file: File): Promise<Result<ChosenFile | null>> {
  const closeout = bridge();
  if (!closeout) return { ok: false, error: engineUnavailable('window.closeout is missing') };
  try {
    return await closeout.fileFromDrop(file);
  } catch (error) {
    return { ok: false, error: engineUnavailable(error instanceof Error ? error.message : String(error)) };
  }
}

export const api = { call, on, startJob, fileFromDrop };
