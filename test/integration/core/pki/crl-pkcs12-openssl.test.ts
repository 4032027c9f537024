// CRLs that openssl checks and uses to refuse a revoked user; PKCS#12 recipient kits openssl opens without
// -legacy; a recipient's certificate read from PEM, DER or a PKCS#12 file (ours or openssl's).
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  certificateInfo,
  createCrl,
  generateRecipientKit,
  generateUserKeyPair,
  isPkiError,
  issueUserCertificate,
  makePkcs12,
  readCertificate,
  type KeyAndCertificate,
} from '../../../../electron/core/pki';
import { tempDir } from '../../helpers';
import { makeCompany, openssl, requireOpenssl, writeCompany, type Company } from './openssl';

let dir: { path: string; remove: () => void };
let company: Company;
let kit: KeyAndCertificate;
const DAY = 864e5;
// A PKCS#12 costs about 2 s to make or read on an idle machine: 600 000 iterations of the PKCS#12 MAC KDF
// run in JavaScript, and each test makes one and has openssl read it three times. On a machine loaded
// twelvefold (CI beside other jobs) that passed a minute, so the limit is generous: it catches a hang,
// not a slow machine.
const P12_TIMEOUT = 300_000;

jest.setTimeout(P12_TIMEOUT);

beforeAll(async () => {
  requireOpenssl();
  dir = tempDir('closeout-pki-crl-');
  company = await makeCompany();
  writeCompany(dir.path, company);
  kit = await generateRecipientKit({ organisation: '承接方科技有限公司', creditCode: '91110000MA0012345X' });
  writeFileSync(join(dir.path, 'kit.pem'), kit.certificatePem);
});

afterAll(() => dir?.remove());

async function errorCode(work: () => unknown): Promise<string> {
  try {
    await work();
  } catch (error) {
    return isPkiError(error) ? error.code : `not a PkiError: ${String(error)}`;
  }
  return 'no error';
}

describe('CRL', () => {
  let keptUser: string;

  beforeAll(async () => {
    const keys = generateUserKeyPair();
    keptUser = await issueUserCertificate(company.ca, {
      userId: 'u-kept',
      userName: '李娜',
      role: 'auditor',
      publicKey: keys.publicKeyPem,
    });
    writeFileSync(join(dir.path, 'kept.pem'), keptUser);
    const revokedSerial = certificateInfo(company.user.certificatePem).certificateSerial;
    const crl = await createCrl(
      company.ca,
      [{ serial: revokedSerial, at: new Date(Date.now() - 60e3), reason: 'keyCompromise' }],
      { nextUpdate: new Date(Date.now() + 30 * DAY) },
    );
    writeFileSync(join(dir.path, 'crl.pem'), crl.pem);
    writeFileSync(join(dir.path, 'crl.der'), crl.der);
  });

  test('openssl crl verifies its signature with the company certificate, as PEM and DER', () => {
    for (const [file, form] of [
      ['crl.pem', 'PEM'],
      ['crl.der', 'DER'],
    ]) {
      const result = openssl(
        ['crl', '-inform', form, '-in', file, '-CAfile', 'company.pem', '-noout'],
        dir.path,
      );
      expect(result.stderr).toContain('verify OK');
      expect(result.status).toBe(0);
    }
    const out = openssl(['crl', '-in', 'crl.pem', '-noout', '-text'], dir.path).stdout;
    expect(out).toContain('Version 2 (0x1)');
    expect(out).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(out).toContain('X509v3 CRL Number');
    expect(out).toContain('X509v3 Authority Key Identifier');
    expect(out).toContain(`Serial Number: ${certificateInfo(company.user.certificatePem).certificateSerial}`);
    expect(out).toContain('Key Compromise');
  });

  test('openssl verify -crl_check refuses the revoked user and accepts the other', () => {
    const check = (file: string) =>
      openssl(['verify', '-crl_check', '-CAfile', 'company.pem', '-CRLfile', 'crl.pem', file], dir.path);
    const revoked = check('user.pem');
    expect(revoked.status).not.toBe(0);
    expect(revoked.stderr + revoked.stdout).toContain('certificate revoked');
    const kept = check('kept.pem');
    expect(kept.stdout).toContain('kept.pem: OK');
    expect(kept.status).toBe(0);
  });

  test('a CRL signed by another key fails openssl crl; bad arguments are refused', async () => {
    const other = await makeCompany('另一家公司');
    const forged = await createCrl(other.ca, [], { nextUpdate: new Date(Date.now() + DAY) });
    writeFileSync(join(dir.path, 'forged.pem'), forged.pem);
    const result = openssl(['crl', '-in', 'forged.pem', '-CAfile', 'company.pem', '-noout'], dir.path);
    expect(result.status).not.toBe(0);
    expect(await errorCode(() => createCrl(company.ca, [], { nextUpdate: new Date(Date.now() - DAY) }))).toBe(
      'PKI_INPUT_INVALID',
    );
    expect(
      await errorCode(() =>
        createCrl(company.ca, [{ serial: 'xyz', at: new Date() }], {
          nextUpdate: new Date(Date.now() + DAY),
        }),
      ),
    ).toBe('PKI_INPUT_INVALID');
    expect(
      await errorCode(() => createCrl(company.user, [], { nextUpdate: new Date(Date.now() + DAY) })),
    ).toBe('PKI_CERTIFICATE_INVALID');
  });
});

