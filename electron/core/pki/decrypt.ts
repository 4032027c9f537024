// Opening envelopes, streamed: EnvelopedData (AES-CBC) and AuthEnvelopedData (AES-GCM), ours and
// openssl's (DER, BER from -stream, PEM "BEGIN CMS"), with an RSA private key (RSA-OAEP recipients) or a
// password (RFC 3211 recipients). Plaintext is yielded as it is decrypted; a wrong GCM tag or CBC padding
// throws at the very end, so whatever was written must then be discarded: decryptToFile does that.
import { createDecipheriv } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { writeFileIf } from './atomic-file';
import { BerReader } from './ber-reader';
import { octetsOf, parseAsn1 } from './encoding';
import { PkiError, malformed, unsupported } from './errors';
import { StreamFailure, cmsChunks, guardSource, writeTo, type CmsInput } from './input';
import { OID } from './oids';
import { openRecipientInfos, type Credential } from './recipients';

interface ContentCipher {
  name: string;
  keyLength: number;
  iv: Buffer;
  tagLength?: number;
}

const CBC: Record<string, [string, number]> = {
  [OID.aes128Cbc]: ['aes-128-cbc', 16],
  [OID.aes192Cbc]: ['aes-192-cbc', 24],
  [OID.aes256Cbc]: ['aes-256-cbc', 32],
};
const GCM: Record<string, [string, number]> = {
  [OID.aes128Gcm]: ['aes-128-gcm', 16],
  [OID.aes192Gcm]: ['aes-192-gcm', 24],
  [OID.aes256Gcm]: ['aes-256-gcm', 32],
};

function contentCipher(raw: Buffer, authenticated: boolean): ContentCipher {
  const algorithm = new pkijs.AlgorithmIdentifier({
    schema: parseAsn1(raw, () => malformed('contentEncryptionAlgorithm')),
  });
  const id = algorithm.algorithmId;
  if (!authenticated) {
    if (GCM[id]) throw unsupported('AES-GCM inside EnvelopedData (it belongs in AuthEnvelopedData)');
    const cbc = CBC[id];
    if (!cbc) throw unsupported(`content cipher ${id}`);
    const iv = octetsOf(algorithm.algorithmParams);
    if (iv.length !== 16) throw malformed('the CBC IV is not 16 bytes', 'contentEncryptionAlgorithm');
    return { name: cbc[0], keyLength: cbc[1], iv };
  }
  const gcm = GCM[id];
  if (!gcm) throw unsupported(`authenticated content cipher ${id}`);
  const params = (algorithm.algorithmParams as asn1js.Sequence)?.valueBlock?.value ?? [];
  const [nonce, icvLength] = params;
  if (!(nonce instanceof asn1js.OctetString)) throw malformed('GCMParameters', 'contentEncryptionAlgorithm');
  const tagLength = icvLength instanceof asn1js.Integer ? icvLength.valueBlock.valueDec : 12; // DEFAULT 12
  if (tagLength < 12 || tagLength > 16) throw unsupported(`a GCM tag of ${tagLength} bytes`);
  const iv = octetsOf(nonce);
  if (iv.length < 8 || iv.length > 64) throw malformed('the GCM nonce length', 'contentEncryptionAlgorithm');
  return { name: gcm[0], keyLength: gcm[1], iv, tagLength };
}

function recipientInfos(raw: Buffer): pkijs.RecipientInfo[] {
  const set = parseAsn1(raw, () => malformed('recipientInfos'));
  const items = (set as asn1js.Set).valueBlock?.value;
  if (!Array.isArray(items) || items.length === 0) throw malformed('recipientInfos is empty');
  return items.map((item, i) => {
    try {
      return new pkijs.RecipientInfo({ schema: item });
    } catch {
      throw malformed('not a RecipientInfo', `recipientInfos[${i}]`);
    }
  });
}

/**
 * The plaintext of an envelope, streamed. Throws PkiError: PKI_CMS_MALFORMED / PKI_CMS_UNSUPPORTED,
 * PKI_NO_RECIPIENT, PKI_DECRYPT_FAILED (before any plaintext) or PKI_INTEGRITY_FAILED (at the end:
 * discard what was written).
 */
export async function* decrypt(input: CmsInput, credential: Credential): AsyncGenerator<Buffer> {
  const reader = new BerReader(cmsChunks(guardSource(input)));
  try {
    yield* decryptFrom(reader, credential);
  } catch (error) {
    if (error instanceof StreamFailure) throw error.original;
    if (error instanceof PkiError) throw error;
    // pkijs refusing a structure it was handed: hostile or damaged input, said as such.
    throw malformed(`unreadable structure (${(error as Error)?.message ?? String(error)})`, 'envelope');
  } finally {
    await reader.release(); // a consumer that stops early (or an error) closes the input stream too
  }
}

