// Envelopes both ways: what we encrypt (EnvelopedData AES-256-CBC, AuthEnvelopedData AES-256-GCM, to
// certificates with RSA-OAEP and to passwords), `openssl cms -decrypt` opens exactly as a recipient types
// it; what `openssl cms -encrypt` makes, we open. Tampering and wrong credentials give one named error.
import { createReadStream, createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  decrypt,
  decryptToFile,
  encrypt,
  generateRecipientKit,
  isPkiError,
  signAttached,
  verifyAttachedToFile,
  type KeyAndCertificate,
  type Recipient,
} from '../../../../electron/core/pki';
import { tempDir } from '../../helpers';
import { makeCompany, openssl, requireOpenssl, writeCompany, type Company } from './openssl';

jest.setTimeout(60_000); // each password recipient costs 600 000 PBKDF2 iterations, on both sides

let dir: { path: string; remove: () => void };
let company: Company;
let alice: KeyAndCertificate;
let bob: KeyAndCertificate;
const PASSWORD = 'correct horse 电池 staple';
const file = (name: string) => join(dir.path, name);
const content = Buffer.concat([
  Buffer.from('handover 移交 package\r\n', 'utf8'),
  Buffer.from([0x00, 0xff, 0x0a, 0x0d, 0x0a, 0x00]),
  Buffer.alloc(300_000, 0xa5),
]);

beforeAll(async () => {
  requireOpenssl();
  dir = tempDir('closeout-pki-env-');
  company = await makeCompany();
  writeCompany(dir.path, company);
  [alice, bob] = await Promise.all([
    generateRecipientKit({ organisation: '承接方甲' }),
    generateRecipientKit({ organisation: 'Recipient B Ltd' }),
  ]);
  for (const [name, kit] of [
    ['alice', alice],
    ['bob', bob],
  ] as const) {
    writeFileSync(file(`${name}.pem`), kit.certificatePem);
    writeFileSync(file(`${name}.key`), kit.privateKeyPem);
  }
  writeFileSync(file('content.bin'), content);
});

afterAll(() => dir?.remove());

async function envelope(name: string, recipients: Recipient[], cipher?: 'aes-256-cbc' | 'aes-256-gcm') {
  await pipeline(
    encrypt(createReadStream(file('content.bin')), recipients, { cipher }),
    createWriteStream(file(name)),
  );
}

/** The recipient's command, with nothing but the envelope, the out file and how they identify themselves. */
function opensslDecrypt(name: string, ...who: string[]) {
  const out = `${name}.out`;
  const result = openssl(['cms', '-decrypt', '-inform', 'DER', '-in', name, ...who, '-out', out], dir.path);
  return { ...result, plain: existsSync(file(out)) ? readFileSync(file(out)) : Buffer.alloc(0) };
}

async function errorCode(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (error) {
    return isPkiError(error) ? error.code : `not a PkiError: ${String(error)}`;
  }
  return 'no error';
}

const drain = async (stream: AsyncIterable<Buffer>) => {
  const pieces: Buffer[] = [];
  for await (const piece of stream) pieces.push(piece);
  return Buffer.concat(pieces);
};

