// Writing CMS SignedData (RFC 5652 §5) signed by one user (ECDSA P-256) or by the company (RSA), with
// the signer's certificate and chain: detached over a Buffer or a stream, or attached and streamed with
// BER indefinite lengths, as `openssl cms -sign -stream` writes, so the content never sits in memory.
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { pemEncode } from './encoding';
import { TAG, chunk, close, der, header, integer, oid, open } from './frame';
import { chunksOf, type ContentInput } from './input';
import { OID } from './oids';
import {
  prepareSigner,
  sha256Algorithm,
  signerInfoDer,
  type PreparedSigner,
  type Signer,
} from './signer-info';

export type { Signer } from './signer-info';

export interface SignOptions {
  /** The signingTime attribute; now unless given. */
  signingTime?: Date;
}

const definite = (tag: number, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  return Buffer.concat([header(tag, body.length), body]);
};

const digestAlgorithms = () => der(new asn1js.Set({ value: [sha256Algorithm().toSchema()] }));

/** [0] IMPLICIT CertificateSet: the signer's certificate, then its chain, each exactly as issued. */
const certificatesField = (signer: PreparedSigner) =>
  definite(TAG.context0, signer.certificate.der, ...signer.chain.map((c) => c.der));

/**
 * A detached SignedData over the content (a Buffer or a stream, hashed with node:crypto as it passes):
 * version 1, digest SHA-256, eContentType id-data without eContent, certificates = signer + chain, one
 * SignerInfo. DER; `signaturePem` turns it into `-----BEGIN PKCS7-----` text.
 */
export async function signDetached(
  content: ContentInput,
  signer: Signer,
  options: SignOptions = {},
): Promise<Buffer> {
  const signingTime = options.signingTime ?? new Date();
  const prepared = prepareSigner(signer, signingTime);
  const hash = createHash('sha256');
  for await (const piece of chunksOf(content)) hash.update(piece);
  return detachedSignedData(prepared, hash.digest(), signingTime);
}

/**
 * The same detached SignedData over bytes already in memory, synchronously: for signatures made inside a
 * database transaction (audit checkpoints), which cannot wait for a stream.
 */
export function signDetachedSync(content: Buffer, signer: Signer, options: SignOptions = {}): Buffer {
  const signingTime = options.signingTime ?? new Date();
  const prepared = prepareSigner(signer, signingTime);
  return detachedSignedData(prepared, createHash('sha256').update(content).digest(), signingTime);
}

function detachedSignedData(prepared: PreparedSigner, digest: Buffer, signingTime: Date): Buffer {
  const signerInfo = signerInfoDer(prepared, digest, signingTime, OID.data);
  const signedData = definite(
    TAG.sequence,
    integer(1),
    digestAlgorithms(),
    definite(TAG.sequence, oid(OID.data)),
    certificatesField(prepared),
    definite(TAG.set, signerInfo),
  );
  return definite(TAG.sequence, oid(OID.signedData), definite(TAG.context0, signedData));
}

/**
 * An attached (encapsulated) SignedData, streamed: the content of any length goes out as a constructed
 * OCTET STRING of chunks inside indefinite-length frames while it is hashed; the certificates and the
 * SignerInfo follow it. Pipe the generator into a file: `pipeline(signAttached(src, signer), out)`.
 */
export async function* signAttached(
  content: ContentInput,
  signer: Signer,
  options: SignOptions = {},
): AsyncGenerator<Buffer> {
  const signingTime = options.signingTime ?? new Date();
  const prepared = prepareSigner(signer, signingTime);
  yield Buffer.concat([
    open(TAG.sequence), // ContentInfo
    oid(OID.signedData),
    open(TAG.context0),
    open(TAG.sequence), // SignedData
    integer(1),
    digestAlgorithms(),
    open(TAG.sequence), // EncapsulatedContentInfo
    oid(OID.data),
    open(TAG.context0),
    open(TAG.constructedOctetString),
  ]);
  const hash = createHash('sha256');
  for await (const piece of chunksOf(content)) {
    hash.update(piece);
    yield* chunk(piece);
  }
  const signerInfo = signerInfoDer(prepared, hash.digest(), signingTime, OID.data);
  yield Buffer.concat([
    close(3), // the OCTET STRING, [0] and EncapsulatedContentInfo
    certificatesField(prepared),
    definite(TAG.set, signerInfo),
    close(3), // SignedData, [0] and ContentInfo
  ]);
}

/** A SignedData as PEM text (`-----BEGIN PKCS7-----`), which `openssl cms -inform PEM` reads. */
export const signaturePem = (signedData: Buffer): string => pemEncode('PKCS7', signedData);
