// PKCS#12 for recipient kits (written with pkijs), and reading a recipient's certificate from PEM, DER or
// the certificate part of a PKCS#12 (read with node-forge, which also reads the older PBE schemes).
// Debian's `openssl pkcs12` opens what makePkcs12 writes without -legacy.
import { X509Certificate, createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import { looksLikePem, octetsOf, pemEncode, toBuffer, type BinaryInput } from './encoding';
import { engine, toPrivateKey } from './engine';
import { PkiError, isPkiError } from './errors';
import { parseCertificate } from './x509';

const ITERATIONS = 600_000;
const PKCS12 = {
  keyBag: '1.2.840.113549.1.12.10.1.2', // pkcs8ShroudedKeyBag
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
} as const;

const invalid = (what: string) => new PkiError('PKI_PKCS12_INVALID', { what });

function bagAttributes(localKeyId: Buffer, friendlyName?: string): pkijs.Attribute[] {
  const attributes = [
    new pkijs.Attribute({
      type: PKCS12.localKeyId,
      values: [new asn1js.OctetString({ valueHex: localKeyId })],
    }),
  ];
  if (friendlyName)
    attributes.push(
      new pkijs.Attribute({
        type: PKCS12.friendlyName,
        values: [new asn1js.BmpString({ value: friendlyName })],
      }),
    );
  return attributes;
}

/**
 * A password-protected PKCS#12 holding a key (RSA or EC), its certificate and a chain: the key bag
 * shrouded with PBES2 (PBKDF2-HMAC-SHA256, 600 000 iterations, AES-256-CBC), the certificates in clear
 * and byte for byte as given, and an HMAC-SHA256 MAC (600 000 iterations of the PKCS#12 KDF). pkijs
 * rather than node-forge writes it: forge re-encodes certificates (changing their signed bytes), reads
 * no EC keys and runs PBKDF2 in JavaScript (7.5 s at 600 000 iterations).
 */
export async function makePkcs12(options: {
  keyPem: string;
  certPem: string;
  chain?: string[];
  password: string;
  friendlyName?: string;
}): Promise<Buffer> {
  if (typeof options.password !== 'string' || [...options.password].length < 8)
    throw new PkiError('PKI_INPUT_INVALID', { what: 'a PKCS#12 password needs at least 8 characters' });
  const key = toPrivateKey(options.keyPem);
  const certificate = parseCertificate(options.certPem);
  if (!certificate.x509.checkPrivateKey(key))
    throw new PkiError('PKI_KEY_INVALID', { what: 'the key does not belong to the certificate' });
  const chain = (options.chain ?? []).map((c, i) => parseCertificate(c, `chain[${i}]`));
  const password = new TextEncoder().encode(options.password).buffer as ArrayBuffer; // UTF-8, as OpenSSL
  const localKeyId = createHash('sha1').update(certificate.der).digest();

  const shrouded = new pkijs.PKCS8ShroudedKeyBag({
    parsedValue: pkijs.PrivateKeyInfo.fromBER(key.export({ type: 'pkcs8', format: 'der' })),
  });
  await shrouded.makeInternalValues(
    {
      password,
      contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 },
      hmacHashAlgorithm: 'SHA-256',
      iterationCount: ITERATIONS,
    },
    engine,
  );
  const certBag = (der: Buffer, attributes?: pkijs.Attribute[]) =>
    new pkijs.SafeBag({
      bagId: PKCS12.certBag,
      bagValue: new pkijs.CertBag({
        certId: PKCS12.x509Certificate,
        certValue: new asn1js.OctetString({ valueHex: der }),
      }),
      ...(attributes ? { bagAttributes: attributes } : {}),
    });
  const safeContents = [
    new pkijs.SafeContents({
      safeBags: [
        certBag(certificate.der, bagAttributes(localKeyId, options.friendlyName)),
        ...chain.map((c) => certBag(c.der)),
      ],
    }),
    new pkijs.SafeContents({
      safeBags: [
        new pkijs.SafeBag({
          bagId: PKCS12.keyBag,
          bagValue: shrouded,
          bagAttributes: bagAttributes(localKeyId, options.friendlyName),
        }),
      ],
    }),
  ];
  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new pkijs.AuthenticatedSafe({
        parsedValue: { safeContents: safeContents.map((value) => ({ privacyMode: 0, value })) },
      }),
    },
  });
  await pfx.parsedValue!.authenticatedSafe!.makeInternalValues({ safeContents: [{}, {}] }, engine);
  await pfx.makeInternalValues(
    { password, iterations: ITERATIONS, pbkdf2HashAlgorithm: 'SHA-256', hmacHashAlgorithm: 'SHA-256' },
    engine,
  );
  return toBuffer(pfx.toSchema().toBER(false));
}

