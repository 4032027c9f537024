// The certificates of signed evidence: the closing company's CA, one ECDSA certificate per user issued by
// it, recipient kits for handover, and a plain summary of any certificate for people and logs.
import { generateKeyPair, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import {
  CLOCK_SKEW_MS,
  addYears,
  authorityKeyId,
  basicConstraints,
  buildName,
  checkCreditCode,
  checkNamePart,
  copyName,
  extKeyUsage,
  keyUsage,
  signCertificate,
  spkiOf,
  subjectKeyId,
  type NameAttribute,
} from './cert-builder';
import { pemEncode, type BinaryInput } from './encoding';
import { toPrivateKey, toPublicKey } from './engine';
import { PkiError } from './errors';
import { OID } from './oids';
import {
  KEY_USAGE,
  isCa,
  keyAlgorithm,
  keyIdentifierOf,
  nameAttribute,
  nameLine,
  notAfter,
  notBefore,
  parseCertificate,
  subjectKeyIdentifier,
} from './x509';

/** A private key (PKCS#8 PEM, unencrypted: it rests only inside the encrypted vault) and its certificate. */
export interface KeyAndCertificate {
  certificatePem: string;
  privateKeyPem: string;
}

export type CompanyCa = KeyAndCertificate;

export interface CertificateInfo {
  /** The subject's commonName; the whole subject line if it has none. */
  subject: string;
  organisation: string | null;
  /** organizationalUnitName: the user's role on user certificates. */
  unit: string | null;
  /** The UID attribute (0.9.2342.19200300.100.1.1): the user id on user certificates. */
  userId: string | null;
  /** The subject's serialNumber attribute (2.5.4.5): the unified social credit code, when given. */
  serialNumber: string | null;
  /** The certificate's own serial number, upper-case hex. */
  certificateSerial: string;
  /** SHA-256 of the DER certificate, as `openssl x509 -fingerprint -sha256` prints it. */
  fingerprintSha256: string;
  /** The issuer's commonName, or its whole line. */
  issuer: string;
  notBefore: string;
  notAfter: string;
  isCa: boolean;
  /** `RSA-3072`, `EC-P-256`, `Ed25519`, … */
  keyAlgorithm: string;
}

const generateKeyPairAsync = promisify(generateKeyPair);
const RSA_BITS = 3072;
const CA_YEARS = 20;
const USER_YEARS = 10;
const KIT_YEARS = 10;

const pkcs8Pem = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }) as string;

async function newRsaKey(): Promise<KeyObject> {
  // Native keygen, off the event loop: forge's pure-JS RSA-3072 keygen takes seconds to tens of seconds.
  const { privateKey } = await generateKeyPairAsync('rsa', {
    modulusLength: RSA_BITS,
    publicExponent: 0x10001,
  });
  return privateKey;
}

function organisationName(label: string, name: string, creditCode: string | null): NameAttribute[] {
  const attributes: NameAttribute[] = [
    [OID.commonName, checkNamePart(label, name)],
    [OID.organizationName, checkNamePart(label, name)],
  ];
  if (creditCode) attributes.push([OID.serialNumber, creditCode, 'printable']);
  return attributes;
}

/**
 * The closing company's CA: an RSA-3072 key and a self-signed X.509 v3 certificate (cA:TRUE critical;
 * keyUsage keyCertSign, cRLSign, digitalSignature, nonRepudiation; subjectKeyIdentifier), CN and O = the
 * company name (UTF8String), serialNumber = the credit code when given, valid 20 years from 5 minutes ago.
 */
export async function createCompanyCa(options: {
  name: string;
  creditCode?: string | null;
  now?: Date;
}): Promise<CompanyCa> {
  const creditCode = checkCreditCode(options.creditCode);
  const name = buildName(organisationName('company name', options.name, creditCode));
  const now = options.now ?? new Date();
  const key = await newRsaKey();
  const spki = spkiOf(toPublicKey(key));
  const der = await signCertificate({
    subject: name,
    issuer: copyName(name),
    spki,
    notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
    notAfter: addYears(now, CA_YEARS),
    extensions: [
      basicConstraints(true),
      keyUsage(
        KEY_USAGE.digitalSignature | KEY_USAGE.nonRepudiation | KEY_USAGE.keyCertSign | KEY_USAGE.cRLSign,
      ),
      subjectKeyId(keyIdentifierOf(spki)),
    ],
    signingKey: key,
  });
  return { certificatePem: pemEncode('CERTIFICATE', der), privateKeyPem: pkcs8Pem(key) };
}

/** A fresh ECDSA P-256 key pair for a user: PKCS#8 PEM private key, SPKI PEM public key. */
export function generateUserKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKeyPem: pkcs8Pem(privateKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
  };
}

