// The job runner end to end through the page's window.closeout: progress with rate and ETA from
// job.progress events, cancel, the outcome from job.finished, then a run to success. The job is the test
// engine's test.count (test/support/test-contract.ts): the product ships no demo job, and none of its
// jobs runs for a set time.
import { OP_NAMES } from '../../shared/contract';
import { expect, test } from './fixtures';
import type { HarnessWindow } from './harness/page-globals';

test("a job's progress reaches the page steadily with rate and ETA, it can be cancelled, and then runs to success", async ({
  shell,
  page,
}) => {
  await shell.open();
  const cancelled = await page.evaluate(async () => {
    const closeout = (globalThis as unknown as HarnessWindow).closeout;
    const seen: Array<{ at: number; done: number; total: number | null; rate: number; eta: number | null }> =
      [];
    const finished: unknown[] = [];
    const offProgress = closeout.on('job.progress', (p) => {
      if (p.job === 'page-job-0001')
        seen.push({ at: Date.now(), done: p.done, total: p.total, rate: p.rate, eta: p.etaSeconds });
    });
    const offFinished = closeout.on('job.finished', (f) => finished.push(f));
    const running = closeout['test.count']({ total: 400, stepMs: 25 }, { jobId: 'page-job-0001' });
    // Cancel once the job is well under way (about two seconds of its ten).
    await new Promise<void>((resolve) => {
      const poll = () => (seen.some((s) => s.done >= 60) ? resolve() : setTimeout(poll, 20));
      poll();
    });
    const cancel = await closeout['job.cancel']({ job: 'page-job-0001' });
    const result = await running;
    // The last events may still be on their way when the answer arrives.
    await new Promise((resolve) => setTimeout(resolve, 300));
    offProgress();
    offFinished();
    return { seen, finished, cancel, result };
  });
  expect(cancelled.cancel).toEqual({ ok: true, value: { cancelled: true } });
  expect(cancelled.result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  expect(cancelled.finished).toContainEqual({ job: 'page-job-0001', op: 'test.count', outcome: 'cancelled' });
  const running = cancelled.seen.filter((s) => s.done > 0 && s.done < 400);
  expect(running.length).toBeGreaterThanOrEqual(3);
  for (const s of running) {
    expect(s.total).toBe(400);
    expect(s.rate).toBeGreaterThan(0);
    expect(s.eta).not.toBeNull();
  }
  // The engine emits at least twice a second; the page's event channel adds its own latency on top.
  for (let i = 1; i < cancelled.seen.length; i++)
    expect(cancelled.seen[i].at - cancelled.seen[i - 1].at).toBeLessThan(1000);
  expect(Math.max(...cancelled.seen.map((s) => s.done))).toBeLessThan(400);

  const succeeded = await page.evaluate(async () => {
    const closeout = (globalThis as unknown as HarnessWindow).closeout;
    const finished: unknown[] = [];
    const off = closeout.on('job.finished', (f) => finished.push(f));
    const result = await closeout['test.count']({ total: 20, stepMs: 5 }, { jobId: 'page-job-0002' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    off();
    return { result, finished };
  });
  expect(succeeded.result).toEqual({ ok: true, value: { counted: 20 } });
  expect(succeeded.finished).toContainEqual({ job: 'page-job-0002', op: 'test.count', outcome: 'succeeded' });
});

test('window.closeout is the frozen contract surface (plus on and fileFromDrop) and answers errors as values', async ({
  shell,
  page,
}) => {
  await shell.open();
  const surface = await page.evaluate(() => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'closeout');
    const closeout = (globalThis as unknown as HarnessWindow).closeout;
    return {
      keys: Object.keys(closeout).sort(),
      frozen: Object.isFrozen(closeout),
      writable: descriptor?.writable,
      configurable: descriptor?.configurable,
    };
  });
  // The product's operations, and the test engine's own (which the desktop app does not have).
  expect(surface).toEqual({
    keys: [...OP_NAMES, 'test.count', 'on', 'fileFromDrop'].sort(),
    frozen: true,
    writable: false,
    configurable: false,
  });

  const answers = await page.evaluate(async () => {
    const closeout = (globalThis as unknown as HarnessWindow).closeout;
    let unknownEvent = '';
    try {
      closeout.on('no.such.event' as never, () => undefined);
    } catch (error) {
      unknownEvent = (error as Error).name;
    }
    return {
      badJobId: await closeout['job.cancel']({ job: 'x' }),
      unknownJob: await closeout['job.cancel']({ job: 'no-such-job-1234' }),
      unknownEvent,
    };
  });
  expect(answers.badJobId).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(answers.unknownJob).toEqual({ ok: true, value: { cancelled: false } });
  expect(answers.unknownEvent).toBe('TypeError');
});
