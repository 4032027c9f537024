// The key pieces of keyring v2 and recovery key v2, with real crypto: envelopes open only for their own
// box key and associated data; the recovery key carries its version in its spare bits and derives the
// vault key with HKDF-SHA256; the KDF refuses parameters above its limits before deriving anything.
import { randomBytes } from 'node:crypto';
import { DEFAULT_KDF, deriveKey } from '../../../../electron/core/vault/kdf';
import { newBoxKey, openEnvelope, seal, sealTo, unseal } from '../../../../electron/core/vault/sealing';
import { newRecoveryKey, recoveryMaterial } from '../../../../electron/core/vault/recovery-secret';
import {
  checkRecoveryKey,
  decodeVersionedRecoveryKey,
  encodeRecoveryKey,
} from '../../../../shared/recovery-key';

describe('envelopes to a box key', () => {
  it('open with the recipient key and the same associated data only', () => {
    const alice = newBoxKey();
    const bob = newBoxKey();
    const secret = randomBytes(32);
    const envelope = sealTo(alice.publicRaw, secret, 'closeout-keyring:v2:vault-key:v:s:1');
    expect(openEnvelope(alice.privateKey, envelope, 'closeout-keyring:v2:vault-key:v:s:1')).toEqual(secret);
    expect(openEnvelope(bob.privateKey, envelope, 'closeout-keyring:v2:vault-key:v:s:1')).toBeNull();
    expect(openEnvelope(alice.privateKey, envelope, 'closeout-keyring:v2:vault-key:v:s:2')).toBeNull();
    const flipped = {
      ...envelope,
      ciphertext: Buffer.from(
        Buffer.from(envelope.ciphertext, 'base64').map((b, i) => (i === 0 ? b ^ 1 : b)),
      ).toString('base64'),
    };
    expect(openEnvelope(alice.privateKey, flipped, 'closeout-keyring:v2:vault-key:v:s:1')).toBeNull();
    expect(
      openEnvelope(alice.privateKey, { ...envelope, epk: Buffer.alloc(32).toString('base64') }, 'x'),
    ).toBeNull();
  });

  it('sealing binds its associated data', () => {
    const key = randomBytes(32);
    const sealed = seal(key, Buffer.from('x'), 'a');
    expect(unseal(key, sealed, 'a')?.toString()).toBe('x');
    expect(unseal(key, sealed, 'b')).toBeNull();
    expect(unseal(randomBytes(32), sealed, 'a')).toBeNull();
  });
});

describe('recovery key versions', () => {
  it('a version 2 key round-trips its version and derives a vault key other than R', () => {
    const made = newRecoveryKey();
    expect(checkRecoveryKey(made.text)).toBeNull();
    const decoded = decodeVersionedRecoveryKey(made.text);
    expect(decoded.version).toBe(2);
    const material = recoveryMaterial(made.text.toLowerCase());
    expect(material.vaultKey).toEqual(made.vaultKey);
    expect(material.vaultKey).not.toEqual(Buffer.from(decoded.bytes));
    expect(material.companyKekKey).not.toBeNull();
  });

  it('a version 1 key (spare bits zero) is the vault key itself and opens no company key', () => {
    const key = randomBytes(32);
    const text = encodeRecoveryKey(key);
    expect(decodeVersionedRecoveryKey(text).version).toBe(1);
    expect(recoveryMaterial(text)).toMatchObject({ version: 1, vaultKey: key, companyKekKey: null });
  });
});

describe('KDF limits', () => {
  it.each([
    ['memory', { ...DEFAULT_KDF, memoryKiB: 4 * 1024 * 1024 }, 16],
    ['passes', { ...DEFAULT_KDF, iterations: 65 }, 16],
    ['lanes', { ...DEFAULT_KDF, parallelism: 17 }, 16],
    ['a short salt', DEFAULT_KDF, 8],
    ['a long salt', DEFAULT_KDF, 65],
  ])('refuses %s above the limits before deriving', async (_what, params, saltBytes) => {
    await expect(deriveKey('passphrase', randomBytes(saltBytes), params)).rejects.toThrow(RangeError);
  });
});
