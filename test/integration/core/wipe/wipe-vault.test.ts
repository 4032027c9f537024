// wipe.vault on a vault with records, two users, a recovery sheet and a records export written by
// Closeout, and two backups — one on a disk that stays attached, one on a "USB disk" (a folder) that is
// detached during the test. The dry run lists exactly what will happen; the confirmation and the legal
// hold are enforced; afterwards the vault, keyring, WAL and SHM are gone, so are the attached backup and
// the files Closeout wrote, the absent backup holds no key slot and opens with no former passphrase, and
// the signed certificate (published only now) says which key copy still exists.
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { WipeResult } from '../../../../shared/contract';
import { recoveryVaultKey } from '../../../../electron/core/vault/recovery-secret';
import { tempDir } from '../../helpers';
import { checkPackWithDebianTools, opensslCmsVerify } from '../../support/openssl';
import { OPERATOR_PASS, OWNER_PASS, unwrap } from '../../support/vault-fixture';
import { fillVault, opens, type FilledVault } from '../../support/wipe-fixture';

jest.setTimeout(240_000);

const CLIENT = '苏州示例电子有限公司';
let v: FilledVault;
let attached: ReturnType<typeof tempDir>;
let usb: ReturnType<typeof tempDir>;
let certs: ReturnType<typeof tempDir>;
let attachedBackup: string;
let usbBackup: string;
let sheet: string;
let exported: string;
interface Sealed {
  ciphertext: string;
}
let slots: Array<{
  kdf: { salt: string };
  secrets: Sealed;
  vaultKey: Sealed & { epk: string };
  companyKek?: Sealed & { epk: string };
}>;
let result: WipeResult;

beforeAll(async () => {
  v = await fillVault({ seed: 5, count: 120, clientName: CLIENT, merge: false });
  unwrap(await v.engine.call('users.add', { name: 'operator', role: 'operator', passphrase: OPERATOR_PASS }));
  attached = tempDir('closeout-disk-');
  usb = tempDir('closeout-usb-');
  certs = tempDir('closeout-evidence-');
  sheet = unwrap(
    await v.engine.call('vault.writeRecoverySheet', { out: { path: join(v.dir, 'recovery.pdf') } }),
  ).path;
  exported = join(v.dir, 'export.csv');
  unwrap(await v.engine.call('records.export', { format: 'csv', file: { path: exported } }));
  attachedBackup = unwrap(await v.engine.call('backup.create', { dir: { path: attached.path } })).path;
  usbBackup = unwrap(await v.engine.call('backup.create', { dir: { path: usb.path } })).path;
  unwrap(
    await v.engine.call('wipe.logPaper', {
      batch: 'P-2026-01',
      description: '纸质客户登记表 paper customer forms',
      boxes: 2,
      method: 'destruction-company',
      company: '示例文件销毁有限公司',
      companyCertificate: 'DC-2026-0042',
      date: '2026-01-20',
      witness: '李娜',
    }),
  );
  unwrap(
    await v.engine.call('wipe.logCloud', {
      service: '企业网盘 Cloud drive',
      account: 'shop@example.com',
      data: '客户名单备份 customer list backups',
      status: 'confirmed',
      reference: 'DEL-7781',
      accountClosed: true,
    }),
  );
  slots = JSON.parse(readFileSync(`${v.file}.keys`, 'utf8')).slots;
  renameSync(usb.path, `${usb.path}-detached`); // the USB disk is unplugged
}, 240_000);
afterAll(async () => {
  for (const d of [attached, certs]) d.remove();
  if (existsSync(`${usb.path}-detached`)) renameSync(`${usb.path}-detached`, usb.path);
  usb.remove();
  await v.remove();
});

