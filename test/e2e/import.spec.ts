// The Import wizard in Chinese and in English: a GBK CSV generated in the test is dropped onto the wizard
// (Chinese run) or chosen in the dialog (English run), its encoding is detected, the mapping is shown
// with the first rows as stored (the 微信号 column mapped to the WeChat ID; an invalid ID and an invalid
// WeChat ID highlighted), the import runs as a job, the result counts match the generator, the
// quarantined row is listed and exported, and the plaintext source file is deleted with the SSD caveat
// shown.
import { mkdtemp, readFile, rm, writeFile, access } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { CUSTOMER_FIELDS, generateCustomers } from '../fixtures/customers';
import { CSV_HEADERS, csvRecord } from '../fixtures/write-csv';
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import type { Lang } from './pages/app-shell';
import { ImportWizard } from './pages/import-wizard';

const OWNER = { name: '林芳', passphrase: '平湖秋月-南屏晚钟-雷峰夕照' };
const N = 40;

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  test(`${lang}: drop (zh-CN) or choose (en) a GBK CSV, check the mapping and preview, import, export quarantine, delete the source`, async ({
    shell,
    page,
    seed,
    engine,
    dialogs,
  }, testInfo) => {
    test.slow();
    const customers = [...generateCustomers(lang === 'en' ? 21 : 22, N)];
    // The first row's ID and the second row's WeChat ID are broken on purpose, so the preview has
    // something to highlight; the third row's WeChat ID is labelled as people type it.
    const rows = customers.map((c) => c.row);
    rows[0] = { ...rows[0], id_number: '110105194912310021' };
    rows[1] = { ...rows[1], wechat: '张三的微信' };
    rows[2] = { ...rows[2], wechat: '微信：Qz_Closeout-7731' };
    const dir = await mkdtemp(path.join(os.tmpdir(), 'closeout-e2e-import-'));
    try {
      const csv = path.join(dir, '客户名单.csv');
      const text =
        [
          csvRecord(CUSTOMER_FIELDS.map((f) => CSV_HEADERS.zh[f])),
          ...rows.map((r) => csvRecord(CUSTOMER_FIELDS.map((f) => r[f]))),
          csvRecord(CUSTOMER_FIELDS.map((f) => (f === 'notes' ? '只有备注' : ''))),
        ].join('\r\n') + '\r\n';
      await writeFile(csv, iconv.encode(text, 'gb18030'));

      const vault = await seed({ clientName: '杭州示例贸易有限公司', owner: OWNER });
      const opened = await engine.call('vault.unlock', {
        vault: { vaultId: vault.vaultId },
        userName: OWNER.name,
        passphrase: OWNER.passphrase,
      });
      expect(opened.ok).toBe(true);

      const wizard = new ImportWizard(page);
      await shell.open('import');
      if (lang === 'en') await shell.switchLanguage('en');
      await expect(shell.pageTitle).toHaveText(lang === 'en' ? 'Import' : '导入');

      dialogs.next(csv);
      if (lang === 'zh-CN') {
        await wizard.drop('客户名单.csv');
      } else {
        await wizard.addFile.click();
      }
      expect(dialogs.opened.at(-1)?.request).toEqual({ kind: 'open', purpose: 'import' });
      const file = wizard.files;
      await expect(file).toContainText('客户名单.csv');
      await expect(wizard.detected(file, 'encoding')).toHaveText('gb18030');
      await expect(wizard.detected(file, 'format')).toHaveText('CSV');
      // The page never sees the folder the file is in.
      await expect(wizard.root).not.toContainText(dir);
      await wizard.next.click();
      await wizard.expectStep('mapping');

      await expect(wizard.target('客户名称')).toContainText(lang === 'en' ? 'Name' : '姓名');
      await expect(wizard.target('身份证号')).toContainText(lang === 'en' ? 'ID number' : '身份证号');
      await expect(wizard.target('微信号')).toContainText(lang === 'en' ? 'WeChat ID' : '微信号');
      await expect(wizard.previewRows).toHaveCount(20);
      await expect(wizard.invalid('idNumber').first()).toHaveText('110105194912310021');
      await expect(
        wizard.previewRows.nth(1).locator('[data-testid="import-invalid"][data-field="wechat"]'),
      ).toHaveText('张三的微信');
      await expect(wizard.previewRows.nth(2)).toContainText('Qz_Closeout-7731');
      await expect(wizard.previewRows.nth(2)).not.toContainText('微信：');
      await keepScreenshot(page, testInfo, `import-mapping-${lang}`);

      await wizard.run.click();
      await expect(wizard.totals).toHaveAttribute('data-imported', String(N), { timeout: 60_000 });
      await expect(wizard.totals).toHaveAttribute('data-quarantined', '1');
      await wizard.expectStep('result');
      await expect(wizard.jobOutcome).toHaveAttribute('data-outcome', 'succeeded');
      await expect(wizard.quarantine).toContainText(String(N + 2));
      await expect(wizard.quarantine).toContainText(lang === 'en' ? 'Names no one' : '无法识别是谁');
      await expect(wizard.ssdCaveat).toContainText(lang === 'en' ? 'SSD' : '固态硬盘');
      await keepScreenshot(page, testInfo, `import-result-${lang}`);

      // The WeChat IDs are stored as read: the labelled one without its label, the broken one as written.
      const wechat = await engine.call('records.query', { filter: { status: { wechat: 'invalid' } } });
      if (!wechat.ok) throw new Error(wechat.error.code);
      expect(wechat.value.records.map((r) => r.wechat)).toContain('张三的微信');
      const found = await engine.call('records.query', { query: 'CLOSEOUT-77' });
      if (!found.ok) throw new Error(found.error.code);
      expect(found.value.records.map((r) => [r.wechat, r.status.wechat])).toEqual([
        ['Qz_Closeout-7731', 'valid'],
      ]);

      // Export the quarantined row.
      const out = path.join(dir, 'quarantine.csv');
      dialogs.next(out);
      await wizard.exportQuarantine.click();
      await expect(wizard.exported).toBeVisible();
      const exported = (await readFile(out)).toString('utf8');
      expect(exported.startsWith('\uFEFFfile,sheet,row,kind,reason,raw')).toBe(true);
      expect(exported).toContain(`客户名单.csv,,${N + 2},no-identifying-field`);

      // Delete the plaintext source, after a confirmation that states the SSD caveat.
      await wizard.deleteSource.click();
      await expect(wizard.deleteDialog).toContainText(lang === 'en' ? 'copy-on-write' : '写时复制');
      await wizard.deleteConfirm.click();
      await expect(wizard.sourceDeleted).toBeVisible();
      await expect(access(csv)).rejects.toThrow();

      // The same engine now lists the source with its deletion recorded.
      const sources = await engine.call('import.sources', {});
      expect(sources.ok && sources.value[0].sourceDeletedAt).toBeTruthy();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
