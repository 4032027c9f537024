// One CMS SignerInfo (RFC 5652 §5.3) built with pkijs over a digest computed elsewhere (streamed through
// node:crypto), and the checks of one SignerInfo read back: attributes, digest, signature.
import { constants, sign, verify, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { octetsOf, parsePkijs, toBuffer } from './encoding';
import { signingScheme, toPrivateKey, type PrivateKeyInput, type SigningScheme } from './engine';
import { PkiError, malformed } from './errors';
import { DIGEST_BY_OID, OID } from './oids';
import { notAfter, notBefore, parseCertificate, subjectKeyIdentifier, type ParsedCertificate } from './x509';

/** Who signs: their certificate, its private key, and the chain up to (and including) the company CA. */
export interface Signer {
  certificatePem: string;
  privateKeyPem: PrivateKeyInput;
  chain?: string[];
}

export interface PreparedSigner {
  certificate: ParsedCertificate;
  chain: ParsedCertificate[];
  key: KeyObject;
  scheme: SigningScheme;
}

/** Checks the signer's key against its certificate, and that the certificate is valid at signing time. */
export function prepareSigner(signer: Signer, signingTime: Date): PreparedSigner {
  const certificate = parseCertificate(signer.certificatePem, 'signer certificate');
  if (signingTime < notBefore(certificate) || signingTime > notAfter(certificate))
    throw new PkiError('PKI_CERTIFICATE_INVALID', {
      what: 'the signer certificate is not valid at the signing time',
      where: 'signer certificate',
    });
  const key = toPrivateKey(signer.privateKeyPem);
  const scheme = signingScheme(key);
  if (!certificate.x509.checkPrivateKey(key))
    throw new PkiError('PKI_KEY_INVALID', {
      what: 'the signing key does not belong to the signer certificate',
    });
  const chain = (signer.chain ?? [])
    .map((pem, i) => parseCertificate(pem, `chain[${i}]`))
    .filter((c) => !c.der.equals(certificate.der));
  return { certificate, chain, key, scheme };
}

export const sha256Algorithm = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }); // parameters absent (RFC 5754)

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5652 §11.3), whole seconds. */
function signingTimeValue(date: Date): asn1js.UTCTime | asn1js.GeneralizedTime {
  const value = new Date(Math.floor(date.getTime() / 1000) * 1000);
  const year = value.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? new asn1js.UTCTime({ valueDate: value })
    : new asn1js.GeneralizedTime({ valueDate: value });
}

/**
 * SignerInfo v1: issuerAndSerialNumber, digestAlgorithm sha256, signed attributes contentType,
 * signingTime and messageDigest (in DER SET OF order), signature ecdsa-with-SHA256 or
 * sha256WithRSAEncryption over the DER of that SET. Returns its DER.
 */
export function signerInfoDer(
  signer: PreparedSigner,
  digest: Buffer,
  signingTime: Date,
  contentType: string,
): Buffer {
  const attributes = [
    new pkijs.Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: contentType })],
    }),
    new pkijs.Attribute({ type: OID.signingTime, values: [signingTimeValue(signingTime)] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
  ]
    .map((attribute) => ({ attribute, der: toBuffer(attribute.toSchema().toBER(false)) }))
    .sort((a, b) => Buffer.compare(a.der, b.der));
  // The signature covers the attributes as a SET OF (tag 0x31), though SignerInfo stores them as [0].
  const signed = toBuffer(
    new asn1js.Set({ value: attributes.map((a) => a.attribute.toSchema()) }).toBER(false),
  );
  const signature = sign('sha256', signed, signer.key);
  const ecdsa = signer.scheme === 'ecdsa-p256-sha256';
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: signer.certificate.cert.issuer,
      serialNumber: signer.certificate.cert.serialNumber,
    }),
    digestAlgorithm: sha256Algorithm(),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: attributes.map((a) => a.attribute),
    }),
    signatureAlgorithm: ecdsa
      ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 }) // parameters absent (RFC 5758)
      : new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  return toBuffer(signerInfo.toSchema().toBER(false));
}

// ---- reading ----

interface ReadSignerInfo {
  info: pkijs.SignerInfo;
  digestName: 'sha256' | 'sha384' | 'sha512';
}

export function readSignerInfo(raw: Buffer, index: number): ReadSignerInfo {
  const where = `signerInfos[${index}]`;
  const info = parsePkijs(pkijs.SignerInfo, raw, () => malformed('not a SignerInfo', where));
  const digestName = DIGEST_BY_OID[info.digestAlgorithm.algorithmId];
  if (!digestName)
    throw new PkiError('PKI_CMS_UNSUPPORTED', {
      what: `digest algorithm ${info.digestAlgorithm.algorithmId} (SHA-256, SHA-384 and SHA-512 are accepted)`,
      where,
    });
  return { info, digestName };
}

