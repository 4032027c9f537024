// The Dashboard lists the vault registry from vault.list: empty state, a table, or the engine's error
// shown in the current language; a vault whose file moved is located again, forgotten, and opened again
// from its file.
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import { DashboardPage } from './pages/dashboard-page';
import { UnlockPage } from './pages/unlock-page';

// Seeds the registry file directly until the engine offers vault.create (the format is the engine's
// vaults.json, version 1).
async function seedRegistry(dataDir: string, body: string): Promise<void> {
  await writeFile(path.join(dataDir, 'vaults.json'), body, 'utf8');
}

test('with no vaults the dashboard says so', async ({ shell, page }) => {
  await shell.open();
  const dashboard = new DashboardPage(page);
  await expect(dashboard.empty).toContainText('还没有任何企业保险库');
  await expect(dashboard.table).toBeHidden();
});

test('vaults in the registry are listed with their stage', async ({ shell, page, dataDir }, testInfo) => {
  const present = path.join(dataDir, 'hangzhou.cvault');
  await writeFile(present, 'placeholder', 'utf8');
  await seedRegistry(
    dataDir,
    JSON.stringify({
      version: 1,
      vaults: [
        {
          id: 'v-1',
          path: present,
          clientName: '杭州示例贸易有限公司',
          creditCode: '91330100MA2TEST01X',
          stage: 'handover',
          lastOpenedAt: '2025-01-02T03:04:05.000Z',
          lastBackupAt: null,
        },
        {
          id: 'v-2',
          path: path.join(dataDir, 'gone.cvault'),
          clientName: 'Example Trading Ltd',
          creditCode: null,
          stage: 'setup',
          lastOpenedAt: null,
          lastBackupAt: null,
        },
      ],
    }),
  );
  await shell.open();
  const dashboard = new DashboardPage(page);
  await expect(dashboard.row('杭州示例贸易有限公司')).toContainText('移交');
  await expect(dashboard.row('杭州示例贸易有限公司')).toContainText('91330100MA2TEST01X');
  await expect(dashboard.row('Example Trading Ltd')).toContainText('文件缺失');
  await keepScreenshot(page, testInfo, 'dashboard-vaults-zh-CN');

  await shell.switchLanguage('en');
  await expect(dashboard.row('杭州示例贸易有限公司')).toContainText('Handover');
  await expect(dashboard.row('Example Trading Ltd')).toContainText('File missing');
  await expect(dashboard.row('Example Trading Ltd')).toContainText('Setup');
});

test('an engine error is shown in the current language with its code', async ({
  shell,
  page,
  dataDir,
}, testInfo) => {
  await seedRegistry(dataDir, '{ this is not json');
  await shell.open();
  const dashboard = new DashboardPage(page);
  await expect(dashboard.error).toHaveAttribute('data-code', 'REGISTRY_CORRUPT');
  await expect(dashboard.errorCode).toHaveText('REGISTRY_CORRUPT');
  await expect(dashboard.errorMessage).toContainText('保险库登记表');
  await expect(dashboard.errorMessage).toContainText('已损坏');
  await expect(dashboard.errorMessage).toContainText(path.join(dataDir, 'vaults.json'));
  await keepScreenshot(page, testInfo, 'dashboard-error-zh-CN');

  await shell.switchLanguage('en');
  await expect(dashboard.errorMessage).toContainText('The vault registry');
  await expect(dashboard.errorMessage).toContainText('is damaged');
  await expect(dashboard.errorCode).toHaveText('REGISTRY_CORRUPT');
  await keepScreenshot(page, testInfo, 'dashboard-error-en');

  // Once the file is repaired, Refresh asks the engine again.
  await seedRegistry(dataDir, JSON.stringify({ version: 1, vaults: [] }));
  await dashboard.refresh.click();
  await expect(dashboard.empty).toContainText('No client vaults yet');
});

test('a moved vault is marked missing, located again, forgotten, and opened again from its file', async ({
  shell,
  page,
  seed,
  dialogs,
  files,
}, testInfo) => {
  // Key derivation (Argon2id) and RSA key generation on a shared, busy machine.
  test.slow();
  const owner = { name: '黄磊', passphrase: '太湖三万六千顷-月在波心' };
  const vault = await seed({ clientName: '无锡示例机械有限公司', owner });
  const moved = path.join(files, 'moved', 'wuxi.cvault');
  await mkdir(path.dirname(moved));
  await rename(vault.path, moved);
  await rename(`${vault.path}.keys`, `${moved}.keys`);

  await shell.open();
  const dashboard = new DashboardPage(page);
  const row = dashboard.row('无锡示例机械有限公司');
  await expect(row.getByTestId('vault-missing')).toHaveText('文件缺失');
  await expect(row.getByTestId('vault-open')).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'dashboard-missing-zh-CN');

  dialogs.next(moved);
  await row.getByTestId('vault-locate-button').click();
  await expect(row).toContainText('wuxi.cvault');
  await expect(row.getByTestId('vault-missing')).toHaveCount(0);
  expect(dialogs.opened.at(-1)?.request).toEqual({ kind: 'open', purpose: 'vault' });

  await row.getByTestId('vault-more').click();
  await page.getByTestId('vault-forget').click();
  await expect(page.getByTestId('forget-body')).toContainText('保险库文件不会被删除');
  await page.getByTestId('forget-confirm').click();
  await expect(dashboard.empty).toBeVisible();
  expect(existsSync(moved)).toBe(true);

  dialogs.next(moved);
  await dashboard.openFile.click();
  await shell.expectView('unlock');
  const unlock = new UnlockPage(page);
  await expect(unlock.file).toContainText('wuxi.cvault');
  await unlock.unlock(owner.name, owner.passphrase);
  await shell.expectView('vault');
  await expect(shell.sessionClient).toContainText('无锡示例机械有限公司');
  await shell.goTo('dashboard');
  await expect(dashboard.row('无锡示例机械有限公司').getByTestId('vault-open-now')).toBeVisible();
});
