// The Records page in Chinese and in English: a vault of generated customers; search by a two-character
// Chinese name and by a phone fragment, filter, open a record's detail (source file and row, raw row,
// history), export CSV through the save dialog and check the file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { openVaultDatabase } from '../../electron/core/vault/database';
import { foldForMatching } from '../../shared/normalise/text';
import { recoveryVaultKey } from '../../electron/core/vault/recovery-secret';
import { generateCustomers } from '../fixtures/customers';
import { insertCustomers, type StoredCustomer } from '../integration/support/records-fixture';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import type { SeededVault } from './harness/seed-vault';

const OWNER = { name: '陈静', passphrase: '苏堤春晓-曲院风荷-柳浪闻莺' };
const N = 400;

function fill(vault: SeededVault): StoredCustomer[] {
  const stored: StoredCustomer[] = [];
  const db = openVaultDatabase(vault.path, recoveryVaultKey(vault.recoveryKey));
  try {
    insertCustomers(db, generateCustomers(4242, N), { file: '客户名单.csv', onRow: (s) => stored.push(s) });
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
    s.columns.address,
  ].some((v) => v && foldForMatching(v).includes(foldForMatching(q)));

async function total(page: Page): Promise<number> {
  const el = page.getByTestId('records-total');
  await expect(el).toHaveAttribute('data-exact', 'true');
  return Number(await el.getAttribute('data-total'));
}

async function search(page: Page, text: string, expected: number): Promise<void> {
  await page.getByTestId('records-search').fill(text);
  await expect(page.getByTestId('records-total')).toHaveAttribute('data-total', String(expected));
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`records (${lang}): search a Chinese name and a phone fragment, filter, detail, export CSV`, async ({
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

    await shell.open('records');
    if (lang === 'en') await shell.switchLanguage('en');
    expect(await total(page)).toBe(N);
    await expect(page.getByTestId('records-row').first()).toContainText(stored[0].columns.name ?? '');
    // Scrolling to the end fetches the later pages (100 records each) as their rows come into view.
    await page.getByTestId('records-table').hover();
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 2000);
    await expect(
      page
        .getByTestId('records-row')
        .filter({ hasText: stored[N - 1].columns.name ?? '' })
        .last(),
    ).toContainText(String(stored[N - 1].id));
    await page.mouse.wheel(0, -50_000);

    // A two-character Chinese name: every record containing it, and no other.
    const person = stored.find((s) => s.columns.name && /^[\u4e00-\u9fff]{2,3}$/.test(s.columns.name))!;
    const name = Array.from(person.columns.name!).slice(0, 2).join('');
    const byName = stored.filter((s) => contains(s, name));
    await search(page, name, byName.length);
    await expect(page.getByTestId('records-cell-name').first()).toContainText(name);

    // A phone fragment, typed with a dash as people do.
    const phoned = stored.find((s) => s.columns.phone?.startsWith('+861'))!;
    const digits = phoned.columns.phone!.slice(6, 12);
    const fragment = `${digits.slice(0, 3)}-${digits.slice(3)}`;
    await search(page, fragment, stored.filter((s) => contains(s, digits)).length);
    await expect(page.getByTestId('records-cell-phone').first()).toContainText(digits);

    // Filter: overseas records only (search cleared).
    await page.getByTestId('records-search').fill('');
    await page.getByTestId('records-filter-region').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: lang === 'en' ? 'Overseas' : '境外' })
      .click();
    const overseas = stored.filter((s) => s.cls.region === 'overseas');
    await expect(page.getByTestId('records-total')).toHaveAttribute('data-total', String(overseas.length));
    await page.getByTestId('records-filter-flag-incomplete').click();
    const overseasIncomplete = overseas.filter((s) => s.cls.incomplete === 1);
    await expect(page.getByTestId('records-total')).toHaveAttribute(
      'data-total',
      String(overseasIncomplete.length),
    );
    await page.getByTestId('records-filter-clear').click();
    await expect(page.getByTestId('records-total')).toHaveAttribute('data-total', String(N));

    // A link from another page: #/records?filter=… selects the same records.
    const link = `#/records?filter=${encodeURIComponent(JSON.stringify({ flags: { minor: true } }))}`;
    await page.evaluate((hash) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
    }, link);
    const minors = stored.filter((s) => s.cls.minor === 1);
    await expect(page.getByTestId('records-total')).toHaveAttribute('data-total', String(minors.length));
    await expect(
      page.locator(
        '[data-testid="records-filter-flag-minor"] input, input[data-testid="records-filter-flag-minor"]',
      ),
    ).toBeChecked();
    await page.getByTestId('records-filter-clear').click();

    // The detail of the person found by name: source file and row, the raw row, its history.
    await search(page, person.columns.name!, stored.filter((s) => contains(s, person.columns.name!)).length);
    await page
      .getByTestId('records-row')
      .filter({ hasText: person.columns.phone ?? person.columns.name! })
      .first()
      .click();
    const detail = page.getByTestId('record-detail');
    await expect(detail.getByTestId('record-name')).toHaveText(person.columns.name!);
    await expect(detail.getByTestId('record-source-ref')).toContainText('客户名单.csv');
    await expect(detail.getByTestId('record-source-ref')).toContainText(String(person.line));
    await expect(detail.getByTestId('record-source-raw')).toContainText(person.row.name);
    await expect(detail.getByTestId('record-history')).toBeVisible();
    await keepScreenshot(page, testInfo, `records-detail-${lang}`);
    await page.keyboard.press('Escape');
    await expect(detail).toBeHidden();

    // Export what is shown (the name search) as CSV through the save dialog.
    const out = path.join(files, `records-${lang}.csv`);
    dialogs.next(out);
    await page.getByTestId('records-export').click();
    await page.getByTestId('records-export-format-csv').click();
    await page.getByTestId('records-export-start').click();
    await expect(page.getByTestId('records-exported')).toBeVisible({ timeout: 60_000 });
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
    await keepScreenshot(page, testInfo, `records-export-${lang}`);
  });
}
