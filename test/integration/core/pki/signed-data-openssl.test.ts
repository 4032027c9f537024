// SignedData both ways: what we sign, `openssl cms -verify` accepts exactly as a recipient types it; what
// `openssl cms -sign` makes (detached, -nodetach, -stream, PEM, RSA, PSS, SHA-384), we verify.
import { X509Certificate } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  signAttached,
  signDetached,
  signaturePem,
  verifyAttached,
  verifyAttachedToFile,
  verifyDetached,
} from '../../../../electron/core/pki';
import { tempDir } from '../../helpers';
import { makeCompany, openssl, requireOpenssl, writeCompany, type Company } from './openssl';

let dir: { path: string; remove: () => void };
let company: Company;
const file = (name: string) => join(dir.path, name);
const content = Buffer.concat([
  Buffer.from('closeout evidence 证据\r\n', 'utf8'),
  Buffer.from([0x00, 0xff, 0x0a, 0x0d, 0x0a, 0x00]),
  Buffer.alloc(200_000, 0x5a),
]);

beforeAll(async () => {
  requireOpenssl();
  dir = tempDir('closeout-pki-sign-');
  company = await makeCompany();
  writeCompany(dir.path, company);
  writeFileSync(file('content.bin'), content);
});

afterAll(() => dir?.remove());

const userSigner = () => ({ ...company.user, chain: [company.ca.certificatePem] });
const trust = () => ({ trustAnchors: [company.ca.certificatePem] });

function opensslVerify(args: string[]) {
  const result = openssl(['cms', '-verify', '-binary', ...args, '-CAfile', 'company.pem'], dir.path);
  return { ...result, ok: result.status === 0 && result.stderr.includes('Verification successful') };
}

describe('ours → openssl cms -verify', () => {
  test('a detached signature by a user (ECDSA P-256), as DER and as PEM', async () => {
    const der = await signDetached(content, userSigner());
    writeFileSync(file('user.p7s'), der);
    writeFileSync(file('user.p7s.pem'), signaturePem(der));
    expect(signaturePem(der)).toMatch(/^-----BEGIN PKCS7-----\n/);
    for (const [name, form] of [
      ['user.p7s', 'DER'],
      ['user.p7s.pem', 'PEM'],
    ]) {
      const result = opensslVerify([
        '-inform',
        form,
        '-in',
        name,
        '-content',
        'content.bin',
        '-out',
        '/dev/null',
      ]);
      expect(result.stderr).toContain('Verification successful');
      expect(result.ok).toBe(true);
    }
    const printed = openssl(
      ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'user.p7s'],
      dir.path,
    ).stdout;
    expect(printed).toContain('ecdsa-with-SHA256');
    expect(printed).toContain('signingTime');
    expect(printed).toMatch(/eContent: <ABSENT>/);
  });

  test('a detached signature by the company key (RSA, sha256WithRSAEncryption) over a stream', async () => {
    const der = await signDetached(createReadStream(file('content.bin')), {
      certificatePem: company.ca.certificatePem,
      privateKeyPem: company.ca.privateKeyPem,
    });
    writeFileSync(file('company.p7s'), der);
    const result = opensslVerify([
      '-inform',
      'DER',
      '-in',
      'company.p7s',
      '-content',
      'content.bin',
      '-out',
      '/dev/null',
    ]);
    expect(result.ok).toBe(true);
    expect(
      openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'company.p7s'], dir.path).stdout,
    ).toContain('sha256WithRSAEncryption');
  });

  test('an attached signature streamed with indefinite lengths gives the content back byte for byte', async () => {
    await pipeline(
      signAttached(createReadStream(file('content.bin')), userSigner()),
      createWriteStream(file('att.p7m')),
    );
    const parsed = openssl(['asn1parse', '-inform', 'DER', '-in', 'att.p7m'], dir.path).stdout;
    expect(parsed.split('\n')[0]).toMatch(/l=inf\s+cons: SEQUENCE/);
    const result = opensslVerify(['-inform', 'DER', '-in', 'att.p7m', '-out', 'att.out']);
    expect(result.ok).toBe(true);
    expect(readFileSync(file('att.out')).equals(content)).toBe(true);
  });

  test('an attached signature over empty content verifies too', async () => {
    await pipeline(signAttached(Buffer.alloc(0), userSigner()), createWriteStream(file('empty.p7m')));
    const result = opensslVerify(['-inform', 'DER', '-in', 'empty.p7m', '-out', 'empty.out']);
    expect(result.ok).toBe(true);
    expect(readFileSync(file('empty.out')).length).toBe(0);
    expect(await verifyAttached(readFileSync(file('empty.p7m')), null, trust())).toMatchObject({
      ok: true,
      contentBytes: 0,
    });
  });

  test('openssl refuses a signature whose content, signature or certificate changed by one byte', async () => {
    const der = await signDetached(content, userSigner());
    const changed = Buffer.from(content);
    changed[10] ^= 0x01;
    writeFileSync(file('changed.bin'), changed);
    writeFileSync(file('good.p7s'), der);
    const detached = (sig: string, data: string) =>
      opensslVerify(['-inform', 'DER', '-in', sig, '-content', data, '-out', '/dev/null']);
    expect(detached('good.p7s', 'changed.bin').status).toBe(4);
    const badSignature = Buffer.from(der);
    badSignature[badSignature.length - 5] ^= 0x01;
    writeFileSync(file('bad-sig.p7s'), badSignature);
    expect(detached('bad-sig.p7s', 'content.bin').status).toBe(4);
    const certAt = der.indexOf(new X509Certificate(company.user.certificatePem).raw);
    const badCert = Buffer.from(der);
    badCert[certAt + new X509Certificate(company.user.certificatePem).raw.length - 3] ^= 0x01;
    writeFileSync(file('bad-cert.p7s'), badCert);
    expect(detached('bad-cert.p7s', 'content.bin').ok).toBe(false);
  });
});

