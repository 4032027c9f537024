// Verifying CMS SignedData — ours, and what `openssl cms -sign` writes, with or without -stream — as
// DER, BER or PEM: the content is streamed (out to a Writable, for attached signatures) while it is
// hashed, and success is reported only at the end: messageDigest, signature, then the chain to the
// caller's trust anchors (CRLs and time included). Failures are named values, not exceptions.
import { createHash, type Hash } from 'node:crypto';
import type { Writable } from 'node:stream';
import * as asn1js from 'asn1js';
import { writeFileIf } from './atomic-file';
import { BerReader, type Header } from './ber-reader';
import { certificateInfo } from './certificates';
import { validateChain } from './chain';
import { parseCrl } from './crl';
import { parseAsn1, rawOf, type BinaryInput } from './encoding';
import { PkiError, isPkiError, malformed } from './errors';
import {
  StreamFailure,
  chunksOf,
  cmsChunks,
  guardSource,
  writeTo,
  type CmsInput,
  type ContentInput,
} from './input';
import { DIGEST_BY_OID, OID } from './oids';
import { checkSignature, findSignerCertificate, readSignerInfo, signedAttributes } from './signer-info';
import { parseCertificate, type ParsedCertificate } from './x509';

export interface VerifyOptions {
  /** The certificates trusted to issue signers' certificates: the company CA. */
  trustAnchors: BinaryInput[];
  /** More certificates to build the path with, beyond those the message carries. */
  intermediates?: BinaryInput[];
  /** CRLs issued by the anchors (or intermediates); a listed certificate is `revoked`. */
  crls?: BinaryInput[];
  /** The time at which every certificate must be valid; now unless given (as openssl's -attime). */
  at?: Date;
}

export type VerifyFailure =
  | 'digest-mismatch'
  | 'bad-signature'
  | 'untrusted-chain'
  | 'revoked'
  | 'expired'
  | 'malformed'
  | 'unsupported';

export interface SignerSummary {
  subject: string;
  organisation: string | null;
  role: string | null;
  userId: string | null;
  fingerprintSha256: string;
  certificateSerial: string;
  /** The signingTime attribute (ISO 8601), as the signer claims it. */
  signingTime: string | null;
}

export type VerifyResult =
  | { ok: true; signers: SignerSummary[]; contentType: string; contentBytes: number }
  | { ok: false; failure: VerifyFailure; detail: string; signer?: SignerSummary };

interface Parsed {
  contentType: string;
  digests: Map<string, Buffer>;
  contentBytes: number;
  certificates: ParsedCertificate[];
  signerInfos: Buffer[];
}

const MAX_FIELD = 4 * 1024 * 1024; // certificates or SignerInfos of one message

async function readOid(reader: BerReader, limit: number | null, what: string): Promise<string> {
  const { raw } = await reader.element(limit, 256, what);
  const value = parseAsn1(raw, () => malformed(`${what} is not an OBJECT IDENTIFIER`));
  if (!(value instanceof asn1js.ObjectIdentifier)) throw malformed(`${what} is not an OBJECT IDENTIFIER`);
  return value.getValue();
}

function childrenOf(raw: Buffer, what: string): asn1js.AsnType[] {
  const value = parseAsn1(raw, () => malformed(what));
  const children = (value as asn1js.Constructed).valueBlock?.value;
  if (!Array.isArray(children)) throw malformed(what);
  return children;
}

async function hashContent(
  pieces: AsyncIterable<Buffer>,
  hashes: Map<string, Hash>,
  output: Writable | null,
): Promise<number> {
  let bytes = 0;
  for await (const piece of pieces) {
    for (const hash of hashes.values()) hash.update(piece);
    bytes += piece.length;
    if (output) await writeTo(output, piece);
  }
  return bytes;
}

