// Building and signing X.509 v3 certificates with pkijs: names with one attribute per RDN, positive
// random serials, whole-second validity (UTCTime until 2049, GeneralizedTime after), the extensions used.
import { randomBytes, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { engine, webcryptoSigningKey } from './engine';
import { toBuffer } from './encoding';
import { PkiError } from './errors';
import { OID } from './oids';

export type NameAttribute = readonly [type: string, value: string, as?: 'utf8' | 'printable'];

/** A Name with each attribute in its own RDN (pkijs alone would put them all in one multi-valued RDN). */
export function buildName(attributes: readonly NameAttribute[]): pkijs.RelativeDistinguishedNames {
  const sequence = new asn1js.Sequence({
    value: attributes.map(
      ([type, value, as]) =>
        new asn1js.Set({
          value: [
            new pkijs.AttributeTypeAndValue({
              type,
              value:
                as === 'printable' ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }),
            }).toSchema(),
          ],
        }),
    ),
  });
  return pkijs.RelativeDistinguishedNames.fromBER(sequence.toBER(false));
}

/** A copy of a name that keeps its exact encoding (issuer of a child = subject of its CA, byte for byte). */
export const copyName = (name: pkijs.RelativeDistinguishedNames): pkijs.RelativeDistinguishedNames =>
  pkijs.RelativeDistinguishedNames.fromBER(name.toSchema().toBER(false));

/** Checks a name part as RFC 5280's upper bound (64) and common sense (no control characters) want it. */
export function checkNamePart(label: string, value: unknown, max = 64): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new PkiError('PKI_INPUT_INVALID', { what: `${label} is empty` });
  if ([...text].length > max)
    throw new PkiError('PKI_INPUT_INVALID', { what: `${label} is longer than ${max} characters` });
  if (/\p{Cc}/u.test(text))
    throw new PkiError('PKI_INPUT_INVALID', { what: `${label} has control characters` });
  return text;
}

/** A unified social credit code's shape (18 characters, digits and capitals); its checksum is the caller's. */
export function checkCreditCode(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const code = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code))
    throw new PkiError('PKI_INPUT_INVALID', { what: 'credit code is not 18 digits and capital letters' });
  return code;
}

/** Positive, minimally encoded 128-bit serial (top bit clear, first byte non-zero). */
function randomSerial(): asn1js.Integer {
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  if (serial[0] === 0) serial[0] = 1;
  return new asn1js.Integer({ valueHex: serial });
}

const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050; no fractions of a second. */
export function x509Time(date: Date): pkijs.Time {
  const value = wholeSeconds(date);
  return new pkijs.Time({ type: value.getUTCFullYear() < 2050 ? 0 : 1, value });
}

export function addYears(date: Date, years: number): Date {
  const out = new Date(date.getTime());
  out.setUTCFullYear(out.getUTCFullYear() + years);
  return out;
}

/** A few minutes back, so a recipient whose clock is behind still accepts what was made just now. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

function ext(extnID: string, critical: boolean, value: asn1js.AsnType | pkijs.PkiObject): pkijs.Extension {
  const schema = value instanceof pkijs.PkiObject ? value.toSchema() : value;
  return new pkijs.Extension({ extnID, critical, extnValue: schema.toBER(false), parsedValue: value });
}

export const basicConstraints = (cA: boolean) =>
  ext(OID.basicConstraints, true, new pkijs.BasicConstraints(cA ? { cA: true } : {}));

/** keyUsage from the first-byte bits (x509.KEY_USAGE), DER-minimal: trailing zero bits are unused bits. */
export function keyUsage(bits: number): pkijs.Extension {
  let unused = 0;
  while (unused < 7 && !(bits & (1 << unused))) unused++;
  const value = new asn1js.BitString({ valueHex: Uint8Array.from([bits]), unusedBits: unused });
  return ext(OID.keyUsage, true, value);
}

export const extKeyUsage = (purposes: string[]) =>
  ext(OID.extKeyUsage, false, new pkijs.ExtKeyUsage({ keyPurposes: purposes }));

export const subjectKeyId = (keyId: Buffer) =>
  ext(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: keyId }));

export const authorityKeyId = (keyId: Buffer) =>
  ext(
    OID.authorityKeyIdentifier,
    false,
    new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: keyId }) }),
  );

interface CertificateTemplate {
  subject: pkijs.RelativeDistinguishedNames;
  issuer: pkijs.RelativeDistinguishedNames;
  spki: pkijs.PublicKeyInfo;
  notBefore: Date;
  notAfter: Date;
  extensions: pkijs.Extension[];
  signingKey: KeyObject;
}

/** Signs the template (SHA-256 with the issuer's RSA or ECDSA P-256 key); returns the DER certificate. */
export async function signCertificate(template: CertificateTemplate): Promise<Buffer> {
  if (template.notAfter.getTime() <= template.notBefore.getTime())
    throw new PkiError('PKI_INPUT_INVALID', { what: 'validity ends before it starts' });
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = randomSerial();
  cert.issuer = template.issuer;
  cert.subject = template.subject;
  cert.notBefore = x509Time(template.notBefore);
  cert.notAfter = x509Time(template.notAfter);
  cert.subjectPublicKeyInfo = template.spki;
  cert.extensions = template.extensions;
  await cert.sign(await webcryptoSigningKey(template.signingKey), 'SHA-256', engine);
  return toBuffer(cert.toSchema().toBER(false)); // the TBS bytes exactly as signed
}

export const spkiOf = (publicKey: KeyObject): pkijs.PublicKeyInfo =>
  pkijs.PublicKeyInfo.fromBER(publicKey.export({ type: 'spki', format: 'der' }));
