// The Audit page: entries with filters and paging, chain verification as a job, and the export into a
// folder the person chooses (CSV, signed JSON, signature, certificate and the signed checkpoints).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { keepScreenshot } from './harness/screenshot';
import { AuditPage } from './pages/audit-page';

const OWNER = { name: '孙强', passphrase: '鼓浪屿琴声-日光岩上' };
const AUDITOR = { name: '赵敏', role: 'auditor' as const, passphrase: '南普陀寺-钟鼓楼前的晨钟' };
// More entries than one page (50), so "Load older" has something to load.
const UPDATES = 55;

test('entries are listed and filtered, the chain verifies, and the export lands in the chosen folder', async ({
  shell,
  page,
  seed,
  engine,
  dialogs,
  files,
}, testInfo) => {
  // Key derivation (Argon2id) and RSA key generation on a shared, busy machine.
  test.slow();
  const vault = await seed({
    clientName: '厦门示例茶业有限公司',
    owner: OWNER,
    users: [AUDITOR],
    afterCreate: async (call) => {
      for (let i = 1; i <= UPDATES; i++) await call('vault.updateDetails', { contact: `前台 ${i}` });
    },
  });
  const opened = await engine.call('vault.unlock', {
    vault: { vaultId: vault.vaultId },
    userName: AUDITOR.name,
    passphrase: AUDITOR.passphrase,
  });
  expect(opened.ok).toBe(true);
  // create + users.add + 55 updates + the closure plan's stage moving on (plan.stage, once, when the
  // seeding owner's session locks) + the auditor's unlock
  const total = 2 + UPDATES + 1 + 1;

  await shell.open('audit');
  const audit = new AuditPage(page);
  await expect(audit.rows).toHaveCount(50);
  expect((await audit.ops())[0]).toBe('vault.unlock');
  await audit.loadOlder.click();
  await expect(audit.rows).toHaveCount(total);
  await expect(audit.count).toHaveText(`已显示 ${total} 条`);
  expect((await audit.ops()).at(-1)).toBe('vault.create');
  await expect(audit.loadOlder).toBeHidden();

  await audit.filterByOp('users.add');
  await expect(audit.rows).toHaveCount(1);
  await expect(audit.rows.first()).toContainText('role=auditor');
  await audit.clearFilters.click();
  await audit.filterByUser(AUDITOR.name);
  await expect(audit.rows).toHaveCount(1);
  expect(await audit.ops()).toEqual(['vault.unlock']);
  await audit.clearFilters.click();
  await audit.filterByDates('2020-01-01', '2020-01-31');
  await expect(audit.empty).toBeVisible();
  await audit.clearFilters.click();
  await expect(audit.rows).toHaveCount(50);

  await audit.verify.click();
  await expect(audit.verifyResult).toHaveAttribute('data-ok', 'true');
  await expect(audit.verifyResult).toContainText(`审计链完整：${total} 条记录`);

  const folder = path.join(files, '审计导出');
  dialogs.next(folder);
  await audit.exportButton.click();
  await expect(audit.exportedFiles).toHaveCount(5);
  expect(dialogs.opened.at(-1)?.request).toEqual({ kind: 'folder', purpose: 'audit-export' });
  const written = (await readdir(folder, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  expect(written.filter((e) => e.isFile()).map((e) => path.extname(e.name))).toEqual(
    expect.arrayContaining(['.csv', '.json', '.p7s', '.pem']),
  );
  expect(written.filter((e) => e.isFile())).toHaveLength(4);
  const checkpoints = written.filter((e) => e.isDirectory());
  expect(checkpoints.map((e) => e.name)).toEqual([expect.stringMatching(/\.checkpoints$/)]);
  expect((await readdir(path.join(folder, checkpoints[0].name))).length).toBeGreaterThanOrEqual(2);
  // Names only on the page, never the folder's path.
  await expect(audit.exportedFiles.first()).not.toContainText(files);
  await expect(audit.rows.first()).toContainText('audit.export');
  await keepScreenshot(page, testInfo, 'audit-zh-CN');

  await shell.switchLanguage('en');
  await expect(audit.verifyResult).toContainText(`The chain is intact — entries: ${total}`);
  await keepScreenshot(page, testInfo, 'audit-en');
});
