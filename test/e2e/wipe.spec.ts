// The Wipe page in Chinese and in English, on a vault of generated customers with every disposition: a
// dry run, a records wipe with its certificate shown (and on disk), a paper log entry for the recovery
// sheet with an evidence file, then the whole vault wiped after the client's name is typed — the vault
// and its keyring gone, the certificate still on screen after the session it ended.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openVaultDatabase } from '../../electron/core/vault/database';
import { recoveryVaultKey } from '../../electron/core/vault/recovery-secret';
import { generateCustomers } from '../fixtures/customers';
import { insertCustomers } from '../integration/support/records-fixture';
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import type { SeededVault } from './harness/seed-vault';
import { WipePage } from './pages/wipe-page';

const OWNER = { name: '吴磊', passphrase: '三潭印月-雷峰夕照-南屏晚钟' };
const N = 250;

/** Customers straight into the vault; the fixture's dispositions cycle none, RETAIN, TRANSFER, ANONYMISE, DESTROY. */
function fill(vault: SeededVault): void {
  const db = openVaultDatabase(vault.path, recoveryVaultKey(vault.recoveryKey));
  try {
    insertCustomers(db, generateCustomers(77, N), { file: '客户名单.csv' });
    db.prepare(
      `UPDATE customers SET disposition_basis = '合同约定 contract', retain_until = '2040-12-31' WHERE disposition = 'RETAIN'`,
    ).run();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`wipe (${lang}): dry run, records wipe, paper log, whole vault with confirmation, certificate shown`, async ({
    shell,
    page,
    seed,
    engine,
    dialogs,
    files,
  }, testInfo) => {
    test.slow();
    const client = lang === 'en' ? '绍兴示例纺织有限公司' : '湖州示例竹业有限公司';
    const vault = await seed({ clientName: client, owner: OWNER });
    fill(vault);
    const opened = await engine.call('vault.unlock', {
      vault: { vaultId: vault.vaultId },
      userName: OWNER.name,
      passphrase: OWNER.passphrase,
    });
    expect(opened.ok).toBe(true);
    const certificates = path.join(files, 'certificates');

    await shell.open('wipe');
    if (lang === 'en') await shell.switchLanguage('en');
    const wipe = new WipePage(page);
    await expect(wipe.caveat).toContainText(lang === 'en' ? 'copy-on-write' : '写时复制');

    // Records: the dry run lists the plan (every fifth record is DESTROY, every fifth RETAIN) and changes nothing.
    await wipe.dryRun.click();
    await expect(wipe.planDestroy).toHaveText(String(N / 5));
    await expect(wipe.planKept).toHaveText(String(N / 5));
    await expect(page.getByTestId('wipe-plan-kept-table')).toContainText('2040-12-31');
    await wipe.next.click();
    dialogs.next(certificates);
    await wipe.chooseFolder.click();
    await expect(wipe.folder).toHaveAttribute('data-chosen', 'true');
    await wipe.verifier.fill('王芳');
    await wipe.start.click();
    await expect(wipe.done).toBeVisible({ timeout: 120_000 });
    await expect(wipe.check('purged-values-absent')).toHaveAttribute('data-ok', 'true');
    await expect(page.getByTestId('wipe-done-purged')).toContainText(String(N / 5));
    expect(dialogs.opened.at(-1)?.request).toEqual({ kind: 'folder', purpose: 'wipe-certificate' });
    const onDisk = readdirSync(certificates);
    const json = onDisk.find((f) => /^closeout-sanitisation-.*Z\.json$/.test(f))!;
    const exactly = new RegExp(`^${json.replace(/\./g, '\\.')}$`); // not the .json.p7s beside it
    await expect(wipe.certificateFiles.filter({ hasText: exactly })).toHaveCount(1);
    await expect(wipe.certificateFiles.first()).not.toContainText(files);
    const facts = JSON.parse(readFileSync(path.join(certificates, json), 'utf8'));
    expect(facts.verifiedBy.name).toBe('王芳');
    await keepScreenshot(page, testInfo, `wipe-records-${lang}`);
    await wipe.finish.click();

    // The paper log: the recovery sheet shredded, a photo as evidence (only its SHA-256 is kept).
    const photo = path.join(files, 'shredder.jpg');
    writeFileSync(photo, 'photo of the shredded recovery sheet');
    await wipe.tab('paper').click();
    await wipe.paperBatch.fill('B-2026-07');
    await wipe.paperDescription.fill(lang === 'en' ? 'recovery sheet and forms' : '恢复单和登记表');
    await wipe.paperSheets.fill('12');
    await wipe.paperWitness.fill('李娜');
    await wipe.paperRecoverySheet.click();
    dialogs.next(photo);
    await wipe.paperEvidence.click();
    await expect(wipe.paperEvidence).toContainText('shredder.jpg');
    await wipe.paperSubmit.click();
    await expect(wipe.paperRows).toHaveCount(1);
    await expect(wipe.paperRows.first()).toContainText('B-2026-07');

    // The whole vault: dry run, keys (the sheet is logged now), held records kept elsewhere, folder, name.
    await wipe.tab('vault').click();
    await wipe.dryRun.click();
    await expect(wipe.keyAction('recovery-sheet')).toHaveAttribute('data-action', 'logged');
    await expect(wipe.keyAction('keyring-slot')).toHaveAttribute('data-action', 'destroy');
    await wipe.next.click();
    await expect(wipe.sheetLogged).toBeVisible();
    await expect(wipe.next).toBeDisabled();
    await wipe.keptElsewhere.click();
    await wipe.next.click();
    dialogs.next(certificates);
    await wipe.chooseFolder.click();
    await wipe.next.click();
    await wipe.confirmName.fill(client.slice(0, 4));
    await expect(wipe.start).toBeDisabled();
    await wipe.confirmName.fill(client);
    await wipe.start.click();
    await expect(wipe.done).toHaveAttribute('data-kind', 'vault', { timeout: 120_000 });
    await expect(wipe.check('vault-files-gone')).toHaveAttribute('data-ok', 'true');
    await expect(wipe.check('keyring-gone')).toHaveAttribute('data-ok', 'true');
    await expect(wipe.certificateSha256).toHaveText(/^[0-9a-f]{64}$/);
    expect(existsSync(vault.path) || existsSync(`${vault.path}.keys`)).toBe(false);
    expect(readdirSync(certificates).filter((f) => /^closeout-sanitisation-.*Z\.json$/.test(f))).toHaveLength(
      2,
    );
    expect((await engine.call('vault.session', {})).ok).toBe(true);
    expect(await shell.root.getAttribute('data-route')).toBe('wipe'); // not sent to an unlock screen
    await keepScreenshot(page, testInfo, `wipe-vault-${lang}`);
  });
}