describe('PKCS#12 recipient kit', () => {
  for (const [label, password] of [
    ['an ASCII password', 'correct horse battery'],
    ['a Chinese password', '正确的马电池订书钉'],
  ]) {
    test(`openssl pkcs12 opens it without -legacy, with ${label}`, async () => {
      const p12 = await makePkcs12({
        keyPem: kit.privateKeyPem,
        certPem: kit.certificatePem,
        chain: [company.ca.certificatePem],
        password,
        friendlyName: '承接方',
      });
      writeFileSync(join(dir.path, 'kit.p12'), p12);
      const env = ['-passin', `pass:${password}`];
      const info = openssl(['pkcs12', '-in', 'kit.p12', '-info', '-noout', ...env], dir.path);
      expect(info.status).toBe(0);
      expect(info.stderr).toContain('MAC: sha256');
      expect(info.stderr).toMatch(
        /Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256/,
      );
      const certs = openssl(['pkcs12', '-in', 'kit.p12', '-nokeys', ...env], dir.path);
      expect(certs.status).toBe(0);
      const found = certs.stdout.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
      expect(found.map((pem) => new X509Certificate(pem).fingerprint256).sort()).toEqual(
        [kit.certificatePem, company.ca.certificatePem]
          .map((pem) => new X509Certificate(pem).fingerprint256)
          .sort(),
      );
      const key = openssl(['pkcs12', '-in', 'kit.p12', '-nocerts', '-nodes', ...env], dir.path);
      expect(key.status).toBe(0);
      const keyPem =
        key.stdout.match(/-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/)?.[0] ?? '';
      expect(
        new X509Certificate(kit.certificatePem).checkPrivateKey(
          require('node:crypto').createPrivateKey(keyPem),
        ),
      ).toBe(true);
      // And our own reader takes the kit's certificate (not the CA's) back out of it.
      expect(await readCertificate(p12, { password })).toBe(kit.certificatePem);
      expect(
        openssl(['pkcs12', '-in', 'kit.p12', '-noout', '-passin', 'pass:wrong password'], dir.path).status,
      ).not.toBe(0);
    });
  }

  test('makePkcs12 refuses a short password and a key that is not the certificate’s', async () => {
    const base = { keyPem: kit.privateKeyPem, certPem: kit.certificatePem };
    expect(await errorCode(() => makePkcs12({ ...base, password: 'short' }))).toBe('PKI_INPUT_INVALID');
    expect(
      await errorCode(() =>
        makePkcs12({ ...base, keyPem: company.ca.privateKeyPem, password: 'long enough' }),
      ),
    ).toBe('PKI_KEY_INVALID');
  });

  test("a user's EC key and certificate with the company chain: openssl gives back that key", async () => {
    const p12 = await makePkcs12({
      keyPem: company.user.privateKeyPem,
      certPem: company.user.certificatePem,
      chain: [company.ca.certificatePem],
      password: 'user password',
    });
    writeFileSync(join(dir.path, 'ec.p12'), p12);
    const key = openssl(
      ['pkcs12', '-in', 'ec.p12', '-nocerts', '-nodes', '-passin', 'pass:user password'],
      dir.path,
    );
    expect(key.status).toBe(0);
    const keyPem =
      key.stdout.match(/-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/)?.[0] ?? '';
    expect(new X509Certificate(company.user.certificatePem).checkPrivateKey(createPrivateKey(keyPem))).toBe(
      true,
    );
    expect(await readCertificate(p12, { password: 'user password' })).toBe(company.user.certificatePem);
  });
});

