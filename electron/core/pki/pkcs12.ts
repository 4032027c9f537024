// PKCS#12 for recipient kits (node-forge), and reading a recipient's certificate from PEM, DER or the
// certificate part of a PKCS#12. Debian's `openssl pkcs12` opens what makePkcs12 writes without -legacy.
import { X509Certificate, createHmac, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { looksLikePem, pemEncode, type BinaryInput } from './encoding';
import { toPrivateKey } from './engine';
import { PkiError, isPkiError } from './errors';
import { parseCertificate } from './x509';

const KEY_ITERATIONS = 600_000;
const MAC_ITERATIONS = 600_000;
const SHA256_OID = '2.16.840.1.101.3.4.2.1';

const invalid = (what: string) => new PkiError('PKI_PKCS12_INVALID', { what });

const A = forge.asn1;
const U = A.Class.UNIVERSAL;
const binary = (bytes: Buffer) => bytes.toString('binary');

/**
 * The MacData of RFC 7292 with HMAC-SHA256 (OpenSSL 3's default): forge only writes HMAC-SHA1, and it feeds
 * the password to PBES2 as Latin-1 while OpenSSL uses UTF-8, so the key bag is encrypted with the UTF-8
 * bytes and this MAC (over the password as BMPString, which forge's PKCS#12 KDF does right) is added here.
 */
function macData(authSafeDer: string, password: string): forge.asn1.Asn1 {
  const salt = randomBytes(16);
  const macKey = forge.pkcs12.generateKey(
    password,
    forge.util.createBuffer(binary(salt)),
    3,
    MAC_ITERATIONS,
    32,
    forge.md.sha256.create(),
  );
  const mac = createHmac('sha256', Buffer.from(macKey.getBytes(), 'binary'))
    .update(Buffer.from(authSafeDer, 'binary'))
    .digest();
  return A.create(U, A.Type.SEQUENCE, true, [
    A.create(U, A.Type.SEQUENCE, true, [
      A.create(U, A.Type.SEQUENCE, true, [
        A.create(U, A.Type.OID, false, A.oidToDer(SHA256_OID).getBytes()),
        A.create(U, A.Type.NULL, false, ''),
      ]),
      A.create(U, A.Type.OCTETSTRING, false, binary(mac)),
    ]),
    A.create(U, A.Type.OCTETSTRING, false, binary(salt)),
    A.create(U, A.Type.INTEGER, false, A.integerToDer(MAC_ITERATIONS).getBytes()),
  ]);
}

/**
 * A password-protected PKCS#12 holding an RSA key, its certificate and a chain: the key bag shrouded with
 * PBES2 (PBKDF2-HMAC-SHA256, 600 000 iterations, AES-256-CBC), certificate bags in clear, HMAC-SHA256 MAC.
 */
export function makePkcs12(options: {
  keyPem: string;
  certPem: string;
  chain?: string[];
  password: string;
  friendlyName?: string;
}): Buffer {
  if (typeof options.password !== 'string' || options.password.length < 8)
    throw new PkiError('PKI_INPUT_INVALID', { what: 'a PKCS#12 password needs at least 8 characters' });
  const key = toPrivateKey(options.keyPem);
  if (key.asymmetricKeyType !== 'rsa')
    throw new PkiError('PKI_KEY_INVALID', { what: 'PKCS#12 kits here hold RSA keys only' });
  const certificate = parseCertificate(options.certPem);
  if (!certificate.x509.checkPrivateKey(key))
    throw new PkiError('PKI_KEY_INVALID', { what: 'the key does not belong to the certificate' });
  const pems = [certificate, ...(options.chain ?? []).map((c, i) => parseCertificate(c, `chain[${i}]`))].map(
    (c) => pemEncode('CERTIFICATE', c.der),
  );
  let forgeCerts: forge.pki.Certificate[];
  try {
    forgeCerts = pems.map((pem) => forge.pki.certificateFromPem(pem));
  } catch {
    throw new PkiError('PKI_CERTIFICATE_INVALID', { what: 'PKCS#12 kits here hold RSA certificates only' });
  }
  const forgeKey = forge.pki.privateKeyFromPem(key.export({ type: 'pkcs8', format: 'pem' }) as string);
  const pfx = forge.pkcs12.toPkcs12Asn1(forgeKey, forgeCerts, forge.util.encodeUtf8(options.password), {
    algorithm: 'aes256',
    prfAlgorithm: 'sha256',
    count: KEY_ITERATIONS,
    saltSize: 16,
    useMac: false,
    generateLocalKeyId: true,
    ...(options.friendlyName ? { friendlyName: options.friendlyName } : {}),
  } as Parameters<typeof forge.pkcs12.toPkcs12Asn1>[3]); // prfAlgorithm is read by forge, not typed
  const parts = pfx.value as forge.asn1.Asn1[];
  const authSafe = ((parts[1].value as forge.asn1.Asn1[])[1].value as forge.asn1.Asn1[])[0].value as string;
  parts.push(macData(authSafe, options.password));
  return Buffer.from(A.toDer(pfx).getBytes(), 'binary');
}

/** forge decrypts PBES2 bags with the password as Latin-1; OpenSSL and Windows use UTF-8. Try both. */
function openPkcs12(p12: Buffer, password: string): forge.pkcs12.Pkcs12Pfx {
  const parse = () => A.fromDer(p12.toString('binary'));
  try {
    return forge.pkcs12.pkcs12FromAsn1(parse(), password);
  } catch (error) {
    const message = (error as Error).message;
    const decryptFailed = /Failed to decrypt PKCS#12 SafeContents|Unable to decrypt PKCS#8/.test(message);
    if (!decryptFailed || ![...password].some((c) => c.charCodeAt(0) > 0x7f)) throw error;
    const pfx = parse(); // the MAC (over the BMPString password) already verified: drop it, retry with UTF-8
    if (Array.isArray(pfx.value)) pfx.value = pfx.value.slice(0, 2);
    return forge.pkcs12.pkcs12FromAsn1(pfx, forge.util.encodeUtf8(password));
  }
}

function certificateFromPkcs12(p12: Buffer, password: string): Buffer {
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    pfx = openPkcs12(p12, password);
  } catch {
    throw invalid('not a PKCS#12 file, the wrong password, or a damaged file');
  }
  const certOid = forge.pki.oids.certBag;
  const bags = (pfx.getBags({ bagType: certOid })[certOid] ?? []).filter((b) => b.asn1 || b.cert);
  const keyOid = forge.pki.oids.pkcs8ShroudedKeyBag;
  const keyIds = (pfx.getBags({ bagType: keyOid })[keyOid] ?? []).map((b) => b.attributes?.localKeyId?.[0]);
  const ders = bags.map((bag) => {
    // bag.cert is null for key types forge cannot read (EC); the certificate's own ASN.1 is always there.
    const node = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : certificateNode(bag.asn1);
    return { der: Buffer.from(A.toDer(node).getBytes(), 'binary'), keyId: bag.attributes?.localKeyId?.[0] };
  });
  const paired = ders.find((d) => d.keyId !== undefined && keyIds.includes(d.keyId));
  const endEntity = ders.find((d) => !new X509Certificate(d.der).ca);
  const chosen = paired ?? endEntity ?? ders[0];
  if (!chosen) throw invalid('the PKCS#12 file holds no certificate');
  return chosen.der;
}

/** CertBag ::= SEQUENCE { certId, [0] EXPLICIT OCTET STRING (DER certificate) } */
function certificateNode(bag: forge.asn1.Asn1 | undefined): forge.asn1.Asn1 {
  const certValue = ((bag?.value as forge.asn1.Asn1[] | undefined)?.[1]?.value as forge.asn1.Asn1[])?.[0];
  if (!certValue || typeof certValue.value !== 'string') throw invalid('a certificate bag is damaged');
  return A.fromDer(certValue.value);
}

/**
 * A recipient's certificate as PEM, from a PEM or DER certificate or from a PKCS#12 file (its password
 * given): the certificate paired with the key, else the one that is not a CA.
 */
export function readCertificate(input: BinaryInput, options: { password?: string } = {}): string {
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
  const der = certificateFromPkcs12(Buffer.from(input), options.password);
  return pemEncode('CERTIFICATE', parseCertificate(der, 'PKCS#12 certificate').der);
}
