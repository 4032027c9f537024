// RecipientInfos: key transport to an RSA certificate with RSAES-OAEP (SHA-256, MGF1-SHA-256), and
// password recipients (RFC 3211: PBKDF2-HMAC-SHA256 + id-alg-PWRI-KEK with AES-CBC). The structures are
// pkijs's; the RFC 3211 key wrap is AES-CBC run twice, as the RFC defines it (node:crypto does the AES).
import {
  constants,
  createCipheriv,
  createDecipheriv,
  pbkdf2,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { octetsOf, toBuffer, type BinaryInput } from './encoding';
import { toPrivateKey, type PrivateKeyInput } from './engine';
import { PkiError, unsupported } from './errors';
import { DIGEST_BY_OID, HMAC_BY_OID, OID } from './oids';
import {
  KEY_USAGE,
  keyUsageBits,
  notAfter,
  parseCertificate,
  subjectKeyIdentifier,
  type ParsedCertificate,
} from './x509';

/** To whom an envelope is encrypted: an RSA certificate, or a password. */
export type Recipient = { certificate: BinaryInput } | { password: string; iterations?: number };

/** What opens an envelope: a private key (its certificate, when given, picks the recipient), or a password. */
export type Credential = { privateKey: PrivateKeyInput; certificate?: BinaryInput } | { password: string };

export const PWRI_ITERATIONS = 600_000;
const MAX_READ_ITERATIONS = 10_000_000; // a hostile file must not buy hours of PBKDF2
const pbkdf2Async = promisify(pbkdf2);

const KEK_CIPHERS: Record<string, { name: string; keyLength: number }> = {
  [OID.aes128Cbc]: { name: 'aes-128-cbc', keyLength: 16 },
  [OID.aes192Cbc]: { name: 'aes-192-cbc', keyLength: 24 },
  [OID.aes256Cbc]: { name: 'aes-256-cbc', keyLength: 32 },
};

const sha256Id = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });

function keyTransport(certificate: ParsedCertificate, cek: Buffer): pkijs.RecipientInfo {
  const key = certificate.x509.publicKey;
  if (key.asymmetricKeyType !== 'rsa')
    throw new PkiError('PKI_CERTIFICATE_INVALID', {
      what: 'a recipient certificate needs an RSA key',
      where: 'recipients',
    });
  const usage = keyUsageBits(certificate);
  if (usage !== null && !(usage & KEY_USAGE.keyEncipherment))
    throw new PkiError('PKI_CERTIFICATE_INVALID', {
      what: 'the recipient certificate is not for encryption',
      where: 'recipients',
    });
  if (notAfter(certificate).getTime() < Date.now())
    throw new PkiError('PKI_CERTIFICATE_INVALID', {
      what: 'the recipient certificate has expired',
      where: 'recipients',
    });
  const encryptedKey = publicEncrypt(
    { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    cek,
  );
  const params = new pkijs.RSAESOAEPParams({
    hashAlgorithm: sha256Id(),
    maskGenAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID.mgf1,
      algorithmParams: sha256Id().toSchema(),
    }),
  });
  return new pkijs.RecipientInfo({
    variant: 1,
    value: new pkijs.KeyTransRecipientInfo({
      version: 0,
      rid: new pkijs.IssuerAndSerialNumber({
        issuer: certificate.cert.issuer,
        serialNumber: certificate.cert.serialNumber,
      }),
      keyEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: OID.rsaOaep,
        algorithmParams: params.toSchema(),
      }),
      encryptedKey: new asn1js.OctetString({ valueHex: encryptedKey }),
    }),
  });
}

/** RFC 3211 §2.3.1: length, three check bytes, the key, random padding to ≥ 2 blocks; CBC-encrypted twice. */
function wrap(kek: Buffer, iv: Buffer, cek: Buffer, cipher: string): Buffer {
  const block = 16;
  const head = Buffer.concat([
    Buffer.from([cek.length]),
    Buffer.from(cek.subarray(0, 3).map((b) => ~b & 0xff)),
    cek,
  ]);
  const size = Math.max(2 * block, Math.ceil(head.length / block) * block);
  const padded = Buffer.concat([head, randomBytes(size - head.length)]);
  const aes = createCipheriv(cipher, kek, iv).setAutoPadding(false);
  return aes.update(aes.update(padded)); // the second pass chains on from the first pass's last block
}

/** The inverse of wrap; null when the check bytes say the password (the KEK) is wrong. */
function unwrap(kek: Buffer, iv: Buffer, wrapped: Buffer, cipher: string): Buffer | null {
  const block = 16;
  const n = wrapped.length;
  if (n < 2 * block || n % block !== 0) return null;
  const decrypt = (chain: Buffer, data: Buffer) =>
    createDecipheriv(cipher, kek, chain).setAutoPadding(false).update(data);
  const lastOfFirstPass = decrypt(wrapped.subarray(n - 2 * block, n - block), wrapped.subarray(n - block));
  const plain = decrypt(iv, decrypt(lastOfFirstPass, wrapped));
  const length = plain[0];
  if (length === 0 || 4 + length > n) return null;
  const key = plain.subarray(4, 4 + length);
  if (((plain[1] ^ key[0]) & (plain[2] ^ key[1]) & (plain[3] ^ key[2])) !== 0xff) return null;
  return Buffer.from(key);
}

