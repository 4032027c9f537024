// The engine as tests compose it: the product's handlers plus the one of `test.count` (test-contract.ts).
// It lives here, under test/: nothing of it ships.
import type { z } from 'zod';
import { Engine } from '../../electron/core/host/engine';
import { handlers, job } from '../../electron/core/host/router';
import type { EngineClient, EngineEnv, HandlersOf } from '../../electron/core/host/types';
import type { JobContext } from '../../electron/core/kernel/job';
import { testContract, type countInput, type TestContract } from './test-contract';

export type { TestContract } from './test-contract';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function count(input: z.output<typeof countInput>, job: JobContext): Promise<{ counted: number }> {
  job.progress(0, input.total, 'counting');
  for (let done = 1; done <= input.total; done++) {
    if (input.stepMs > 0) await sleep(input.stepMs);
    job.progress(done, input.total);
    if (done % 1000 === 0 || input.stepMs > 0) await job.checkpoint();
  }
  return { counted: input.total };
}

const testHandlers: HandlersOf<TestContract> = {
  ...handlers,
  'test.count': (input, ctx) => count(input, job(ctx)),
};

/** The real engine, in process, with the test operation beside the product's. */
export function createTestEngine(env: Omit<EngineEnv, 'mode'>): EngineClient<TestContract> {
  return new Engine({ ...env, mode: 'in-process' }, { contract: testContract, handlers: testHandlers });
}
