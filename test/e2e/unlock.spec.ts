// Unlocking: from the Dashboard with a passphrase (wrong, then right), locking from the header, the
// engine's own idle lock (every vault value leaves the screen), and the recovery key when the keyring
// file is gone, which leads to setting new passphrases.
import { rename } from 'node:fs/promises';
import type { HarnessWindow } from './harness/page-globals';
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import { DashboardPage } from './pages/dashboard-page';
import { UnlockPage } from './pages/unlock-page';
import { UsersPage } from './pages/users-page';
import { VaultOverviewPage } from './pages/vault-overview-page';

const CLIENT = '苏州示例物流有限公司';
const CONTACT = '周婷 0512-0000 0000';
const OWNER = { name: '王芳', passphrase: '姑苏城外寒山寺-夜半钟声' };

test('wrong and right passphrase, Lock in the header, and the idle lock clears the screen', async ({
  shell,
  page,
  seed,
}, testInfo) => {
  // Key derivation (Argon2id) and RSA key generation on a shared, busy machine.
  test.slow();
  await seed({ clientName: CLIENT, contact: CONTACT, owner: OWNER });
  await shell.open();
  await new DashboardPage(page).open(CLIENT);
  await shell.expectView('unlock');
  const unlock = new UnlockPage(page);
  await expect(unlock.client).toHaveText(CLIENT);
  await expect(unlock.file).toContainText(`${CLIENT}.cvault`);

  await unlock.unlock(OWNER.name, 'not the passphrase at all');
  await expect(unlock.errorCode).toHaveText('WRONG_PASSPHRASE');
  await expect(unlock.errorMessage).toHaveText('用户名或口令不正确；保险库未被改动');
  await expect(unlock.passphrase).toHaveValue('');
  await keepScreenshot(page, testInfo, 'unlock-wrong-passphrase-zh-CN');
  await shell.switchLanguage('en');
  await expect(unlock.errorMessage).toHaveText('Wrong user name or passphrase; the vault was not changed');
  await shell.switchLanguage('zh-CN');

  await unlock.passphrase.fill(OWNER.passphrase);
  await unlock.submit.click();
  await shell.expectView('vault');
  const overview = new VaultOverviewPage(page);
  await expect(overview.clientName).toHaveText(CLIENT);
  await expect(overview.root).toContainText(CONTACT);
  await expect(shell.sessionUser).toContainText(OWNER.name);

  // Lock from the header: the unlock screen of the same vault, the user name remembered (names only).
  await shell.lock();
  await expect(unlock.lockNotice).toHaveAttribute('data-reason', 'user');
  await expect(unlock.userName).toHaveValue(OWNER.name);
  const stored = await shell.storedEverything();
  expect(stored).toContain(OWNER.name);
  expect(stored).not.toContain(OWNER.passphrase);

  await unlock.passphrase.fill(OWNER.passphrase);
  await unlock.submit.click();
  await expect(overview.fingerprint).toBeVisible();
  const fingerprint = await overview.fingerprint.innerText();

  // The engine locks by itself after the idle time; the renderer hears session.locked.
  await page.evaluate(() =>
    (globalThis as unknown as HarnessWindow).closeout['vault.lock']({ reason: 'idle' }),
  );
  await shell.expectView('unlock');
  await expect(unlock.lockNotice).toHaveAttribute('data-reason', 'idle');
  await expect(unlock.lockNotice).toContainText('保险库在 15 分钟无操作后已自动锁定');
  await expect(shell.session).toBeHidden();
  await expect(overview.root).toHaveCount(0);
  const body = page.locator('body');
  await expect(body).not.toContainText(CONTACT);
  await expect(body).not.toContainText(fingerprint.slice(0, 20));
  await keepScreenshot(page, testInfo, 'unlock-after-idle-zh-CN');

  // Nothing of the vault is reachable without unlocking again.
  await shell.goTo('audit');
  await expect(page.getByTestId('no-session')).toBeVisible();
});

test('the recovery key opens a vault whose keyring is gone, and new passphrases are set', async ({
  shell,
  page,
  seed,
}, testInfo) => {
  // Key derivation (Argon2id) and RSA key generation on a shared, busy machine.
  test.slow();
  const vault = await seed({ clientName: CLIENT, owner: OWNER });
  await rename(`${vault.path}.keys`, `${vault.path}.keys.lost`);
  await shell.open('unlock', vault.vaultId);
  const unlock = new UnlockPage(page);
  await unlock.unlock(OWNER.name, OWNER.passphrase);
  await expect(unlock.errorCode).toHaveText('KEYRING_MISSING');
  await expect(unlock.errorMessage).toContainText('可以用恢复密钥打开保险库');
  await unlock.tryRecoveryKey.click();
  await expect(unlock.recoveryKey).toBeVisible();

  // One character of group 5 mistyped: named before anything reaches the engine.
  const groups = vault.recoveryKey.split('-');
  const wrong = groups.map((g, i) => (i === 4 ? (g[0] === 'A' ? 'B' : 'A') + g.slice(1) : g)).join(' ');
  await unlock.recoveryKey.fill(groups.slice(0, 3).join('-'));
  await expect(unlock.recoveryFeedback).toHaveText('已输入 3 / 13 组');
  await unlock.recoveryKey.fill(wrong);
  await expect(unlock.recoveryFeedback).toHaveText('第 5 组似乎输错了');
  await keepScreenshot(page, testInfo, 'unlock-recovery-key-mistyped-zh-CN');
  await unlock.recoveryKey.fill(vault.recoveryKey.toLowerCase());
  await expect(unlock.recoveryFeedback).toHaveText('13 组全部校验通过');
  await unlock.submit.click();

  await shell.expectView('vault');
  await expect(shell.recoveryBanner).toBeVisible();
  await expect(shell.sessionUser).toContainText('恢复密钥');
  await keepScreenshot(page, testInfo, 'recovery-banner-zh-CN');
  await shell.recoveryBanner.getByTestId('recovery-banner-users').click();
  await shell.expectView('users');
  const users = new UsersPage(page);
  await expect(users.row(OWNER.name)).toContainText('未设置');
  await users.setPassphrase(OWNER.name, '寒山寺钟声-新口令-2025');
  await expect(users.row(OWNER.name)).toContainText('已设置');

  // A new keyring now opens the vault with the new passphrase.
  await shell.lock();
  await unlock.unlock(OWNER.name, '寒山寺钟声-新口令-2025');
  await shell.expectView('vault');
  await expect(shell.recoveryBanner).toBeHidden();
});
