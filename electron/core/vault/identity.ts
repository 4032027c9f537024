// The closing company's identity (an RSA key and its X.509 certificate) and the detached CMS
// signatures it makes, which a recipient checks with nothing but `openssl cms -verify`.
// node:crypto does keygen, hashing and RSA; node-forge only builds the certificate and reads PKCS#12.
// SignedData is written and read with the small DER helpers below, not forge.pkcs7: forge cannot verify
// SignedData, and it hashes in pure JS; test/integration/core/vault/identity-openssl.test.ts has openssl
// check what is written here.
import {
  X509Certificate,
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import forge from 'node-forge';
import { checkCreditCode, normaliseCreditCode } from '../../../shared/identifiers/credit-code';
import { EngineError } from '../kernel/engine-error';

export interface CompanyIdentity {
  certificatePem: string;
  /** PKCS#8 PEM, unencrypted: it only ever rests inside the encrypted vault. */
  privateKeyPem: string;
}

export interface CertificateInfo {
  /** The subject's commonName (the company name); the whole subject line if it has none. */
  subject: string;
  /** The subject's serialNumber attribute (2.5.4.5): the unified social credit code, when given. */
  serialNumber: string | null;
  /** The certificate's own serial number, hex, upper case. */
  certificateSerial: string;
  /** SHA-256 of the DER certificate, upper-case hex pairs joined by colons (as `openssl x509 -fingerprint -sha256`). */
  fingerprintSha256: string;
  notBefore: string;
  notAfter: string;
}

const KEY_BITS = 3072;
const MIN_IMPORTED_KEY_BITS = 2048;
const DAY_MS = 24 * 60 * 60 * 1000;
const VALIDITY_YEARS = 10; // openssl checks expiry at verify time, not at signingTime, so certificates live long

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
} as const;

// ---- DER writing (definite lengths only: everything we write is small) ----

function lengthBytes(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), lengthBytes(body.length), body]);
}

const seq = (...parts: Buffer[]) => tlv(0x30, ...parts);
const set = (...parts: Buffer[]) => tlv(0x31, ...parts);
const octets = (bytes: Buffer) => tlv(0x04, bytes);
const smallInt = (n: number) => tlv(0x02, Buffer.from([n])); // 0..127 only
const oid = (dotted: string) => tlv(0x06, Buffer.from(forge.asn1.oidToDer(dotted).getBytes(), 'binary'));
const NULL = Buffer.from([0x05, 0x00]);
const algorithm = (dotted: string) => seq(oid(dotted), NULL);

/** UTCTime for 1950–2049 and GeneralizedTime otherwise, as RFC 5652 §11.3 requires for signingTime. */
function derTime(date: Date): Buffer {
  const iso = date.toISOString(); // throws on an invalid date
  const digits =
    iso.slice(0, 4) +
    iso.slice(5, 7) +
    iso.slice(8, 10) +
    iso.slice(11, 13) +
    iso.slice(14, 16) +
    iso.slice(17, 19);
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? tlv(0x17, Buffer.from(`${digits.slice(2)}Z`, 'latin1'))
    : tlv(0x18, Buffer.from(`${digits}Z`, 'latin1'));
}

function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

// ---- DER/BER reading: bounds-checked, throws on anything malformed (callers catch) ----

interface Tlv {
  tag: number;
  start: number;
  valueStart: number;
  valueEnd: number;
  end: number;
}

const MAX_DEPTH = 32;

