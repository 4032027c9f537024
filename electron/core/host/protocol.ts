// Messages between main and the engine worker. Main may import this file and index.ts, nothing else
// of electron/core.
import type { CallOptions, EventName, OpName } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import type { EngineEnv } from './types';

export type ToWorker =
  { kind: 'call'; seq: number; op: OpName; input: unknown; options?: CallOptions } | { kind: 'close' };

export type FromWorker =
  | { kind: 'result'; seq: number; result: Result<unknown> }
  | { kind: 'event'; event: EventName; payload: unknown }
  | { kind: 'closed' };

export type WorkerData = Pick<EngineEnv, 'dataDir' | 'electronVersion' | 'fontsDir'>;