/** Parses the CA pair and checks that the key is the certificate's and that the certificate is a CA. */
function openCa(ca: CompanyCa) {
  const certificate = parseCertificate(ca.certificatePem, 'company certificate');
  const key = toPrivateKey(ca.privateKeyPem);
  if (!certificate.x509.checkPrivateKey(key))
    throw new PkiError('PKI_KEY_INVALID', { what: 'the company key does not belong to its certificate' });
  if (!isCa(certificate))
    throw new PkiError('PKI_CERTIFICATE_INVALID', {
      what: 'the company certificate is not a CA',
      where: 'ca',
    });
  const keyId = subjectKeyIdentifier(certificate) ?? keyIdentifierOf(certificate.cert.subjectPublicKeyInfo);
  return { certificate, key, keyId };
}

/**
 * A user's certificate, issued by the company CA: ECDSA P-256 key, subject O = the company, OU = role,
 * CN = user name, UID = user id; keyUsage digitalSignature + nonRepudiation, extKeyUsage emailProtection
 * (so `openssl cms -verify` accepts it with its default S/MIME purpose), subject and authority key ids.
 * Valid 10 years from 5 minutes ago, never beyond the CA's own end.
 */
export async function issueUserCertificate(
  ca: CompanyCa,
  user: { userId: string; userName: string; role: string; publicKey: string | Buffer | KeyObject },
  options: { now?: Date } = {},
): Promise<string> {
  const { certificate, key, keyId } = openCa(ca);
  const publicKey = toPublicKey(user.publicKey);
  if (publicKey.asymmetricKeyType !== 'ec' || publicKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    throw new PkiError('PKI_KEY_INVALID', { what: 'a user key must be EC P-256' });
  const organisation = nameAttribute(certificate.cert.subject, OID.organizationName);
  const attributes: NameAttribute[] = [];
  if (organisation) attributes.push([OID.organizationName, organisation]);
  attributes.push(
    [OID.organizationalUnitName, checkNamePart('role', user.role)],
    [OID.commonName, checkNamePart('user name', user.userName)],
    [OID.userId, checkNamePart('user id', user.userId)],
  );
  const now = options.now ?? new Date();
  const caEnd = notAfter(certificate);
  const end = addYears(now, USER_YEARS);
  const spki = spkiOf(publicKey);
  const der = await signCertificate({
    subject: buildName(attributes),
    issuer: copyName(certificate.cert.subject),
    spki,
    notBefore: new Date(Math.max(now.getTime() - CLOCK_SKEW_MS, notBefore(certificate).getTime())),
    notAfter: end.getTime() < caEnd.getTime() ? end : caEnd,
    extensions: [
      basicConstraints(false),
      keyUsage(KEY_USAGE.digitalSignature | KEY_USAGE.nonRepudiation),
      extKeyUsage([OID.emailProtection]),
      subjectKeyId(keyIdentifierOf(spki)),
      authorityKeyId(keyId),
    ],
    signingKey: key,
  });
  return pemEncode('CERTIFICATE', der);
}

/**
 * A recipient kit for someone receiving a handover package who has no certificate of their own: an
 * RSA-3072 key and a self-signed certificate usable as a CMS key-transport recipient (keyUsage
 * keyEncipherment + digitalSignature, extKeyUsage emailProtection, cA:FALSE), valid 10 years.
 */
export async function generateRecipientKit(options: {
  organisation: string;
  creditCode?: string | null;
  now?: Date;
}): Promise<KeyAndCertificate> {
  const creditCode = checkCreditCode(options.creditCode);
  const name = buildName(organisationName('organisation', options.organisation, creditCode));
  const now = options.now ?? new Date();
  const key = await newRsaKey();
  const spki = spkiOf(toPublicKey(key));
  const der = await signCertificate({
    subject: name,
    issuer: copyName(name),
    spki,
    notBefore: new Date(now.getTime() - CLOCK_SKEW_MS),
    notAfter: addYears(now, KIT_YEARS),
    extensions: [
      basicConstraints(false),
      keyUsage(KEY_USAGE.digitalSignature | KEY_USAGE.keyEncipherment),
      extKeyUsage([OID.emailProtection]),
      subjectKeyId(keyIdentifierOf(spki)),
    ],
    signingKey: key,
  });
  return { certificatePem: pemEncode('CERTIFICATE', der), privateKeyPem: pkcs8Pem(key) };
}

/** What a person needs to recognise a certificate; PEM or DER in, PKI_CERTIFICATE_INVALID for anything else. */
export function certificateInfo(input: BinaryInput): CertificateInfo {
  const c = parseCertificate(input);
  const { subject, issuer } = c.cert;
  return {
    subject: nameAttribute(subject, OID.commonName) ?? nameLine(subject),
    organisation: nameAttribute(subject, OID.organizationName),
    unit: nameAttribute(subject, OID.organizationalUnitName),
    userId: nameAttribute(subject, OID.userId),
    serialNumber: nameAttribute(subject, OID.serialNumber),
    certificateSerial: c.x509.serialNumber.toUpperCase(),
    fingerprintSha256: c.x509.fingerprint256.toUpperCase(),
    issuer: nameAttribute(issuer, OID.commonName) ?? nameLine(issuer),
    notBefore: notBefore(c).toISOString(),
    notAfter: notAfter(c).toISOString(),
    isCa: isCa(c),
    keyAlgorithm: keyAlgorithm(c),
  };
}