async function passwordRecipient(
  password: string,
  iterations: number,
  cek: Buffer,
): Promise<pkijs.RecipientInfo> {
  if (typeof password !== 'string' || [...password].length < 8)
    throw new PkiError('PKI_INPUT_INVALID', { what: 'an envelope password needs at least 8 characters' });
  if (!Number.isSafeInteger(iterations) || iterations < PWRI_ITERATIONS || iterations > MAX_READ_ITERATIONS)
    throw new PkiError('PKI_INPUT_INVALID', {
      what: `PBKDF2 iterations must be ${PWRI_ITERATIONS} to ${MAX_READ_ITERATIONS}`,
    });
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const kek = await pbkdf2Async(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  const wrapped = wrap(kek, iv, cek, 'aes-256-cbc');
  kek.fill(0);
  return new pkijs.RecipientInfo({
    variant: 4,
    value: new pkijs.PasswordRecipientinfo({
      version: 0,
      keyDerivationAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: OID.pbkdf2,
        algorithmParams: new pkijs.PBKDF2Params({
          salt: new asn1js.OctetString({ valueHex: salt }),
          iterationCount: iterations,
          prf: new pkijs.AlgorithmIdentifier({
            algorithmId: OID.hmacWithSha256,
            algorithmParams: new asn1js.Null(),
          }),
        }).toSchema(),
      }),
      keyEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: OID.pwriKek,
        algorithmParams: new pkijs.AlgorithmIdentifier({
          algorithmId: OID.aes256Cbc,
          algorithmParams: new asn1js.OctetString({ valueHex: iv }),
        }).toSchema(),
      }),
      encryptedKey: new asn1js.OctetString({ valueHex: wrapped }),
    }),
  });
}

/** One RecipientInfo for the content-encryption key, as DER, and whether it is a password recipient. */
export async function recipientInfo(
  recipient: Recipient,
  cek: Buffer,
): Promise<{ der: Buffer; password: boolean }> {
  if ('password' in recipient) {
    const info = await passwordRecipient(recipient.password, recipient.iterations ?? PWRI_ITERATIONS, cek);
    return { der: toBuffer(info.toSchema().toBER(false)), password: true };
  }
  const info = keyTransport(parseCertificate(recipient.certificate, 'recipient certificate'), cek);
  return { der: toBuffer(info.toSchema().toBER(false)), password: false };
}

// ---- opening ----

async function openWithPassword(
  infos: pkijs.RecipientInfo[],
  password: string,
  keyLength: number,
): Promise<Buffer> {
  const candidates = infos.filter((i) => i.variant === 4).map((i) => i.value as pkijs.PasswordRecipientinfo);
  if (candidates.length === 0)
    throw new PkiError('PKI_NO_RECIPIENT', { what: 'the envelope has no password recipient' });
  for (const pwri of candidates) {
    const kdf = pwri.keyDerivationAlgorithm;
    if (!kdf || kdf.algorithmId !== OID.pbkdf2) throw unsupported('a password recipient without PBKDF2');
    const params = new pkijs.PBKDF2Params({ schema: kdf.algorithmParams });
    const prf = HMAC_BY_OID[params.prf?.algorithmId ?? OID.hmacWithSha1];
    if (!prf) throw unsupported(`PBKDF2 PRF ${params.prf?.algorithmId}`);
    if (params.iterationCount < 1 || params.iterationCount > MAX_READ_ITERATIONS)
      throw unsupported(`PBKDF2 iteration count ${params.iterationCount}`);
    if (pwri.keyEncryptionAlgorithm.algorithmId !== OID.pwriKek)
      throw unsupported('a password recipient without PWRI-KEK');
    const inner = new pkijs.AlgorithmIdentifier({ schema: pwri.keyEncryptionAlgorithm.algorithmParams });
    const kekCipher = KEK_CIPHERS[inner.algorithmId];
    if (!kekCipher) throw unsupported(`PWRI-KEK cipher ${inner.algorithmId}`);
    const iv = octetsOf(inner.algorithmParams);
    if (iv.length !== 16)
      throw new PkiError('PKI_CMS_MALFORMED', { what: 'PWRI-KEK IV', where: 'recipientInfos' });
    const salt = octetsOf(params.salt as asn1js.AsnType);
    const kek = await pbkdf2Async(
      Buffer.from(password, 'utf8'),
      salt,
      params.iterationCount,
      kekCipher.keyLength,
      prf,
    );
    const cek = unwrap(kek, iv, octetsOf(pwri.encryptedKey), kekCipher.name);
    kek.fill(0);
    if (cek && cek.length === keyLength) return cek;
  }
  throw new PkiError('PKI_DECRYPT_FAILED', { what: 'the password does not open the envelope' });
}