describe('openssl cms -sign → ours', () => {
  const sign = (out: string, ...extra: string[]) => {
    const result = openssl(
      [
        'cms',
        '-sign',
        '-binary',
        '-in',
        'content.bin',
        '-signer',
        'user.pem',
        '-inkey',
        'user.key',
        '-certfile',
        'company.pem',
        ...extra,
        '-out',
        out,
      ],
      dir.path,
    );
    expect(result.status).toBe(0);
    return readFileSync(file(out));
  };

  test('detached DER and PEM ("BEGIN CMS")', async () => {
    for (const [out, form] of [
      ['o.p7s', 'DER'],
      ['o.p7s.pem', 'PEM'],
    ]) {
      const signature = sign(out, '-outform', form);
      const result = await verifyDetached(
        form === 'PEM' ? signature.toString('latin1') : signature,
        content,
        trust(),
      );
      expect(result).toMatchObject({
        ok: true,
        contentType: '1.2.840.113549.1.7.1',
        contentBytes: content.length,
      });
      if (result.ok)
        expect(result.signers[0]).toMatchObject({
          subject: '张伟',
          userId: company.userId,
          role: 'operator',
        });
    }
  });

  test('attached: -nodetach DER, -nodetach -stream (BER) and PEM, streamed to a file that equals the content', async () => {
    for (const [out, extra] of [
      ['o1.p7m', ['-nodetach', '-outform', 'DER']],
      ['o2.p7m', ['-nodetach', '-stream', '-outform', 'DER']],
      ['o3.p7m', ['-nodetach', '-stream', '-outform', 'PEM']],
    ] as const) {
      sign(out, ...extra);
      const result = await verifyAttachedToFile(createReadStream(file(out)), file(`${out}.out`), trust());
      expect(result).toMatchObject({ ok: true });
      expect(readFileSync(file(`${out}.out`)).equals(content)).toBe(true);
    }
  });

  test('signed by the company RSA key, with RSASSA-PSS, and with SHA-384', async () => {
    const rsa = ['-signer', 'company.pem', '-inkey', 'company.key'];
    const variants: string[][] = [rsa, [...rsa, '-keyopt', 'rsa_padding_mode:pss'], ['-md', 'sha384']];
    for (const [i, extra] of variants.entries()) {
      const result = openssl(
        [
          'cms',
          '-sign',
          '-binary',
          '-in',
          'content.bin',
          '-signer',
          'user.pem',
          '-inkey',
          'user.key',
          ...extra,
          '-outform',
          'DER',
          '-out',
          `v${i}.p7s`,
        ],
        dir.path,
      );
      expect(result.status).toBe(0);
      expect(await verifyDetached(readFileSync(file(`v${i}.p7s`)), content, trust())).toMatchObject({
        ok: true,
      });
    }
  });

  test('a signature without signed attributes (-noattr) is refused as unsupported', async () => {
    const signature = sign('noattr.p7s', '-noattr', '-outform', 'DER');
    expect(await verifyDetached(signature, content, trust())).toMatchObject({
      ok: false,
      failure: 'unsupported',
    });
  });
});

