// A messy workbook through the Import wizard and the product review, in Chinese and in English: the
// messy generator's "everything" workbook (several sheets — customers, older customers, a sheet of totals,
// suppliers, an empty and a hidden one —, a totals row, cells with two phones, hidden characters). The
// sheets are listed with their row counts, the customer sheets ticked; one is unticked; the import sets the
// totals row aside and lists it with its sheet and row; the phones of a two-number cell are both kept; the
// hidden-character count links to the Records page filtered by the flag. Then the Classification page's
// product review: two values ticked and filed under one category at once.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { categoryById } from '../../shared/taxonomy';
import { everythingXlsx } from '../fixtures/messy';
import { expect, test } from './fixtures';
import { chooseSelectOption } from './pages/antd-select';
import type { Lang } from './pages/app-shell';
import { ClassificationPage } from './pages/classification-page';
import { ImportWizard } from './pages/import-wizard';
import { RecordsPage } from './pages/records-page';

const OWNER = { name: '周敏', passphrase: '断桥残雪-柳浪闻莺-花港观鱼' };

for (const [lang, seedNo] of [
  ['zh-CN', 1],
  ['en', 4],
] as const satisfies ReadonlyArray<readonly [Lang, number]>) {
  test(`${lang}: a messy workbook: sheets chosen, totals set aside and listed, phones split, hidden characters flagged; then the product review in bulk`, async ({
    shell,
    page,
    seed,
    engine,
    dialogs,
  }) => {
    test.slow();
    const file = everythingXlsx(seedNo, { rows: 60 });
    const key = file.key;
    const customerSheets = key.tables.filter((t) => t.holdsCustomers).map((t) => t.sheet!);
    // The first sheet stays ticked, the second is unticked, the totals sheet stays ticked.
    const [main, unticked] = customerSheets;
    const total = key.setAside.find((a) => a.reason === 'total')!;
    expect(customerSheets).toContain(total.sheet);
    const chosen = customerSheets.filter((s) => s !== unticked);
    const inMain = key.customers.filter((c) => c.sheet === main);
    const hiddenInMain = inMain.filter((c) => c.hidden.length > 0).length;
    const twoPhones = inMain.find((c) => c.phones.length >= 2)!;
    expect(hiddenInMain).toBeGreaterThan(0);

    const dir = await mkdtemp(path.join(os.tmpdir(), 'closeout-e2e-messy-'));
    try {
      const xlsx = path.join(dir, file.name);
      await writeFile(xlsx, file.bytes);
      const vault = await seed({ clientName: '宁波示例商贸有限公司', owner: OWNER });
      const opened = await engine.call('vault.unlock', {
        vault: { vaultId: vault.vaultId },
        userName: OWNER.name,
        passphrase: OWNER.passphrase,
      });
      expect(opened.ok).toBe(true);

      const wizard = new ImportWizard(page);
      await shell.open('import');
      if (lang === 'en') await shell.switchLanguage('en');
      dialogs.next(xlsx);
      await wizard.addFile.click();
      await expect(wizard.sheets).toHaveCount(key.tables.length);
      for (const t of key.tables) {
        await (t.holdsCustomers
          ? expect(wizard.sheetCheck(t.sheet!)).toBeChecked()
          : expect(wizard.sheetCheck(t.sheet!)).not.toBeChecked());
      }
      await expect(wizard.sheet(main)).toContainText(
        String(key.tables.find((t) => t.sheet === main)!.customers),
      );
      await expect(wizard.sheet(main)).toContainText(lang === 'en' ? 'Customers' : '客户');
      await wizard.sheetCheck(unticked).uncheck();
      await expect(wizard.sheetCheck(unticked)).not.toBeChecked();
      await wizard.next.click();
      await wizard.expectStep('mapping');
      await wizard.run.click();
      await wizard.expectStep('result', 60_000);
      await expect(wizard.jobOutcome).toHaveAttribute('data-outcome', 'succeeded');

      // One source per ticked sheet; the unticked one not imported.
      for (const sheet of chosen) await expect(wizard.source(sheet)).toHaveCount(1);
      await expect(wizard.source(unticked)).toHaveCount(0);
      // The totals row, set aside and listed with its sheet, its row and the reason.
      const setAside = wizard.quarantine.locator('tbody tr.ant-table-row').filter({ hasText: total.sheet! });
      await expect(setAside.filter({ hasText: String(total.row) })).toContainText(
        lang === 'en' ? 'A totals row' : '合计行',
      );
      // The hidden-character count of the main sheet, a link to the Records page filtered by the flag.
      const hidden = wizard.source(main).getByTestId('import-hidden-count');
      await expect(hidden).toHaveAttribute('data-count', String(hiddenInMain));

      // Both numbers of a two-phone cell are kept.
      const sources = await engine.call('import.sources', {});
      if (!sources.ok) throw new Error(sources.error.code);
      const mainSource = sources.value.find((s) => s.sheet === main)!;
      const records = await engine.call('records.query', {
        limit: 500,
        filter: { sourceId: mainSource.id },
      });
      if (!records.ok) throw new Error(records.error.code);
      const record = records.value.records.find((r) => r.sources[0].row === twoPhones.row)!;
      expect(record.phones).toHaveLength(twoPhones.phones.length);

      await hidden.click();
      const recordsPage = new RecordsPage(page);
      await expect(recordsPage.rows).toHaveCount(hiddenInMain);

      // The product review: two values ticked, filed under one category at once.
      const classification = new ClassificationPage(page);
      await shell.open('classification');
      await expect(classification.productRows.first()).toBeVisible();
      const values = await classification.productRows.evaluateAll((rows) =>
        rows.slice(0, 2).map((r) => r.getAttribute('data-value')!),
      );
      for (const value of values) await classification.tickProduct(value);
      const target = categoryById('consulting')[lang === 'en' ? 'en' : 'zh'];
      await chooseSelectOption(page, classification.productBulkCategory, target, target);
      await classification.productBulkApply.click();
      for (const value of values) {
        const category = classification.productRow(value).getByTestId('product-category');
        await expect(category).toHaveAttribute('data-category', 'consulting', { timeout: 60_000 });
        await expect(category).toContainText(lang === 'en' ? 'Your rule' : '您的规则');
      }
      const rules = await engine.call('classification.rules', {});
      expect(rules.ok && rules.value.current.body.productRules?.map((r) => r.value).sort()).toEqual(
        [...values].sort(),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
