// Reading X.509 certificates: one parse gives node:crypto's view (signatures, fingerprints, issuance
// checks) and pkijs's (names, extensions), both over the same DER bytes.
import { X509Certificate, createHash } from 'node:crypto';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { derFromInput, parsePkijs, toBuffer, type BinaryInput } from './encoding';
import { PkiError } from './errors';
import { OID } from './oids';

export interface ParsedCertificate {
  der: Buffer;
  x509: X509Certificate;
  cert: pkijs.Certificate;
}

const CERTIFICATE_LABELS = ['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE'] as const;

const invalidCertificate = (where: string) => () =>
  new PkiError('PKI_CERTIFICATE_INVALID', { what: 'not an X.509 certificate (PEM or DER)', where });

/** Parses one certificate from PEM (text or bytes) or DER; anything else is PKI_CERTIFICATE_INVALID. */
export function parseCertificate(input: BinaryInput, where = 'certificate'): ParsedCertificate {
  const invalid = invalidCertificate(where);
  const der = derFromInput(input, CERTIFICATE_LABELS, invalid);
  const cert = parsePkijs(pkijs.Certificate, der, invalid);
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
  } catch {
    throw invalid();
  }
  return { der, x509, cert };
}

const isString = (value: unknown): value is { valueBlock: { value: string } } =>
  typeof (value as { valueBlock?: { value?: unknown } })?.valueBlock?.value === 'string';

/** The first value of an attribute type in a name, decoded (UTF8String, BMPString, PrintableString, …). */
export function nameAttribute(name: pkijs.RelativeDistinguishedNames, type: string): string | null {
  const found = name.typesAndValues.find((tv) => tv.type === type);
  return found && isString(found.value) ? found.value.valueBlock.value : null;
}

/** A name as one line, most significant first, e.g. `O=…, CN=…` (for messages, not for comparison). */
export function nameLine(name: pkijs.RelativeDistinguishedNames): string {
  const short: Record<string, string> = {
    [OID.commonName]: 'CN',
    [OID.organizationName]: 'O',
    [OID.organizationalUnitName]: 'OU',
    [OID.serialNumber]: 'serialNumber',
    [OID.countryName]: 'C',
    [OID.userId]: 'UID',
  };
  return name.typesAndValues
    .map((tv) => `${short[tv.type] ?? tv.type}=${isString(tv.value) ? tv.value.valueBlock.value : '…'}`)
    .join(', ');
}

function extension(c: ParsedCertificate, oid: string): pkijs.Extension | undefined {
  return c.cert.extensions?.find((e) => e.extnID === oid);
}

export const KEY_USAGE = {
  digitalSignature: 0x80,
  nonRepudiation: 0x40,
  keyEncipherment: 0x20,
  dataEncipherment: 0x10,
  keyAgreement: 0x08,
  keyCertSign: 0x04,
  cRLSign: 0x02,
} as const;

/** The first byte of the keyUsage bits (digitalSignature = 0x80 … cRLSign = 0x02), or null without the extension. */
export function keyUsageBits(c: ParsedCertificate): number | null {
  const ext = extension(c, OID.keyUsage);
  if (!ext) return null;
  const bits = ext.parsedValue as asn1js.BitString | undefined;
  const view = bits?.valueBlock?.valueHexView;
  return view && view.length > 0 ? view[0] : 0;
}

/** The extended key usage purposes, or null without the extension. */
export function extendedKeyUsage(c: ParsedCertificate): string[] | null {
  const ext = extension(c, OID.extKeyUsage);
  if (!ext) return null;
  return (ext.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
}

export function isCa(c: ParsedCertificate): boolean {
  const ext = extension(c, OID.basicConstraints);
  return (ext?.parsedValue as pkijs.BasicConstraints | undefined)?.cA === true;
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING's bits. */
export function keyIdentifierOf(spki: pkijs.PublicKeyInfo): Buffer {
  return createHash('sha1').update(spki.subjectPublicKey.valueBlock.valueHexView).digest();
}

export function subjectKeyIdentifier(c: ParsedCertificate): Buffer | null {
  const ext = extension(c, OID.subjectKeyIdentifier);
  const value = ext?.parsedValue as asn1js.OctetString | undefined;
  return value ? toBuffer(value.valueBlock.valueHexView) : null;
}

export const notBefore = (c: ParsedCertificate): Date => c.cert.notBefore.value;
export const notAfter = (c: ParsedCertificate): Date => c.cert.notAfter.value;

/** `RSA-3072`, `EC-P-256`, `Ed25519`, … from the certificate's public key. */
export function keyAlgorithm(c: ParsedCertificate): string {
  const key = c.x509.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return `RSA-${details.modulusLength ?? '?'}`;
    case 'ec': {
      const curves: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
      return `EC-${curves[details.namedCurve ?? ''] ?? details.namedCurve ?? '?'}`;
    }
    case 'ed25519':
      return 'Ed25519';
    default:
      return key.asymmetricKeyType ?? 'unknown';
  }
}

/** True when both are the very same certificate (same DER bytes). */
export const sameCertificate = (a: ParsedCertificate, b: ParsedCertificate): boolean => a.der.equals(b.der);
