// The keyring beside each vault (<vault>.keys): one key slot per user, each the vault key wrapped with
// AES-256-GCM under a key derived from that user's passphrase. Adding a user or changing a passphrase
// rewrites only this small file, never the database. Byte-level format: docs/FORMATS.md.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  randomUUID,
  timingSafeEqual,
} from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { EngineError } from '../kernel/engine-error';
import { describeZodError } from '../../../shared/zod-message';
import { writeFileAtomic } from '../util/atomic-write';
import { DEFAULT_KDF, deriveKey, type Argon2idParams } from './kdf';

const KEYRING_SUFFIX = '.keys';
export const keyringPathFor = (vaultFile: string): string => vaultFile + KEYRING_SUFFIX;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const slotSchema = z.strictObject({
  id: z.string().min(1),
  userId: z.string().min(1),
  userName: z.string().min(1),
  kdf: z.strictObject({
    name: z.literal('argon2id'),
    memoryKiB: z.int().positive(),
    iterations: z.int().positive(),
    parallelism: z.int().positive(),
    salt: b64,
  }),
  wrap: z.strictObject({ name: z.literal('aes-256-gcm'), iv: b64, ciphertext: b64, tag: b64 }),
});

const keyringSchema = z.strictObject({
  format: z.literal('closeout-keyring'),
  version: z.literal(1),
  vaultId: z.string().min(1),
  keyCheck: b64,
  slots: z.array(slotSchema),
});

export type KeySlot = z.infer<typeof slotSchema>;
export type Keyring = z.infer<typeof keyringSchema>;

const aad = (vaultId: string, slot: Pick<KeySlot, 'id' | 'userId'>) =>
  Buffer.from(`closeout-keyring:v1:${vaultId}:${slot.id}:${slot.userId}`, 'utf8');

/** HMAC of a constant under the vault key: tells a wrong key from a damaged database. Reveals nothing. */
function keyCheckFor(vaultId: string, vaultKey: Buffer): string {
  return createHmac('sha256', vaultKey).update(`closeout-key-check:v1:${vaultId}`).digest('base64');
}

export function keyMatches(keyring: Keyring, vaultKey: Buffer): boolean {
  const expected = Buffer.from(keyring.keyCheck, 'base64');
  const actual = Buffer.from(keyCheckFor(keyring.vaultId, vaultKey), 'base64');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function newKeyring(vaultId: string, vaultKey: Buffer): Keyring {
  return {
    format: 'closeout-keyring',
    version: 1,
    vaultId,
    keyCheck: keyCheckFor(vaultId, vaultKey),
    slots: [],
  };
}

export async function makeSlot(
  keyring: Keyring,
  vaultKey: Buffer,
  user: { id: string; name: string },
  passphrase: string,
  params: Argon2idParams = DEFAULT_KDF,
): Promise<KeySlot> {
  const salt = randomBytes(16);
  const kek = await deriveKey(passphrase, salt, params);
  const id = randomUUID();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(keyring.vaultId, { id, userId: user.id }));
  const ciphertext = Buffer.concat([cipher.update(vaultKey), cipher.final()]);
  kek.fill(0);
  return {
    id,
    userId: user.id,
    userName: user.name,
    kdf: { ...params, salt: salt.toString('base64') },
    wrap: {
      name: 'aes-256-gcm',
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
  };
}

/** The vault key from a slot, or null when the passphrase is wrong (GCM authentication fails). */
export async function openSlot(keyring: Keyring, slot: KeySlot, passphrase: string): Promise<Buffer | null> {
  const { salt, ...params } = slot.kdf;
  const kek = await deriveKey(passphrase, Buffer.from(salt, 'base64'), params);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.wrap.iv, 'base64'));
    decipher.setAAD(aad(keyring.vaultId, slot));
    decipher.setAuthTag(Buffer.from(slot.wrap.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.wrap.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

export function readKeyring(vaultFile: string): Keyring {
  const file = keyringPathFor(vaultFile);
  if (!existsSync(file)) throw new EngineError('KEYRING_MISSING', { path: file });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new EngineError('KEYRING_CORRUPT', { path: file, reason: (error as Error).message });
  }
  const parsed = keyringSchema.safeParse(json);
  if (!parsed.success)
    throw new EngineError('KEYRING_CORRUPT', { path: file, reason: describeZodError(parsed.error) });
  return parsed.data;
}

export function writeKeyring(vaultFile: string, keyring: Keyring): void {
  writeFileAtomic(keyringPathFor(vaultFile), JSON.stringify(keyringSchema.parse(keyring), null, 2) + '\n');
}