describe('ours → openssl cms -decrypt', () => {
  test('EnvelopedData AES-256-CBC, RSA-OAEP-SHA256 to two certificates: each opens it with -recip and -inkey', async () => {
    await envelope('two.p7m', [{ certificate: alice.certificatePem }, { certificate: bob.certificatePem }]);
    for (const who of ['alice', 'bob']) {
      const result = opensslDecrypt('two.p7m', '-recip', `${who}.pem`, '-inkey', `${who}.key`);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.plain.equals(content)).toBe(true);
    }
    const printed = openssl(
      ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'two.p7m'],
      dir.path,
    ).stdout;
    expect(printed).toContain('contentType: pkcs7-envelopedData');
    expect(printed).toContain('algorithm: rsaesOaep');
    // RSAES-OAEP-params: [0] hashFunc sha256, [1] maskGenFunc mgf1(sha256), pSourceFunc left at its default.
    expect(printed).toMatch(/cont \[ 0 \][^\n]*\n[^\n]*SEQUENCE[^\n]*\n[^\n]*OBJECT\s+:sha256/);
    expect(printed).toMatch(/cont \[ 1 \][^\n]*\n[^\n]*SEQUENCE[^\n]*\n[^\n]*:mgf1\n[^\n]*\n[^\n]*:sha256/);
    expect(printed).not.toMatch(/cont \[ 2 \]/);
    expect(printed).toContain('algorithm: aes-256-cbc');
  });

  test('AuthEnvelopedData AES-256-GCM to a certificate', async () => {
    await envelope('gcm.p7m', [{ certificate: alice.certificatePem }], 'aes-256-gcm');
    const result = opensslDecrypt('gcm.p7m', '-recip', 'alice.pem', '-inkey', 'alice.key');
    expect(result.status).toBe(0);
    expect(result.plain.equals(content)).toBe(true);
    const printed = openssl(
      ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'gcm.p7m'],
      dir.path,
    ).stdout;
    expect(printed).toContain('id-smime-ct-authEnvelopedData');
    expect(printed).toContain('aes-256-gcm');
  });

  test('a password recipient (PBKDF2-HMAC-SHA256, 600 000 iterations), alone, beside a certificate, and with GCM', async () => {
    await envelope('pw.p7m', [{ password: PASSWORD }]);
    await envelope('pw-cert.p7m', [{ certificate: alice.certificatePem }, { password: PASSWORD }]);
    await envelope('pw-gcm.p7m', [{ password: PASSWORD }], 'aes-256-gcm');
    for (const name of ['pw.p7m', 'pw-cert.p7m', 'pw-gcm.p7m']) {
      const result = opensslDecrypt(name, '-pwri_password', PASSWORD);
      expect(result.status).toBe(0);
      expect(result.plain.equals(content)).toBe(true);
    }
    expect(
      opensslDecrypt('pw-cert.p7m', '-recip', 'alice.pem', '-inkey', 'alice.key').plain.equals(content),
    ).toBe(true);
    const parsed = openssl(['asn1parse', '-inform', 'DER', '-in', 'pw.p7m'], dir.path).stdout;
    expect(parsed).toMatch(/INTEGER\s+:03\n/); // EnvelopedData version 3 with a password recipient
    expect(parsed).toContain('PBKDF2');
    expect(parsed).toMatch(/INTEGER\s+:0927C0\n/); // 600 000 iterations
    expect(parsed).toContain('hmacWithSHA256');
    expect(parsed).toContain('id-alg-PWRI-KEK');
    const wrong = opensslDecrypt('pw.p7m', '-pwri_password', 'not the password');
    expect(wrong.status).not.toBe(0);
  });

  test('sign, then encrypt, in one streamed pass: openssl decrypts, then verifies against the company CA', async () => {
    const signer = { ...company.user, chain: [company.ca.certificatePem] };
    await pipeline(
      encrypt(signAttached(createReadStream(file('content.bin')), signer), [
        { certificate: alice.certificatePem },
      ]),
      createWriteStream(file('package.p7m')),
    );
    const decrypted = opensslDecrypt('package.p7m', '-recip', 'alice.pem', '-inkey', 'alice.key');
    expect(decrypted.status).toBe(0);
    const verified = openssl(
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        'package.p7m.out',
        '-CAfile',
        'company.pem',
        '-out',
        'payload.bin',
      ],
      dir.path,
    );
    expect(verified.stderr).toContain('Verification successful');
    expect(readFileSync(file('payload.bin')).equals(content)).toBe(true);
    // And back in Closeout: decrypt + verify into a file kept only if both succeed.
    const result = await verifyAttachedToFile(
      decrypt(createReadStream(file('package.p7m')), {
        privateKey: alice.privateKeyPem,
        certificate: alice.certificatePem,
      }),
      file('opened.bin'),
      { trustAnchors: [company.ca.certificatePem] },
    );
    expect(result).toMatchObject({ ok: true, signers: [{ userId: company.userId }] });
    expect(readFileSync(file('opened.bin')).equals(content)).toBe(true);
  });
});

