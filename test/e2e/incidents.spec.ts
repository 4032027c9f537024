// Incidents in the window, in Chinese and in English: a lost backup registered (the records its manifest
// held, encrypted), its GDPR timers on the Dashboard, the notification draft to the authority
// read in both languages and written as a PDF into a chosen folder, then recorded as sent; a drill logged
// ends the Dashboard's drill warning; a contact saved in the emergency plan.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateCustomers } from '../fixtures/customers';
import { encodeCsv } from '../fixtures/write-csv';
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import { chooseSelectOption } from './pages/antd-select';
import { unlockSeeded } from './harness/seed-vault';
import { IncidentsPage } from './pages/incidents-page';

const OWNER = { name: '周敏', passphrase: '西湖龙井-虎跑梦泉-九溪烟树' };

const TEXT = {
  'zh-CN': {
    title: '安全事件',
    affected: '12 条记录',
    encrypted: '已加密',
    gdpr: 'GDPR',
    draftTitle: '个人信息安全事件报告',
    timers: '安全事件的通知期限正在计时',
    sent: 'GDPR → 监管部门: 已通知',
    drillsTab: '演练记录',
    planTab: '应急预案',
    planSaved: '更新于',
  },
  en: {
    title: 'Incidents',
    affected: '12 record(s)',
    encrypted: 'Encrypted',
    gdpr: 'GDPR',
    draftTitle: 'Personal data breach notification',
    timers: 'Incident notification deadlines are running',
    sent: 'GDPR → authority: Notified',
    drillsTab: 'Drills',
    planTab: 'Emergency plan',
    planSaved: 'Updated',
  },
} as const;

for (const lang of ['zh-CN', 'en'] as const) {
  test(`${lang}: a lost backup registered, its timers on the Dashboard, a notification draft written and sent`, async ({
    shell,
    page,
    seed,
    engine,
    dialogs,
    files,
  }, testInfo) => {
    test.slow(); // Argon2id, an import, a backup and a PDF with the CJK font on a shared machine
    const text = TEXT[lang];
    const disk = await mkdtemp(path.join(os.tmpdir(), 'closeout-e2e-disk-'));
    try {
      const csv = path.join(files, 'customers.csv');
      await writeFile(csv, encodeCsv([...generateCustomers(lang === 'en' ? 31 : 32, 12)].map((c) => c.row)));
      const vault = await seed({
        clientName: '杭州示例茶叶有限公司',
        owner: OWNER,
        afterCreate: async (call) => {
          await call('import.run', { inputs: [{ file: { path: csv } }] });
          await call('backup.create', { dir: { path: disk } });
        },
      });
      expect(
        (
          await engine.call('vault.unlock', {
            vault: { vaultId: vault.vaultId },
            userName: OWNER.name,
            passphrase: OWNER.passphrase,
          })
        ).ok,
      ).toBe(true);

      await shell.open('incidents');
      if (lang === 'en') await shell.switchLanguage('en');
      await expect(shell.pageTitle).toHaveText(text.title);
      const incidents = new IncidentsPage(page);
      await incidents.add.click();
      await incidents.description.fill('Backup disk lost in a taxi');
      await chooseSelectOption(page, incidents.backup, / · /);
      await chooseSelectOption(page, incidents.regimes, text.gdpr);
      await incidents.save.click();
      const row = incidents.row('I-0001');
      await expect(row.getByTestId('incident-affected')).toContainText(text.affected);
      await expect(row.getByTestId('incident-affected')).toContainText(text.encrypted);
      await expect(row.getByTestId('timer-gdpr-authority')).toBeVisible();

      await shell.open('dashboard');
      await expect(page.getByTestId('incident-timers')).toContainText(text.timers);
      await expect(page.getByTestId('incident-timers')).toContainText('I-0001');
      await expect(page.getByTestId('incident-drill-due')).toBeVisible();

      await shell.open('incidents');
      await row.getByTestId('incident-notice').click();
      await page.getByTestId('notice-obligation').getByText(/GDPR/).first().click();
      await expect(incidents.draft('zh-CN')).toContainText('个人信息安全事件报告');
      await expect(incidents.draft('zh-CN')).toContainText('涉及 12 条客户记录');
      await expect(incidents.draft('en')).toContainText('Personal data breach notification');
      await expect(incidents.draft('en')).toContainText('12 customer record(s)');
      await keepScreenshot(page, testInfo, `incident-notice-${lang}`);

      const out = path.join(files, 'notices');
      await mkdir(out);
      dialogs.next(out);
      await incidents.writeDraft.click();
      await expect(page.getByRole('dialog')).toContainText('I-0001-gdpr-authority-draft.pdf', {
        timeout: 60_000,
      });
      expect(await readdir(out)).toEqual(['I-0001-gdpr-authority-draft.pdf']);
      expect(dialogs.opened.at(-1)?.request).toEqual({ kind: 'folder', purpose: 'incident-output' });
      await incidents.markSent.click();
      await expect(page.getByRole('dialog').getByTestId('timer-gdpr-authority')).toContainText(text.sent);
      await page.keyboard.press('Escape');

      // A drill logged today ends the Dashboard's drill warning.
      await page.getByRole('tab', { name: text.drillsTab }).click();
      await page.getByTestId('drill-scenario').fill('Backup disk lost in a taxi');
      await page.getByTestId('drill-participants').fill('周敏, IT');
      await page.getByTestId('drill-findings').fill('Recovery key kept apart');
      await page.getByTestId('drill-log').click();
      await expect(page.getByTestId('drill-list')).toContainText('周敏, IT');

      // The emergency plan: a contact named and saved over the template.
      await page.getByRole('tab', { name: text.planTab }).click();
      await page.getByTestId('plan-contact-name-0').fill('周敏');
      await page.getByTestId('plan-save').click();
      await expect(page.getByTestId('incident-plan')).toContainText(text.planSaved);
      await expect(page.getByTestId('plan-contact-name-0')).toHaveValue('周敏');
      await shell.open('dashboard');
      await expect(page.getByTestId('incident-timers')).toBeVisible();
      await expect(page.getByTestId('incident-drill-due')).toHaveCount(0);
    } finally {
      await rm(disk, { recursive: true, force: true });
    }
  });
}