test('the dry run lists every scope, changes nothing, and needs no confirmation', async () => {
  const dry = unwrap(await v.engine.call('wipe.vault', { dryRun: true, includeBackups: true }));
  const p = dry.plan;
  expect(
    p.files
      .filter((f) => f.action === 'overwrite')
      .map((f) => f.kind)
      .sort(),
  ).toEqual(expect.arrayContaining(['vault', 'recovery-sheet', 'records-export']));
  expect(p.backups.map((b) => [b.path, b.action])).toEqual(
    expect.arrayContaining([
      [attachedBackup, 'overwrite'],
      [usbBackup, 'unreadable'],
    ]),
  );
  expect(p.keyCopies.filter((k) => k.kind === 'keyring-slot')).toHaveLength(2);
  // Keyring v2: only owners hold the company KEK; inside the vault, the CA key and its recovery copy.
  expect(p.keyCopies.filter((k) => k.kind === 'company-kek-envelope').map((k) => k.label)).toHaveLength(1);
  for (const kind of ['session-key', 'company-key', 'recovery-copy'] as const)
    expect({ kind, action: p.keyCopies.find((k) => k.kind === kind)?.action }).toEqual({
      kind,
      action: 'destroy',
    });
  expect(p.keyCopies.find((k) => k.kind === 'recovery-sheet')?.action).toBe('exists');
  expect(p.warnings).toEqual(
    expect.arrayContaining(['overwrite-limits', 'recovery-sheet-exists', 'retained-records']),
  );
  expect(existsSync(v.file) && existsSync(sheet) && existsSync(attachedBackup)).toBe(true);
  expect(unwrap(await v.engine.call('vault.session', {}))).not.toBeNull();
});

test('a wrong name, or records under a legal hold not kept elsewhere, change nothing', async () => {
  const wrong = await v.engine.call('wipe.vault', {
    confirm: '苏州示例',
    certificateDir: { path: certs.path },
  });
  expect(wrong.ok ? 'ok' : wrong.error.code).toBe('WIPE_CONFIRMATION_MISMATCH');
  const held = await v.engine.call('wipe.vault', { confirm: CLIENT, certificateDir: { path: certs.path } });
  expect(held.ok ? 'ok' : held.error.code).toBe('WIPE_RETAINED_RECORDS');
  expect(readdirSync(certs.path)).toEqual([]);
  expect(existsSync(`${v.file}.keys`)).toBe(true);
});

test('the wipe erases the vault, its keys, the attached backup and the files Closeout wrote', async () => {
  result = unwrap(
    await v.engine.call('wipe.vault', {
      confirm: ` ${CLIENT} `,
      includeBackups: true,
      retainedKeptElsewhere: true,
      certificateDir: { path: certs.path },
      signatory: { title: '清算组成员 Liquidation committee', location: '苏州' },
      verifier: { name: '王芳', title: '会计 Accountant' },
    }),
  );
  for (const gone of [
    v.file,
    `${v.file}.keys`,
    `${v.file}-wal`,
    `${v.file}-shm`,
    attachedBackup,
    `${attachedBackup}.manifest.json`,
    sheet,
    exported,
  ])
    expect({ gone, exists: existsSync(gone) }).toEqual({ gone, exists: false });
  expect(result.verification?.checks.filter((c) => !c.ok)).toEqual([]);
  expect(unwrap(await v.engine.call('vault.session', {}))).toBeNull();
  expect(unwrap(await v.engine.call('vault.list', {})).some((x) => x.id === v.created.session.vaultId)).toBe(
    false,
  );
  expect(unwrap(await v.engine.call('wipe.pending', {}))).toEqual([]);
});

