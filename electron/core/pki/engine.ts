// pkijs runs on Node's WebCrypto. The engine is passed explicitly where pkijs accepts one and also set
// globally once, for the few pkijs internals that ask for the global engine themselves.
import { KeyObject, createPrivateKey, createPublicKey, webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';
import { PkiError } from './errors';

export const engine = new pkijs.CryptoEngine({
  name: 'node-webcrypto',
  crypto: webcrypto as unknown as pkijs.CryptoEngineParameters['crypto'],
});
pkijs.setEngine('node-webcrypto', engine);

export type PrivateKeyInput = string | Buffer | KeyObject;

/** A node:crypto private key from PKCS#8/PKCS#1/SEC1 PEM, PKCS#8 DER or a KeyObject. */
export function toPrivateKey(input: PrivateKeyInput): KeyObject {
  if (input instanceof KeyObject) {
    if (input.type !== 'private') throw new PkiError('PKI_KEY_INVALID', { what: 'not a private key' });
    return input;
  }
  try {
    return typeof input === 'string' || input.subarray(0, 5).toString('latin1') === '-----'
      ? createPrivateKey(input)
      : createPrivateKey({ key: input, format: 'der', type: 'pkcs8' });
  } catch {
    throw new PkiError('PKI_KEY_INVALID', { what: 'not a PEM or PKCS#8 DER private key' });
  }
}

export function toPublicKey(spkiOrPem: string | Buffer | KeyObject): KeyObject {
  try {
    if (spkiOrPem instanceof KeyObject)
      return spkiOrPem.type === 'private' ? createPublicKey(spkiOrPem) : spkiOrPem;
    return typeof spkiOrPem === 'string' || spkiOrPem.subarray(0, 5).toString('latin1') === '-----'
      ? createPublicKey(spkiOrPem)
      : createPublicKey({ key: spkiOrPem, format: 'der', type: 'spki' });
  } catch {
    throw new PkiError('PKI_KEY_INVALID', { what: 'not a PEM or SPKI DER public key' });
  }
}

export type SigningScheme = 'rsa-sha256' | 'ecdsa-p256-sha256';

/** The one signature scheme a key is used with here: RSA → PKCS#1 v1.5 SHA-256; EC P-256 → ECDSA SHA-256. */
export function signingScheme(key: KeyObject): SigningScheme {
  if (key.asymmetricKeyType === 'rsa') {
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < 2048) throw new PkiError('PKI_KEY_INVALID', { what: 'RSA key shorter than 2048 bits', bits });
    return 'rsa-sha256';
  }
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1')
    return 'ecdsa-p256-sha256';
  throw new PkiError('PKI_KEY_INVALID', {
    what: 'signing key must be RSA (2048 bits or more) or EC P-256',
    type: `${key.asymmetricKeyType ?? 'unknown'} ${key.asymmetricKeyDetails?.namedCurve ?? ''}`.trim(),
  });
}

/** The same key as a non-extractable WebCrypto signing key, which pkijs's sign() wants. */
export async function webcryptoSigningKey(key: KeyObject): Promise<webcrypto.CryptoKey> {
  const pkcs8 = key.export({ type: 'pkcs8', format: 'der' });
  const algorithm =
    signingScheme(key) === 'rsa-sha256'
      ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
      : { name: 'ECDSA', namedCurve: 'P-256' };
  return webcrypto.subtle.importKey('pkcs8', pkcs8, algorithm, false, ['sign']);
}
