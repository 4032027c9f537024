// The handover from start to receipt on a real vault: the recipient and its certificate checked, the
// blockers in order, the PIPIA approval (owners only), notices written (pdftotext reads the recipient's
// name in Chinese, SMS parts ≤ 70 characters), the deadline and its owner override, objections and
// consents, the package opened by the recipient, the receipt imported, the records TRANSFERRED and the
// stage moved on (in the vault and in the registry).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { certificateInfo } from '../../../../electron/core/pki';
import { readRegistry } from '../../../../electron/core/vault/registry';
import { OPERATOR_PASS, OWNER_PASS, unwrap } from '../../support/vault-fixture';
import {
  AGREEMENT,
  RECIPIENT,
  daysFromToday,
  handoverVault,
  readyHandover,
  recipientFiles,
  recipientInput,
  signReceipt,
  type HandoverVault,
  type RecipientFiles,
} from './handover-support';

jest.setTimeout(120_000);

let h: HandoverVault;
let recipient: RecipientFiles;

beforeAll(async () => {
  h = await handoverVault(300);
  recipient = await recipientFiles(h.v.dir);
  unwrap(
    await h.v.engine.call('users.add', { name: 'operator', role: 'operator', passphrase: OPERATOR_PASS }),
  );
}, 120_000);
afterAll(() => h.v.remove());

const call = ((...args: Parameters<HandoverVault['v']['engine']['call']>) =>
  h.v.engine.call(...args)) as HandoverVault['v']['engine']['call'];
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

async function asUser(name: 'owner' | 'operator') {
  unwrap(await call('vault.lock', {}));
  unwrap(
    await call('vault.unlock', {
      vault: { path: h.v.file },
      userName: name,
      passphrase: name === 'owner' ? OWNER_PASS : OPERATOR_PASS,
    }),
  );
}

describe('the recipient', () => {
  it('refuses a bad credit code, a wrong route, a certificate of another company or one that expired', async () => {
    const bad = await call('handover.create', {
      recipient: { ...recipientInput(), creditCode: '91330212MA2H8N1Q52' },
      route: 'succession',
      keyMode: 'password',
    });
    expect(code(bad)).toBe('CREDIT_CODE_INVALID');
    const abroad = await call('handover.create', {
      recipient: recipientInput('HK'),
      route: 'succession',
      keyMode: 'password',
    });
    expect(code(abroad)).toBe('HANDOVER_ROUTE_INVALID');
    const other = await recipientFiles(h.v.dir, '别的公司有限公司');
    const wrongCompany = await call('handover.create', {
      recipient: { ...recipientInput(), creditCode: '91350100M000100Y43' },
      route: 'succession',
      keyMode: 'certificate',
      certificate: { file: { path: other.certificate } },
    });
    expect(code(wrongCompany)).toBe('HANDOVER_CERTIFICATE_INVALID');
    const old = await recipientFiles(
      join(h.v.dir),
      '过期证书有限公司',
      new Date(Date.now() - 11 * 365 * 86_400_000),
    );
    const expired = await call('handover.create', {
      recipient: { ...recipientInput(), organisation: '过期证书有限公司' },
      route: 'succession',
      keyMode: 'certificate',
      certificate: { file: { path: old.certificate } },
    });
    expect(expired.ok ? '' : expired.error.message).toMatch(/expired/);
    expect(unwrap(await call('handover.list', {}))).toEqual([]);
  });
});

