import type { JobFinished, JobProgress } from '../../../../shared/contract';
import { EngineError } from '../../../../electron/core/kernel/engine-error';
import { JobRunner } from '../../../../electron/core/host/job-runner';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function runner() {
  const progress: JobProgress[] = [];
  const finished: JobFinished[] = [];
  return {
    jobs: new JobRunner({ progress: (p) => progress.push(p), finished: (f) => finished.push(f) }),
    progress,
    finished,
  };
}

describe('JobRunner', () => {
  it('throttles a chatty job but always reports the last step', async () => {
    const { jobs, progress } = runner();
    await jobs.run('job-aaaaaaaa', 'test.count', async (job) => {
      for (let i = 1; i <= 100_000; i++) job.progress(i, 100_000, 'counting');
    });
    expect(progress.length).toBeLessThan(20);
    expect(progress[progress.length - 1]).toMatchObject({ done: 100_000, total: 100_000, phase: 'counting' });
  });

  it('keeps reporting (heartbeat) while a job is quiet', async () => {
    const { jobs, progress } = runner();
    await jobs.run('job-bbbbbbbb', 'test.count', async (job) => {
      job.progress(1, 10, 'waiting');
      await sleep(1300);
    });
    // start + first step + heartbeats at 400 ms intervals
    expect(progress.length).toBeGreaterThanOrEqual(4);
  });

  it('computes rate and ETA', async () => {
    const { jobs, progress } = runner();
    await jobs.run('job-cccccccc', 'test.count', async (job) => {
      await sleep(300);
      job.progress(50, 100, 'half');
    });
    const half = progress.find((p) => p.phase === 'half')!;
    expect(half.rate).toBeGreaterThan(0);
    expect(half.etaSeconds).not.toBeNull();
  });

  it('cancels cooperatively and reports the outcome', async () => {
    const { jobs, finished } = runner();
    const running = jobs.run('job-dddddddd', 'test.count', async (job) => {
      for (;;) await job.checkpoint();
    });
    await sleep(20);
    expect(jobs.cancel('job-dddddddd')).toBe(true);
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(finished).toEqual([{ job: 'job-dddddddd', op: 'test.count', outcome: 'cancelled' }]);
    expect(jobs.cancel('job-dddddddd')).toBe(false);
  });

  it('reports a job that finished past its last checkpoint as succeeded: its work is committed', async () => {
    const { jobs, finished } = runner();
    const running = jobs.run('job-eeeeeeee', 'test.count', async () => {
      await sleep(50);
      return 'committed';
    });
    expect(jobs.cancel('job-eeeeeeee')).toBe(true);
    await expect(running).resolves.toBe('committed');
    expect(finished).toEqual([{ job: 'job-eeeeeeee', op: 'test.count', outcome: 'succeeded' }]);
  });

  it('a job that reaches a checkpoint after the cancel stops with CANCELLED', async () => {
    const { jobs } = runner();
    const running = jobs.run('job-gggggggg', 'test.count', async (job) => {
      await sleep(50);
      await job.checkpoint();
      return 'never';
    });
    jobs.cancel('job-gggggggg');
    await expect(running).rejects.toBeInstanceOf(EngineError);
  });

  it('refuses a job id already in use', async () => {
    const { jobs } = runner();
    const first = jobs.run('job-ffffffff', 'test.count', () => sleep(50));
    await expect(jobs.run('job-ffffffff', 'test.count', async () => 1)).rejects.toMatchObject({
      code: 'JOB_ID_IN_USE',
    });
    await first;
  });

  it('runs writers one at a time, in order, even after a failure', async () => {
    const { jobs } = runner();
    const log: string[] = [];
    const task =
      (name: string, ms: number, fails = false) =>
      async () => {
        log.push(`${name}:start`);
        await sleep(ms);
        log.push(`${name}:end`);
        if (fails) throw new Error(name);
      };
    const a = jobs.exclusive(task('a', 40, true));
    const b = jobs.exclusive(task('b', 10));
    const c = jobs.exclusive(task('c', 1));
    await expect(a).rejects.toThrow('a');
    await Promise.all([b, c]);
    expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
  });
});
