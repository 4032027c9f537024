// The Backup page: back up into a chosen folder (a job), the copy is listed and verifies with every check
// passing; a restore drill of the good copy succeeds; one corrupted byte makes the next verification fail
// loudly (error Alert + Modal) on the sha256 check.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import { BackupPage } from './pages/backup-page';

const OWNER = { name: '周婷', passphrase: '西湖断桥-残雪未消的清晨' };

test('back up, list, verify, drill, and a corrupted copy fails verification loudly', async ({
  shell,
  page,
  seed,
  engine,
  dialogs,
}, testInfo) => {
  // Argon2id, RSA key generation, snapshot + hashing on a shared, busy machine.
  test.slow();
  const vault = await seed({ clientName: '宁波示例港务有限公司', owner: OWNER });
  const opened = await engine.call('vault.unlock', {
    vault: { vaultId: vault.vaultId },
    userName: OWNER.name,
    passphrase: OWNER.passphrase,
  });
  expect(opened.ok).toBe(true);
  // Not the vault's own folder (the engine refuses that): a folder of its own, as another disk would be.
  const folder = await mkdtemp(path.join(os.tmpdir(), 'closeout-e2e-backup-'));
  try {
    await shell.open('backup');
    const backup = new BackupPage(page);
    await expect(backup.about).toContainText('不含任何口令');

    dialogs.next(folder);
    await backup.createButton.click();
    await expect(backup.createdFile).toHaveText(/\.cobackup$/, { timeout: 60_000 });
    expect(dialogs.opened.at(-1)?.request).toEqual({ kind: 'folder', purpose: 'backup' });
    const written = await readdir(folder);
    const file = written.find((name) => name.endsWith('.cobackup'));
    expect(file).toBeDefined();
    expect(written).toEqual(expect.arrayContaining([`${file}.manifest.json`, `${file}.manifest.json.p7s`]));
    await expect(backup.createdFile).toHaveText(file!);
    // Read back from the destination and checked as soon as it was written.
    const readBack = page.getByTestId('backup-created-verification');
    await expect(readBack).toHaveAttribute('data-ok', 'true');
    await expect(readBack).toContainText('sha256');
    const backupPath = path.join(folder, file!);

    // Listed by name, never by its full path.
    await expect(backup.rows).toHaveCount(1);
    await expect(backup.rows.first()).toContainText(file!);
    await expect(backup.rows.first()).not.toContainText(folder);
    await expect(backup.rows.first().getByTestId('backup-row-present')).toHaveAttribute(
      'data-present',
      'true',
    );

    // Verify the new copy: every named check ✓.
    dialogs.next(backupPath);
    await backup.verifyNew.click();
    await expect(backup.result).toHaveAttribute('data-ok', 'true', { timeout: 60_000 });
    expect(dialogs.opened.at(-1)?.request).toMatchObject({ kind: 'open', purpose: 'backup' });
    await expect(backup.check('sha256')).toHaveAttribute('data-ok', 'true');
    await expect(backup.result.locator('[data-testid="backup-check"][data-ok="false"]')).toHaveCount(0);
    expect(await backup.checks.count()).toBeGreaterThan(5);
    await expect(backup.rows.first().getByTestId('backup-row-verified')).toHaveAttribute('data-ok', 'true');

    // A restore drill of the good copy.
    dialogs.next(backupPath);
    await backup.rowDrill().click();
    await expect(backup.result).toHaveAttribute('data-kind', 'drill');
    await expect(backup.result).toHaveAttribute('data-ok', 'true', { timeout: 60_000 });
    await expect(backup.check('sandbox-removed')).toHaveAttribute('data-ok', 'true');
    await expect(backup.rows.first().getByTestId('backup-row-drills')).toHaveAttribute('data-count', '1');

    // One byte changed: verification fails, loudly, naming the sha256 check.
    const bytes = await readFile(backupPath);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    await writeFile(backupPath, bytes);
    dialogs.next(backupPath);
    await backup.rowVerify().click();
    await expect(backup.result).toHaveAttribute('data-kind', 'verify');
    await expect(backup.result).toHaveAttribute('data-ok', 'false', { timeout: 60_000 });
    await expect(backup.check('sha256')).toHaveAttribute('data-ok', 'false');
    await expect(backup.failureModal).toBeVisible();
    await expect(backup.failureModal).toContainText('备份校验未通过');
    await expect(backup.failureModal.locator('[data-name="sha256"]')).toHaveAttribute('data-ok', 'false');
    await keepScreenshot(page, testInfo, 'backup-failure-zh-CN');
    await backup.failureClose.click();
    await expect(backup.failureModal).toBeHidden();
    // The error Alert stays after the Modal is closed.
    await expect(backup.result).toHaveClass(/ant-alert-error/);
    await expect(backup.rows.first().getByTestId('backup-row-verified')).toHaveAttribute('data-ok', 'false');
    await keepScreenshot(page, testInfo, 'backup-result-zh-CN');
    await shell.pageTitle.scrollIntoViewIfNeeded();
    await keepScreenshot(page, testInfo, 'backup-zh-CN');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
