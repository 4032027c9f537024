// What a recipient with only Debian's openssl sees: our certificate and detached signatures verify with
// `openssl cms -verify`, a changed byte does not, and openssl-made PKCS#12 files and signatures read back.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  certificateInfo,
  generateIdentity,
  importPkcs12,
  signDetached,
  verifyDetached,
  type CompanyIdentity,
} from '../../../../electron/core/vault/identity';
import { creditCodeCheckChar } from '../../../../shared/identifiers/credit-code';
import { tempDir } from '../../helpers';

const NAME = '上海示例贸易有限公司（清算组）';
const FIRST17 = '91310115MA1K4B2C3';
const CREDIT_CODE = FIRST17 + creditCodeCheckChar(FIRST17);

function openssl(args: string[], cwd: string) {
  const result = spawnSync('openssl', args, { cwd, encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  return { status: result.status, out: result.stdout, err: result.stderr };
}

let dir: { path: string; remove: () => void };
let identity: CompanyIdentity;
const content = Buffer.concat([
  Buffer.from('closeout-audit-checkpoint/1\n中文\r\n', 'utf8'),
  Buffer.from([0x00, 0xff, 0x0a, 0x0d, 0x0a, 0x00]),
]);

beforeAll(() => {
  const probe = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    // Never skip: these tests are the promise that recipients can check our files without Closeout.
    throw new Error(
      '`openssl` is not on PATH; install it (Debian/Ubuntu: apt-get install -y openssl). CI installs it.',
    );
  }
  dir = tempDir('closeout-identity-');
  identity = generateIdentity({ clientName: NAME, creditCode: CREDIT_CODE });
  writeFileSync(join(dir.path, 'cert.pem'), identity.certificatePem);
  writeFileSync(join(dir.path, 'content.bin'), content);
  writeFileSync(join(dir.path, 'sig.p7s'), signDetached(identity, content));
  const changed = Buffer.from(content);
  changed[3] ^= 0x20;
  writeFileSync(join(dir.path, 'changed.bin'), changed);
});

afterAll(() => dir?.remove());

const verifyArgs = (contentFile: string, ...extra: string[]) => [
  'cms',
  '-verify',
  '-binary',
  '-inform',
  'PEM',
  '-in',
  'sig.p7s',
  '-content',
  contentFile,
  '-CAfile',
  'cert.pem',
  ...extra,
  '-out',
  '/dev/null',
];

test('openssl cms -verify accepts the detached signature, with the default S/MIME purpose and with -purpose any', () => {
  for (const extra of [[], ['-purpose', 'any']]) {
    const result = openssl(verifyArgs('content.bin', ...extra), dir.path);
    expect(result.err).toContain('Verification successful');
    expect(result.status).toBe(0);
  }
});

test('openssl cms -verify refuses the signature when one byte of the content changed', () => {
  for (const extra of [[], ['-purpose', 'any']]) {
    const result = openssl(verifyArgs('changed.bin', ...extra), dir.path);
    expect(result.status).not.toBe(0);
    expect(result.err).toContain('Verification failure');
  }
});

test('openssl shows the Chinese company name, the credit code and the extensions', () => {
  const subject = openssl(['x509', '-in', 'cert.pem', '-noout', '-subject', '-nameopt', 'utf8'], dir.path);
  expect(subject.status).toBe(0);
  expect(subject.out.trim()).toBe(`subject=CN=${NAME}, O=${NAME}, serialNumber=${CREDIT_CODE}`);

  const text = openssl(['x509', '-in', 'cert.pem', '-noout', '-text'], dir.path).out;
  expect(text).toContain('Public-Key: (3072 bit)');
  expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
  expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
  expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation, Key Encipherment/);
  expect(text).toMatch(/X509v3 Extended Key Usage:\s+E-mail Protection/);
  expect(text).toContain('X509v3 Subject Key Identifier');

  const fingerprint = openssl(['x509', '-in', 'cert.pem', '-noout', '-fingerprint', '-sha256'], dir.path);
  expect(fingerprint.out.trim()).toBe(
    `sha256 Fingerprint=${certificateInfo(identity.certificatePem).fingerprintSha256}`,
  );
});

test('a signature made by openssl cms -sign verifies in Closeout, and fails for other content', () => {
  writeFileSync(join(dir.path, 'key.pem'), identity.privateKeyPem, { mode: 0o600 });
  const signed = openssl(
    [
      'cms',
      '-sign',
      '-binary',
      '-in',
      'content.bin',
      '-signer',
      'cert.pem',
      '-inkey',
      'key.pem',
      '-md',
      'sha256',
    ].concat(['-outform', 'PEM', '-out', 'openssl-sig.pem']),
    dir.path,
  );
  expect(signed.status).toBe(0);
  const signature = readFileSync(join(dir.path, 'openssl-sig.pem'), 'utf8');
  expect(signature).toMatch(/^-----BEGIN CMS-----/);
  expect(verifyDetached(identity.certificatePem, content, signature)).toBe(true);
  expect(
    verifyDetached(identity.certificatePem, readFileSync(join(dir.path, 'changed.bin')), signature),
  ).toBe(false);
});

test('a PKCS#12 made by openssl (AES-256, SHA-256 MAC) imports; the wrong password does not', () => {
  writeFileSync(join(dir.path, 'key.pem'), identity.privateKeyPem, { mode: 0o600 });
  const exported = openssl(
    ['pkcs12', '-export', '-in', 'cert.pem', '-inkey', 'key.pem', '-name', 'company'].concat([
      '-passout',
      'pass:p12 口令',
      '-out',
      'company.p12',
    ]),
    dir.path,
  );
  expect(exported.status).toBe(0);
  const p12 = readFileSync(join(dir.path, 'company.p12'));
  const imported = importPkcs12(p12, 'p12 口令');
  expect(imported.certificatePem).toBe(identity.certificatePem);
  expect(verifyDetached(identity.certificatePem, content, signDetached(imported, content))).toBe(true);
  expect(() => importPkcs12(p12, 'wrong')).toThrow(expect.objectContaining({ code: 'PKCS12_INVALID' }));
});
