// The recipient's side in the window, in Chinese and in English: a package built by the engine in the
// test's setup (a sender's vault, a recipient kit, the handover made ready, the package built, the vault
// locked) is opened from the Handover page's "Receive a handover" with the kit's PKCS#12 and its password:
// the verified sender and the trusted certificate's fingerprint, the counts and the README are shown, the
// receipt is signed and saved (the sender's engine then closes the handover with it), and the records are
// imported into a new vault that the window then has open.
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { certificateInfo } from '../../electron/core/pki';
import { AGREEMENT } from '../fixtures/handover-agreement';
import { expect, test } from './fixtures';
import { seedTransferVault } from './harness/handover-vault';
import { HandoverWizard } from './pages/handover-wizard';

const OWNER = { name: '周婷', passphrase: '西湖断桥-残雪未消的清晨' };
const SUCCESSOR = { name: '王经理', passphrase: '宁波三江口-潮水初涨的午后' };
const CLIENT = '杭州示例商贸有限公司';
const RECIPIENT = '宁波承接贸易有限公司';
const KIT_PASSWORD = 'Kit-password-for-the-successor-2026';

const TEXT = {
  'zh-CN': { verified: '核验通过', imported: '已导入 3 条记录' },
  en: { verified: 'verified', imported: '3 records imported' },
} as const;

for (const lang of ['zh-CN', 'en'] as const) {
  test(`a handover received in the window (${lang})`, async ({
    shell,
    page,
    seed,
    engine,
    dialogs,
    files,
  }) => {
    // Argon2id twice, RSA key generation, the package and a second vault on a shared machine.
    test.setTimeout(300_000);
    const vault = await seedTransferVault(seed, files, {
      clientName: CLIENT,
      owner: OWNER,
      recipient: RECIPIENT,
    });
    const call = async <T>(result: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>) => {
      const r = await result;
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value;
    };
    await call(
      engine.call('vault.unlock', {
        vault: { vaultId: vault.vaultId },
        userName: OWNER.name,
        passphrase: OWNER.passphrase,
      }),
    );
    const { handoverId } = await call(
      engine.call('handover.create', {
        recipient: {
          organisation: RECIPIENT,
          creditCode: '91330212MA2H8N1Q51',
          contactPerson: SUCCESSOR.name,
          contact: '0574-87654321',
          address: '浙江省宁波市鄞州区示例路 8 号',
          country: 'CN',
        },
        route: 'succession',
        reasoning: '公司解散，业务由接收方承继（第二十二条）',
        keyMode: 'kit',
      }),
    );
    const kitDir = path.join(files, 'kit');
    await mkdir(kitDir);
    const kit = await call(
      engine.call('handover.kit', { handoverId, out: { path: kitDir }, password: KIT_PASSWORD }),
    );
    await call(
      engine.call('handover.agreement', {
        handoverId,
        terms: AGREEMENT,
        signedOn: '2026-03-01',
      }),
    );
    await call(
      engine.call('handover.pipia', {
        handoverId,
        answers: {
          necessity: '承继业务所必需',
          conclusion: '同意移交',
          custodian: '清算组',
          residualRisk: 'low',
        },
        approve: true,
      }),
    );
    const noticeDir = path.join(files, 'notices');
    await mkdir(noticeDir);
    await call(
      engine.call('handover.notices', {
        handoverId,
        out: { path: noticeDir },
        settings: { deadline: '2026-01-01', afterClosureContact: '清算组 0571-12345678', reason: '公司解散' },
      }),
    );
    const pkgDir = path.join(files, 'package');
    await mkdir(pkgDir);
    const built = await call(engine.call('handover.package', { handoverId, out: { path: pkgDir } }));
    expect(built.records).toBe(3);
    await call(engine.call('vault.lock', {}));

    // The recipient, with no vault open: Handover → Receive a handover.
    await shell.open('handover');
    if (lang === 'en') await shell.switchLanguage('en');
    await new HandoverWizard(page).el('receive').click();
    const el = (id: string) => page.getByTestId(`receive-${id}`);
    dialogs.next(built.path);
    await el('package').click();
    dialogs.next(kit.p12);
    await el('kit').click();
    await el('password').fill(KIT_PASSWORD);
    await el('open').click();

    await expect(el('verified')).toContainText(TEXT[lang].verified, { timeout: 120_000 });
    const anchor = await readFile(built.senderCertificate, 'utf8');
    await expect(el('verified')).toContainText(certificateInfo(anchor).fingerprintSha256);
    await expect(el('opened')).toHaveAttribute('data-records', '3');
    await expect(el('facts')).toContainText(CLIENT);
    await expect(el('facts')).toContainText(built.sha256);
    await expect(el('preview').locator('tbody tr.ant-table-row')).toHaveCount(3);
    await expect(el('readme')).toContainText('openssl cms -verify');

    // The receipt, signed with the kit's key.
    const receipt = path.join(files, `receipt-${lang}.p7s`);
    dialogs.next(receipt);
    await el('receipt').click();
    // PKCS#12 decoding and the RSA signature: seconds on a loaded machine.
    await expect(el('receipt-written')).toContainText(path.basename(receipt), { timeout: 60_000 });

    // Imported into a new vault, which the window then has open.
    const target = path.join(files, `successor-${lang}.cvault`);
    dialogs.next(target);
    await el('vault').click();
    await el('owner-name').fill(SUCCESSOR.name);
    await el('owner-passphrase').fill(SUCCESSOR.passphrase);
    await el('import').click();
    await expect(el('imported')).toHaveAttribute('data-imported', '3', { timeout: 120_000 });
    await expect(el('imported')).toContainText(TEXT[lang].imported);
    expect(await readdir(files)).toContain(path.basename(target));

    // The sender's engine closes the handover with that receipt.
    await call(
      engine.call('vault.unlock', {
        vault: { vaultId: vault.vaultId },
        userName: OWNER.name,
        passphrase: OWNER.passphrase,
      }),
    );
    const closed = await call(
      engine.call('handover.receiptImport', { handoverId, receipt: { path: receipt } }),
    );
    expect(closed.records).toBe(3);
  });
}
