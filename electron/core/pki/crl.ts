// X.509 v2 CRLs issued by the company CA: which user certificates are revoked, since when and why.
// `openssl crl -CAfile company.pem -noout` checks one; `openssl verify -crl_check -CRLfile` uses it.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { copyName, x509Time } from './cert-builder';
import { derFromInput, parsePkijs, pemEncode, toBuffer, type BinaryInput } from './encoding';
import { engine, toPrivateKey, webcryptoSigningKey } from './engine';
import { PkiError } from './errors';
import { OID } from './oids';
import {
  isCa,
  keyIdentifierOf,
  parseCertificate,
  subjectKeyIdentifier,
  type ParsedCertificate,
} from './x509';

export const REVOCATION_REASONS = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  privilegeWithdrawn: 9,
} as const;

export type RevocationReason = keyof typeof REVOCATION_REASONS;

export interface RevokedEntry {
  /** The certificate's serial number in hex (as certificateInfo's certificateSerial or openssl prints it). */
  serial: string;
  at: Date;
  reason?: RevocationReason;
}

export interface ParsedCrl {
  der: Buffer;
  crl: pkijs.CertificateRevocationList;
}

const invalidCrl = () => new PkiError('PKI_CRL_INVALID', { what: 'not an X.509 CRL (PEM or DER)' });

export function parseCrl(input: BinaryInput): ParsedCrl {
  const der = derFromInput(input, ['X509 CRL'], invalidCrl);
  return { der, crl: parsePkijs(pkijs.CertificateRevocationList, der, invalidCrl) };
}

function serialInteger(hex: string): asn1js.Integer {
  const clean = hex.replace(/[:\s]/g, '');
  if (!/^[0-9a-fA-F]{1,64}$/.test(clean))
    throw new PkiError('PKI_INPUT_INVALID', { what: 'a revoked serial is not hex', where: 'revoked' });
  return asn1js.Integer.fromBigInt(BigInt(`0x${clean}`));
}

function entry(revoked: RevokedEntry): pkijs.RevokedCertificate {
  const code = REVOCATION_REASONS[revoked.reason ?? 'unspecified'];
  if (code === undefined) throw new PkiError('PKI_INPUT_INVALID', { what: 'unknown revocation reason' });
  if (!(revoked.at instanceof Date) || Number.isNaN(revoked.at.getTime()))
    throw new PkiError('PKI_INPUT_INVALID', { what: 'a revocation date is not a date', where: 'revoked' });
  return new pkijs.RevokedCertificate({
    userCertificate: serialInteger(revoked.serial),
    revocationDate: x509Time(revoked.at),
    // RFC 5280 §5.3.1: reasonCode unspecified SHOULD be left out.
    ...(code === 0
      ? {}
      : {
          crlEntryExtensions: new pkijs.Extensions({
            extensions: [
              new pkijs.Extension({
                extnID: OID.crlReason,
                critical: false,
                extnValue: new asn1js.Enumerated({ value: code }).toBER(false),
              }),
            ],
          }),
        }),
  });
}

/**
 * A CRL signed by the company CA (SHA-256 with its RSA key): version 2, issuer = the CA's subject
 * byte for byte, authorityKeyIdentifier and cRLNumber (seconds of thisUpdate unless given), one entry
 * per revoked serial with its date and reason.
 */
export async function createCrl(
  ca: { certificatePem: string; privateKeyPem: string },
  revoked: RevokedEntry[],
  options: { thisUpdate?: Date; nextUpdate: Date; crlNumber?: bigint },
): Promise<{ der: Buffer; pem: string }> {
  const caCert = parseCertificate(ca.certificatePem, 'company certificate');
  if (!isCa(caCert))
    throw new PkiError('PKI_CERTIFICATE_INVALID', {
      what: 'the company certificate is not a CA',
      where: 'ca',
    });
  const key = toPrivateKey(ca.privateKeyPem);
  if (!caCert.x509.checkPrivateKey(key))
    throw new PkiError('PKI_KEY_INVALID', { what: 'the company key does not belong to its certificate' });
  const thisUpdate = options.thisUpdate ?? new Date();
  if (!(options.nextUpdate?.getTime() > thisUpdate.getTime()))
    throw new PkiError('PKI_INPUT_INVALID', { what: 'nextUpdate must come after thisUpdate' });
  const keyId = subjectKeyIdentifier(caCert) ?? keyIdentifierOf(caCert.cert.subjectPublicKeyInfo);
  const crlNumber = options.crlNumber ?? BigInt(Math.floor(thisUpdate.getTime() / 1000));

  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    issuer: copyName(caCert.cert.subject),
    thisUpdate: x509Time(thisUpdate),
    nextUpdate: x509Time(options.nextUpdate),
    crlExtensions: new pkijs.Extensions({
      extensions: [
        new pkijs.Extension({
          extnID: OID.authorityKeyIdentifier,
          critical: false,
          extnValue: new pkijs.AuthorityKeyIdentifier({
            keyIdentifier: new asn1js.OctetString({ valueHex: keyId }),
          })
            .toSchema()
            .toBER(false),
        }),
        new pkijs.Extension({
          extnID: OID.crlNumber,
          critical: false,
          extnValue: asn1js.Integer.fromBigInt(crlNumber).toBER(false),
        }),
      ],
    }),
  });
  if (revoked.length > 0) crl.revokedCertificates = revoked.map(entry);
  await crl.sign(await webcryptoSigningKey(key), 'SHA-256', engine);
  const der = toBuffer(crl.toSchema().toBER(false)); // the TBS bytes exactly as signed
  return { der, pem: pemEncode('X509 CRL', der) };
}

/** True when the CRL names this issuer and is signed by its key. */
export async function crlIssuedBy(parsed: ParsedCrl, issuer: ParsedCertificate): Promise<boolean> {
  if (!parsed.crl.issuer.isEqual(issuer.cert.subject)) return false;
  try {
    return await parsed.crl.verify({ issuerCertificate: issuer.cert }, engine);
  } catch {
    return false;
  }
}

/** When the CRL lists the certificate (same issuer, same serial): the revocation date, else null. */
export function revokedAt(parsed: ParsedCrl, certificate: ParsedCertificate): Date | null {
  if (!parsed.crl.issuer.isEqual(certificate.cert.issuer)) return null;
  const serial = certificate.cert.serialNumber.toBigInt(); // by value: encodings may differ in leading zeros
  const found = parsed.crl.revokedCertificates?.find((r) => r.userCertificate.toBigInt() === serial);
  return found ? found.revocationDate.value : null;
}