const LATE = {
  'zh-CN': {
    delay: 'GDPR Art. 33(1) 要求随通知说明延迟的原因',
    heading: '延迟原因（GDPR Art. 33(1)）',
    sentLate: '逾期通知',
  },
  en: {
    delay: 'GDPR Art. 33(1)',
    heading: 'Reasons for the delay (GDPR Art. 33(1))',
    sentLate: 'Notified late',
  },
} as const;

for (const lang of ['zh-CN', 'en'] as const) {
  test(`${lang}: a GDPR notice after 72 hours carries the reasons for the delay, in the draft and the register`, async ({
    shell,
    page,
    seed,
    engine,
  }) => {
    test.slow(); // Argon2id on a shared machine
    const text = LATE[lang];
    await unlockSeeded(engine, await seed({ clientName: '杭州示例茶叶有限公司', owner: OWNER }), OWNER);
    const added = await engine.call('incidents.add', {
      kind: 'unauthorised-access',
      discoveredAt: new Date(Date.now() - 100 * 3_600_000).toISOString(),
      description: 'A former employee logged in with an old account',
      source: { from: 'entered', records: 40, encrypted: false },
      regimes: ['gdpr'],
    });
    expect(added.ok).toBe(true);

    await shell.open('incidents');
    if (lang === 'en') await shell.switchLanguage('en');
    const incidents = new IncidentsPage(page);
    await incidents.row('I-0001').getByTestId('incident-notice').click();
    // The 72 hours have run out: the dialog asks for the reasons, and the draft has their heading.
    const delay = page.getByTestId('notice-delay');
    await expect(delay).toContainText(text.delay);
    await expect(incidents.draft(lang)).toContainText(text.heading);
    const reasons = 'The breach was confirmed only after the forensic review of the server logs';
    await page.getByTestId('notice-delay-reasons').fill(reasons);
    await incidents.markSent.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('timer-gdpr-authority')).toContainText(text.sentLate);
    await expect(incidents.draft('en')).toContainText(reasons);

    const register = await engine.call('incidents.list', {});
    expect(register.ok && register.value[0].notices[0]).toMatchObject({
      regime: 'gdpr',
      delayReasons: reasons,
    });
    await engine.call('compliance.setApplicability', { pipl: true, gdpr: true, ccpa: false, iso27001: true });
    const checklist = await engine.call('compliance.checklist', {});
    const item = checklist.ok ? checklist.value.items.find((i) => i.id === 'gdpr-33-breaches') : null;
    expect(item?.evidence.en).toContain('with the reasons for the delay (GDPR Art. 33(1)): I-0001');
  });
}
