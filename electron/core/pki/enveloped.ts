// Writing envelopes, streamed: EnvelopedData (RFC 5652 §6) with AES-256-CBC, or AuthEnvelopedData
// (RFC 5083/5084) with AES-256-GCM, to RSA certificates (RSA-OAEP) and/or passwords (RFC 3211). The
// content goes through node:crypto's Cipheriv chunk by chunk inside indefinite-length frames, as
// `openssl cms -encrypt -stream` writes it, so memory stays flat whatever the size.
import { createCipheriv, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PkiError } from './errors';
import { TAG, chunk, close, der, header, integer, oid, open } from './frame';
import { chunksOf, type ContentInput } from './input';
import { OID } from './oids';
import { recipientInfo, type Recipient } from './recipients';

export type ContentCipher = 'aes-256-cbc' | 'aes-256-gcm';

export interface EncryptOptions {
  /** aes-256-cbc (EnvelopedData, the default, readable by any OpenSSL) or aes-256-gcm (AuthEnvelopedData, OpenSSL 3). */
  cipher?: ContentCipher;
}

const GCM_TAG_LENGTH = 16;

/**
 * The content encrypted to every recipient (certificates and/or passwords), as a stream of DER/BER
 * bytes: `pipeline(encrypt(signAttached(src, signer), recipients), out)` signs, then encrypts, in one
 * pass. With GCM the tag follows the content; CBC has no integrity of its own: sign inside it.
 */
export async function* encrypt(
  content: ContentInput,
  recipients: Recipient[],
  options: EncryptOptions = {},
): AsyncGenerator<Buffer> {
  const mode = options.cipher ?? 'aes-256-cbc';
  if (mode !== 'aes-256-cbc' && mode !== 'aes-256-gcm')
    throw new PkiError('PKI_INPUT_INVALID', { what: 'cipher must be aes-256-cbc or aes-256-gcm' });
  if (!Array.isArray(recipients) || recipients.length === 0)
    throw new PkiError('PKI_INPUT_INVALID', { what: 'an envelope needs at least one recipient' });
  const cek = randomBytes(32);
  try {
    const infos = [];
    for (const recipient of recipients) infos.push(await recipientInfo(recipient, cek));
    const gcm = mode === 'aes-256-gcm';
    const iv = randomBytes(gcm ? 12 : 16);
    const algorithm = gcm
      ? new pkijs.AlgorithmIdentifier({
          algorithmId: OID.aes256Gcm,
          algorithmParams: new asn1js.Sequence({
            value: [new asn1js.OctetString({ valueHex: iv }), new asn1js.Integer({ value: GCM_TAG_LENGTH })],
          }),
        })
      : new pkijs.AlgorithmIdentifier({
          algorithmId: OID.aes256Cbc,
          algorithmParams: new asn1js.OctetString({ valueHex: iv }),
        });
    const gcmCipher = gcm ? createCipheriv('aes-256-gcm', cek, iv, { authTagLength: GCM_TAG_LENGTH }) : null;
    const cipher = gcmCipher ?? createCipheriv('aes-256-cbc', cek, iv);
    // RFC 5652 §6.1: version 3 when a password recipient is present; AuthEnvelopedData is always 0.
    const version = !gcm && infos.some((i) => i.password) ? 3 : 0;
    const recipientInfos = Buffer.concat(infos.map((i) => i.der));

    yield Buffer.concat([
      open(TAG.sequence), // ContentInfo
      oid(gcm ? OID.authEnvelopedData : OID.envelopedData),
      open(TAG.context0),
      open(TAG.sequence), // (Auth)EnvelopedData
      integer(version),
      header(TAG.set, recipientInfos.length),
      recipientInfos,
      open(TAG.sequence), // EncryptedContentInfo
      oid(OID.data),
      der(algorithm.toSchema()),
      open(TAG.context0), // [0] IMPLICIT encryptedContent, chunked
    ]);
    for await (const piece of chunksOf(content)) {
      const out = cipher.update(piece);
      if (out.length > 0) yield* chunk(out);
    }
    const last = cipher.final();
    if (last.length > 0) yield* chunk(last);
    yield close(2); // encryptedContent, EncryptedContentInfo
    if (gcmCipher) yield der(new asn1js.OctetString({ valueHex: gcmCipher.getAuthTag() })); // mac
    yield close(3); // (Auth)EnvelopedData, [0], ContentInfo
  } finally {
    cek.fill(0);
  }
}