function readTlv(b: Buffer, offset: number, limit: number, depth = 0): Tlv {
  if (depth > MAX_DEPTH) throw new Error('nested too deeply');
  if (offset + 2 > limit) throw new Error('truncated');
  const tag = b[offset];
  if ((tag & 0x1f) === 0x1f) throw new Error('high tag number');
  let p = offset + 1;
  let length = b[p++];
  if (length === 0x80) {
    // BER indefinite length (openssl -stream): the value runs up to an end-of-contents 00 00.
    if (!(tag & 0x20)) throw new Error('indefinite primitive');
    let q = p;
    for (;;) {
      if (q + 2 > limit) throw new Error('truncated');
      if (b[q] === 0 && b[q + 1] === 0) break;
      q = readTlv(b, q, limit, depth + 1).end;
    }
    return { tag, start: offset, valueStart: p, valueEnd: q, end: q + 2 };
  }
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n > 4 || p + n > limit) throw new Error('bad length');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + b[p++];
  }
  if (p + length > limit) throw new Error('truncated');
  return { tag, start: offset, valueStart: p, valueEnd: p + length, end: p + length };
}

function readWhole(b: Buffer): Tlv {
  const node = readTlv(b, 0, b.length);
  if (node.end !== b.length) throw new Error('trailing bytes');
  return node;
}

function children(b: Buffer, node: Tlv, depth = 0): Tlv[] {
  if (!(node.tag & 0x20)) throw new Error('not constructed');
  const out: Tlv[] = [];
  for (let q = node.valueStart; q < node.valueEnd;) {
    const child = readTlv(b, q, node.valueEnd, depth + 1);
    out.push(child);
    q = child.end;
  }
  return out;
}

/** The value bytes; a constructed (BER-chunked) string is joined. */
function valueOf(b: Buffer, node: Tlv, depth = 0): Buffer {
  if (depth > MAX_DEPTH) throw new Error('nested too deeply');
  if (!(node.tag & 0x20)) return b.subarray(node.valueStart, node.valueEnd);
  return Buffer.concat(children(b, node).map((c) => valueOf(b, c, depth + 1)));
}

const rawOf = (b: Buffer, node: Tlv) => b.subarray(node.start, node.end);

function expectTag(node: Tlv | undefined, tag: number): Tlv {
  if (!node || node.tag !== tag) throw new Error(`expected tag 0x${tag.toString(16)}`);
  return node;
}

function oidOf(b: Buffer, node: Tlv | undefined): string {
  return forge.asn1.derToOid(valueOf(b, expectTag(node, 0x06)).toString('binary'));
}

interface CertificateParts {
  serial: Tlv;
  issuer: Tlv;
  subject: Tlv;
}

function certificateParts(der: Buffer): CertificateParts {
  const [tbs] = children(der, expectTag(readWhole(der), 0x30));
  const fields = children(der, expectTag(tbs, 0x30));
  const i = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] version is optional (v1 certificates)
  return {
    serial: expectTag(fields[i], 0x02),
    issuer: expectTag(fields[i + 2], 0x30),
    subject: expectTag(fields[i + 4], 0x30),
  };
}

function decodeDirectoryString(b: Buffer, node: Tlv): string {
  const value = valueOf(b, node);
  switch (node.tag) {
    case 0x0c: // UTF8String
      return value.toString('utf8');
    case 0x1e: // BMPString: UTF-16BE
      return Buffer.from(value).swap16().toString('utf16le');
    default: // PrintableString, IA5String, TeletexString (treated as Latin-1)
      return value.toString('latin1');
  }
}

/** The first value of an attribute type in a Name (SEQUENCE OF SET OF AttributeTypeAndValue). */
function nameAttribute(b: Buffer, name: Tlv, type: string): string | null {
  for (const rdn of children(b, name)) {
    for (const atv of children(b, rdn)) {
      const [t, v] = children(b, atv);
      if (oidOf(b, t) === type) return decodeDirectoryString(b, v);
    }
  }
  return null;
}

function pemToDer(pem: string, labels: readonly string[]): Buffer {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (!match || !labels.includes(match[1])) throw new Error('not PEM');
  const body = match[2].replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) throw new Error('bad base64');
  return Buffer.from(body, 'base64');
}

// ---- identity ----

function positiveSerialHex(): string {
  const serial = randomBytes(16);
  serial[0] &= 0x7f; // positive INTEGER (forge writes the hex as the raw two's-complement bytes)
  if (serial[0] === 0) serial[0] = 1; // and minimally encoded: no leading zero byte
  return serial.toString('hex');
}

