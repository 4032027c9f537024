// The chain part of verification: a revoked user (CRL), an expired certificate, the time asked, a CRL from
// the wrong key; each answered as openssl answers the same files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  certificateInfo,
  createCompanyCa,
  createCrl,
  generateUserKeyPair,
  issueUserCertificate,
  signDetached,
  verifyDetached,
  type CompanyCa,
} from '../../../../electron/core/pki';
import { tempDir } from '../../helpers';
import { makeCompany, openssl, requireOpenssl, writeCompany, type Company } from './openssl';

let dir: { path: string; remove: () => void };
let company: Company;
const content = Buffer.from('chain test 链\n');
const DAY = 864e5;
const YEAR = 365.25 * DAY;

beforeAll(async () => {
  requireOpenssl();
  dir = tempDir('closeout-pki-chain-');
  company = await makeCompany();
  writeCompany(dir.path, company);
  writeFileSync(join(dir.path, 'content.bin'), content);
});

afterAll(() => dir?.remove());

const opensslVerify = (signature: string, ...extra: string[]) =>
  openssl(
    [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      signature,
      '-content',
      'content.bin',
      '-CAfile',
      'company.pem',
      ...extra,
      '-out',
      '/dev/null',
    ],
    dir.path,
  );

test('revoked: a user listed on a CRL the company signed (openssl -crl_check refuses it too)', async () => {
  const signature = await signDetached(content, { ...company.user, chain: [company.ca.certificatePem] });
  writeFileSync(join(dir.path, 'revoked.p7s'), signature);
  const serial = certificateInfo(company.user.certificatePem).certificateSerial;
  const crl = await createCrl(
    company.ca,
    [{ serial, at: new Date(Date.now() - 60e3), reason: 'keyCompromise' }],
    {
      nextUpdate: new Date(Date.now() + 7 * DAY),
    },
  );
  writeFileSync(join(dir.path, 'crl.pem'), crl.pem);
  const trust = { trustAnchors: [company.ca.certificatePem] };

  expect(await verifyDetached(signature, content, trust)).toMatchObject({ ok: true });
  expect(await verifyDetached(signature, content, { ...trust, crls: [crl.pem] })).toMatchObject({
    ok: false,
    failure: 'revoked',
  });
  // Before the revocation date the same signature still stands.
  expect(
    await verifyDetached(signature, content, {
      ...trust,
      crls: [crl.der],
      at: new Date(Date.now() - 3 * 60e3), // the certificate is valid from 5 minutes ago
    }),
  ).toMatchObject({
    ok: true,
  });
  // openssl cms has no -CRLfile: the CRL goes into the -CAfile bundle, which -crl_check then consults.
  writeFileSync(join(dir.path, 'company-and-crl.pem'), company.ca.certificatePem + crl.pem);
  const args = [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    'revoked.p7s',
    '-content',
    'content.bin',
  ];
  const result = openssl(
    [...args, '-CAfile', 'company-and-crl.pem', '-crl_check', '-out', '/dev/null'],
    dir.path,
  );
  expect(result.stderr).toContain('certificate revoked');
  expect(result.status).toBe(4);
  expect(opensslVerify('revoked.p7s').status).toBe(0);

  const empty = await createCrl(company.ca, [], { nextUpdate: new Date(Date.now() + 7 * DAY) });
  expect(await verifyDetached(signature, content, { ...trust, crls: [empty.pem] })).toMatchObject({
    ok: true,
  });
});

test('untrusted-chain: a CRL naming the company but signed by another key', async () => {
  const signature = await signDetached(content, { ...company.user, chain: [company.ca.certificatePem] });
  const impostor: CompanyCa = await createCompanyCa({
    name: certificateInfo(company.ca.certificatePem).subject,
    creditCode: certificateInfo(company.ca.certificatePem).serialNumber,
  });
  const forged = await createCrl(impostor, [], { nextUpdate: new Date(Date.now() + DAY) });
  expect(
    await verifyDetached(signature, content, {
      trustAnchors: [company.ca.certificatePem],
      crls: [forged.pem],
    }),
  ).toMatchObject({ ok: false, failure: 'untrusted-chain' });
});

test('expired: a user certificate whose validity ended (openssl refuses it too); -attime-like `at` inside it passes', async () => {
  const longAgo = new Date(Date.now() - 15 * YEAR);
  const ca = await createCompanyCa({ name: '老公司', now: longAgo }); // valid 20 years: still good
  const keys = generateUserKeyPair();
  const issuedAt = new Date(Date.now() - 12 * YEAR);
  const certificatePem = await issueUserCertificate(
    ca,
    { userId: 'u-old', userName: '王芳', role: 'owner', publicKey: keys.publicKeyPem },
    { now: issuedAt },
  );
  const info = certificateInfo(certificatePem);
  expect(Date.parse(info.notAfter)).toBeLessThan(Date.now());
  const signature = await signDetached(
    content,
    { certificatePem, privateKeyPem: keys.privateKeyPem, chain: [ca.certificatePem] },
    { signingTime: new Date(issuedAt.getTime() + DAY) },
  );
  const trust = { trustAnchors: [ca.certificatePem] };
  expect(await verifyDetached(signature, content, trust)).toMatchObject({ ok: false, failure: 'expired' });
  // Signing now with that certificate is refused outright: it would only make evidence nobody can check.
  await expect(
    signDetached(content, { certificatePem, privateKeyPem: keys.privateKeyPem, chain: [ca.certificatePem] }),
  ).rejects.toMatchObject({ code: 'PKI_CERTIFICATE_INVALID' });
  const inside = new Date(issuedAt.getTime() + YEAR);
  expect(await verifyDetached(signature, content, { ...trust, at: inside })).toMatchObject({ ok: true });

  writeFileSync(join(dir.path, 'old-ca.pem'), ca.certificatePem);
  writeFileSync(join(dir.path, 'expired.p7s'), signature);
  const args = [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    'expired.p7s',
    '-content',
    'content.bin',
    '-CAfile',
    'old-ca.pem',
    '-out',
    '/dev/null',
  ];
  const refused = openssl(args, dir.path);
  expect(refused.status).toBe(4);
  expect(refused.stderr).toContain('certificate has expired');
  const attime = openssl([...args, '-attime', String(Math.floor(inside.getTime() / 1000))], dir.path);
  expect(attime.status).toBe(0);
});

test('expired also covers a time before the certificates were valid', async () => {
  const signature = await signDetached(content, { ...company.user, chain: [company.ca.certificatePem] });
  expect(
    await verifyDetached(signature, content, {
      trustAnchors: [company.ca.certificatePem],
      at: new Date(Date.now() - YEAR),
    }),
  ).toMatchObject({ ok: false, failure: 'expired' });
});