/** The certificate the SignerInfo names (issuer and serial, or subject key identifier), if present. */
export function findSignerCertificate(
  info: pkijs.SignerInfo,
  candidates: ParsedCertificate[],
): ParsedCertificate | undefined {
  const sid = info.sid as pkijs.IssuerAndSerialNumber | asn1js.AsnType;
  if (sid instanceof pkijs.IssuerAndSerialNumber)
    return candidates.find(
      (c) => c.cert.issuer.isEqual(sid.issuer) && c.cert.serialNumber.isEqual(sid.serialNumber),
    );
  const keyId = octetsOf(sid);
  return candidates.find((c) => subjectKeyIdentifier(c)?.equals(keyId));
}

interface SignedAttributes {
  contentType: string;
  messageDigest: Buffer;
  signingTime: Date | null;
  /** The DER of the attributes as a SET, exactly as the signer signed them. */
  signedBytes: Buffer;
}

/** The three attributes every CMS signer here must have; each may appear once with one value. */
export function signedAttributes(info: pkijs.SignerInfo, where: string): SignedAttributes {
  if (!info.signedAttrs)
    throw new PkiError('PKI_CMS_UNSUPPORTED', { what: 'a signature without signed attributes', where });
  const single = (type: string) => {
    const found = info.signedAttrs!.attributes.filter((a) => a.type === type);
    if (found.length > 1 || (found[0] && found[0].values.length !== 1))
      throw malformed(`attribute ${type} must appear once with one value`, where);
    return found[0]?.values[0] as asn1js.AsnType | undefined;
  };
  const contentType = single(OID.contentType);
  const digest = single(OID.messageDigest);
  const time = single(OID.signingTime);
  if (!(contentType instanceof asn1js.ObjectIdentifier) || !(digest instanceof asn1js.OctetString))
    throw malformed('contentType and messageDigest attributes are required', where);
  const signingTime =
    time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime ? time.toDate() : null;
  return {
    contentType: contentType.getValue(),
    messageDigest: octetsOf(digest),
    signingTime,
    signedBytes: toBuffer(info.signedAttrs.encodedValue), // pkijs keeps the bytes, tag already 0x31
  };
}

const HASH_OF_SIGNATURE: Record<string, string | undefined> = {
  [OID.ecdsaWithSha256]: 'sha256',
  [OID.ecdsaWithSha384]: 'sha384',
  [OID.ecdsaWithSha512]: 'sha512',
  [OID.sha256WithRsa]: 'sha256',
  [OID.sha384WithRsa]: 'sha384',
  [OID.sha512WithRsa]: 'sha512',
};

/** 'ok', 'bad' (the signature does not hold) or an unsupported algorithm's description. */
export function checkSignature(
  info: pkijs.SignerInfo,
  digestName: string,
  signer: ParsedCertificate,
  data: Buffer,
): 'ok' | 'bad' | { unsupported: string } {
  const algorithm = info.signatureAlgorithm.algorithmId;
  const key = signer.x509.publicKey;
  const signature = octetsOf(info.signature);
  const implied = HASH_OF_SIGNATURE[algorithm];
  if (implied && implied !== digestName) return 'bad';
  const attempt = (work: () => boolean): 'ok' | 'bad' => {
    try {
      return work() ? 'ok' : 'bad';
    } catch {
      return 'bad';
    }
  };
  switch (algorithm) {
    case OID.ecdsaWithSha256:
    case OID.ecdsaWithSha384:
    case OID.ecdsaWithSha512:
    case OID.ecPublicKey:
      if (key.asymmetricKeyType !== 'ec') return 'bad';
      return attempt(() => verify(digestName, data, key, signature));
    case OID.rsaEncryption:
    case OID.sha256WithRsa:
    case OID.sha384WithRsa:
    case OID.sha512WithRsa:
      if (key.asymmetricKeyType !== 'rsa') return 'bad';
      return attempt(() =>
        verify(digestName, data, { key, padding: constants.RSA_PKCS1_PADDING }, signature),
      );
    case OID.rsaPss: {
      let hash: string | undefined;
      let saltLength: number;
      try {
        const params = new pkijs.RSASSAPSSParams({ schema: info.signatureAlgorithm.algorithmParams });
        const mgfHash = new pkijs.AlgorithmIdentifier({ schema: params.maskGenAlgorithm.algorithmParams });
        hash = DIGEST_BY_OID[params.hashAlgorithm.algorithmId];
        if (DIGEST_BY_OID[mgfHash.algorithmId] !== hash) hash = undefined;
        saltLength = params.saltLength;
      } catch {
        return { unsupported: 'RSASSA-PSS parameters' };
      }
      if (!hash) return { unsupported: 'RSASSA-PSS with SHA-1 or mixed hashes' };
      if (hash !== digestName) return 'bad';
      return attempt(() =>
        verify(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength }, signature),
      );
    }
    case OID.ed25519:
      return attempt(() => verify(null, data, key, signature));
    default:
      return { unsupported: `signature algorithm ${algorithm}` };
  }
}