const utf8Field = (name: string, value: string): forge.pki.CertificateField => ({
  name,
  value,
  // forge types this as a Class, but it is the value's universal tag: UTF8String keeps Chinese intact.
  valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
});

function certificateToDer(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

/** A fresh RSA-3072 key and a self-signed certificate naming the closing company. */
export function generateIdentity(
  subject: { clientName: string; creditCode: string | null },
  now = new Date(),
): CompanyIdentity {
  const clientName = subject.clientName.trim();
  if (clientName === '') throw new EngineError('INVALID_INPUT', { detail: 'the company name is empty' });
  let creditCode: string | null = null;
  if (subject.creditCode !== null && subject.creditCode.trim() !== '') {
    creditCode = normaliseCreditCode(subject.creditCode);
    const problem = checkCreditCode(creditCode);
    if (problem) throw new EngineError('CREDIT_CODE_INVALID', { code: subject.creditCode, problem });
  }

  // Native keygen: forge's pure-JS RSA-3072 keygen takes 3–37 s.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: KEY_BITS, publicExponent: 0x10001 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const forgeKey = forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey;

  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  cert.serialNumber = positiveSerialHex();
  // A day back, so a recipient whose clock is behind still accepts signatures made today.
  cert.validity.notBefore = new Date(now.getTime() - DAY_MS);
  const notAfter = new Date(now.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS);
  cert.validity.notAfter = notAfter;
  const dn: forge.pki.CertificateField[] = [
    utf8Field('commonName', clientName),
    utf8Field('organizationName', clientName),
  ];
  if (creditCode) dn.push({ name: 'serialNumber', value: creditCode }); // PrintableString: the alphabet fits
  cert.setSubject(dn);
  cert.setIssuer(dn);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true, keyEncipherment: true },
    // emailProtection: `openssl cms -verify` checks the S/MIME purpose by default and refuses other EKUs.
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forgeKey, forge.md.sha256.create());
  return { certificatePem: new X509Certificate(certificateToDer(cert)).toString(), privateKeyPem };
}

const pkcs12Invalid = (reason: string) => new EngineError('PKCS12_INVALID', { reason });

/**
 * forge feeds the password to the MAC as BMPString (right) but to PBKDF2 as a Latin-1 byte string, while
 * OpenSSL and Windows use its UTF-8 bytes there. So a non-ASCII password (a Chinese one) that passed the
 * MAC is tried again for the PBES2-encrypted bags as UTF-8, with the already-checked MAC taken off.
 */
function parsePkcs12(p12: Buffer, password: string): forge.pkcs12.Pkcs12Pfx {
  const parse = () => forge.asn1.fromDer(p12.toString('binary'));
  try {
    return forge.pkcs12.pkcs12FromAsn1(parse(), password);
  } catch (error) {
    // Both messages come from decrypting the bags, which forge does only after the MAC has verified.
    const decryptFailed = /Failed to decrypt PKCS#12 SafeContents|Unable to decrypt PKCS#8/.test(
      (error as Error).message,
    );
    if (!decryptFailed || ![...password].some((c) => c.charCodeAt(0) > 0x7f)) throw error;
    const pfx = parse();
    if (Array.isArray(pfx.value)) pfx.value = pfx.value.slice(0, 2); // version, authSafe (macData dropped)
    return forge.pkcs12.pkcs12FromAsn1(pfx, forge.util.encodeUtf8(password));
  }
}