test('the certificate verifies with openssl and names the absent backup and the surviving recovery key', () => {
  const c = result.certificate!;
  const verified = opensslCmsVerify({
    content: c.json,
    signature: c.signature,
    certificate: c.companyCertificate,
  });
  expect(verified.status).toBe(0);
  const facts = JSON.parse(readFileSync(c.json, 'utf8'));
  expect(facts.kind).toBe('vault');
  // Signed by the acting owner's own certified key; the file beside it is the company CA that issued it.
  const company = new X509Certificate(readFileSync(c.companyCertificate));
  expect(company.ca).toBe(true);
  expect(facts.signer.company.fingerprintSha256).toBe(company.fingerprint256);
  expect(facts.signer.fingerprintSha256).not.toBe(company.fingerprint256);
  expect(facts.signer.subject).toBe(facts.performedBy.name);
  expect(facts.backups.find((b: { path: string }) => b.path === usbBackup)).toMatchObject({
    action: 'unreadable',
    present: false,
  });
  expect(facts.backups.find((b: { path: string }) => b.path === attachedBackup)).toMatchObject({
    action: 'overwrite',
    done: true,
  });
  expect(facts.keyCopies.find((k: { kind: string }) => k.kind === 'recovery-sheet').action).toBe('exists');
  expect(facts.paper[0]).toMatchObject({ batch: 'P-2026-01', company: '示例文件销毁有限公司' });
  expect(facts.cloud[0]).toMatchObject({ reference: 'DEL-7781', accountClosed: true, status: 'confirmed' });
  expect(facts.verifiedBy).toEqual({ name: '王芳', title: '会计 Accountant' });
  expect(facts.erase.release).toMatch(/only after/);
  // The audit chain, exported as evidence before the erase, sits beside the certificate.
  const evidence = readdirSync(certs.path).find((f) => f.endsWith('.audit'))!;
  expect(readdirSync(join(certs.path, evidence)).some((f) => f.endsWith('.json.p7s'))).toBe(true);
});

test('the final evidence pack survives the vault in the evidence archive; the certificate names it and its digest', () => {
  const facts = JSON.parse(readFileSync(result.certificate!.json, 'utf8'));
  const archive = join(v.dataDir, 'evidence', v.created.session.vaultId);
  expect(facts.finalEvidencePack.file.startsWith(archive)).toBe(true);
  const pack = readFileSync(facts.finalEvidencePack.file);
  expect(createHash('sha256').update(pack).digest('hex')).toBe(facts.finalEvidencePack.sha256);
  const out = tempDir('closeout-final-pack-');
  try {
    const { bag, sha256sum } = checkPackWithDebianTools(
      facts.finalEvidencePack.file,
      out.path,
      result.certificate!.companyCertificate,
    );
    expect(sha256sum).toContain('data/wipe/cloud-log.json: OK');
    expect(sha256sum).toContain('data/audit/audit-chain.json: OK');
    // The incident register and the emergency plan outlive the vault in its final pack.
    for (const f of ['register.json', 'drills.json', 'emergency-plan.pdf'])
      expect(sha256sum).toContain(`data/incidents/${f}: OK`);
    const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
    expect(info).toContain(`External-Identifier: ${v.created.session.vaultId}`);
    expect(info).toContain('Closeout-Personal-Data: none');
  } finally {
    out.remove();
  }
});

test('the backup on the absent disk holds no key slot and opens with no former passphrase', () => {
  renameSync(`${usb.path}-detached`, usb.path); // plugged back in
  const files = readdirSync(usb.path);
  expect(files.sort()).toEqual(
    [
      ...[usbBackup, `${usbBackup}.manifest.json`, `${usbBackup}.manifest.json.p7s`].map((f) =>
        f.slice(usb.path.length + 1),
      ),
    ].sort(),
  );
  for (const file of files) {
    const bytes = readFileSync(join(usb.path, file));
    for (const s of slots)
      for (const needle of [
        ...[s.secrets, s.vaultKey, ...(s.companyKek ? [s.companyKek] : [])].flatMap((sealed) => [
          Buffer.from(sealed.ciphertext),
          Buffer.from(sealed.ciphertext, 'base64'),
        ]),
        Buffer.from(s.vaultKey.epk),
        Buffer.from(s.kdf.salt),
      ])
        expect(bytes.includes(needle)).toBe(false);
  }
  for (const passphrase of [OWNER_PASS, OPERATOR_PASS]) {
    expect(opens(usbBackup, { passphrase })).toBe(false);
    expect(opens(usbBackup, { raw: Buffer.from(passphrase).subarray(0, 32) })).toBe(false);
  }
  // Exactly as the certificate says: the paper recovery key, not logged as destroyed, still opens it.
  expect(opens(usbBackup, { raw: recoveryVaultKey(v.created.recoveryKey) })).toBe(true);
});
