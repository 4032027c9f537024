// The create-vault wizard end to end in Chinese, through the real engine: details, owner, where to save
// (the shell's dialog, stood in for), create, the recovery key and its PDF sheet, then the overview.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkRecoveryKey } from '../../shared/recovery-key';
import { expect, test } from './fixtures';
import type { HarnessWindow } from './harness/page-globals';
import { keepScreenshot } from './harness/screenshot';
import { CreateVaultWizard } from './pages/create-vault-wizard';
import { DashboardPage } from './pages/dashboard-page';
import { VaultOverviewPage } from './pages/vault-overview-page';

const CLIENT = {
  clientName: '杭州示例商贸有限公司',
  creditCode: '91330106MA2B3C4D5D',
  contact: '张伟 0571-0000 0000',
  closureReason: '股东会决议解散',
  decisionDate: '2025-03-01',
  deregistrationDate: '2025-06-30',
  deadline: '2025-09-30',
};
const OWNER = { name: '张伟', passphrase: '西湖断桥残雪-2025-春' };

/** A group checks out on its own: the other twelve places hold a group that always does ("00000"). */
const groupChecksOut = (group: string, index: number) =>
  checkRecoveryKey(Array.from({ length: 13 }, (_, i) => (i === index ? group : '00000')).join('-')) === null;

