// demo.count: a harmless job that counts with progress, so the job runner, its events and
// cancellation can be exercised end to end (tests, and "check the app works" in Settings).
import type { DemoCountResult, OpParsedInput } from '../../../shared/contract';
import type { JobContext } from '../kernel/job';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function demoCount(
  input: OpParsedInput<'demo.count'>,
  job: JobContext,
): Promise<DemoCountResult> {
  job.progress(0, input.total, 'counting');
  for (let done = 1; done <= input.total; done++) {
    if (input.stepMs > 0) await sleep(input.stepMs);
    job.progress(done, input.total);
    if (done % 1000 === 0 || input.stepMs > 0) await job.checkpoint();
  }
  return { counted: input.total };
}
