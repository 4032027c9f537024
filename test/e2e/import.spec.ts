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

/** The browser globals the drop needs (test/ is type-checked without the DOM library). */
interface DropWindow {
  DataTransfer: new () => { items: { add(file: unknown): void } };
  File: new (parts: string[], name: string, options: { type: string }) => unknown;
  DragEvent: new (type: string, init: object) => unknown;
  document: { querySelector(selector: string): { dispatchEvent(event: unknown): boolean } | null };
}

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

      await shell.open('import');
      if (lang === 'en') await shell.switchLanguage('en');
      await expect(shell.pageTitle).toHaveText(lang === 'en' ? 'Import' : '导入');

      dialogs.next(csv);
      if (lang === 'zh-CN') {
        // Dropped onto the wizard (as from the file manager): the shell turns the File into a handle.
        await page.evaluate((name) => {
          const w = globalThis as unknown as DropWindow;
          const data = new w.DataTransfer();
          data.items.add(new w.File(['a,b'], name, { type: 'text/csv' }));
          const zone = w.document.querySelector('[data-testid="import-drop"]');
          zone?.dispatchEvent(
            new w.DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
          );
        }, '客户名单.csv');
      } else {
        await page.getByTestId('import-add-file').click();
      }
      expect(dialogs.opened.at(-1)?.request).toEqual({ kind: 'open', purpose: 'import' });
      const file = page.getByTestId('import-file');
      await expect(file).toContainText('客户名单.csv');
      await expect(file.getByTestId('import-encoding')).toHaveText('gb18030');
      await expect(file.getByTestId('import-format')).toHaveText('CSV');
      // The page never sees the folder the file is in.
      await expect(page.getByTestId('import-wizard')).not.toContainText(dir);
      await page.getByTestId('import-next').click();

      const mapping = page.getByTestId('import-mapping');
      await expect(mapping.locator('[data-testid="import-target"][data-header="客户名称"]')).toContainText(
        lang === 'en' ? 'Name' : '姓名',
      );
      await expect(mapping.locator('[data-testid="import-target"][data-header="身份证号"]')).toContainText(
        lang === 'en' ? 'ID number' : '身份证号',
      );
      await expect(mapping.locator('[data-testid="import-target"][data-header="微信号"]')).toContainText(
        lang === 'en' ? 'WeChat ID' : '微信号',
      );
      const preview = page.getByTestId('import-preview');
      await expect(preview.locator('tbody tr.ant-table-row')).toHaveCount(20);
      await expect(
        preview.locator('[data-testid="import-invalid"][data-field="idNumber"]').first(),
      ).toHaveText('110105194912310021');
      const previewRow = (i: number) => preview.locator('tbody tr.ant-table-row').nth(i);
      await expect(previewRow(1).locator('[data-testid="import-invalid"][data-field="wechat"]')).toHaveText(
        '张三的微信',
      );
      await expect(previewRow(2)).toContainText('Qz_Closeout-7731');
      await expect(previewRow(2)).not.toContainText('微信：');
      await keepScreenshot(page, testInfo, `import-mapping-${lang}`);

      await page.getByTestId('import-run').click();
      const totals = page.getByTestId('import-totals');
      await expect(totals).toHaveAttribute('data-imported', String(N), { timeout: 60_000 });
      await expect(totals).toHaveAttribute('data-quarantined', '1');
      await expect(page.getByTestId('job-outcome')).toHaveAttribute('data-outcome', 'succeeded');
      const quarantine = page.getByTestId('import-quarantine');
      await expect(quarantine).toContainText(String(N + 2));
      await expect(quarantine).toContainText(lang === 'en' ? 'Names no one' : '无法识别是谁');
      await expect(page.getByTestId('import-ssd-caveat')).toContainText(lang === 'en' ? 'SSD' : '固态硬盘');
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
      await page.getByTestId('import-export-quarantine').click();
      await expect(page.getByTestId('import-exported')).toBeVisible();
      const exported = (await readFile(out)).toString('utf8');
      expect(exported.startsWith('\uFEFFfile,sheet,row,kind,reason,raw')).toBe(true);
      expect(exported).toContain(`客户名单.csv,,${N + 2},no-identifying-field`);

      // Delete the plaintext source, after a confirmation that states the SSD caveat.
      await page.getByTestId('import-delete-source').click();
      await expect(page.locator('.ant-modal')).toContainText(lang === 'en' ? 'copy-on-write' : '写时复制');
      await page.getByTestId('import-delete-confirm').click();
      await expect(page.getByTestId('import-source-deleted')).toBeVisible();
      await expect(access(csv)).rejects.toThrow();

      // The same engine now lists the source with its deletion recorded.
      const sources = await engine.call('import.sources', {});
      expect(sources.ok && sources.value[0].sourceDeletedAt).toBeTruthy();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