function ridMatches(rid: pkijs.RecipientIdentifierType, certificate: ParsedCertificate): boolean {
  if (rid instanceof pkijs.IssuerAndSerialNumber)
    return (
      rid.issuer.isEqual(certificate.cert.issuer) && rid.serialNumber.isEqual(certificate.cert.serialNumber)
    );
  const keyId = subjectKeyIdentifier(certificate);
  return keyId !== null && octetsOf(rid as asn1js.AsnType).equals(keyId);
}

function oaepHash(algorithm: pkijs.AlgorithmIdentifier): string {
  const params = new pkijs.RSAESOAEPParams(
    algorithm.algorithmParams ? { schema: algorithm.algorithmParams } : {},
  );
  const hash =
    params.hashAlgorithm.algorithmId === OID.sha1 ? 'sha1' : DIGEST_BY_OID[params.hashAlgorithm.algorithmId];
  if (params.maskGenAlgorithm.algorithmId !== OID.mgf1)
    throw unsupported('RSA-OAEP without MGF1', 'recipientInfos');
  const mgf = new pkijs.AlgorithmIdentifier({ schema: params.maskGenAlgorithm.algorithmParams }).algorithmId;
  const mgfHash = mgf === OID.sha1 ? 'sha1' : DIGEST_BY_OID[mgf];
  // node:crypto uses the OAEP hash for MGF1 too, and no label: refuse what it cannot match.
  if (!hash || mgfHash !== hash)
    throw unsupported('RSA-OAEP with different OAEP and MGF1 hashes', 'recipientInfos');
  // pkijs's default pSource carries SHA-1("") where RFC 8017 has an empty label: read [2] only if present.
  const fields = (algorithm.algorithmParams as asn1js.Sequence | undefined)?.valueBlock?.value ?? [];
  const pSource = fields.find((f) => f.idBlock.tagClass === 3 && f.idBlock.tagNumber === 2) as
    asn1js.Constructed | undefined;
  if (pSource) {
    const label = new pkijs.AlgorithmIdentifier({ schema: pSource.valueBlock.value[0] });
    if (label.algorithmId !== OID.pSpecified || octetsOf(label.algorithmParams).length > 0)
      throw unsupported('RSA-OAEP with a label', 'recipientInfos');
  }
  return hash;
}

function openWithKey(
  infos: pkijs.RecipientInfo[],
  credential: { privateKey: PrivateKeyInput; certificate?: BinaryInput },
  keyLength: number,
): Buffer {
  const key: KeyObject = toPrivateKey(credential.privateKey);
  if (key.asymmetricKeyType !== 'rsa')
    throw new PkiError('PKI_KEY_INVALID', { what: 'only RSA keys open envelopes here' });
  const certificate = credential.certificate
    ? parseCertificate(credential.certificate, 'recipient certificate')
    : null;
  const candidates = infos
    .filter((i) => i.variant === 1)
    .map((i) => i.value as pkijs.KeyTransRecipientInfo)
    .filter((k) => !certificate || ridMatches(k.rid, certificate));
  if (candidates.length === 0)
    throw new PkiError('PKI_NO_RECIPIENT', { what: 'the envelope is not for this certificate' });
  let pkcs1 = false;
  for (const ktri of candidates) {
    const algorithm = ktri.keyEncryptionAlgorithm;
    if (algorithm.algorithmId === OID.rsaEncryption) {
      pkcs1 = true; // Node refuses PKCS#1 v1.5 private decryption (Marvin attack); so do we
      continue;
    }
    if (algorithm.algorithmId !== OID.rsaOaep) continue;
    try {
      const cek = privateDecrypt(
        { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: oaepHash(algorithm) },
        octetsOf(ktri.encryptedKey),
      );
      if (cek.length === keyLength) return cek;
    } catch (error) {
      if (error instanceof PkiError) throw error;
    }
  }
  if (pkcs1)
    throw unsupported(
      'RSAES-PKCS1-v1_5 key transport (openssl cms -encrypt without -keyopt rsa_padding_mode:oaep)',
      'recipientInfos',
    );
  throw new PkiError('PKI_DECRYPT_FAILED', { what: 'the key does not open the envelope' });
}

/** The content-encryption key of `keyLength` bytes, from the RecipientInfo the credential opens. */
export async function openRecipientInfos(
  infos: pkijs.RecipientInfo[],
  credential: Credential,
  keyLength: number,
): Promise<Buffer> {
  if ('password' in credential) return openWithPassword(infos, credential.password, keyLength);
  return openWithKey(infos, credential, keyLength);
}