describe('readCertificate', () => {
  test('reads PEM and DER certificates as they are', async () => {
    const der = new X509Certificate(kit.certificatePem).raw;
    expect(await readCertificate(kit.certificatePem)).toBe(kit.certificatePem);
    expect(await readCertificate(der)).toBe(kit.certificatePem);
    expect(await readCertificate(Buffer.from(kit.certificatePem))).toBe(kit.certificatePem);
  });

  test("reads the end-entity certificate out of openssl's own PKCS#12 (EC key, chain, AES-256, SHA-256 MAC)", async () => {
    const made = openssl(
      [
        'pkcs12',
        '-export',
        '-in',
        'user.pem',
        '-inkey',
        'user.key',
        '-certfile',
        'company.pem',
        '-passout',
        'pass:用户密码 1234',
        '-out',
        'user.p12',
      ],
      dir.path,
    );
    expect(made.status).toBe(0);
    const p12 = readFileSync(join(dir.path, 'user.p12'));
    expect(await readCertificate(p12, { password: '用户密码 1234' })).toBe(company.user.certificatePem);
  });

  test('reads older PKCS#12 schemes too: 3DES PBE with a SHA-1 MAC, and RC2-40 (openssl -legacy)', async () => {
    for (const [file, extra] of [
      ['3des.p12', ['-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']],
      ['legacy.p12', ['-legacy']],
    ] as const) {
      const made = openssl(
        [
          'pkcs12',
          '-export',
          ...extra,
          '-in',
          'user.pem',
          '-inkey',
          'user.key',
          '-passout',
          'pass:旧的密码',
          '-out',
          file,
        ],
        dir.path,
      );
      expect(made.status).toBe(0);
      const p12 = readFileSync(join(dir.path, file));
      expect(await readCertificate(p12, { password: '旧的密码' })).toBe(company.user.certificatePem);
    }
  });

  test('a PKCS#12 without its password, with a wrong one, or garbage: one named error each', async () => {
    const p12 = await makePkcs12({
      keyPem: kit.privateKeyPem,
      certPem: kit.certificatePem,
      password: 'the password',
    });
    expect(await errorCode(() => readCertificate(p12))).toBe('PKI_CERTIFICATE_INVALID');
    expect(await errorCode(() => readCertificate(p12, { password: 'not the password' }))).toBe(
      'PKI_PKCS12_INVALID',
    );
    expect(await errorCode(() => readCertificate(Buffer.from('garbage bytes'), { password: 'x' }))).toBe(
      'PKI_PKCS12_INVALID',
    );
    expect(
      await errorCode(() =>
        readCertificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'),
      ),
    ).toBe('PKI_CERTIFICATE_INVALID');
  });
});
