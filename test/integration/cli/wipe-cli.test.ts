// The wipe commands as an accountant's script runs them: a dry run first, the paper and cloud logs, a
// records wipe with its certificate (checked by `closeout certificate verify` and by openssl; one changed
// byte → exit 3), refusals as one error line, then the whole vault with its backups — and the paper
// recovery sheet logged as destroyed, so the certificate says no key copy remains.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCustomers } from '../../fixtures/customers';
import { encodeCsv } from '../../fixtures/write-csv';
import { cliEnv, runCli, tempDir } from '../helpers';
import { opensslCmsVerify } from '../support/openssl';

jest.setTimeout(120_000);

const PASS = 'Script-owner-passphrase-9';
const CLIENT = '宁波示例贸易有限公司';
let dir: ReturnType<typeof tempDir>;
let usb: ReturnType<typeof tempDir>;
let env: NodeJS.ProcessEnv;
let vault: string;
let certs: string;
let records: { purged: { records: number }; kept: { records: number }; certificate: Record<string, string> };

const json = (args: string[]) => {
  const res = runCli([...args, '--json'], env);
  expect(res.stderr).toBe('');
  expect(res.status).toBe(0);
  return JSON.parse(res.stdout);
};

beforeAll(() => {
  dir = tempDir('closeout-wcli-');
  usb = tempDir('closeout-wcli-usb-');
  env = cliEnv(join(dir.path, 'data'), { CLOSEOUT_PASSPHRASE: PASS });
  vault = join(dir.path, 'acme.cvault');
  certs = join(dir.path, 'certificates');
  mkdirSync(certs);
  expect(
    runCli(
      [
        'vault',
        'create',
        vault,
        '--client',
        CLIENT,
        '--owner',
        'boss',
        '--recovery-key-out',
        join(dir.path, 'k.txt'),
      ],
      env,
    ).status,
  ).toBe(0);
  const csv = join(dir.path, '客户.csv');
  writeFileSync(csv, encodeCsv([...generateCustomers(3, 200)].map((g) => g.row)));
  expect(runCli(['import', vault, csv], env).status).toBe(0);
  const disposed = runCli(
    [
      'dispose',
      vault,
      '--rule',
      'region:overseas=DESTROY',
      '--rule',
      'type:business=ANONYMISE',
      '--rule',
      'stale=DESTROY',
      '--rule',
      'all=RETAIN:tax-10y',
    ],
    env,
  );
  expect(disposed.status).toBe(0);
  expect(runCli(['backup', 'create', vault, '--to', usb.path], env).status).toBe(0);
});
afterAll(() => {
  usb.remove();
  dir.remove();
});

test('a dry run prints the plan as JSON and changes nothing', () => {
  const dry = json(['wipe', 'records', vault, '--dry-run']);
  expect(dry.dryRun).toBe(true);
  expect(dry.plan.records.destroy).toBeGreaterThan(0);
  expect(dry.plan.warnings).toContain('backups-hold-purged');
  expect(readdirSync(certs)).toEqual([]);
});

test('paper and cloud logs, with evidence hashed', () => {
  const photo = join(dir.path, 'shredder.jpg');
  writeFileSync(photo, 'not really a photo');
  const paper = json([
    'wipe',
    'paper',
    vault,
    '--batch',
    'B-01',
    '--method',
    'shredder',
    '--level',
    'P-5',
    '--sheets',
    '120',
    '--witness',
    '陈静',
    '--date',
    '2026-02-01',
    '--recovery-sheet',
    '--evidence',
    photo,
  ]);
  expect(paper).toMatchObject({ batch: 'B-01', level: 'P-5', recoverySheet: true, operator: 'boss' });
  expect(paper.evidence.sha256).toBe(createHash('sha256').update('not really a photo').digest('hex'));
  json([
    'wipe',
    'cloud',
    vault,
    '--service',
    '邮件营销平台',
    '--account',
    'shop01',
    '--status',
    'requested',
    '--data',
    '客户邮箱',
  ]);
  const confirmed = json([
    'wipe',
    'cloud',
    vault,
    '--service',
    '邮件营销平台',
    '--account',
    'shop01',
    '--status',
    'confirmed',
    '--reference',
    'T-99',
    '--account-closed',
  ]);
  expect(confirmed).toMatchObject({
    status: 'confirmed',
    reference: 'T-99',
    accountClosed: true,
    data: '客户邮箱',
  });
  const logs = json(['wipe', 'logs', vault]);
  expect([logs.paper.length, logs.cloud.length]).toEqual([1, 1]);
});

