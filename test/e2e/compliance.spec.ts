// The Compliance centre, in Chinese and in English: the closure plan with its steps and the certification
// refused while something blocks it; one checklist item answered by hand with an evidence file (its hash
// shown); the signed compliance report exported into a chosen folder; the evidence pack built, then
// checked as sound; and one changed byte in the pack makes the check fail.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import { CompliancePage } from './pages/compliance-page';
import { DashboardPage } from './pages/dashboard-page';

const OWNER = { name: '林悦', passphrase: '鼓浪屿-菽庄花园的海风' };
const CLIENT = '厦门示例茶业有限公司';

const TEXT = {
  'zh-CN': {
    title: '合规',
    met: '符合',
    summary: /符合 \d+ · 不符合 \d+ · 不适用 \d+ · 待回答 \d+/,
    sound: '证据包完好',
    notSound: '证据包有问题',
    art232: '第二百三十二条',
  },
  en: {
    title: 'Compliance',
    met: 'Met',
    summary: /Met \d+ · Not met \d+ · N\/A \d+ · To answer \d+/,
    sound: 'The evidence pack is sound',
    notSound: 'The evidence pack is not sound',
    art232: 'Art. 232',
  },
} as const;

for (const lang of ['zh-CN', 'en'] as const) {
  test(`${lang}: plan, a checklist item answered by hand, the report exported, the evidence pack built and checked`, async ({
    shell,
    page,
    seed,
    engine,
    dialogs,
    files,
  }, testInfo) => {
    // Argon2id, key generation, PDF rendering with the CJK font and CMS signing on a shared machine.
    test.slow();
    const text = TEXT[lang];
    // The decision to dissolve two days ago: the liquidation group is due within 15 days of it.
    const decisionDate = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const vault = await seed({
      clientName: CLIENT,
      owner: OWNER,
      afterCreate: async (call) => {
        await call('vault.updateDetails', { keyDates: { decisionDate } });
      },
    });
    const opened = await engine.call('vault.unlock', {
      vault: { vaultId: vault.vaultId },
      userName: OWNER.name,
      passphrase: OWNER.passphrase,
    });
    expect(opened.ok).toBe(true);

    await shell.open('compliance');
    if (lang === 'en') await shell.switchLanguage('en');
    const compliance = new CompliancePage(page);
    await expect(shell.pageTitle).toHaveText(text.title);

    // The plan: an empty vault is at intake, the certification is refused with its blockers.
    await expect(compliance.planTab).toBeVisible();
    await expect(compliance.step('intake')).toHaveAttribute('data-state', /current|todo/);
    await expect(compliance.planSteps.getByTestId('plan-blocker').first()).toBeVisible();
    await expect(compliance.certify).toBeDisabled();
    await expect(compliance.keyDates.locator('tbody tr.ant-table-row').first()).toBeVisible();
    await expect(compliance.keyDates).toContainText(text.art232);

    // The checklists: one item answered by hand with an evidence file.
    await compliance.openTab('checklists');
    await expect(compliance.summary).toHaveText(text.summary);
    const id = await compliance.firstOpenItem();
    const evidenceFile = path.join(files, 'board-minutes.txt');
    await writeFile(evidenceFile, 'Board minutes, 2026-11-30: the closure team was briefed.\n', 'utf8');
    await compliance.answer(id, text.met, 'Briefed on 2026-11-30; minutes kept by the liquidator', () =>
      dialogs.next(evidenceFile),
    );
    const row = compliance.item(id);
    await expect(row).toHaveAttribute('data-status', 'met');
    await expect(row.getByTestId('item-answer')).toContainText('board-minutes.txt');
    expect(dialogs.opened.at(-1)?.request).toEqual({ kind: 'open', purpose: 'evidence-file' });

    // The compliance report: PDF, JSON and signature in the chosen folder; the hand answer is in the JSON.
    await compliance.openTab('evidence');
    const reportDir = path.join(files, 'report');
    dialogs.next(reportDir);
    await compliance.reportExport.click();
    await expect(compliance.reportFiles).toHaveCount(3, { timeout: 60_000 });
    const written = await readdir(reportDir);
    expect(written.map((f) => path.extname(f)).sort()).toEqual(['.json', '.p7s', '.pdf']);
    const json = await readFile(
      path.join(
        reportDir,
        written.find((f) => f.endsWith('.json'))!,
      ),
      'utf8',
    );
    expect(json).toContain('board-minutes.txt');

    // The evidence pack, then checked as sound by Closeout.
    const packDir = path.join(files, 'pack');
    dialogs.next(packDir);
    await compliance.packBuild.click();
    await expect(compliance.packResult).toBeVisible({ timeout: 120_000 });
    const packName = (await compliance.packFile.innerText()).trim();
    expect(await readdir(packDir)).toContain(packName);
    const packPath = path.join(packDir, packName);
    dialogs.next(packPath);
    await compliance.packVerify.click();
    await expect(compliance.verifyResult).toHaveAttribute('data-ok', 'true', { timeout: 60_000 });
    await expect(compliance.verifyResult).toContainText(text.sound);

    // One changed byte in the middle of the pack: the check fails and says what.
    const bytes = await readFile(packPath);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    const damaged = path.join(packDir, `damaged-${packName}`);
    await writeFile(damaged, bytes);
    dialogs.next(damaged);
    await compliance.packVerify.click();
    await expect(compliance.verifyResult).toHaveAttribute('data-ok', 'false', { timeout: 60_000 });
    await expect(compliance.verifyResult).toContainText(text.notSound);
    // It names the file of the bag whose bytes changed.
    await expect(
      compliance.verifyResult.getByTestId('verify-problem').filter({ hasText: /^data\// }),
    ).not.toHaveCount(0);

    // The risk register lists the guide's risks.
    await compliance.openTab('risks');
    await expect(compliance.riskTable.locator('tbody tr.ant-table-row').first()).toBeVisible();
    await keepScreenshot(page, testInfo, `compliance-${lang}`);

    // The Dashboard shows, without unlocking, the next deadline and the plan's blockers.
    await shell.open('dashboard');
    const dashboardRow = new DashboardPage(page).row(CLIENT);
    await expect(dashboardRow.getByTestId('vault-next-deadline')).toHaveAttribute(
      'data-date',
      /^\d{4}-\d{2}-\d{2}$/,
    );
    await expect(dashboardRow.getByTestId('vault-blockers')).not.toHaveAttribute('data-count', '0');
  });
}