const PBES2 = '1.2.840.113549.1.5.13';

/** forge.pbe, which @types/node-forge leaves out. */
const forgePbe = (
  forge as unknown as {
    pbe: { getCipher(oid: string, params: forge.asn1.Asn1, password: string): forge.cipher.BlockCipher };
  }
).pbe;

/**
 * The SafeContents inside one ContentInfo of the AuthenticatedSafe: in clear (id-data), or password-
 * encrypted (id-encryptedData), decrypted by node-forge, which knows PBES2 and the legacy PKCS#12 PBE
 * schemes (3DES, RC2) older OpenSSL and Windows still write.
 */
function safeContentsOf(info: pkijs.ContentInfo, password: string): pkijs.SafeContents {
  if (info.contentType === pkijs.ContentInfo.DATA)
    return pkijs.SafeContents.fromBER(octetsOf(info.content as asn1js.AsnType));
  if (info.contentType !== pkijs.ContentInfo.ENCRYPTED_DATA) throw invalid('a safe of an unknown kind');
  const encrypted = new pkijs.EncryptedData({ schema: info.content });
  const { contentEncryptionAlgorithm: algorithm, encryptedContent } = encrypted.encryptedContentInfo;
  if (!encryptedContent || !algorithm.algorithmParams) throw invalid('an encrypted safe is damaged');
  // PBES2 takes the password's UTF-8 bytes; the PKCS#12 PBEs take it as a string (forge makes it BMPString).
  const forgePassword = algorithm.algorithmId === PBES2 ? forge.util.encodeUtf8(password) : password;
  const cipher = forgePbe.getCipher(
    algorithm.algorithmId,
    forge.asn1.fromDer(toBuffer(algorithm.algorithmParams.toBER(false)).toString('binary')),
    forgePassword,
  );
  cipher.update(forge.util.createBuffer(octetsOf(encryptedContent).toString('binary')));
  if (!cipher.finish()) throw invalid('the wrong password, or a damaged file');
  return pkijs.SafeContents.fromBER(Buffer.from(cipher.output.getBytes(), 'binary'));
}

const localKeyIdOf = (bag: pkijs.SafeBag): string | undefined => {
  const value = bag.bagAttributes?.find((a) => a.type === PKCS12.localKeyId)?.values[0] as
    asn1js.OctetString | undefined;
  return value ? octetsOf(value).toString('hex') : undefined;
};

/** Every SafeBag of a PKCS#12 file, its MAC checked first (a wrong password stops there). */
async function pkcs12Bags(p12: Buffer, password: string): Promise<pkijs.SafeBag[]> {
  const bags: pkijs.SafeBag[] = [];
  try {
    const pfx = pkijs.PFX.fromBER(Uint8Array.from(p12));
    // The MAC first (pkijs: HMAC over the PKCS#12 KDF, the password as BMPString): a wrong password stops here.
    await pfx.parseInternalValues(
      { password: new TextEncoder().encode(password).buffer as ArrayBuffer, checkIntegrity: true },
      engine,
    );
    for (const info of pfx.parsedValue?.authenticatedSafe?.safeContents ?? [])
      bags.push(...safeContentsOf(info, password).safeBags);
  } catch (error) {
    if (isPkiError(error)) throw error;
    throw invalid('not a PKCS#12 file, the wrong password, or a damaged file');
  }
  return bags;
}

