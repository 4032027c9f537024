// The company CA, user certificates and recipient kits as Debian's openssl reads them, and certificateInfo
// against openssl's own fingerprint and serial.
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  certificateInfo,
  createCompanyCa,
  generateRecipientKit,
  generateUserKeyPair,
  issueUserCertificate,
  isPkiError,
} from '../../../../electron/core/pki';
import { tempDir } from '../../helpers';
import {
  COMPANY,
  CREDIT_CODE,
  makeCompany,
  openssl,
  requireOpenssl,
  writeCompany,
  type Company,
} from './openssl';

let dir: { path: string; remove: () => void };
let company: Company;

beforeAll(async () => {
  requireOpenssl();
  dir = tempDir('closeout-pki-certs-');
  company = await makeCompany();
  writeCompany(dir.path, company);
});

afterAll(() => dir?.remove());

const text = (file: string) =>
  openssl(['x509', '-in', file, '-noout', '-text', '-nameopt', 'utf8,sep_comma_plus'], dir.path).stdout;

test('the company CA is a self-signed X.509 v3 CA in the company name and credit code', () => {
  const out = text('company.pem');
  expect(out).toContain('Version: 3 (0x2)');
  expect(out).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE/);
  expect(out).toMatch(
    /X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation, Certificate Sign, CRL Sign/,
  );
  expect(out).toContain('X509v3 Subject Key Identifier');
  expect(out).toContain(`Subject: CN=${COMPANY},O=${COMPANY},serialNumber=${CREDIT_CODE}`);
  expect(out).toContain('Public-Key: (3072 bit)');
  expect(out).toContain('Signature Algorithm: sha256WithRSAEncryption');
  const verify = openssl(['verify', '-CAfile', 'company.pem', 'company.pem'], dir.path);
  expect(verify.stdout).toContain('company.pem: OK');
  expect(verify.status).toBe(0);

  const info = certificateInfo(company.ca.certificatePem);
  const years = (Date.parse(info.notAfter) - Date.now()) / (365.25 * 864e5);
  expect(years).toBeGreaterThan(10);
  const back = (Date.now() - Date.parse(info.notBefore)) / 60e3;
  expect(back).toBeGreaterThan(3);
  expect(back).toBeLessThan(10);
  expect(info).toMatchObject({
    subject: COMPANY,
    serialNumber: CREDIT_CODE,
    isCa: true,
    keyAlgorithm: 'RSA-3072',
  });
});

test('a user certificate chains to the company CA and passes openssl verify for S/MIME signing', () => {
  const out = text('user.pem');
  expect(out).toContain(`Issuer: CN=${COMPANY},O=${COMPANY},serialNumber=${CREDIT_CODE}`);
  expect(out).toContain(`Subject: O=${COMPANY},OU=operator,CN=张伟,UID=${company.userId}`);
  expect(out).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
  expect(out).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation\n/);
  expect(out).toMatch(/X509v3 Extended Key Usage:\s+E-mail Protection/);
  expect(out).toContain('X509v3 Authority Key Identifier');
  expect(out).toContain('ASN1 OID: prime256v1');
  for (const purpose of [[], ['-purpose', 'smimesign']]) {
    const verify = openssl(['verify', ...purpose, '-CAfile', 'company.pem', 'user.pem'], dir.path);
    expect(verify.stdout).toContain('user.pem: OK');
    expect(verify.status).toBe(0);
  }
  const info = certificateInfo(company.user.certificatePem);
  expect(info).toMatchObject({
    subject: '张伟',
    unit: 'operator',
    userId: company.userId,
    organisation: COMPANY,
    issuer: COMPANY,
    isCa: false,
    keyAlgorithm: 'EC-P-256',
  });
  expect(Date.parse(info.notAfter)).toBeLessThanOrEqual(
    Date.parse(certificateInfo(company.ca.certificatePem).notAfter),
  );
});

