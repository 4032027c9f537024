// Anonymised analytics in the window, in Chinese and in English: the table by customer type and province
// charted with its suppressed cells (marked, never a number), exported as CSV into a chosen file, and the
// extract's warning that it is still personal data.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateCustomers } from '../fixtures/customers';
import { encodeCsv } from '../fixtures/write-csv';
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';

const OWNER = { name: '周敏', passphrase: '西湖龙井-虎跑梦泉-九溪烟树' };

const TEXT = {
  'zh-CN': { title: '匿名统计', suppressed: '已抑制', personal: '仍属个人信息' },
  en: { title: 'Analytics', suppressed: 'Suppressed', personal: 'still personal data' },
} as const;

for (const lang of ['zh-CN', 'en'] as const) {
  test(`${lang}: a chart with a suppressed cell, its CSV export, the extract's warning`, async ({
    shell,
    page,
    seed,
    engine,
    dialogs,
    files,
  }, testInfo) => {
    test.slow(); // Argon2id and an import on a shared machine
    const text = TEXT[lang];
    const csv = path.join(files, 'customers.csv');
    await writeFile(csv, encodeCsv([...generateCustomers(lang === 'en' ? 31 : 32, 60)].map((c) => c.row)));
    const vault = await seed({
      clientName: '杭州示例茶叶有限公司',
      owner: OWNER,
      afterCreate: async (call) => {
        await call('import.run', { inputs: [{ file: { path: csv } }] });
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

    await shell.open('analytics');
    if (lang === 'en') await shell.switchLanguage('en');
    await expect(shell.pageTitle).toHaveText(text.title);
    const chart = page.getByTestId('analytics-chart');
    await expect(chart.locator('canvas')).toBeVisible();
    await expect(chart).not.toHaveAttribute('data-suppressed', '0');
    await expect(page.getByTestId('analytics-suppressed-cell').first()).toHaveText(text.suppressed);
    await keepScreenshot(page, testInfo, `analytics-${lang}`);

    const out = path.join(files, `counts-${lang}.csv`);
    dialogs.next(out);
    await page.getByTestId('analytics-export-csv').click();
    await expect(page.getByTestId('analytics-exported')).toBeVisible({ timeout: 30_000 });
    expect(dialogs.opened.at(-1)?.request).toEqual({ kind: 'save', purpose: 'analytics-export' });
    const rows = (await readFile(out, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    const counts = rows.map((r) => r.split(',').at(-1)!);
    expect(counts).toContain(lang === 'en' ? 'suppressed' : '已抑制');
    for (const c of counts) if (/^\d+$/.test(c)) expect(Number(c)).toBeGreaterThanOrEqual(5);

    await expect(page.getByTestId('analytics-extract-warning')).toContainText(text.personal);
  });
}
