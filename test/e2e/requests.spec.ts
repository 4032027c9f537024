// Customers' requests in the window, in Chinese and in English: an access request registered for one
// record, its due date on the Chinese working-day calendar and the Dashboard's reminder, fulfilled into a
// chosen folder (JSON, CSV and the letter on disk), then closed, which ends the reminder; a correction
// fulfilled through its dialog (the new value in the vault), a GDPR request extended through its dialog.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { requestDue } from '../../shared/requests';
import { generateCustomers } from '../fixtures/customers';
import { encodeCsv } from '../fixtures/write-csv';
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import { chooseSelectOption } from './pages/antd-select';
import type { EngineClient } from '../../electron/core/host/types';
import type { TestContract } from '../support/test-contract';
import { unlockSeeded, type SeededVault, type SeedVault } from './harness/seed-vault';
import { RequestsPage } from './pages/requests-page';

/** A day of receipt whose PIPL due date (15 working days) falls within the Dashboard's week from today. */
function dueWithinAWeek(): string {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  for (let back = 1; back < 60; back++) {
    const due = requestDue('pipl', day(-back)).date;
    if (due >= day(0) && due <= day(7)) return day(-back);
  }
  throw new Error('no day of receipt gives a due date within a week');
}

const OWNER = { name: '周敏', passphrase: '西湖龙井-虎跑梦泉-九溪烟树' };

/** A vault of 12 generated customers (the generator's seed `n`), unlocked as its owner in the page's engine. */
async function customersVault(
  {
    seed,
    engine,
    files,
  }: { seed: (spec: SeedVault) => Promise<SeededVault>; engine: EngineClient<TestContract>; files: string },
  n: number,
): Promise<void> {
  const csv = path.join(files, 'customers.csv');
  await writeFile(csv, encodeCsv([...generateCustomers(n, 12)].map((c) => c.row)));
  const vault = await seed({
    clientName: '杭州示例茶叶有限公司',
    owner: OWNER,
    afterCreate: async (call) => {
      await call('import.run', { inputs: [{ file: { path: csv } }] });
    },
  });
  await unlockSeeded(engine, vault, OWNER);
}

const TEXT = {
  'zh-CN': { title: '客户请求', granted: '已满足', reminder: '客户请求即将到期', fulfilled: '已办理' },
  en: {
    title: 'Customer requests',
    granted: 'Granted',
    reminder: 'Customer requests falling due',
    fulfilled: 'Fulfilled',
  },
} as const;

for (const lang of ['zh-CN', 'en'] as const) {
  test(`${lang}: an access request registered, reminded on the Dashboard, fulfilled into a folder, closed`, async ({
    shell,
    page,
    seed,
    engine,
    dialogs,
    files,
  }, testInfo) => {
    test.slow(); // Argon2id, an import and a PDF with the CJK font on a shared machine
    const text = TEXT[lang];
    await customersVault({ seed, engine, files }, lang === 'en' ? 21 : 22);

    await shell.open('requests');
    if (lang === 'en') await shell.switchLanguage('en');
    await expect(shell.pageTitle).toHaveText(text.title);
    const requests = new RequestsPage(page);
    const receivedOn = dueWithinAWeek();
    await requests.add.click();
    await chooseSelectOption(page, requests.kind, lang === 'en' ? 'Access / copy' : '查阅、复制');
    await requests.received.fill(receivedOn);
    await requests.record.fill('3');
    await requests.save.click();
    const row = requests.row('R-0001');
    await expect(row).toContainText(requestDue('pipl', receivedOn).date);
    await expect(row).toContainText('#3');

    await shell.open('dashboard');
    await expect(page.getByTestId('requests-due')).toContainText(text.reminder);
    await expect(page.getByTestId('requests-due')).toContainText('R-0001');

    await shell.open('requests');
    const out = path.join(files, 'answer');
    await mkdir(out);
    dialogs.next(out);
    await row.getByTestId('request-fulfil').click();
    await expect(row.getByTestId('request-files')).toContainText('.json', { timeout: 60_000 });
    await expect(row.getByTestId('request-status')).toContainText(text.fulfilled);
    expect((await readdir(out)).map((f) => path.extname(f)).sort()).toEqual([
      '.csv',
      '.json',
      '.p7s',
      '.pdf',
    ]);
    expect(dialogs.opened.at(-1)?.request).toEqual({ kind: 'folder', purpose: 'request-output' });
    await keepScreenshot(page, testInfo, `requests-${lang}`);

    await row.getByTestId('request-close').click();
    await chooseSelectOption(page, requests.outcome, text.granted);
    await requests.closeOk.click();
    await expect(row.getByTestId('request-status')).toContainText(text.granted);
    await shell.open('dashboard');
    await expect(page.getByTestId('dashboard-new-vault')).toBeVisible();
    await expect(page.getByTestId('requests-due')).toHaveCount(0);
  });
}

const DIALOGS = {
  'zh-CN': { fulfilled: '已办理', extended: '已延期' },
  en: { fulfilled: 'Fulfilled', extended: 'Extended' },
} as const;

for (const lang of ['zh-CN', 'en'] as const) {
  test(`${lang}: a correction fulfilled with its new value, and a GDPR request extended with the reason`, async ({
    shell,
    page,
    seed,
    engine,
    dialogs,
    files,
  }) => {
    test.slow(); // Argon2id, an import and a PDF with the CJK font on a shared machine
    const text = DIALOGS[lang];
    await customersVault({ seed, engine, files }, lang === 'en' ? 23 : 24);
    const receivedOn = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    for (const input of [
      { kind: 'correct', regime: 'pipl', recordId: 3 },
      { kind: 'access', regime: 'gdpr', recordId: 4 },
    ] as const)
      expect((await engine.call('requests.add', { ...input, receivedOn })).ok).toBe(true);

    await shell.open('requests');
    if (lang === 'en') await shell.switchLanguage('en');
    const requests = new RequestsPage(page);

    // The correction asks for the new value (the name, preset), then for the folder of the letter.
    const correction = requests.row('R-0001');
    await correction.getByTestId('request-fulfil').click();
    await page.getByTestId('correction-value').fill('王小明');
    const out = path.join(files, 'answer');
    await mkdir(out);
    dialogs.next(out);
    await page.getByTestId('correction-ok').click();
    await expect(correction.getByTestId('request-status')).toContainText(text.fulfilled, { timeout: 60_000 });
    expect(dialogs.opened.at(-1)?.request).toEqual({ kind: 'folder', purpose: 'request-output' });
    const record = await engine.call('records.get', { id: 3 });
    expect(record.ok && record.value.record.name).toBe('王小明');

    // GDPR Art. 12(3): two more months, once, with the reason told to the person.
    const access = requests.row('R-0002');
    const before = await engine.call('requests.list', {});
    const dueBefore = before.ok ? before.value.find((r) => r.ref === 'R-0002')!.due.date : '';
    await access.getByTestId('request-extend').click();
    await page.getByTestId('extend-reason').fill('The records are spread over three branch offices');
    await page.getByTestId('extend-ok').click();
    await expect(access).toContainText(text.extended);
    await expect(access.getByTestId('request-extend')).toHaveCount(0);
    const after = await engine.call('requests.list', {});
    const extended = after.ok ? after.value.find((r) => r.ref === 'R-0002')! : null;
    expect(extended?.extension?.reason).toBe('The records are spread over three branch offices');
    expect(extended!.due.date > dueBefore).toBe(true);
    await expect(access).toContainText(extended!.due.date);
  });
}
