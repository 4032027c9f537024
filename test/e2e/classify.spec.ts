// Classification and dispositions in the window, in Chinese and in English: after a generated CSV is
// imported through the engine, the summary shows the generator's counts (each linking to the Records
// page filtered), a rule change + reclassify changes them, and disposition rules (dry run first) leave
// no record without a disposition.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { localDay } from '../../electron/core/classification/classify';
import { yearsBefore } from '../../shared/classification/stale';
import { generateCustomers } from '../fixtures/customers';
import { encodeCsv } from '../fixtures/write-csv';
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import type { Lang } from './pages/app-shell';
import { ClassificationPage } from './pages/classification-page';
import { DispositionsPage } from './pages/dispositions-page';

const OWNER = { name: '陈静', passphrase: '苏堤春晓-曲院风荷-花港观鱼' };
const N = 300;
const TODAY = localDay(new Date());

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  test(`${lang}: counts after an import, a rule change + reclassify, dispositions to none left`, async ({
    shell,
    page,
    seed,
    engine,
  }, testInfo) => {
    test.slow();
    const customers = [...generateCustomers(lang === 'en' ? 11 : 12, N, { asOf: TODAY })];
    const stale = (years: number) =>
      customers.filter(
        (c) => c.truth.lastOrderDate !== null && c.truth.lastOrderDate < yearsBefore(TODAY, years),
      ).length;
    const businesses = customers.filter((c) => c.truth.kind === 'business').length;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'closeout-e2e-classify-'));
    try {
      const csv = path.join(dir, 'customers.csv');
      await writeFile(csv, encodeCsv(customers.map((c) => c.row)));
      const vault = await seed({
        clientName: '杭州示例文化传媒有限公司',
        owner: OWNER,
        afterCreate: async (call) => {
          await call('import.run', { inputs: [{ file: { path: csv } }] });
        },
      });
      const opened = await engine.call('vault.unlock', {
        vault: { vaultId: vault.vaultId },
        userName: OWNER.name,
        passphrase: OWNER.passphrase,
      });
      expect(opened.ok).toBe(true);

      const classification = new ClassificationPage(page);
      await shell.open('classification');
      if (lang === 'en') await shell.switchLanguage('en');
      await expect(shell.pageTitle).toHaveText(lang === 'en' ? 'Classification' : '分类');
      await expect(classification.count('type', 'business')).toHaveAttribute(
        'data-count',
        String(businesses),
      );
      await expect(classification.count('type', 'individual')).toHaveAttribute(
        'data-count',
        String(N - businesses),
      );
      await expect(classification.count('flag', 'stale')).toHaveAttribute('data-count', String(stale(3)));
      // A count opens the Records page filtered to what it counts.
      const href = await classification.count('type', 'business').getAttribute('href');
      expect(href).toBe(`#/records?filter=${encodeURIComponent(JSON.stringify({ type: 'business' }))}`);
      await keepScreenshot(page, testInfo, `classification-${lang}`);

      // Stale after 6 years instead of 3: save a new version, then reclassify as offered.
      await classification.setStaleYears(6);
      await classification.rulesSave.click();
      await expect(classification.rulesSaved).toContainText('2');
      await classification.reclassifyNow.click();
      await expect(classification.count('flag', 'stale')).toHaveAttribute('data-count', String(stale(6)), {
        timeout: 30_000,
      });
      await expect(classification.rulesEditor).toContainText(lang === 'en' ? 'version 2' : '版本 2');

      // Dispositions: the default rules are stale → destroy, then the rest → anonymise.
      const dispositions = new DispositionsPage(page);
      await shell.goTo('dispositions');
      await expect(shell.pageTitle).toHaveText(lang === 'en' ? 'Dispositions' : '处置');
      await expect(dispositions.none).toHaveAttribute('data-count', String(N));
      await dispositions.dryRun.click();
      await expect(dispositions.preview).toBeVisible({ timeout: 30_000 });
      await expect(dispositions.matched(0)).toHaveText(String(stale(6)));
      await expect(dispositions.none).toHaveAttribute('data-count', String(N));
      await dispositions.apply.click();
      await dispositions.confirm.click();
      await expect(dispositions.none).toHaveAttribute('data-count', '0', { timeout: 30_000 });
      await expect(dispositions.count('DESTROY')).toHaveAttribute('data-count', String(stale(6)));
      await expect(dispositions.allDecided).toBeVisible();
      await keepScreenshot(page, testInfo, `dispositions-${lang}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