/** Reads a password-protected PKCS#12 file holding one RSA key (≥ 2048 bits) and its certificate. */
export function importPkcs12(p12: Buffer, password: string, now = new Date()): CompanyIdentity {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = parsePkcs12(p12, password);
  } catch (error) {
    const message = (error as Error).message;
    throw pkcs12Invalid(
      /MAC could not be verified|Unable to decrypt|Failed to decrypt|wrong password/i.test(message)
        ? 'wrong password, or the file is damaged'
        : message,
    );
  }
  const keyBags = [
    ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ??
      []),
    ...(parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const certBags = parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  if (keyBags.length === 0) throw pkcs12Invalid('it holds no private key');
  if (keyBags.length > 1) throw pkcs12Invalid('it holds more than one private key');
  const forgeKey = keyBags[0].key as forge.pki.rsa.PrivateKey | undefined;
  // forge leaves .key null for key types it cannot read (EC, Ed25519, …).
  if (!forgeKey) throw pkcs12Invalid('the private key is not an RSA key');
  const bits = forgeKey.n.bitLength();
  if (bits < MIN_IMPORTED_KEY_BITS) {
    throw pkcs12Invalid(`the RSA key has ${bits} bits; at least ${MIN_IMPORTED_KEY_BITS} are needed`);
  }
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(forgeKey));
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

  // The bag may also carry a CA chain; keep the one certificate that belongs to the key.
  const certificate = certBags
    .filter((bag) => bag.cert)
    .map((bag) => new X509Certificate(certificateToDer(bag.cert as forge.pki.Certificate)))
    .find((cert) => cert.checkPrivateKey(privateKey));
  if (!certificate) throw pkcs12Invalid('no certificate in it matches the private key');
  if (new Date(certificate.validTo).getTime() < now.getTime()) {
    throw pkcs12Invalid(`the certificate expired on ${new Date(certificate.validTo).toISOString()}`);
  }
  return { certificatePem: certificate.toString(), privateKeyPem };
}

export function certificateInfo(certificatePem: string): CertificateInfo {
  let cert: X509Certificate;
  let der: Buffer;
  try {
    cert = new X509Certificate(certificatePem);
    der = cert.raw;
  } catch {
    throw new EngineError('INVALID_INPUT', { detail: 'not a PEM X.509 certificate' });
  }
  const { subject } = certificateParts(der);
  return {
    subject: nameAttribute(der, subject, OID.commonName) ?? cert.subject.replace(/\n/g, ', '),
    serialNumber: nameAttribute(der, subject, OID.serialNumber),
    certificateSerial: cert.serialNumber.toUpperCase(),
    fingerprintSha256: cert.fingerprint256.toUpperCase(),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
  };
}

// ---- detached CMS SignedData (RFC 5652) ----

/**
 * A detached CMS SignedData over `content`: SHA-256, RSA PKCS#1 v1.5, the signer's certificate included,
 * signed attributes contentType (id-data), signingTime and messageDigest, in DER SET OF order.
 * Returned as PEM with the `PKCS7` label, which `openssl cms -verify -inform PEM` reads.
 */
export function signDetached(identity: CompanyIdentity, content: Buffer, signingTime = new Date()): string {
  const certificate = new X509Certificate(identity.certificatePem);
  const key: KeyObject = createPrivateKey(identity.privateKeyPem);
  if (key.asymmetricKeyType !== 'rsa') throw new Error('the company key is not an RSA key');
  if (!certificate.checkPrivateKey(key))
    throw new Error('the company key does not belong to its certificate');
  const certDer = certificate.raw;
  const { issuer, serial } = certificateParts(certDer);

  const digest = createHash('sha256').update(content).digest();
  const attributes = [
    seq(oid(OID.contentType), set(oid(OID.data))),
    seq(oid(OID.signingTime), set(derTime(signingTime))),
    seq(oid(OID.messageDigest), set(octets(digest))),
  ].sort(Buffer.compare);
  const signedAttributes = Buffer.concat(attributes);
  // The signature covers the attributes as a SET OF (tag 0x31), though they are stored as [0] IMPLICIT.
  const signature = sign('sha256', set(signedAttributes), key);

  const signerInfo = seq(
    smallInt(1),
    seq(rawOf(certDer, issuer), rawOf(certDer, serial)),
    algorithm(OID.sha256),
    tlv(0xa0, signedAttributes),
    algorithm(OID.rsaEncryption),
    octets(signature),
  );
  const signedData = seq(
    smallInt(1),
    set(algorithm(OID.sha256)),
    seq(oid(OID.data)), // detached: no eContent
    tlv(0xa0, certDer),
    set(signerInfo),
  );
  return toPem('PKCS7', seq(oid(OID.signedData), tlv(0xa0, signedData)));
}

