// The engine for plain Node hosts (CLI, jest): the very same Engine the worker runs, in process.
import { Engine } from './engine';
import { product } from './router';
import type { EngineClient, EngineEnv } from './types';

export type { EngineClient } from './types';

export function createEngine(env: Omit<EngineEnv, 'mode'>): EngineClient {
  return new Engine({ ...env, mode: 'in-process' }, product);
}