test('the whole wizard in Chinese: the recovery key is shown once, its sheet saved, then the overview', async ({
  shell,
  page,
  dialogs,
  files,
}, testInfo) => {
  // Key derivation (Argon2id) and RSA key generation on a shared, busy machine.
  test.slow();
  await shell.open();
  await new DashboardPage(page).newVault.click();
  await shell.expectView('create');
  const wizard = new CreateVaultWizard(page);

  await wizard.expectStep('client');
  await wizard.fillClient(CLIENT);
  await wizard.next.click();

  await wizard.expectStep('owner');
  await wizard.fillOwner(OWNER.name, OWNER.passphrase);
  await expect(wizard.strength).toHaveAttribute('data-acceptable', 'true');
  await expect(wizard.strengthWord).toHaveText(/^(一般|强|很强)$/);
  await wizard.next.click();

  await wizard.expectStep('location');
  await wizard.chooseLocation.click();
  const vaultFile = path.join(files, `${CLIENT.clientName}.cvault`);
  await expect(wizard.chosenFile).toHaveText(`${CLIENT.clientName}.cvault`);
  expect(dialogs.opened[0]).toEqual({
    request: { kind: 'save', purpose: 'vault', suggestedName: `${CLIENT.clientName}.cvault` },
    path: vaultFile,
  });
  await wizard.next.click();

  await wizard.expectStep('create');
  await expect(wizard.review).toContainText(CLIENT.clientName);
  await expect(wizard.review).toContainText(CLIENT.creditCode);
  await expect(wizard.review).toContainText('2025年9月30日');
  await wizard.create.click();

  // RSA-3072 key generation and Argon2id take a few seconds on a busy machine.
  await wizard.expectStep('recovery', 30_000);
  expect(existsSync(vaultFile)).toBe(true);
  expect(existsSync(`${vaultFile}.keys`)).toBe(true);
  const groups = await wizard.shownGroups();
  expect(groups).toHaveLength(13);
  groups.forEach((group, i) => expect(groupChecksOut(group, i), `group ${i + 1} ${group}`).toBe(true));
  const recoveryKey = groups.join('-');
  expect(checkRecoveryKey(recoveryKey)).toBeNull();
  await expect(shell.sessionClient).toContainText(CLIENT.clientName);
  await expect(wizard.finish).toBeDisabled();
  await keepScreenshot(page, testInfo, 'create-recovery-key-zh-CN');

  await wizard.saveSheet.click();
  await expect(wizard.sheetSaved).toContainText(`${CLIENT.clientName} 恢复单.pdf`);
  const sheet = dialogs.opened[1];
  expect(sheet.request).toMatchObject({ kind: 'save', purpose: 'recovery-sheet' });
  expect(readFileSync(sheet.path!).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  await wizard.stored.check();
  await wizard.finish.click();
  await shell.expectView('vault');
  const overview = new VaultOverviewPage(page);
  await expect(overview.clientName).toHaveText(CLIENT.clientName);
  await expect(overview.creditCode).toHaveText(CLIENT.creditCode);
  await expect(overview.deadline).toHaveText('2025年9月30日');
  await expect(overview.fingerprint).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  await expect(overview.identity).toContainText(CLIENT.clientName);
  await expect(overview.recoveryUnconfirmed).toBeHidden();
  await expect(shell.sessionUser).toContainText(OWNER.name);
  await expect(shell.sessionUser).toContainText('所有者');

  // Shown once: gone from the page, and never written to the page's storage.
  await expect(page.getByText(groups[0], { exact: true })).toHaveCount(0);
  const stored = await shell.storedEverything();
  for (const group of groups) expect(stored).not.toContain(group);
  expect(stored).not.toContain(OWNER.passphrase);
  await keepScreenshot(page, testInfo, 'vault-overview-zh-CN');

  await shell.switchLanguage('en');
  await expect(overview.deadline).toHaveText('Sep 30, 2025');
  await keepScreenshot(page, testInfo, 'vault-overview-en');
});

test('a weak passphrase blocks Next and an invalid credit code names its problem', async ({
  shell,
  page,
}, testInfo) => {
  // A long form typed field by field on a shared, busy machine.
  test.slow();
  await shell.open('create');
  const wizard = new CreateVaultWizard(page);

  // As in the desktop shell, the page names files only by the handles its dialogs gave it.
  const refused = await page.evaluate(async () => {
    const closeout = (globalThis as unknown as HarnessWindow).closeout;
    const details = { clientName: 'x' };
    const owner = { name: 'x', passphrase: 'x' };
    return [
      await closeout['vault.create']({ file: { path: '/tmp/x.cvault' }, details, owner }),
      await closeout['vault.create']({
        file: { handle: 'h.vault.save.neverissuedneverissued12' },
        details,
        owner,
      }),
      // A handle made for another purpose (an export) does not fit the field at all.
      await closeout['vault.create']({
        file: { handle: 'h.records-export.save.neverissuedneverissued12' },
        details,
        owner,
      }),
    ].map((r) => (r.ok ? 'ok' : r.error.code));
  });
  expect(refused).toEqual(['PATH_NOT_ALLOWED', 'FILE_HANDLE_UNKNOWN', 'INVALID_INPUT']);

  await wizard.clientName.fill('宁波示例科技有限公司');
  await wizard.creditCode.fill('91330106');
  await expect(wizard.fieldError('creditCode')).toHaveText('统一社会信用代码无效：应为 18 位（现为 8 位）');
  await wizard.creditCode.fill('91330106MA2B3C4D5X');
  await expect(wizard.fieldError('creditCode')).toContainText('最后一位校验码不符');
  await wizard.creditCode.fill('91ABCDEFMA2B3C4D5D');
  await expect(wizard.fieldError('creditCode')).toContainText('第 3–8 位应为 6 位数字的行政区划代码');
  await wizard.next.click();
  await wizard.expectStep('client');

  await wizard.creditCode.fill('');
  await expect(wizard.fieldError('creditCode')).toHaveCount(0);
  await wizard.next.click();
  await wizard.expectStep('owner');

  await wizard.fillOwner('陈静', 'abc123');
  await expect(wizard.strength).toHaveAttribute('data-acceptable', 'false');
  await expect(wizard.strengthWord).toHaveText(/^(很弱|弱)$/);
  await expect(wizard.strengthProblems).toContainText('少于 10 个字符');
  await wizard.next.click();
  await expect(wizard.fieldError('passphrase')).toHaveText('口令太弱：强度至少要达到“一般”');
  await wizard.expectStep('owner');
  await keepScreenshot(page, testInfo, 'create-weak-passphrase-zh-CN');

  await shell.switchLanguage('en');
  await expect(wizard.strengthWord).toHaveText(/^(very weak|weak)$/);
  await expect(wizard.strengthProblems).toContainText('shorter than 10 characters');

  await wizard.passphrase.fill('Quiet harbour, 7 lanterns!');
  await wizard.passphraseConfirm.fill('Quiet harbour, 7 lanterns?');
  await expect(wizard.strength).toHaveAttribute('data-acceptable', 'true');
  await wizard.next.click();
  await expect(wizard.fieldError('passphraseConfirm')).toHaveText('The two passphrases differ');
  await wizard.expectStep('owner');
  await wizard.passphraseConfirm.fill('Quiet harbour, 7 lanterns!');
  await wizard.next.click();
  await wizard.expectStep('location');
});