async function parseSignedData(
  reader: BerReader,
  detached: ContentInput | null,
  output: Writable | null,
): Promise<Parsed> {
  const ci = await reader.expect(0x30, null, 'ContentInfo');
  const type = await readOid(reader, ci.end, 'contentType');
  if (type !== OID.signedData) throw malformed(`content type ${type} is not SignedData`, 'ContentInfo');
  const explicit = await reader.expect(0xa0, ci.end, 'ContentInfo content');
  const sd = await reader.expect(0x30, explicit.end, 'SignedData');
  await reader.element(sd.end, 16, 'version');
  const algorithms = childrenOf(
    (await reader.element(sd.end, 4096, 'digestAlgorithms')).raw,
    'digestAlgorithms',
  );
  const hashes = new Map<string, Hash>();
  for (const algorithm of algorithms) {
    const id = (algorithm as asn1js.Sequence).valueBlock?.value?.[0];
    const name = id instanceof asn1js.ObjectIdentifier ? DIGEST_BY_OID[id.getValue()] : undefined;
    if (name && !hashes.has(name)) hashes.set(name, createHash(name));
  }

  const encap = await reader.expect(0x30, sd.end, 'encapContentInfo');
  const contentType = await readOid(reader, encap.end, 'eContentType');
  let contentBytes: number;
  if (await reader.more(encap)) {
    if (detached) throw malformed('the signature carries its content: verify it as attached', 'eContent');
    const wrapper = await reader.expect(0xa0, encap.end, 'eContent');
    const string: Header = await reader.header(wrapper.end, 'eContent');
    if ((string.tag & 0xdf) !== 0x04) throw malformed('eContent is not an OCTET STRING');
    contentBytes = await hashContent(reader.octets(string, 'eContent'), hashes, output);
    await reader.close(wrapper, 'eContent');
    await reader.close(encap, 'encapContentInfo');
  } else {
    if (!detached) throw malformed('the signature is detached: give the content it signs', 'eContent');
    contentBytes = await hashContent(chunksOf(guardSource(detached)), hashes, output);
  }

  let certificates: ParsedCertificate[] = [];
  let signerInfos: Buffer[] | null = null;
  while (await reader.more(sd)) {
    const field = await reader.header(sd.end, 'SignedData field');
    if (signerInfos) throw malformed('a field after signerInfos', 'SignedData');
    const raw = await reader.rest(field, sd.end, MAX_FIELD, 'SignedData field');
    if (field.tag === 0xa0)
      certificates = childrenOf(raw, 'certificates')
        .filter((c) => c.idBlock.tagClass === 1 && c.idBlock.tagNumber === 16) // plain X.509, not attribute certs
        .map((c, i) => parseCertificate(rawOf(c), `certificates[${i}]`));
    else if (field.tag === 0x31) signerInfos = childrenOf(raw, 'signerInfos').map(rawOf);
    else if (field.tag !== 0xa1) throw malformed(`unknown field 0x${field.tag.toString(16)}`, 'SignedData');
  }
  if (!signerInfos || signerInfos.length === 0) throw malformed('no signerInfos', 'SignedData');
  await reader.close(explicit, 'ContentInfo content');
  await reader.close(ci, 'ContentInfo');
  if (!(await reader.atEnd())) throw malformed('bytes after the SignedData', reader.offset);
  const digests = new Map([...hashes].map(([name, hash]) => [name, hash.digest()]));
  return { contentType, digests, contentBytes, certificates, signerInfos };
}

function summary(cert: ParsedCertificate, signingTime: Date | null): SignerSummary {
  const info = certificateInfo(cert.der);
  return {
    subject: info.subject,
    organisation: info.organisation,
    role: info.unit,
    userId: info.userId,
    fingerprintSha256: info.fingerprintSha256,
    certificateSerial: info.certificateSerial,
    signingTime: signingTime ? signingTime.toISOString() : null,
  };
}