describe('openssl cms -encrypt → ours', () => {
  const make = (out: string, ...args: string[]) => {
    const result = openssl(
      ['cms', '-encrypt', '-binary', '-in', 'content.bin', ...args, '-out', out],
      dir.path,
    );
    expect(result.status).toBe(0);
    return out;
  };
  const oaep = ['-keyopt', 'rsa_padding_mode:oaep'];
  const oaep256 = [...oaep, '-keyopt', 'rsa_oaep_md:sha256', '-keyopt', 'rsa_mgf1_md:sha256'];
  const key = () => ({ privateKey: alice.privateKeyPem, certificate: alice.certificatePem });

  test.each([
    ['-aes256 OAEP (SHA-1 defaults), DER', ['-aes256', '-outform', 'DER', '-recip', 'alice.pem', ...oaep]],
    ['-aes256 OAEP SHA-256, DER', ['-aes256', '-outform', 'DER', '-recip', 'alice.pem', ...oaep256]],
    ['-aes256 -stream (BER), DER', ['-aes256', '-stream', '-outform', 'DER', '-recip', 'alice.pem', ...oaep]],
    ['-aes256 PEM ("BEGIN CMS")', ['-aes256', '-outform', 'PEM', '-recip', 'alice.pem', ...oaep]],
    ['-aes-256-gcm (AuthEnvelopedData)', ['-aes-256-gcm', '-outform', 'DER', '-recip', 'alice.pem', ...oaep]],
    [
      '-aes-256-gcm -stream (BER)',
      ['-aes-256-gcm', '-stream', '-outform', 'DER', '-recip', 'alice.pem', ...oaep],
    ],
    [
      '-aes128 -keyid (subject key identifier)',
      ['-aes128', '-keyid', '-outform', 'DER', '-recip', 'alice.pem', ...oaep],
    ],
    [
      'two recipients, ours second',
      ['-aes256', '-outform', 'DER', '-recip', 'bob.pem', ...oaep, '-recip', 'alice.pem', ...oaep],
    ],
  ])('%s', async (label, args) => {
    const name = make(`o-${label.replace(/\W+/g, '-')}.p7m`, ...args);
    expect((await drain(decrypt(createReadStream(file(name)), key()))).equals(content)).toBe(true);
    // Without the certificate, every recipient is tried with the key.
    expect(
      (await drain(decrypt(readFileSync(file(name)), { privateKey: alice.privateKeyPem }))).equals(content),
    ).toBe(true);
  });

  test("-pwri_password (openssl's own PBKDF2-HMAC-SHA1, 2048 iterations), CBC", async () => {
    const name = make('o-pw.p7m', '-aes256', '-outform', 'DER', '-pwri_password', PASSWORD);
    expect((await drain(decrypt(readFileSync(file(name)), { password: PASSWORD }))).equals(content)).toBe(
      true,
    );
    expect(
      await errorCode(() => drain(decrypt(readFileSync(file(name)), { password: 'wrong password' }))),
    ).toBe('PKI_DECRYPT_FAILED');
  });

  test("openssl's default RSA PKCS#1 v1.5 key transport is refused, naming the padding", async () => {
    const name = make('o-v15.p7m', '-aes256', '-outform', 'DER', '-recip', 'alice.pem');
    let message = '';
    try {
      await drain(decrypt(readFileSync(file(name)), key()));
    } catch (error) {
      expect(isPkiError(error, 'PKI_CMS_UNSUPPORTED')).toBe(true);
      message = (error as Error).message;
    }
    expect(message).toContain('RSAES-PKCS1-v1_5');
  });
});

