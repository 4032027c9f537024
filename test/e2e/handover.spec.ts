// The Handover wizard, in Chinese and in English, on a small vault with the real engine: the recipient
// (its certificate's fingerprint shown), the route, the agreement with its signed PDF and a vetting item,
// the PIPIA approved and written, the notices written (pdftotext shows the recipient's name in Chinese),
// an objection, the package built before the deadline on an owner's written reason (the objector does not
// travel), the recipient's receipt imported, and the Dashboard's stage moved on to destruction.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateRecipientKit } from '../../electron/core/pki';
import { expect, test } from './fixtures';
import { seedTransferVault } from './harness/handover-vault';
import { keepScreenshot } from './harness/screenshot';
import { DashboardPage } from './pages/dashboard-page';
import { HandoverWizard } from './pages/handover-wizard';

const OWNER = { name: '周婷', passphrase: '西湖断桥-残雪未消的清晨' };
const CLIENT = '杭州示例商贸有限公司';
const RECIPIENT = '宁波承接贸易有限公司';
const CODE = '91330212MA2H8N1Q51';

const TEXT = {
  'zh-CN': { fingerprint: '电话', approved: '批准', destruction: '销毁', closed: '移交已完成' },
  en: { fingerprint: 'phone', approved: 'Approved', destruction: 'Destruction', closed: 'Handover closed' },
} as const;