async function evaluate(parsed: Parsed, options: VerifyOptions): Promise<VerifyResult> {
  const anchors = options.trustAnchors.map((c, i) => parseCertificate(c, `trustAnchors[${i}]`));
  if (anchors.length === 0) throw new PkiError('PKI_INPUT_INVALID', { what: 'no trust anchor given' });
  const intermediates = (options.intermediates ?? []).map((c, i) =>
    parseCertificate(c, `intermediates[${i}]`),
  );
  const crls = (options.crls ?? []).map(parseCrl);
  const at = options.at ?? new Date();
  const signers: SignerSummary[] = [];
  for (const [i, raw] of parsed.signerInfos.entries()) {
    const where = `signerInfos[${i}]`;
    const { info, digestName } = readSignerInfo(raw, i);
    const digest = parsed.digests.get(digestName);
    if (!digest) throw malformed(`digest ${digestName} is not among digestAlgorithms`, where);
    const attributes = signedAttributes(info, where);
    const cert = findSignerCertificate(info, [...parsed.certificates, ...intermediates, ...anchors]);
    if (!cert)
      return { ok: false, failure: 'untrusted-chain', detail: `${where}: its certificate is not known` };
    const signer = summary(cert, attributes.signingTime);
    if (!attributes.messageDigest.equals(digest))
      return {
        ok: false,
        failure: 'digest-mismatch',
        detail: `${where}: the content is not what was signed`,
        signer,
      };
    if (attributes.contentType !== parsed.contentType)
      return {
        ok: false,
        failure: 'bad-signature',
        detail: `${where}: contentType attribute differs`,
        signer,
      };
    const signature = checkSignature(info, digestName, cert, attributes.signedBytes);
    if (signature === 'bad')
      return { ok: false, failure: 'bad-signature', detail: `${where}: the signature does not hold`, signer };
    if (signature !== 'ok')
      return { ok: false, failure: 'unsupported', detail: signature.unsupported, signer };
    const chain = await validateChain(cert, {
      anchors,
      pool: [...parsed.certificates, ...intermediates],
      crls,
      at,
    });
    if (!chain.ok) return { ok: false, failure: chain.failure, detail: `${where}: ${chain.detail}`, signer };
    signers.push(signer);
  }
  return { ok: true, signers, contentType: parsed.contentType, contentBytes: parsed.contentBytes };
}

async function run(
  input: CmsInput,
  detached: ContentInput | null,
  output: Writable | null,
  options: VerifyOptions,
) {
  let parsed: Parsed;
  const reader = new BerReader(cmsChunks(guardSource(input)));
  try {
    parsed = await parseSignedData(reader, detached, output);
  } catch (error) {
    await reader.release().catch(() => undefined);
    if (error instanceof StreamFailure) throw error.original;
    if (isPkiError(error, 'PKI_CMS_UNSUPPORTED'))
      return { ok: false, failure: 'unsupported', detail: error.message } as const;
    if (isPkiError(error, 'PKI_CMS_MALFORMED') || isPkiError(error, 'PKI_CERTIFICATE_INVALID'))
      return { ok: false, failure: 'malformed', detail: error.message } as const;
    if (isPkiError(error)) throw error;
    return {
      ok: false,
      failure: 'malformed',
      detail: `unreadable structure (${(error as Error)?.message})`,
    } as const;
  }
  try {
    return await evaluate(parsed, options);
  } catch (error) {
    if (isPkiError(error, 'PKI_CMS_UNSUPPORTED'))
      return { ok: false, failure: 'unsupported', detail: error.message } as const;
    if (isPkiError(error, 'PKI_CMS_MALFORMED'))
      return { ok: false, failure: 'malformed', detail: error.message } as const;
    if (isPkiError(error)) throw error; // the caller's own arguments (anchors, CRLs)
    return {
      ok: false,
      failure: 'malformed',
      detail: `unreadable structure (${(error as Error)?.message})`,
    } as const;
  }
}

/** Verifies a detached signature (DER, BER or PEM) over content given as a Buffer or a stream. */
export function verifyDetached(
  signature: CmsInput,
  content: ContentInput,
  options: VerifyOptions,
): Promise<VerifyResult> {
  return run(signature, content, null, options);
}

/**
 * Verifies an attached SignedData, streaming its content to `output` (or nowhere, given null) while it
 * is hashed. Whatever was written is unverified until the result says ok: use verifyAttachedToFile to
 * keep a file only then.
 */
export function verifyAttached(
  input: CmsInput,
  output: Writable | null,
  options: VerifyOptions,
): Promise<VerifyResult> {
  return run(input, null, output, options);
}

/** verifyAttached into `path`, which exists afterwards only if verification succeeded. */
export function verifyAttachedToFile(
  input: CmsInput,
  path: string,
  options: VerifyOptions,
): Promise<VerifyResult> {
  return writeFileIf(
    path,
    (output) => verifyAttached(input, output, options),
    (result) => result.ok,
  );
}