async function certificateFromPkcs12(p12: Buffer, password: string): Promise<Buffer> {
  const bags = await pkcs12Bags(p12, password);
  const keyIds = bags.filter((b) => b.bagId === PKCS12.keyBag).map(localKeyIdOf);
  // The DER exactly as stored (a parsed and re-encoded certificate could change its signed bytes).
  const certificates = bags
    .filter(
      (b) => b.bagId === PKCS12.certBag && (b.bagValue as pkijs.CertBag).certId === PKCS12.x509Certificate,
    )
    .map((b) => ({
      der: octetsOf((b.bagValue as pkijs.CertBag).certValue as asn1js.AsnType),
      keyId: localKeyIdOf(b),
    }));
  const paired = certificates.find((c) => c.keyId !== undefined && keyIds.includes(c.keyId));
  const endEntity = certificates.find((c) => {
    try {
      return !new X509Certificate(c.der).ca;
    } catch {
      return false;
    }
  });
  const chosen = paired ?? endEntity ?? certificates[0];
  if (!chosen) throw invalid('the PKCS#12 file holds no certificate');
  return chosen.der;
}

/**
 * A recipient's certificate as PEM, from a PEM or DER certificate or from a PKCS#12 file (its password
 * given): the certificate paired with the key, else the one that is not a CA.
 */
export async function readCertificate(
  input: BinaryInput,
  options: { password?: string } = {},
): Promise<string> {
  try {
    return pemEncode('CERTIFICATE', parseCertificate(input).der);
  } catch (error) {
    if (!isPkiError(error, 'PKI_CERTIFICATE_INVALID') || typeof input === 'string' || looksLikePem(input))
      throw error;
    if (options.password === undefined)
      throw new PkiError('PKI_CERTIFICATE_INVALID', {
        what: 'not a certificate; if it is a PKCS#12 file, give its password',
      });
  }
  const der = await certificateFromPkcs12(Buffer.from(input), options.password);
  return pemEncode('CERTIFICATE', parseCertificate(der, 'PKCS#12 certificate').der);
}

/**
 * The private key of a PKCS#12 file (a recipient kit, or what `openssl pkcs12 -export` writes) and the
 * certificate paired with it, both as PEM. A PBES2 key bag is decrypted through WebCrypto (fast at any
 * iteration count); the legacy PKCS#12 PBEs through node-forge.
 */
export async function keyFromPkcs12(
  input: Uint8Array,
  password: string,
): Promise<{ privateKeyPem: string; certificatePem: string }> {
  const p12 = Buffer.from(input);
  const bags = await pkcs12Bags(p12, password);
  const keyBags = bags.filter((b) => b.bagId === PKCS12.keyBag);
  if (keyBags.length !== 1) throw invalid(keyBags.length ? 'more than one private key' : 'no private key');
  const bag = keyBags[0].bagValue as pkijs.PKCS8ShroudedKeyBag;
  let pkcs8: Buffer;
  try {
    const algorithm = bag.encryptionAlgorithm;
    if (algorithm.algorithmId === PBES2) {
      const plain = await new pkijs.EncryptedData({
        encryptedContentInfo: new pkijs.EncryptedContentInfo({
          contentType: pkijs.ContentInfo.DATA,
          contentEncryptionAlgorithm: algorithm,
          encryptedContent: bag.encryptedData,
        }),
      }).decrypt({ password: new TextEncoder().encode(password).buffer as ArrayBuffer }, engine);
      pkcs8 = Buffer.from(plain);
    } else {
      const cipher = forgePbe.getCipher(
        algorithm.algorithmId,
        forge.asn1.fromDer(toBuffer(algorithm.algorithmParams.toBER(false)).toString('binary')),
        password,
      );
      cipher.update(forge.util.createBuffer(octetsOf(bag.encryptedData).toString('binary')));
      if (!cipher.finish()) throw invalid('the wrong password, or a damaged file');
      pkcs8 = Buffer.from(cipher.output.getBytes(), 'binary');
    }
  } catch (error) {
    if (isPkiError(error)) throw error;
    throw invalid('the private key does not decrypt: the wrong password, or a damaged file');
  }
  const key = toPrivateKey(pkcs8);
  const certificatePem = pemEncode(
    'CERTIFICATE',
    parseCertificate(await certificateFromPkcs12(p12, password)).der,
  );
  return { privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }) as string, certificatePem };
}