describe('a handover, start to receipt', () => {
  let handoverId = '';

  it('starts with the certificate checked, the fingerprint shown, and every blocker listed', async () => {
    const created = unwrap(
      await call('handover.create', {
        recipient: recipientInput(),
        route: 'succession',
        keyMode: 'certificate',
        certificate: { file: { path: recipient.certificate } },
      }),
    );
    handoverId = created.handoverId;
    expect(created.certificate?.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(created.progress.blockers).toEqual(['reasoning', 'agreement', 'pipia', 'notices']);
    expect(created.selection.destined).toBe(h.destined.length);
    expect(unwrap(await call('vault.info', {})).stage).toBe('handover');
    expect(readRegistry(h.v.dataDir)[0].stage).toBe('handover');
    // The notices need the agreement first: the error names what is missing by code, for zh and en alike.
    const early = await call('handover.notices', {
      handoverId,
      out: { path: h.v.dir },
      settings: { deadline: '2099-12-31', afterClosureContact: '清算组', reason: '公司解散' },
    });
    expect(early.ok ? null : early.error.details).toEqual({ gaps: ['agreement'] });
  });

  it('refuses a package before the PIPIA is approved, and an approval by an operator', async () => {
    unwrap(await call('handover.update', { handoverId, reasoning: '公司解散，业务由接收方承继' }));
    unwrap(await call('handover.agreement', { handoverId, terms: AGREEMENT, signedOn: '2026-03-01' }));
    expect(code(await call('handover.package', { handoverId, out: { path: h.v.dir } }))).toBe(
      'HANDOVER_PIPIA_NOT_APPROVED',
    );
    await asUser('operator');
    const answers = {
      necessity: '承继业务所必需',
      conclusion: '同意',
      custodian: '清算组',
      residualRisk: 'low' as const,
    };
    expect(code(await call('handover.pipia', { handoverId, answers, approve: true }))).toBe('NOT_ALLOWED');
    unwrap(await call('handover.pipia', { handoverId, answers }));
    await asUser('owner');
    const approved = unwrap(
      await call('handover.pipia', { handoverId, approve: true, out: { path: h.v.dir } }),
    );
    expect(approved.approvedBy).toBe('owner');
    expect(approved.facts.selection.selected).toBe(
      h.destined.length - approved.facts.selection.missingConsent,
    );
    const text = spawnSync('pdftotext', [approved.files!.pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('个人信息保护影响评估');
    expect(text).toContain(RECIPIENT);
  });

  it('writes notices: letters PDF with the recipient in Chinese, mail-merge and SMS CSVs, an announcement', async () => {
    const written = unwrap(
      await call('handover.notices', {
        handoverId,
        out: { path: h.v.dir },
        settings: {
          deadline: daysFromToday(7),
          afterClosureContact: '清算组 0571-12345678',
          reason: '公司解散',
        },
      }),
    );
    expect(written.customers).toBe(h.destined.length);
    expect(written.letters.length).toBe(Math.ceil(h.destined.length / 200));
    const text = spawnSync('pdftotext', [written.letters[0], '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain(RECIPIENT);
    const mail = Papa.parse<string[]>(
      readFileSync(written.mailMerge, 'utf8').replace(/^\uFEFF/, ''),
    ).data.filter((r) => r.length > 1);
    expect(mail.length - 1).toBe(h.destined.length);
    const sms = Papa.parse<string[]>(readFileSync(written.sms, 'utf8').replace(/^\uFEFF/, '')).data.slice(1);
    for (const [, , , , part] of sms.filter((r) => r.length === 5))
      expect([...part].length).toBeLessThanOrEqual(70);
    expect(readFileSync(written.announcement, 'utf8')).toContain(RECIPIENT);
    expect(readdirSync(h.v.dir).some((f) => f.endsWith('.partial'))).toBe(false);
  });

  it('refuses to build before the deadline; an operator cannot override it; an owner can, in writing', async () => {
    const detail = unwrap(await call('handover.get', { handoverId }));
    expect(detail.progress.blockers).toEqual(['deadline']);
    expect(code(await call('handover.package', { handoverId, out: { path: h.v.dir } }))).toBe(
      'HANDOVER_DEADLINE_NOT_PASSED',
    );
    await asUser('operator');
    expect(
      code(
        await call('handover.package', {
          handoverId,
          out: { path: h.v.dir },
          overrideDeadline: '客户均已电话确认同意',
        }),
      ),
    ).toBe('NOT_ALLOWED');
    await asUser('owner');
  });

  it('an objection wins over an earlier consent; only destined records take responses', async () => {
    const [objector, consenting] = h.destined;
    unwrap(await call('handover.respond', { handoverId, recordId: objector, kind: 'consent' }));
    unwrap(
      await call('handover.respond', { handoverId, recordId: objector, kind: 'objection', channel: 'phone' }),
    );
    const after = unwrap(
      await call('handover.respond', { handoverId, recordId: consenting, kind: 'consent' }),
    );
    expect(after.selection.objectors).toBe(1);
    const notDestined = h.stored.find((s) => !h.destined.includes(s.id))!.id;
    expect(
      code(await call('handover.respond', { handoverId, recordId: notDestined, kind: 'objection' })),
    ).toBe('HANDOVER_RECORD_NOT_DESTINED');
  });

  let packagePath = '';
  let sha256 = '';

  it('builds the package with the owner override, and the recipient opens it', async () => {
    const built = unwrap(
      await call('handover.package', {
        handoverId,
        out: { path: h.v.dir },
        overrideDeadline: '客户均已电话确认，不再等待',
      }),
    );
    packagePath = built.path;
    sha256 = built.sha256;
    const selection = unwrap(await call('handover.get', { handoverId })).selection;
    expect(built.records).toBe(selection.selected);
    expect(existsSync(built.readme) && existsSync(built.senderCertificate)).toBe(true);
    const audit = unwrap(await call('audit.list', { op: 'handover.package' }));
    expect(audit[0].params).toMatchObject({ overrideDeadline: '客户均已电话确认，不再等待' });

    const opened = unwrap(
      await call('handover.open', {
        package: { path: built.path },
        key: { path: recipient.key },
        certificate: { path: recipient.certificate },
      }),
    );
    expect(opened.records).toBe(built.records);
    expect(opened.packageSha256).toBe(built.sha256);
    // What the recipient's window shows besides: the certificate trusted and the README beside the package.
    expect(opened.trust.fingerprintSha256).toBe(
      certificateInfo(readFileSync(built.senderCertificate, 'utf8')).fingerprintSha256,
    );
    expect(opened.readme).toBe(readFileSync(built.readme, 'utf8'));
    expect(opened.readme).toContain('openssl cms -verify');
    expect(opened.preview.map((r) => r.record)).not.toContain(h.destined[0]);
    expect(opened.fields).toEqual([
      'record',
      'name',
      'organisation',
      'phone',
      'email',
      'address',
      'country',
      'product',
      'lastOrderDate',
    ]);
  });

  it('imports the receipt: TRANSFERRED, handover closed, stage moved on', async () => {
    // Outputs are write-guarded: never over a file Closeout manages, never through a symbolic link.
    const receiptInput = {
      package: { path: packagePath },
      key: { path: recipient.key },
      certificate: { path: recipient.certificate },
    };
    expect(code(await call('handover.receiptCreate', { ...receiptInput, out: { path: h.v.file } }))).toBe(
      'FILE_MANAGED',
    );
    const link = join(h.v.dir, 'receipt-link.p7s');
    symlinkSync(join(h.v.dir, 'elsewhere.p7s'), link);
    expect(code(await call('handover.receiptCreate', { ...receiptInput, out: { path: link } }))).toBe(
      'FILE_IS_SYMLINK',
    );
    expect(existsSync(join(h.v.dir, 'elsewhere.p7s'))).toBe(false);
    const receipt = await signReceipt(h.v, packagePath, recipient);
    await asUser('owner');
    const imported = unwrap(await call('handover.receiptImport', { handoverId, receipt: { path: receipt } }));
    expect(imported.records).toBeGreaterThan(0);
    expect(imported.wipeOffered).toBe(imported.records);
    const detail = unwrap(await call('handover.get', { handoverId }));
    expect(detail.state).toBe('closed');
    expect(detail.transfers[0]).toMatchObject({ sha256, receivedAt: expect.any(String) });
    expect(unwrap(await call('vault.info', {})).stage).toBe('destruction');
    expect(readRegistry(h.v.dataDir)[0].stage).toBe('destruction');
    expect(code(await call('handover.receiptImport', { handoverId, receipt: { path: receipt } }))).toBe(
      'HANDOVER_CLOSED',
    );
  });
});

describe('a second handover (password route)', () => {
  it('needs the password, and a receipt for another package is refused', async () => {
    unwrap(
      await call('dispositions.set', {
        ids: h.destined.slice(0, 20),
        set: { disposition: 'TRANSFER', recipient: RECIPIENT },
      }),
    );
    const handoverId = await readyHandover(h.v, { keyMode: 'password' });
    expect(code(await call('handover.package', { handoverId, out: { path: h.v.dir } }))).toBe(
      'HANDOVER_PASSWORD_NEEDED',
    );
    unwrap(
      await call('handover.package', { handoverId, out: { path: h.v.dir }, password: '西湖-package-2026' }),
    );
    const receipt = join(h.v.dir, 'receipt.p7s');
    expect(code(await call('handover.receiptImport', { handoverId, receipt: { path: receipt } }))).toBe(
      'RECEIPT_WRONG_PACKAGE',
    );
  });
});