describe('named failures', () => {
  test('digest-mismatch: one byte of the content changed (detached and attached, and no file is kept)', async () => {
    const der = await signDetached(content, userSigner());
    const changed = Buffer.from(content);
    changed[content.length - 1] ^= 0x01;
    expect(await verifyDetached(der, changed, trust())).toMatchObject({
      ok: false,
      failure: 'digest-mismatch',
    });

    await pipeline(signAttached(content, userSigner()), createWriteStream(file('t.p7m')));
    const attached = readFileSync(file('t.p7m'));
    attached[attached.indexOf(Buffer.from('evidence')) + 1] ^= 0x01;
    const result = await verifyAttachedToFile(attached, file('t.out'), trust());
    expect(result).toMatchObject({ ok: false, failure: 'digest-mismatch' });
    expect(existsSync(file('t.out'))).toBe(false);
  });

  test('bad-signature: one byte of the signature value changed', async () => {
    const der = await signDetached(content, userSigner());
    der[der.length - 5] ^= 0x01;
    expect(await verifyDetached(der, content, trust())).toMatchObject({
      ok: false,
      failure: 'bad-signature',
    });
  });

  test("untrusted-chain: one byte of the signer's certificate changed, or another company's user", async () => {
    const der = await signDetached(content, userSigner());
    const raw = new X509Certificate(company.user.certificatePem).raw;
    der[der.indexOf(raw) + raw.length - 3] ^= 0x01;
    expect(await verifyDetached(der, content, trust())).toMatchObject({
      ok: false,
      failure: 'untrusted-chain',
    });

    const other = await makeCompany('另一家公司');
    const foreign = await signDetached(content, { ...other.user, chain: [other.ca.certificatePem] });
    const result = await verifyDetached(foreign, content, trust());
    expect(result).toMatchObject({
      ok: false,
      failure: 'untrusted-chain',
      signer: { organisation: '另一家公司' },
    });
    expect(await verifyDetached(foreign, content, { trustAnchors: [other.ca.certificatePem] })).toMatchObject(
      { ok: true },
    );
  });

  test('malformed: a detached signature given as attached and the other way round; an envelope; garbage', async () => {
    const detached = await signDetached(content, userSigner());
    expect(await verifyAttached(detached, null, trust())).toMatchObject({ ok: false, failure: 'malformed' });
    await pipeline(signAttached(content, userSigner()), createWriteStream(file('m.p7m')));
    expect(await verifyDetached(readFileSync(file('m.p7m')), content, trust())).toMatchObject({
      ok: false,
      failure: 'malformed',
    });
    openssl(
      [
        'cms',
        '-encrypt',
        '-binary',
        '-in',
        'content.bin',
        '-outform',
        'DER',
        '-out',
        'env.der',
        'company.pem',
      ],
      dir.path,
    );
    expect(await verifyAttached(readFileSync(file('env.der')), null, trust())).toMatchObject({
      ok: false,
      failure: 'malformed',
    });
    expect(await verifyDetached('not a signature', content, trust())).toMatchObject({
      ok: false,
      failure: 'malformed',
    });
    expect(await verifyDetached(detached.subarray(0, 100), content, trust())).toMatchObject({
      ok: false,
      failure: 'malformed',
    });
  });
});