test('bad input is one error line and changes nothing', () => {
  const noLevel = runCli(
    ['wipe', 'paper', vault, '--batch', 'B-02', '--method', 'shredder', '--sheets', '1', '--witness', 'x'],
    { ...env, CLOSEOUT_LANG: 'zh-CN' },
  );
  expect(noLevel.status).not.toBe(0);
  expect(noLevel.stderr).toMatch(/^closeout: INVALID_INPUT: .*P-1/);
  const noDir = runCli(['wipe', 'records', vault], env);
  expect(noDir.stderr.trim()).toMatch(/^closeout: WIPE_CERTIFICATE_DIR_NEEDED: /);
  const wrong = runCli(['wipe', 'vault', vault, '--confirm', 'Acme', '--certificate-dir', certs], {
    ...env,
    CLOSEOUT_LANG: 'zh-CN',
  });
  expect(wrong.stderr.trim()).toBe(
    `closeout: WIPE_CONFIRMATION_MISMATCH: 要擦除整个保险库，请准确输入客户名称“${CLIENT}”以确认；未做任何更改`,
  );
  expect(existsSync(`${vault}.keys`)).toBe(true);
});

test('wipe records prints {purged, kept, certificate}; certificate verify accepts it and refuses one changed byte', () => {
  records = json(['wipe', 'records', vault, '--certificate-dir', certs, '--verifier', '陈静']);
  expect(records.purged.records).toBeGreaterThan(0);
  expect(records.kept.records).toBeGreaterThan(0);
  const c = records.certificate;
  expect(
    opensslCmsVerify({ content: c.json, signature: c.signature, certificate: c.companyCertificate }).status,
  ).toBe(0);
  const ok = runCli(
    ['certificate', 'verify', c.json, c.signature, '--company-cert', c.companyCertificate],
    env,
  );
  expect(ok.status).toBe(0);
  expect(ok.stdout).toContain('✔');
  const tampered = join(dir.path, 'tampered.json');
  const bytes = readFileSync(c.json);
  bytes[bytes.length - 3] ^= 0x20;
  writeFileSync(tampered, bytes);
  const bad = runCli(
    ['certificate', 'verify', tampered, c.signature, '--company-cert', c.companyCertificate, '--json'],
    env,
  );
  expect(bad.status).toBe(3);
  expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, failure: 'digest-mismatch' });
});

test('wipe vault: the vault, its keys and the attached backup are gone; no key copy remains', () => {
  const done = json([
    'wipe',
    'vault',
    vault,
    '--confirm',
    CLIENT,
    '--include-backups',
    '--retained-kept-elsewhere',
    '--certificate-dir',
    certs,
  ]);
  expect(done.verification.ok).toBe(true);
  for (const f of [vault, `${vault}.keys`, `${vault}-wal`]) expect(existsSync(f)).toBe(false);
  expect(readdirSync(usb.path)).toEqual([]);
  const facts = JSON.parse(readFileSync(done.certificate.json, 'utf8'));
  expect(facts.keyCopies.find((k: { kind: string }) => k.kind === 'recovery-sheet').action).toBe('logged');
  expect(facts.warnings).not.toContain('recovery-sheet-exists');
  const verify = runCli(
    [
      'certificate',
      'verify',
      done.certificate.json,
      done.certificate.signature,
      '--company-cert',
      done.certificate.companyCertificate,
    ],
    env,
  );
  expect(verify.status).toBe(0);
  // Two certificates in the folder: the records wipe's and the vault's, each written once.
  expect(
    readdirSync(certs).filter((f) => /^closeout-sanitisation-[0-9a-f]{8}-\d{8}T\d{6}Z\.json$/.test(f)),
  ).toHaveLength(2);
  expect(json(['wipe', 'pending'])).toEqual([]);

  // The same command again (as after a kill between the wipe's last step and its output): the finished
  // wipe is reported again, with the same certificate, and nothing new is written.
  const again = json([
    'wipe',
    'vault',
    vault,
    '--confirm',
    CLIENT,
    '--include-backups',
    '--retained-kept-elsewhere',
    '--certificate-dir',
    certs,
  ]);
  expect(again).toMatchObject({ wipeId: done.wipeId, resumed: true });
  expect(again.certificate.sha256).toBe(done.certificate.sha256);
  expect(
    readdirSync(certs).filter((f) => /^closeout-sanitisation-[0-9a-f]{8}-\d{8}T\d{6}Z\.json$/.test(f)),
  ).toHaveLength(2);
});
