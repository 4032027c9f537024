// The job runner end to end: progress, rate and ETA from job.progress events, cancel, then success.
import { OP_NAMES } from '../../shared/contract';
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import type { HarnessWindow } from './harness/page-globals';
import { SettingsPage } from './pages/settings-page';

test('the demo job shows progress, can be cancelled, and then runs to success', async ({
  shell,
  page,
}, testInfo) => {
  await shell.open('settings');
  const settings = new SettingsPage(page);

  await settings.runJob.click();
  const running = await settings.waitForPartialProgress();
  // Cancel first, check what was seen afterwards: the job only takes about five seconds.
  await settings.cancelJob.click();
  expect(running.percent).toBeGreaterThan(0);
  expect(running.percent).toBeLessThan(100);
  expect(running.rate).toMatch(/^\d+(\.\d)? 项\/秒$/);
  expect(running.eta).toMatch(/^预计剩余 \d+ 秒$/);
  expect(running.count).toMatch(/^\d+ \/ 400$/);
  expect(running.phase).toBe('计数中');
  await settings.expectOutcome('cancelled');
  await expect(settings.outcome).toContainText('已取消');
  await expect(settings.outcome).toContainText('操作已取消，未做任何更改');
  expect(await settings.percent()).toBeLessThan(100);
  await expect(settings.cancelJob).toBeHidden();
  await expect(settings.rate).toBeHidden();
  await expect(settings.runJob).toBeEnabled();
  await keepScreenshot(page, testInfo, 'job-cancelled-zh-CN');

  await shell.switchLanguage('en');
  await expect(settings.outcome).toContainText('Cancelled; nothing was changed');

  await settings.runJob.click();
  const second = await settings.waitForPartialProgress();
  expect(second.rate).toMatch(/^\d+(\.\d)? items\/s$/);
  expect(second.eta).toMatch(/^\d+ s left$/);
  await keepScreenshot(page, testInfo, 'job-running-en');
  await settings.expectOutcome('succeeded', 60_000);
  await expect(settings.outcome).toContainText('Succeeded');
  expect(await settings.percent()).toBe(100);
  await expect(settings.count).toHaveText('400 / 400');
  await keepScreenshot(page, testInfo, 'job-succeeded-en');
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
  expect(surface).toEqual({
    keys: [...OP_NAMES, 'on', 'fileFromDrop'].sort(),
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
