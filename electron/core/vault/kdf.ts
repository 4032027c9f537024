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

export async function deriveKey(passphrase: string, salt: Buffer, params: Argon2idParams): Promise<Buffer> {
  if (params.memoryKiB < MINIMUM_KDF.memoryKiB || params.iterations < MINIMUM_KDF.iterations)
    throw new RangeError('key slot KDF parameters are below the minimum');
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