describe('wrong credentials and tampering', () => {
  test('a key or certificate that is not a recipient, a wrong password, a password for a certificate envelope', async () => {
    await envelope('for-alice.p7m', [{ certificate: alice.certificatePem }]);
    await envelope('for-pw.p7m', [{ password: PASSWORD }]);
    const bytes = readFileSync(file('for-alice.p7m'));
    expect(await errorCode(() => drain(decrypt(bytes, { privateKey: bob.privateKeyPem })))).toBe(
      'PKI_DECRYPT_FAILED',
    );
    expect(
      await errorCode(() =>
        drain(decrypt(bytes, { privateKey: bob.privateKeyPem, certificate: bob.certificatePem })),
      ),
    ).toBe('PKI_NO_RECIPIENT');
    expect(await errorCode(() => drain(decrypt(bytes, { password: PASSWORD })))).toBe('PKI_NO_RECIPIENT');
    expect(
      await errorCode(() => drain(decrypt(readFileSync(file('for-pw.p7m')), { password: 'wrong password' }))),
    ).toBe('PKI_DECRYPT_FAILED');
    expect(await errorCode(() => drain(decrypt(bytes, { privateKey: company.user.privateKeyPem })))).toBe(
      'PKI_KEY_INVALID',
    );
  });

  test('GCM: one flipped ciphertext byte → PKI_INTEGRITY_FAILED and no plaintext kept (openssl exits 4)', async () => {
    await envelope('gcm-t.p7m', [{ certificate: alice.certificatePem }], 'aes-256-gcm');
    const bytes = readFileSync(file('gcm-t.p7m'));
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(file('gcm-t.p7m'), bytes);
    const code = await errorCode(() =>
      decryptToFile(bytes, file('gcm-t.out'), { privateKey: alice.privateKeyPem }),
    );
    expect(code).toBe('PKI_INTEGRITY_FAILED');
    expect(existsSync(file('gcm-t.out'))).toBe(false);
    expect(opensslDecrypt('gcm-t.p7m', '-recip', 'alice.pem', '-inkey', 'alice.key').status).toBe(4);
  });

  test('signed then CBC-encrypted: a flipped ciphertext byte is caught by the inner signature, no file kept', async () => {
    const signer = { ...company.user, chain: [company.ca.certificatePem] };
    await pipeline(
      encrypt(signAttached(content, signer), [{ certificate: alice.certificatePem }]),
      createWriteStream(file('cbc-t.p7m')),
    );
    const bytes = readFileSync(file('cbc-t.p7m'));
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    const result = await verifyAttachedToFile(
      decrypt(bytes, { privateKey: alice.privateKeyPem }),
      file('cbc-t.out'),
      {
        trustAnchors: [company.ca.certificatePem],
      },
    );
    expect(result).toMatchObject({ ok: false, failure: 'digest-mismatch' });
    expect(existsSync(file('cbc-t.out'))).toBe(false);
  });

  test('signed then GCM-encrypted and tampered: decrypt+verify throws PKI_INTEGRITY_FAILED, no file kept', async () => {
    const signer = { ...company.user, chain: [company.ca.certificatePem] };
    await pipeline(
      encrypt(signAttached(content, signer), [{ password: PASSWORD }], { cipher: 'aes-256-gcm' }),
      createWriteStream(file('gcm-s.p7m')),
    );
    const bytes = readFileSync(file('gcm-s.p7m'));
    bytes[Math.floor(bytes.length / 2)] ^= 0x01; // inside the signed content: verification reads to the end
    const code = await errorCode(() =>
      verifyAttachedToFile(decrypt(bytes, { password: PASSWORD }), file('gcm-s.out'), {
        trustAnchors: [company.ca.certificatePem],
      }),
    );
    expect(code).toBe('PKI_INTEGRITY_FAILED');
    expect(existsSync(file('gcm-s.out'))).toBe(false);
  });

  test('recipients that cannot be: an EC certificate, the CA certificate, a short password, none at all', async () => {
    const attempt = (recipients: Recipient[], iterations?: number) =>
      errorCode(() =>
        drain(encrypt(content, iterations ? [{ password: PASSWORD, iterations }] : recipients)),
      );
    expect(await attempt([{ certificate: company.user.certificatePem }])).toBe('PKI_CERTIFICATE_INVALID');
    expect(await attempt([{ certificate: company.ca.certificatePem }])).toBe('PKI_CERTIFICATE_INVALID');
    expect(await attempt([{ password: 'short' }])).toBe('PKI_INPUT_INVALID');
    expect(await attempt([])).toBe('PKI_INPUT_INVALID');
    expect(await attempt([], 1000)).toBe('PKI_INPUT_INVALID');
  });
});
