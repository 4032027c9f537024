// A vault whose audit entry was edited by someone holding the vault key (hashes recomputed, so only the
// signature gives it away): the Audit page's verification names the entry, its user and the reason — in
// Chinese and English.
import { entryHash, fromRow, type AuditRow } from '../../electron/core/vault/audit';
import { openVaultDatabase } from '../../electron/core/vault/database';
import { recoveryVaultKey } from '../../electron/core/vault/recovery-secret';
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import { AuditPage } from './pages/audit-page';

const OWNER = { name: '黄丽', passphrase: '太湖石-拙政园-留园-狮子林' };

test('a tampered vault: the Audit page names the entry, the user and the reason', async ({
  shell,
  page,
  seed,
  engine,
}, testInfo) => {
  test.slow();
  const vault = await seed({
    clientName: '苏州示例园林有限公司',
    owner: OWNER,
    afterCreate: async (call) => {
      for (let i = 0; i < 4; i++) await call('vault.updateDetails', { contact: `联系人 ${i}` });
    },
  });
  // The insider's edit: entry 3 changed and every later hash recomputed.
  const db = openVaultDatabase(vault.path, recoveryVaultKey(vault.recoveryKey));
  try {
    db.exec('DROP TRIGGER audit_no_update');
    db.prepare(`UPDATE audit SET params = '{"fields":["stage"]}' WHERE seq = 3`).run();
    let prev = (db.prepare('SELECT hash FROM audit WHERE seq = 2').get() as { hash: string }).hash;
    for (const row of db.prepare('SELECT * FROM audit WHERE seq >= 3 ORDER BY seq').all() as AuditRow[]) {
      const hash = entryHash(prev, fromRow({ ...row, prev_hash: prev }));
      db.prepare('UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
      prev = hash;
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  const opened = await engine.call('vault.unlock', {
    vault: { vaultId: vault.vaultId },
    userName: OWNER.name,
    passphrase: OWNER.passphrase,
  });
  expect(opened.ok).toBe(true);
  await shell.open('audit');
  const audit = new AuditPage(page);
  await audit.verify.click();
  await expect(audit.verifyResult).toHaveAttribute('data-ok', 'false', { timeout: 30_000 });
  const problem = page.locator('[data-testid="audit-problem"][data-kind="bad-signature"]');
  await expect(problem.first()).toHaveAttribute('data-seq', '3');
  await expect(problem.first()).toContainText(`第 3 条记录（${OWNER.name}）的签名不成立`);
  await keepScreenshot(page, testInfo, 'audit-tampered-zh-CN');
  await shell.switchLanguage('en');
  await expect(problem.first()).toContainText(`entry 3 (${OWNER.name}): the signature does not hold`);
  await keepScreenshot(page, testInfo, 'audit-tampered-en');
});
