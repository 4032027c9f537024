// The Records page in Chinese and in English: a vault of generated customers; search by a two-character
// Chinese name, a phone fragment and a WeChat ID fragment, filter (by the WeChat ID's status too), open
// a record's detail (its WeChat ID, source file and row, raw row, history), export CSV through the save
// dialog and check the file (the WeChat ID column included).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { openVaultDatabase } from '../../electron/core/vault/database';
import { foldForMatching } from '../../shared/normalise/text';
import { recoveryVaultKey } from '../../electron/core/vault/recovery-secret';
import { generateCustomers, type GeneratedCustomer } from '../fixtures/customers';
import { insertCustomers, type StoredCustomer } from '../integration/support/records-fixture';
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import type { SeededVault } from './harness/seed-vault';
import { RecordsPage } from './pages/records-page';

const OWNER = { name: '陈静', passphrase: '苏堤春晓-曲院风荷-柳浪闻莺' };
const N = 400;

function fill(
  vault: SeededVault,
  customers: Iterable<GeneratedCustomer> = generateCustomers(4242, N),
): StoredCustomer[] {
  const stored: StoredCustomer[] = [];
  const db = openVaultDatabase(vault.path, recoveryVaultKey(vault.recoveryKey));
  try {
    insertCustomers(db, customers, { file: '客户名单.csv', onRow: (s) => stored.push(s) });
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return stored;
}

const contains = (s: StoredCustomer, q: string) =>
  [
    s.columns.name,
    s.columns.organisation,
    s.columns.phone,
    s.columns.phone_raw?.replace(/\D+/g, ''),
    s.columns.email,
    s.columns.wechat,
    s.columns.address,
  ].some((v) => v && foldForMatching(v).includes(foldForMatching(q)));

for (const lang of ['zh-CN', 'en'] as const) {
  test(`records (${lang}): search a Chinese name, a phone and a WeChat ID fragment, filter, detail, export CSV`, async ({
    shell,
    page,
    seed,
    engine,
    dialogs,
    files,
  }, testInfo) => {
    test.slow();
    const vault = await seed({ clientName: '杭州示例茶叶有限公司', owner: OWNER });
    const stored = fill(vault);
    const opened = await engine.call('vault.unlock', {
      vault: { vaultId: vault.vaultId },
      userName: OWNER.name,
      passphrase: OWNER.passphrase,
    });
    expect(opened.ok).toBe(true);

    const records = new RecordsPage(page);
    await shell.open('records');
    if (lang === 'en') await shell.switchLanguage('en');
    expect(await records.exactTotal()).toBe(N);
    await expect(records.rows.first()).toContainText(stored[0].columns.name ?? '');
    // Scrolling to the end fetches the later pages (100 records each) as their rows come into view.
    await records.scroll(12);
    await expect(records.rowWith(stored[N - 1].columns.name ?? '').last()).toContainText(
      String(stored[N - 1].id),
    );
    await records.scroll(1, -50_000);

    // A two-character Chinese name: every record containing it, and no other.
    const person = stored.find((s) => s.columns.name && /^[\u4e00-\u9fff]{2,3}$/.test(s.columns.name))!;
    const name = Array.from(person.columns.name!).slice(0, 2).join('');
    const byName = stored.filter((s) => contains(s, name));
    await records.searchFor(name, byName.length);
    await expect(records.nameCells.first()).toContainText(name);

    // A phone fragment, typed with a dash as people do.
    const phoned = stored.find((s) => s.columns.phone?.startsWith('+861'))!;
    const digits = phoned.columns.phone!.slice(6, 12);
    const fragment = `${digits.slice(0, 3)}-${digits.slice(3)}`;
    await records.searchFor(fragment, stored.filter((s) => contains(s, digits)).length);
    await expect(records.phoneCells.first()).toContainText(digits);

    // A WeChat ID fragment, typed in another case: its record opens with the WeChat ID in the detail.
    const wechatted = stored.find(
      (s) => s.columns.wechat_status === 'valid' && /^[a-z]{3,}/.test(s.columns.wechat ?? ''),
    )!;
    const wechat = wechatted.columns.wechat!;
    const wxFragment = wechat.slice(1, 7).toUpperCase();
    const byWechat = stored.filter((s) => contains(s, wxFragment));
    await records.searchFor(wxFragment, byWechat.length);
    // The rows are in record order.
    await page.getByTestId('records-row').nth(byWechat.indexOf(wechatted)).click();
    const wxDetail = page.getByTestId('record-detail');
    await expect(wxDetail.getByTestId('record-wechat')).toHaveText(wechat);
    await page.keyboard.press('Escape');
    await expect(wxDetail).toBeHidden();

    // Filter: overseas records only (search cleared).
    await records.search.fill('');
    await records.filterRegion.click();
    await records.chooseOption(lang === 'en' ? 'Overseas' : '境外');
    const overseas = stored.filter((s) => s.cls.region === 'overseas');
    await records.expectTotal(overseas.length);
    await records.flagFilter('incomplete').click();
    await records.expectTotal(overseas.filter((s) => s.cls.incomplete === 1).length);
    await records.filterClear.click();
    await records.expectTotal(N);

    // Filter: WeChat IDs written wrongly.
    await page.getByTestId('records-filter-status-wechat').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: lang === 'en' ? 'WeChat ID: invalid' : '微信号: 无效' })
      .click();
    const badWechat = stored.filter((s) => s.columns.wechat_status === 'invalid');
    expect(badWechat.length).toBeGreaterThan(0);
    await expect(page.getByTestId('records-total')).toHaveAttribute('data-total', String(badWechat.length));
    await page.getByTestId('records-filter-clear').click();
    await expect(page.getByTestId('records-total')).toHaveAttribute('data-total', String(N));

    // A link from another page: #/records?filter=… selects the same records.
    const link = `#/records?filter=${encodeURIComponent(JSON.stringify({ flags: { minor: true } }))}`;
    await page.evaluate((hash) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
    }, link);
    await records.expectTotal(stored.filter((s) => s.cls.minor === 1).length);
    await expect(records.flagFilterInput('minor')).toBeChecked();
    await records.filterClear.click();

    // The detail of the person found by name: source file and row, the raw row, its history.
    await records.searchFor(
      person.columns.name!,
      stored.filter((s) => contains(s, person.columns.name!)).length,
    );
    await records
      .rowWith(person.columns.phone ?? person.columns.name!)
      .first()
      .click();
    await expect(records.detailName).toHaveText(person.columns.name!);
    await expect(records.detailSourceRef).toContainText('客户名单.csv');
    await expect(records.detailSourceRef).toContainText(String(person.line));
    await expect(records.detailSourceRaw).toContainText(person.row.name);
    await expect(records.detailHistory).toBeVisible();
    await keepScreenshot(page, testInfo, `records-detail-${lang}`);
    await page.keyboard.press('Escape');
    await expect(records.detail).toBeHidden();

    // Export what is shown (the name search) as CSV through the save dialog.
    const out = path.join(files, `records-${lang}.csv`);
    dialogs.next(out);
    await records.exportButton.click();
    await records.exportFormat('csv').click();
    await records.exportStart.click();
    await expect(records.exported).toBeVisible({ timeout: 60_000 });
    expect(dialogs.opened.at(-1)?.request).toMatchObject({ kind: 'save', purpose: 'records-export' });
    const bytes = await readFile(out);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const expectedIds = stored.filter((s) => contains(s, person.columns.name!)).map((s) => s.id);
    const idHeader = lang === 'en' ? 'id' : '编号';
    expect(rows.map((r) => Number(r[idHeader]))).toEqual(expectedIds);
    const wechatHeader = lang === 'en' ? 'WeChat ID' : '微信号';
    expect(Object.keys(rows[0])).toContain(wechatHeader);
    const wechatOf = new Map(stored.map((s) => [s.id, s.columns.wechat ?? '']));
    expect(rows.map((r) => r[wechatHeader])).toEqual(expectedIds.map((id) => wechatOf.get(id)));
    await keepScreenshot(page, testInfo, `records-export-${lang}`);
  });
}

