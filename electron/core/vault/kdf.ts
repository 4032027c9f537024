// Passphrase → key-encryption key. Argon2id, memory-hard, parameters stored per key slot so they can
// be raised later without breaking old slots. 128 MiB × 5 passes ≈ 0.3 s here (npm run bench -- --only vault.unlock): every guess an
// attacker makes costs at least that much.
import { hashRaw, type Algorithm, type Version } from '@node-rs/argon2';

export interface Argon2idParams {
  name: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export const DEFAULT_KDF: Argon2idParams = {
  name: 'argon2id',
  memoryKiB: 128 * 1024,
  iterations: 5,
  parallelism: 1,
};

/** The weakest parameters a slot may carry (the vault issue's floor: ≥ 64 MiB, t ≥ 3). */
const MINIMUM_KDF = { memoryKiB: 64 * 1024, iterations: 3 };

/**
 * The most a slot may ask for: a keyring is a file anyone can hand us, and Argon2id allocates what it is
 * told before it computes anything. Checked when the keyring is read (keyring.ts) and again here.
 */
export const KDF_LIMITS = {
  memoryKiB: 1024 * 1024, // 1 GiB
  iterations: 64,
  parallelism: 16,
  saltBytes: { min: 16, max: 64 },
} as const;

export async function deriveKey(passphrase: string, salt: Buffer, params: Argon2idParams): Promise<Buffer> {
  if (params.memoryKiB < MINIMUM_KDF.memoryKiB || params.iterations < MINIMUM_KDF.iterations)
    throw new RangeError('key slot KDF parameters are below the minimum');
  if (
    params.memoryKiB > KDF_LIMITS.memoryKiB ||
    params.iterations > KDF_LIMITS.iterations ||
    params.parallelism > KDF_LIMITS.parallelism ||
    salt.length < KDF_LIMITS.saltBytes.min ||
    salt.length > KDF_LIMITS.saltBytes.max
  )
    throw new RangeError('key slot KDF parameters are above the limits');
  return hashRaw(passphrase.normalize('NFC'), {
    algorithm: 2 as Algorithm, // Argon2id (a const enum: a literal under isolatedModules)
    version: 1 as Version, // 0x13
    memoryCost: params.memoryKiB,
    timeCost: params.iterations,
    parallelism: params.parallelism,
    outputLen: 32,
    salt,
  });
}
