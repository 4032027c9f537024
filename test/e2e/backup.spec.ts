// The Backup page: back up into a chosen folder (a job), the copy is listed and verifies with every check
// passing; a restore drill of the good copy succeeds; one corrupted byte makes the next verification fail
// loudly (error Alert + Modal) on the sha256 check.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import { BackupPage } from './pages/backup-page';
import { UnlockPage } from './pages/unlock-page';

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
    expect(dialogs.opened.at(-1)?.request).toEqual({ kind: 'folder', purpose: 'backup-destination' });
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

    // Verify the new copy by its id: no dialog, every named check ✓.
    const dialogsBefore = dialogs.opened.length;
    await backup.verifyNew.click();
    await expect(backup.result).toHaveAttribute('data-ok', 'true', { timeout: 60_000 });
    expect(dialogs.opened.length).toBe(dialogsBefore);
    await expect(backup.check('sha256')).toHaveAttribute('data-ok', 'true');
    await expect(backup.result.locator('[data-testid="backup-check"][data-ok="false"]')).toHaveCount(0);
    expect(await backup.checks.count()).toBeGreaterThan(5);
    await expect(backup.rows.first().getByTestId('backup-row-verified')).toHaveAttribute('data-ok', 'true');

    // A restore drill of the good copy (the dialog asks only where its certificate goes).
    dialogs.next(path.join(folder, 'certificates'));
    await backup.rowDrill().click();
    await expect(backup.result).toHaveAttribute('data-kind', 'drill');
    await expect(backup.result).toHaveAttribute('data-ok', 'true', { timeout: 60_000 });
    await expect(backup.check('sandbox-removed')).toHaveAttribute('data-ok', 'true');
    await expect(backup.rows.first().getByTestId('backup-row-drills')).toHaveAttribute('data-count', '1');

    await expect(backup.drillCertificate).toBeVisible();

    // One byte changed: verification fails, loudly, naming the sha256 check.
    const bytes = await readFile(backupPath);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    await writeFile(backupPath, bytes);
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

test('in English: drill with a certificate, retention dry run, restore into a new file that then opens', async ({
  shell,
  page,
  seed,
  engine,
  dialogs,
}, testInfo) => {
  test.slow();
  const vault = await seed({ clientName: '温州示例鞋业有限公司', owner: OWNER });
  const opened = await engine.call('vault.unlock', {
    vault: { vaultId: vault.vaultId },
    userName: OWNER.name,
    passphrase: OWNER.passphrase,
  });
  expect(opened.ok).toBe(true);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'closeout-e2e-backup-en-'));
  try {
    await shell.open('backup');
    await shell.switchLanguage('en');
    const backup = new BackupPage(page);
    await expect(backup.about).toContainText('carries no passphrases');

    // Two copies, so retention has something to decide.
    for (let i = 1; i <= 2; i++) {
      dialogs.next(folder);
      await backup.createButton.click();
      await expect(backup.rows).toHaveCount(i, { timeout: 60_000 });
    }

    // Restore drill of the newest copy, certificate into a chosen folder: PDF, JSON and signature.
    const certificates = path.join(folder, 'certificates');
    dialogs.next(certificates);
    await backup.rowDrill().click();
    await expect(backup.result).toHaveAttribute('data-ok', 'true', { timeout: 60_000 });
    await expect(backup.drillCertificate).toContainText('Restore drill certificate written');
    const written = (await readdir(certificates)).sort();
    expect(written).toHaveLength(3);
    expect(written.map((f) => f.replace(/^closeout-restore-drill-[0-9a-f]{8}-\d{8}T\d{6}Z/, 'X'))).toEqual([
      'X.json',
      'X.json.p7s',
      'X.pdf',
    ]);
    await expect(backup.rows.first().getByTestId('backup-row-drills')).toHaveAttribute('data-count', '1');

    // Retention, dry run only: keep the last one; the preview names the older copy, nothing is deleted.
    await backup.pruneKeepLast.fill('1');
    await backup.pruneKeepDaily.fill('0');
    await backup.pruneKeepMonthly.fill('0');
    await backup.prunePreview.click();
    await expect(backup.pruneSummary).toContainText('1 kept, 1 to delete');
    await expect(backup.pruneRows).toHaveCount(2);
    await expect(backup.pruneRows.locator('[data-action="delete"]')).toHaveCount(1);
    await expect(backup.pruneApply).toBeVisible();
    expect((await readdir(folder)).filter((f) => f.endsWith('.cobackup'))).toHaveLength(2);
    await keepScreenshot(page, testInfo, 'backup-prune-preview-en');

    // Restore the newest copy into a new vault file, with this vault's keyring; then it opens.
    await backup.rowRestore().click();
    await expect(backup.restoreSource).toHaveText(/\.cobackup$/);
    const target = path.join(folder, 'restored.cvault');
    dialogs.next(target);
    await backup.restoreStart.click();
    expect(dialogs.opened.at(-1)?.request).toMatchObject({ kind: 'save', purpose: 'vault' });
    const unlock = new UnlockPage(page);
    await expect(unlock.card).toBeVisible({ timeout: 60_000 });
    await unlock.unlock(OWNER.name, OWNER.passphrase);
    await expect
      .poll(
        async () => {
          const session = await engine.call('vault.session', {});
          return session.ok ? session.value?.path : null;
        },
        { timeout: 30_000 },
      )
      .toBe(target);
    await expect(unlock.card).toBeHidden();
    const listed = await engine.call('vault.list', {});
    expect(listed.ok && listed.value.find((v) => v.id === vault.vaultId)?.path).toBe(target);
    await keepScreenshot(page, testInfo, 'backup-restored-en');
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
