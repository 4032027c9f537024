// The small symmetric and X25519 pieces the keyring and the company key are built from: AES-256-GCM
// sealing with associated data, HKDF-SHA256, and envelopes to an X25519 public key (ephemeral ECDH →
// HKDF → AES-256-GCM), so a session holding a secret can hand it to a slot without that slot's
// passphrase. Byte-level format: docs/FORMATS.md ("Keyring v2").
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const sealedSchema = z.strictObject({ iv: b64, ciphertext: b64, tag: b64 });
export type Sealed = z.infer<typeof sealedSchema>;

export const envelopeSchema = z.strictObject({ epk: b64, iv: b64, ciphertext: b64, tag: b64 });
export type Envelope = z.infer<typeof envelopeSchema>;

export function hkdf32(ikm: Buffer, info: string, salt: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from(info, 'utf8'), 32));
}

/** AES-256-GCM with a random 96-bit IV; `aad` names what the bytes are and where they belong. */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The plaintext, or null when the key, the bytes or the associated data are not the sealed ones. */
export function unseal(key: Buffer, sealed: Sealed, aad: string): Buffer | null {
  try {
    const iv = Buffer.from(sealed.iv, 'base64');
    const tag = Buffer.from(sealed.tag, 'base64');
    if (iv.length !== 12 || tag.length !== 16) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

// ---- X25519 "box" keys: raw 32-byte public keys in the keyring, PKCS#8 DER private keys sealed ----

export function newBoxKey(): { privateKey: KeyObject; publicRaw: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return { privateKey, publicRaw: boxPublicRaw(publicKey) };
}

function boxPublicRaw(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  return Buffer.from(String(jwk.x), 'base64url');
}

function boxPublicFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new RangeError('an X25519 public key is 32 bytes');
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}

export const privateFromDer = (der: Buffer): KeyObject =>
  createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });

export const privateDer = (key: KeyObject): Buffer => key.export({ format: 'der', type: 'pkcs8' });

function envelopeKey(shared: Buffer, epk: Buffer, recipient: Buffer): Buffer {
  return hkdf32(shared, 'closeout-envelope/v2', Buffer.concat([epk, recipient]));
}

/** Seals `plaintext` so that only the holder of the private key of `recipientRaw` can open it. */
export function sealTo(recipientRaw: Buffer, plaintext: Buffer, aad: string): Envelope {
  const ephemeral = generateKeyPairSync('x25519');
  const epk = boxPublicRaw(ephemeral.publicKey);
  const shared = diffieHellman({
    privateKey: ephemeral.privateKey,
    publicKey: boxPublicFromRaw(recipientRaw),
  });
  const key = envelopeKey(shared, epk, recipientRaw);
  shared.fill(0);
  try {
    return { epk: epk.toString('base64'), ...seal(key, plaintext, aad) };
  } finally {
    key.fill(0);
  }
}

/** Opens an envelope with the recipient's private key; null if it was not made for this key and `aad`. */
export function openEnvelope(privateKey: KeyObject, envelope: Envelope, aad: string): Buffer | null {
  let shared: Buffer;
  let epk: Buffer;
  let recipient: Buffer;
  try {
    epk = Buffer.from(envelope.epk, 'base64');
    recipient = boxPublicRaw(createPublicKey(privateKey));
    shared = diffieHellman({ privateKey, publicKey: boxPublicFromRaw(epk) });
  } catch {
    return null; // a malformed or low-order ephemeral key
  }
  const key = envelopeKey(shared, epk, recipient);
  shared.fill(0);
  try {
    return unseal(key, envelope, aad);
  } finally {
    key.fill(0);
  }
}
