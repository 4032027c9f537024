// The company identity: certificate contents, detached CMS signatures, PKCS#12 import. Real keys, no mocks.
import { X509Certificate, createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { EngineError } from '../../../../electron/core/kernel/engine-error';
import {
  certificateInfo,
  generateIdentity,
  importPkcs12,
  signDetached,
  verifyDetached,
  type CompanyIdentity,
} from '../../../../electron/core/vault/identity';
import { creditCodeCheckChar } from '../../../../shared/identifiers/credit-code';

const NAME = '上海示例贸易有限公司（清算组）';
const FIRST17 = '91310115MA1K4B2C3';
const CREDIT_CODE = FIRST17 + creditCodeCheckChar(FIRST17);
const YEAR_MS = 365.25 * 24 * 3600 * 1000;

function thrown(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return error as EngineError;
  }
  throw new Error('expected an EngineError, nothing was thrown');
}

function p12Of(keyPem: string, certPems: string[], password: string): Buffer {
  const key = forge.pki.privateKeyFromPem(keyPem);
  const certs = certPems.map((pem) => forge.pki.certificateFromPem(pem));
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, password, {
    algorithm: 'aes256',
    count: 2048,
    friendlyName: 'company',
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/** A self-signed certificate for any RSA key, made with forge, for import tests. */
function selfSigned(keyPem: string, cn: string): string {
  const key = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + YEAR_MS);
  cert.setSubject([{ name: 'commonName', value: cn }]);
  cert.setIssuer([{ name: 'commonName', value: cn }]);
  cert.sign(key, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

let identity: CompanyIdentity;
let other: CompanyIdentity;
let madeAt: Date;

beforeAll(() => {
  madeAt = new Date();
  identity = generateIdentity({ clientName: NAME, creditCode: CREDIT_CODE }, madeAt);
  other = generateIdentity({ clientName: '另一家公司', creditCode: null });
});

describe('generateIdentity', () => {
  test('the certificate names the company in UTF-8, read back by forge and by node:crypto', () => {
    const cert = forge.pki.certificateFromPem(identity.certificatePem);
    const cn = cert.subject.getField('CN');
    expect(cn.valueTagClass).toBe(forge.asn1.Type.UTF8);
    expect(forge.util.decodeUtf8(cn.value)).toBe(NAME);
    expect(forge.util.decodeUtf8(cert.subject.getField('O').value)).toBe(NAME);
    expect(cert.subject.getField({ type: '2.5.4.5' }).value).toBe(CREDIT_CODE);
    expect(cert.issuer.hash).toBe(cert.subject.hash); // self-signed
    expect(cert.verify(cert)).toBe(true);

    const x509 = new X509Certificate(identity.certificatePem);
    expect(x509.subject.split('\n')).toEqual([`CN=${NAME}`, `O=${NAME}`, `serialNumber=${CREDIT_CODE}`]);
    expect(x509.issuer).toBe(x509.subject);
    expect(x509.verify(x509.publicKey)).toBe(true);
  });

  test('an RSA-3072 key that matches the certificate, and a PKCS#8 private key', () => {
    const x509 = new X509Certificate(identity.certificatePem);
    expect(x509.publicKey.asymmetricKeyType).toBe('rsa');
    expect(x509.publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
    expect(identity.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(x509.checkPrivateKey(createPrivateKey(identity.privateKeyPem))).toBe(true);
    expect(identity.certificatePem).toMatch(
      /^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/,
    );
    expect(identity.certificatePem).not.toContain('\r');
  });

  test('valid from a day back for ten years, positive 16-byte serial, end-entity signing extensions', () => {
    const x509 = new X509Certificate(identity.certificatePem);
    const from = new Date(x509.validFrom).getTime();
    const to = new Date(x509.validTo).getTime();
    expect(Math.abs(madeAt.getTime() - 24 * 3600 * 1000 - from)).toBeLessThan(2000);
    expect((to - madeAt.getTime()) / YEAR_MS).toBeCloseTo(10, 1);
    expect(x509.serialNumber).toMatch(/^[0-7][0-9A-F]{31}$/i);
    expect(x509.serialNumber).not.toMatch(/^00/);
    expect(x509.ca).toBe(false);
    expect(x509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.4']); // node lists the extended key usage: emailProtection

    const cert = forge.pki.certificateFromPem(identity.certificatePem);
    expect(cert.siginfo.algorithmOid).toBe(forge.pki.oids.sha256WithRSAEncryption);
    expect(cert.getExtension('basicConstraints')).toMatchObject({ critical: true, cA: false });
    expect(cert.getExtension('keyUsage')).toMatchObject({
      critical: true,
      digitalSignature: true,
      nonRepudiation: true,
      keyEncipherment: true,
      keyCertSign: false,
    });
    expect(cert.getExtension('subjectKeyIdentifier')).toBeTruthy();
  });

  test('certificateInfo reports the name, credit code, fingerprint and validity', () => {
    const x509 = new X509Certificate(identity.certificatePem);
    const info = certificateInfo(identity.certificatePem);
    expect(info).toEqual({
      subject: NAME,
      serialNumber: CREDIT_CODE,
      certificateSerial: x509.serialNumber.toUpperCase(),
      fingerprintSha256: x509.fingerprint256,
      notBefore: new Date(x509.validFrom).toISOString(),
      notAfter: new Date(x509.validTo).toISOString(),
    });
    expect(info.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(certificateInfo(other.certificatePem).serialNumber).toBeNull();
    expect(thrown(() => certificateInfo('not a certificate')).code).toBe('INVALID_INPUT');
  });

  test('a blank name or a wrong credit code is refused before any key is made', () => {
    expect(thrown(() => generateIdentity({ clientName: '  ', creditCode: null })).code).toBe('INVALID_INPUT');
    const wrong = FIRST17 + (creditCodeCheckChar(FIRST17) === '0' ? '1' : '0');
    expect(thrown(() => generateIdentity({ clientName: NAME, creditCode: wrong })).code).toBe(
      'CREDIT_CODE_INVALID',
    );
  });
});

describe('signDetached / verifyDetached', () => {
  const content = Buffer.concat([Buffer.from('审计检查点\r\n\0\xff', 'utf8'), randomBytes(1000)]);
  let signature: string;

  beforeAll(() => {
    signature = signDetached(identity, content, new Date('2030-06-01T12:00:00Z'));
  });

  test('round trip, as a PKCS7 PEM', () => {
    expect(signature).toMatch(/^-----BEGIN PKCS7-----\n[A-Za-z0-9+/=\n]+-----END PKCS7-----\n$/);
    expect(verifyDetached(identity.certificatePem, content, signature)).toBe(true);
    expect(
      verifyDetached(identity.certificatePem, Buffer.alloc(0), signDetached(identity, Buffer.alloc(0))),
    ).toBe(true);
  });

  test('signingTime from 2050 on is a GeneralizedTime and still verifies', () => {
    const late = signDetached(identity, content, new Date('2051-01-01T00:00:00Z'));
    const der = Buffer.from(late.replace(/-----[A-Z0-9 ]+-----|\s/g, ''), 'base64');
    const generalizedTime = Buffer.concat([
      Buffer.from([0x18, 15]),
      Buffer.from('20510101000000Z', 'latin1'),
    ]);
    expect(der.includes(generalizedTime)).toBe(true);
    expect(verifyDetached(identity.certificatePem, content, late)).toBe(true);
  });

  test('fails for changed content, another certificate, and another signer', () => {
    const changed = Buffer.from(content);
    changed[500] ^= 0x01;
    expect(verifyDetached(identity.certificatePem, changed, signature)).toBe(false);
    expect(verifyDetached(identity.certificatePem, content.subarray(0, -1), signature)).toBe(false);
    expect(verifyDetached(other.certificatePem, content, signature)).toBe(false);
    expect(verifyDetached(identity.certificatePem, content, signDetached(other, content))).toBe(false);
  });

  test('fails, without throwing, for truncated, altered or garbage signatures and certificates', () => {
    const lines = signature.trimEnd().split('\n');
    const truncated = [...lines.slice(0, Math.floor(lines.length / 2)), lines[lines.length - 1]].join('\n');
    const body = lines.slice(1, -1).join('');
    const der = Buffer.from(body, 'base64');
    const flipLast = Buffer.from(der);
    flipLast[flipLast.length - 1] ^= 0x01; // inside the RSA signature value
    const pem = (bytes: Buffer) =>
      `-----BEGIN PKCS7-----\n${bytes.toString('base64')}\n-----END PKCS7-----\n`;
    const garbage = [
      truncated,
      pem(der.subarray(0, der.length - 10)),
      pem(flipLast),
      pem(Buffer.concat([der, Buffer.from([0])])),
      pem(randomBytes(2000)),
      pem(Buffer.from([0x30, 0x80, 0x30, 0x80, 0x30, 0x80])),
      pem(Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff])),
      '-----BEGIN PKCS7-----\n!!!!\n-----END PKCS7-----\n',
      '',
      'hello',
      identity.certificatePem,
    ];
    for (const sig of garbage) {
      expect(() => verifyDetached(identity.certificatePem, content, sig)).not.toThrow();
      expect(verifyDetached(identity.certificatePem, content, sig)).toBe(false);
    }
    expect(verifyDetached('garbage', content, signature)).toBe(false);
    expect(verifyDetached('', content, signature)).toBe(false);
  });

  test('also verifies a detached SignedData that node-forge made (a second, independent encoder)', () => {
    // ASCII only: forge.pkcs7 re-encodes the issuer name and double-encodes UTF-8, so for a Chinese
    // company name its signer reference matches no certificate (openssl: "signer certificate not found").
    const ascii = generateIdentity({ clientName: 'Example Trading Co., Ltd.', creditCode: null });
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(content.toString('binary'));
    const cert = forge.pki.certificateFromPem(ascii.certificatePem);
    p7.addCertificate(cert);
    p7.addSigner({
      key: forge.pki.privateKeyFromPem(ascii.privateKeyPem),
      certificate: cert,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.messageDigest },
        { type: forge.pki.oids.signingTime, value: new Date() as unknown as string },
      ],
    });
    p7.sign({ detached: true });
    const forgePem = forge.pkcs7.messageToPem(p7);
    expect(verifyDetached(ascii.certificatePem, content, forgePem)).toBe(true);
    expect(verifyDetached(ascii.certificatePem, Buffer.from('other'), forgePem)).toBe(false);
  });
});

describe('importPkcs12', () => {
  test('reads back the key and certificate from a password-protected PKCS#12', () => {
    const p12 = p12Of(identity.privateKeyPem, [identity.certificatePem], '口令 secret');
    const imported = importPkcs12(p12, '口令 secret');
    expect(
      new X509Certificate(imported.certificatePem).raw.equals(
        new X509Certificate(identity.certificatePem).raw,
      ),
    ).toBe(true);
    expect(imported.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(
      createPrivateKey(imported.privateKeyPem)
        .export({ type: 'pkcs8', format: 'der' })
        .equals(createPrivateKey(identity.privateKeyPem).export({ type: 'pkcs8', format: 'der' })),
    ).toBe(true);
    const signature = signDetached(imported, Buffer.from('x'));
    expect(verifyDetached(identity.certificatePem, Buffer.from('x'), signature)).toBe(true);
    expect(certificateInfo(imported.certificatePem).subject).toBe(NAME);
  });

  test('picks the certificate that matches the key when the file also carries others', () => {
    const p12 = p12Of(identity.privateKeyPem, [other.certificatePem, identity.certificatePem], 'pw');
    expect(certificateInfo(importPkcs12(p12, 'pw').certificatePem).subject).toBe(NAME);
  });

  test('a wrong password is PKCS12_INVALID', () => {
    const p12 = p12Of(identity.privateKeyPem, [identity.certificatePem], 'right');
    const error = thrown(() => importPkcs12(p12, 'wrong'));
    expect(error.code).toBe('PKCS12_INVALID');
    expect(error.details.reason).toMatch(/password/);
  });

  test('a 1024-bit RSA key is PKCS12_INVALID', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const error = thrown(() => importPkcs12(p12Of(keyPem, [selfSigned(keyPem, 'Small')], 'pw'), 'pw'));
    expect(error.code).toBe('PKCS12_INVALID');
    expect(error.details.reason).toMatch(/1024 bits/);
  });

  test('a certificate that does not match the key, no key, or not a PKCS#12 at all is PKCS12_INVALID', () => {
    const mismatch = thrown(() =>
      importPkcs12(p12Of(identity.privateKeyPem, [other.certificatePem], 'pw'), 'pw'),
    );
    expect(mismatch.code).toBe('PKCS12_INVALID');
    expect(mismatch.details.reason).toMatch(/matches the private key/);

    const certOnly = forge.pkcs12.toPkcs12Asn1(
      null,
      [forge.pki.certificateFromPem(identity.certificatePem)],
      'pw',
    );
    const noKey = thrown(() =>
      importPkcs12(Buffer.from(forge.asn1.toDer(certOnly).getBytes(), 'binary'), 'pw'),
    );
    expect(noKey.code).toBe('PKCS12_INVALID');
    expect(noKey.details.reason).toMatch(/no private key/);

    for (const bytes of [Buffer.alloc(0), randomBytes(500), Buffer.from(identity.certificatePem)]) {
      expect(thrown(() => importPkcs12(bytes, 'pw')).code).toBe('PKCS12_INVALID');
    }
  });
});