test("certificateInfo's fingerprint and serial are openssl's, from PEM and from DER alike", () => {
  const fingerprint = openssl(
    ['x509', '-in', 'user.pem', '-noout', '-fingerprint', '-sha256'],
    dir.path,
  ).stdout;
  const serial = openssl(['x509', '-in', 'user.pem', '-noout', '-serial'], dir.path).stdout;
  const der = new X509Certificate(company.user.certificatePem).raw;
  for (const input of [company.user.certificatePem, der, Buffer.from(company.user.certificatePem)]) {
    const info = certificateInfo(input);
    expect(fingerprint.trim()).toBe(`sha256 Fingerprint=${info.fingerprintSha256}`);
    expect(serial.trim()).toBe(`serial=${info.certificateSerial}`);
  }
  // A positive serial: its first byte has the top bit clear.
  expect(parseInt(certificateInfo(der).certificateSerial.slice(0, 2), 16)).toBeLessThan(0x80);
});

test('another company CA does not verify the user certificate', async () => {
  const other = await createCompanyCa({ name: '另一家公司' });
  writeFileSync(join(dir.path, 'other.pem'), other.certificatePem);
  const verify = openssl(['verify', '-CAfile', 'other.pem', 'user.pem'], dir.path);
  expect(verify.status).not.toBe(0);
  expect(verify.stderr + verify.stdout).toMatch(/unable to get local issuer certificate/);
});

test('a recipient kit is a self-signed key-transport certificate openssl accepts for S/MIME encryption', async () => {
  const kit = await generateRecipientKit({ organisation: '承接方科技有限公司' });
  writeFileSync(join(dir.path, 'kit.pem'), kit.certificatePem);
  const out = text('kit.pem');
  expect(out).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Key Encipherment\n/);
  expect(out).toMatch(/X509v3 Extended Key Usage:\s+E-mail Protection/);
  expect(out).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
  expect(out).toContain('Public-Key: (3072 bit)');
  const verify = openssl(['verify', '-purpose', 'smimeencrypt', '-CAfile', 'kit.pem', 'kit.pem'], dir.path);
  expect(verify.stdout).toContain('kit.pem: OK');
  expect(certificateInfo(kit.certificatePem)).toMatchObject({ subject: '承接方科技有限公司', isCa: false });
});

test('bad input gets one named error and nothing is made', async () => {
  const codeOf = async (work: () => unknown) => {
    try {
      await work();
    } catch (error) {
      return isPkiError(error) ? error.code : `not a PkiError: ${String(error)}`;
    }
    return 'no error';
  };
  expect(await codeOf(() => certificateInfo('hello'))).toBe('PKI_CERTIFICATE_INVALID');
  expect(await codeOf(() => certificateInfo(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01])))).toBe(
    'PKI_CERTIFICATE_INVALID',
  );
  expect(await codeOf(() => certificateInfo(Buffer.alloc(0)))).toBe('PKI_CERTIFICATE_INVALID');
  expect(await codeOf(() => createCompanyCa({ name: '  ' }))).toBe('PKI_INPUT_INVALID');
  expect(await codeOf(() => createCompanyCa({ name: 'x', creditCode: 'not-a-code' }))).toBe(
    'PKI_INPUT_INVALID',
  );
  const keys = generateUserKeyPair();
  const user = { userId: 'u1', userName: '李娜', role: 'auditor', publicKey: keys.publicKeyPem };
  // The user certificate is refused when the CA's key is not its own, or when the user key is RSA.
  const other = await createCompanyCa({ name: '另一家公司' });
  expect(
    await codeOf(() =>
      issueUserCertificate(
        { certificatePem: company.ca.certificatePem, privateKeyPem: other.privateKeyPem },
        user,
      ),
    ),
  ).toBe('PKI_KEY_INVALID');
  expect(
    await codeOf(() =>
      issueUserCertificate(company.ca, {
        ...user,
        publicKey: new X509Certificate(other.certificatePem).publicKey,
      }),
    ),
  ).toBe('PKI_KEY_INVALID');
  expect(await codeOf(() => issueUserCertificate(company.ca, { ...user, userName: '' }))).toBe(
    'PKI_INPUT_INVALID',
  );
  // A user certificate cannot issue others: it is not a CA.
  expect(await codeOf(() => issueUserCertificate(company.user, user))).toBe('PKI_CERTIFICATE_INVALID');
});
