// Removing a person re-encrypts the vault: the removal runs as a job, then the new recovery key is shown
// (the create-vault wizard's recovery-key step) with a word about older backups — in Chinese and English.
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import { UsersPage } from './pages/users-page';

const OWNER = { name: '周敏', passphrase: '西湖龙井-九溪烟树-虎跑梦泉' };
const OPERATOR = { name: '陈刚', role: 'operator' as const, passphrase: '灵隐飞来-宝石流霞-玉皇飞云' };
const AUDITOR = { name: 'Auditor Wu', role: 'auditor' as const, passphrase: 'Harbour-lights-2026-Ningbo!' };

for (const lang of ['zh-CN', 'en'] as const) {
  test(`removing a user shows the new recovery key (${lang})`, async ({
    shell,
    page,
    seed,
    engine,
  }, testInfo) => {
    test.slow(); // Argon2id slots, an RSA-3072 CA and a re-encryption on a busy machine
    const vault = await seed({
      clientName: '宁波示例港务有限公司',
      owner: OWNER,
      users: [OPERATOR, AUDITOR],
    });
    const opened = await engine.call('vault.unlock', {
      vault: { vaultId: vault.vaultId },
      userName: OWNER.name,
      passphrase: OWNER.passphrase,
    });
    expect(opened.ok).toBe(true);
    await shell.open('users');
    if (lang === 'en') await shell.switchLanguage('en');
    const users = new UsersPage(page);
    await expect(users.row(OPERATOR.name).getByTestId('user-certificate')).toHaveAttribute(
      'data-status',
      'certified',
    );

    await users.row(OPERATOR.name).getByTestId('user-remove').click();
    await page.getByTestId('rekey-start').click();
    const done = page.getByTestId('rekey-done');
    await expect(done).toBeVisible({ timeout: 60_000 });
    await expect(done).toContainText(
      lang === 'zh-CN' ? '密钥已更换（第 2 代）' : 'The keys are changed (generation 2)',
    );
    await expect(page.getByTestId('rekey-backups-note')).toContainText(
      lang === 'zh-CN' ? '更换密钥之前做的备份' : 'Backups made before this',
    );
    const groups = page.getByTestId('rekey-modal').getByTestId('recovery-key-group');
    await expect(groups).toHaveCount(13);
    const shown = (await groups.allInnerTexts()).join('-');
    expect(shown).not.toBe(vault.recoveryKey);
    await keepScreenshot(page, testInfo, `users-rekey-${lang}`);

    await page.getByTestId('recovery-stored').click();
    await page.getByTestId('wizard-finish').click();
    await expect(page.getByTestId('rekey-modal')).toBeHidden();
    await expect(users.row(OPERATOR.name)).toHaveCount(0);

    // The key shown is the vault's recovery key now; the one from creation opens nothing.
    await engine.call('vault.lock', {});
    expect(
      (
        await engine.call('vault.unlock', {
          vault: { vaultId: vault.vaultId },
          recoveryKey: vault.recoveryKey,
        })
      ).ok,
    ).toBe(false);
    expect(
      (await engine.call('vault.unlock', { vault: { vaultId: vault.vaultId }, recoveryKey: shown })).ok,
    ).toBe(true);
  });
}