for (const lang of ['zh-CN', 'en'] as const) {
  test(`the whole handover wizard (${lang})`, async ({
    shell,
    page,
    seed,
    engine,
    dialogs,
    files,
  }, testInfo) => {
    // Argon2id, key generation, PDFs with the CJK font, the package and two vaults on a shared machine.
    test.setTimeout(300_000);
    const vault = await seedTransferVault(seed, files, {
      clientName: CLIENT,
      owner: OWNER,
      recipient: RECIPIENT,
    });
    const opened = await engine.call('vault.unlock', {
      vault: { vaultId: vault.vaultId },
      userName: OWNER.name,
      passphrase: OWNER.passphrase,
    });
    expect(opened.ok).toBe(true);
    const kit = await generateRecipientKit({ organisation: RECIPIENT, creditCode: CODE });
    const certificate = path.join(files, 'recipient.pem');
    const key = path.join(files, 'recipient.key');
    await writeFile(certificate, kit.certificatePem);
    await writeFile(key, kit.privateKeyPem);
    const out = (name: string) => path.join(files, `${name}-${lang}`);

    await shell.open('handover');
    if (lang === 'en') await shell.switchLanguage('en');
    const w = new HandoverWizard(page);

    // 1. Recipient, with its certificate: the fingerprint is shown for a phone check.
    await w.recipient({
      organisation: RECIPIENT,
      creditCode: CODE,
      contactPerson: '王经理',
      contact: '0574-87654321',
      address: '宁波市鄞州区示例路 8 号',
    });
    dialogs.next(certificate);
    await w.el('choose-certificate').click();
    await w.el('recipient-save').click();
    await w.atStep('route');
    await expect(w.rows).toHaveCount(1);

    // 2. Route: succession, with the reasoning.
    await expect(w.el('route-rule')).toBeVisible();
    await w.fill('reasoning', '公司解散，业务由接收方承继');
    await w.el('route-save').click();
    await expect(w.error).toHaveCount(0);
    await w.next.click();

    // 3. Agreement with its signed PDF, one vetting item.
    await w.atStep('agreement');
    await w.fill('signed-on', '2026-03-01');
    await w.fill('agreement-purposes', '继续履行售后服务');
    await w.fill('agreement-scope', '姓名、电话、邮箱、地址');
    await w.fill('agreement-retention', '至服务终止后三年');
    const pdf = path.join(files, 'agreement.pdf');
    await writeFile(pdf, '%PDF-1.4 signed agreement\n');
    dialogs.next(pdf);
    await w.el('agreement-file').click();
    await w.el('agreement-save').click();
    await expect(w.el('agreement-recorded')).toContainText('agreement.pdf');
    await w.el('vetting-licence-done').click();
    await expect(w.el('vetting-licence-done')).toBeChecked();
    await w.next.click();

    // 4. PIPIA: answered, approved by the owner, written as a PDF.
    await w.atStep('pipia');
    await expect(w.el('pipia-facts')).toContainText('3');
    await w.fill('pipia-necessity', '承继业务所必需');
    await w.fill('pipia-conclusion', '同意移交');
    await w.fill('pipia-custodian', '清算组 张会计');
    await w.el('pipia-approve').click();
    await expect(w.el('pipia-status')).toHaveAttribute('data-approved', 'true');
    await expect(w.el('pipia-status')).toContainText(TEXT[lang].approved);
    dialogs.next(out('pipia'));
    await w.el('pipia-pdf').click();
    await expect(w.el('pipia-written')).toBeVisible({ timeout: 60_000 });
    await w.next.click();

    // 5. Notices: the letters name the recipient in Chinese.
    await w.atStep('notices');
    // The letters are a choice: PDFs merged by default, or none (the CSV and SMS texts) for a large mailing.
    await expect(w.el('notices-letters-merged')).toBeChecked();
    await expect(page.locator('label', { has: w.el('notices-letters-none') })).toContainText('CSV');
    await w.fill('deadline', '2099-12-31');
    await w.fill('notice-reason', '公司解散清算');
    await w.fill('notice-contact', '清算组 0571-12345678');
    dialogs.next(out('notices'));
    await w.el('notices-write').click();
    await expect(w.el('notices-written')).toBeVisible({ timeout: 120_000 });
    const noticeDir = out('notices');
    const found = await readdir(noticeDir, { recursive: true });
    const letters = found.filter((f) => f.endsWith('.pdf')).map((f) => path.join(noticeDir, f));
    expect(letters.length).toBeGreaterThan(0);
    const text = letters.map((f) => spawnSync('pdftotext', [f, '-'], { encoding: 'utf8' }).stdout).join('\n');
    expect(text.replace(/\s+/g, '')).toContain(RECIPIENT);
    await expect(w.el('notice-table').locator('tbody tr.ant-table-row')).toHaveCount(3);
    await w.next.click();

    // 6. An objection: record 1 does not travel.
    await w.atStep('responses');
    await w.el('response-record').fill('1');
    await w.el('response-save').click();
    await expect(w.el('response-recorded')).toBeVisible();
    await expect(w.el('selection')).toHaveAttribute('data-selected', '2');
    await w.next.click();

    // 7–8. The package, before the deadline on the owner's written reason.
    await w.atStep('package');
    await expect(w.el('blockers').locator('[data-blocker="deadline"]')).toHaveCount(1);
    await w.fill('override', '接收方须于本周接管全部客户');
    const pkgDir = out('package');
    await mkdir(pkgDir, { recursive: true });
    dialogs.next(pkgDir);
    await w.el('build').click();
    await expect(w.el('built')).toHaveAttribute('data-records', '2', { timeout: 120_000 });
    await keepScreenshot(page, testInfo, `handover-package-${lang}`);
    const built = (await readdir(pkgDir)).find((f) => f.endsWith('.p7m'));
    expect(built).toBeDefined();

    // 9. The recipient's receipt, made on its side, imported here: the handover closes.
    const receipt = path.join(files, `receipt-${lang}.p7s`);
    const made = await engine.call('handover.receiptCreate', {
      package: { path: path.join(pkgDir, built!) },
      key: { path: key },
      certificate: { path: certificate },
      out: { path: receipt },
    });
    expect(made.ok).toBe(true);
    await w.next.click();
    await w.atStep('receipt');
    dialogs.next(receipt);
    await w.el('receipt-import').click();
    await expect(w.el('closed')).toContainText(TEXT[lang].closed);
    await expect(w.rows.first()).toHaveAttribute('data-state', 'closed');
    await keepScreenshot(page, testInfo, `handover-closed-${lang}`);

    // The Dashboard's stage moved on.
    await shell.goTo('dashboard');
    await expect(new DashboardPage(page).row(CLIENT)).toContainText(TEXT[lang].destruction);
  });
}