/**
 * True only if `signaturePem` is a detached SignedData with one signer, that signer is `certificatePem`
 * (and its certificate is in the message), the messageDigest is SHA-256(content) and the RSA signature
 * over the signed attributes holds. Trust in the certificate is the caller's business. Never throws.
 */
export function verifyDetached(certificatePem: string, content: Buffer, signaturePem: string): boolean {
  try {
    return verifyOrThrow(certificatePem, content, signaturePem);
  } catch {
    return false;
  }
}

function verifyOrThrow(certificatePem: string, content: Buffer, signaturePem: string): boolean {
  const certificate = new X509Certificate(certificatePem);
  const certDer = certificate.raw;
  const certParts = certificateParts(certDer);
  const b = pemToDer(signaturePem, ['PKCS7', 'CMS']);

  const contentInfo = children(b, expectTag(readWhole(b), 0x30));
  if (oidOf(b, contentInfo[0]) !== OID.signedData) return false;
  const [signedDataNode] = children(b, expectTag(contentInfo[1], 0xa0));
  const sd = children(b, expectTag(signedDataNode, 0x30));

  const encap = children(b, expectTag(sd[2], 0x30));
  if (oidOf(b, encap[0]) !== OID.data || encap.length !== 1) return false; // must be detached id-data

  const certificates = sd.find((n, i) => i > 2 && n.tag === 0xa0);
  if (!certificates) return false;
  if (!children(b, certificates).some((c) => rawOf(b, c).equals(certDer))) return false;

  const signerInfos = children(b, expectTag(sd[sd.length - 1], 0x31));
  if (signerInfos.length !== 1) return false;
  const si = children(b, expectTag(signerInfos[0], 0x30));
  const [version, sid, digestAlg, signedAttrs, signatureAlg, signatureNode] = si;
  if (!valueOf(b, expectTag(version, 0x02)).equals(Buffer.from([1]))) return false;
  const [sidIssuer, sidSerial] = children(b, expectTag(sid, 0x30));
  if (!rawOf(b, expectTag(sidIssuer, 0x30)).equals(rawOf(certDer, certParts.issuer))) return false;
  if (!rawOf(b, expectTag(sidSerial, 0x02)).equals(rawOf(certDer, certParts.serial))) return false;
  if (oidOf(b, children(b, expectTag(digestAlg, 0x30))[0]) !== OID.sha256) return false;
  const sigAlg = oidOf(b, children(b, expectTag(signatureAlg, 0x30))[0]);
  if (sigAlg !== OID.rsaEncryption && sigAlg !== OID.sha256WithRsa) return false;

  const seen = new Map<string, Tlv[]>();
  for (const attribute of children(b, expectTag(signedAttrs, 0xa0))) {
    const [type, values] = children(b, expectTag(attribute, 0x30));
    const typeOid = oidOf(b, type);
    if (seen.has(typeOid)) return false; // RFC 5652 §5.3: each attribute type at most once
    seen.set(typeOid, children(b, expectTag(values, 0x31)));
  }
  const contentTypeValues = seen.get(OID.contentType);
  const digestValues = seen.get(OID.messageDigest);
  if (contentTypeValues?.length !== 1 || digestValues?.length !== 1) return false;
  if (oidOf(b, contentTypeValues[0]) !== OID.data) return false;
  const digest = createHash('sha256').update(content).digest();
  if (!valueOf(b, expectTag(digestValues[0], 0x04)).equals(digest)) return false;

  // Verify over the bytes as they arrived, with only the tag changed from [0] to SET: no re-encoding.
  const signed = Buffer.from(rawOf(b, signedAttrs));
  signed[0] = 0x31;
  return verify('sha256', signed, certificate.publicKey, valueOf(b, expectTag(signatureNode, 0x04)));
}