// Rows have one fixed height (a virtual table): a long value must not wrap into the row below. It ends in
// "…" within its cell and shows in full on hover.
test('records: long Chinese and English names stay on their own row, shown in full on hover', async ({
  shell,
  page,
  seed,
  engine,
}, testInfo) => {
  const LONG_ZH = '欧阳司马上官慕容诸葛长孙宇文皇甫令狐公孙轩辕东方西门南宫独孤端木百里呼延';
  const LONG_EN = 'Maximilian Alexander Bartholomew Fitzgerald-Worthington of Ravenscroft Hall III';
  const customers = [...generateCustomers(77, 6)];
  customers[1] = {
    ...customers[1],
    row: { ...customers[1].row, name: LONG_ZH, address: `浙江省杭州市西湖区${'文三路'.repeat(12)}90号` },
  };
  customers[3] = { ...customers[3], row: { ...customers[3].row, name: LONG_EN } };
  const vault = await seed({ clientName: '杭州示例茶叶有限公司', owner: OWNER });
  fill(vault, customers);
  const opened = await engine.call('vault.unlock', {
    vault: { vaultId: vault.vaultId },
    userName: OWNER.name,
    passphrase: OWNER.passphrase,
  });
  expect(opened.ok).toBe(true);

  const records = new RecordsPage(page);
  await shell.open('records');
  await shell.switchLanguage('en');
  expect(await records.exactTotal()).toBe(customers.length);
  for (const name of [LONG_ZH, LONG_EN]) {
    const row = records.rowWith(name);
    await expect(row).toHaveCount(1);
    // Every cell's content lies within its row (nothing reaches into the next one).
    const { row: box, contents } = await records.rowBoxes(row);
    expect(contents).toHaveLength(12);
    for (const content of contents) {
      expect(content.y).toBeGreaterThanOrEqual(box.y - 1);
      expect(content.y + content.height).toBeLessThanOrEqual(box.y + box.height + 1);
    }
    // Cut, not wrapped: the text is wider than its one line, and the whole name is there on hover.
    const nameCell = row.getByTestId('records-cell-name').locator('..');
    expect(await nameCell.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expect(nameCell).toHaveAttribute('title', name);
  }
  await keepScreenshot(page, testInfo, 'records-long-names');
});
