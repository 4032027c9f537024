// Users & roles: the owner adds an operator and cannot remove the last owner; the operator, once
// unlocked, is offered none of the owner-only actions (the engine would refuse them anyway).
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import { AuditPage } from './pages/audit-page';
import { UnlockPage } from './pages/unlock-page';
import { UsersPage } from './pages/users-page';
import { VaultOverviewPage } from './pages/vault-overview-page';

const OWNER = { name: '刘洋', passphrase: '钱塘江大潮-八月十八' };
const OPERATOR = { name: '李娜', passphrase: '雷峰夕照-三潭印月-平湖秋月' };

test('the owner adds an operator; the operator is offered no owner-only action', async ({
  shell,
  page,
  seed,
  engine,
}, testInfo) => {
  // Key derivation (Argon2id) and RSA key generation on a shared, busy machine.
  test.slow();
  const vault = await seed({ clientName: '温州示例鞋业有限公司', owner: OWNER });
  const opened = await engine.call('vault.unlock', {
    vault: { vaultId: vault.vaultId },
    ...ownerCredentials(),
  });
  expect(opened.ok).toBe(true);

  await shell.open('users');
  const users = new UsersPage(page);
  await expect(users.row(OWNER.name)).toBeVisible();
  await users.addUser(OPERATOR.name, '操作员', OPERATOR.passphrase);
  await expect(users.row(OPERATOR.name).getByTestId('user-role-select')).toContainText('操作员');

  // The engine's refusal, in words: the last owner stays (and the vault is not re-encrypted).
  await users.row(OWNER.name).getByTestId('user-remove').click();
  await page.getByTestId('rekey-start').click();
  const refused = page.getByTestId('rekey-modal').getByTestId('error-alert');
  await expect(refused).toHaveAttribute('data-code', 'LAST_OWNER');
  await expect(refused).toContainText('不能移除或降级最后一位所有者');
  await page.getByTestId('rekey-modal').locator('.ant-modal-close').click();
  await expect(page.getByTestId('rekey-modal')).toBeHidden();
  await keepScreenshot(page, testInfo, 'users-owner-zh-CN');

  await shell.lock();
  const unlock = new UnlockPage(page);
  await unlock.unlock(OPERATOR.name, OPERATOR.passphrase);
  await shell.expectView('vault');
  await expect(shell.sessionUser).toContainText('操作员');
  const overview = new VaultOverviewPage(page);
  await expect(overview.root).toBeVisible();
  await expect(overview.edit).toHaveCount(0);

  await overview.users.click();
  await shell.expectView('users');
  await expect(users.readOnly).toBeVisible();
  await expect(users.row(OWNER.name)).toBeVisible();
  await expect(users.add).toHaveCount(0);
  await expect(users.roleSelects).toHaveCount(0);
  await expect(users.removeButtons).toHaveCount(0);
  // Only their own passphrase.
  await expect(users.passphraseButtons).toHaveCount(1);
  await expect(users.row(OPERATOR.name).getByTestId('user-set-passphrase')).toBeVisible();
  await keepScreenshot(page, testInfo, 'users-operator-zh-CN');

  await shell.goTo('audit');
  await expect(new AuditPage(page).exportButton).toBeDisabled();
});

function ownerCredentials() {
  return { userName: OWNER.name, passphrase: OWNER.passphrase };
}