async function* decryptFrom(reader: BerReader, credential: Credential): AsyncGenerator<Buffer> {
  const ci = await reader.expect(0x30, null, 'ContentInfo');
  const { raw: typeRaw } = await reader.element(ci.end, 256, 'contentType');
  const type = parseAsn1(typeRaw, () => malformed('contentType'));
  const authenticated = type instanceof asn1js.ObjectIdentifier && type.getValue() === OID.authEnvelopedData;
  if (!authenticated && !(type instanceof asn1js.ObjectIdentifier && type.getValue() === OID.envelopedData))
    throw malformed('not an EnvelopedData or AuthEnvelopedData', 'ContentInfo');
  const explicit = await reader.expect(0xa0, ci.end, 'ContentInfo content');
  const body = await reader.expect(0x30, explicit.end, 'EnvelopedData');
  await reader.element(body.end, 16, 'version');
  let field = await reader.header(body.end, 'EnvelopedData');
  if (field.tag === 0xa0) {
    await reader.skip(field, body.end, 'originatorInfo');
    field = await reader.header(body.end, 'EnvelopedData');
  }
  if (field.tag !== 0x31) throw malformed('recipientInfos missing', 'EnvelopedData');
  const infos = recipientInfos(await reader.rest(field, body.end, 1024 * 1024, 'recipientInfos'));

  const eci = await reader.expect(0x30, body.end, 'encryptedContentInfo');
  await reader.element(eci.end, 256, 'contentType');
  const cipherSpec = contentCipher(
    (await reader.element(eci.end, 1024, 'contentEncryptionAlgorithm')).raw,
    authenticated,
  );
  const cek = await openRecipientInfos(infos, credential, cipherSpec.keyLength);
  const decipher = cipherSpec.tagLength
    ? createDecipheriv(cipherSpec.name as 'aes-256-gcm', cek, cipherSpec.iv, {
        authTagLength: cipherSpec.tagLength,
      })
    : createDecipheriv(cipherSpec.name, cek, cipherSpec.iv);
  cek.fill(0);

  if (!(await reader.more(eci))) throw unsupported('an envelope without its encrypted content (detached)');
  const content = await reader.header(eci.end, 'encryptedContent');
  if ((content.tag & 0xdf) !== 0x80) throw malformed('encryptedContent is not [0]', 'encryptedContentInfo');
  for await (const piece of reader.octets(content, 'encryptedContent')) {
    const plain = decipher.update(piece);
    if (plain.length > 0) yield plain;
  }
  await reader.close(eci, 'encryptedContentInfo');

  if (authenticated) {
    let next = await reader.header(body.end, 'AuthEnvelopedData');
    if (next.tag === 0xa1) throw unsupported('authenticated attributes in AuthEnvelopedData');
    if (next.tag !== 0x04) throw malformed('mac missing', 'AuthEnvelopedData');
    const mac = await reader.take(next.length ?? 0, 'mac');
    if (mac.length !== cipherSpec.tagLength)
      throw malformed('the mac length differs from the GCM parameters');
    (decipher as ReturnType<typeof createDecipheriv> & { setAuthTag(tag: Buffer): void }).setAuthTag(mac);
    while (await reader.more(body)) {
      next = await reader.header(body.end, 'AuthEnvelopedData');
      if (next.tag !== 0xa2) throw malformed('unexpected field after the mac', 'AuthEnvelopedData');
      await reader.skip(next, body.end, 'unauthAttrs');
    }
  } else {
    while (await reader.more(body)) {
      const next = await reader.header(body.end, 'EnvelopedData');
      if (next.tag !== 0xa1) throw malformed('unexpected field after the content', 'EnvelopedData');
      await reader.skip(next, body.end, 'unprotectedAttrs');
    }
  }
  await reader.close(explicit, 'ContentInfo content');
  await reader.close(ci, 'ContentInfo');
  if (!(await reader.atEnd())) throw malformed('bytes after the envelope', reader.offset);
  let last: Buffer;
  try {
    last = decipher.final();
  } catch {
    throw new PkiError('PKI_INTEGRITY_FAILED', {
      what: authenticated
        ? 'the GCM tag does not match: the envelope was altered'
        : 'bad padding: the envelope was altered',
    });
  }
  if (last.length > 0) yield last;
}

/** decrypt() into `path`, which exists afterwards only if the whole envelope opened and checked out. */
export async function decryptToFile(
  input: CmsInput,
  path: string,
  credential: Credential,
): Promise<{ bytes: number }> {
  return writeFileIf(
    path,
    async (output) => {
      let bytes = 0;
      try {
        for await (const piece of decrypt(input, credential)) {
          bytes += piece.length;
          await writeTo(output, piece);
        }
      } catch (error) {
        throw error instanceof StreamFailure ? error.original : error;
      }
      return { bytes };
    },
    () => true,
  );
}
