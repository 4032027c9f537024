// The keyring beside each vault (<vault>.keys), JSON. Version 2: each user's slot keeps, sealed under a
// key derived from that user's passphrase (Argon2id, bounded), the slot's X25519 box key and the user's
// ECDSA P-256 signing key; the vault key reaches the slot as an envelope to its box public key (so a
// session holding the vault key can give a new one to every slot without their passphrases), and owners'
// slots also hold an envelope of the company key-encryption key. Version 1 slots (the vault key sealed
// straight under the passphrase key) keep opening and are replaced by version 2 slots at their user's
// next unlock. Byte-level format and the AAD strings: docs/FORMATS.md.
import {
  createHmac,
  createPublicKey,
  randomBytes,
  randomUUID,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { describeZodError } from '../../../shared/zod-message';
import { EngineError } from '../kernel/engine-error';
import { writeFileAtomic } from '../util/atomic-write';
import { DEFAULT_KDF, KDF_LIMITS, deriveKey, type Argon2idParams } from './kdf';
import {
  privateFromDer,
  envelopeSchema,
  newBoxKey,
  openEnvelope,
  privateDer,
  seal,
  sealTo,
  sealedSchema,
  unseal,
} from './sealing';

const KEYRING_SUFFIX = '.keys';
export const keyringPathFor = (vaultFile: string): string => vaultFile + KEYRING_SUFFIX;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const saltBytes = (s: string) => Buffer.from(s, 'base64').length;

// Upper bounds are checked here, before any Argon2id call: a hostile keyring must not allocate gigabytes.
const kdfSchema = z.strictObject({
  name: z.literal('argon2id'),
  memoryKiB: z.int().positive().max(KDF_LIMITS.memoryKiB),
  iterations: z.int().positive().max(KDF_LIMITS.iterations),
  parallelism: z.int().positive().max(KDF_LIMITS.parallelism),
  salt: b64.refine(
    (s) => saltBytes(s) >= KDF_LIMITS.saltBytes.min && saltBytes(s) <= KDF_LIMITS.saltBytes.max,
    {
      message: `salt must be ${KDF_LIMITS.saltBytes.min}–${KDF_LIMITS.saltBytes.max} bytes`,
    },
  ),
});

const slotV1Schema = z.strictObject({
  id: z.string().min(1),
  userId: z.string().min(1),
  userName: z.string().min(1),
  kdf: kdfSchema,
  wrap: z.strictObject({ name: z.literal('aes-256-gcm'), iv: b64, ciphertext: b64, tag: b64 }),
});

const vaultKeyEnvelope = envelopeSchema.extend({ generation: z.int().positive() });
const kekEnvelope = envelopeSchema.extend({ ckekId: z.string().min(1) });

const slotV2Schema = z.strictObject({
  id: z.string().min(1),
  userId: z.string().min(1),
  userName: z.string().min(1),
  kdf: kdfSchema,
  secrets: sealedSchema,
  boxPublicKey: b64,
  signingPublicKey: b64,
  vaultKey: vaultKeyEnvelope,
  pendingVaultKey: vaultKeyEnvelope.optional(),
  companyKek: kekEnvelope.optional(),
  pendingCompanyKek: kekEnvelope.optional(),
});

const pendingSchema = z.strictObject({
  generation: z.int().positive(),
  keyCheck: b64,
  /** The first 16 bytes of the vault file before the rekey (SQLCipher's salt), hex. */
  oldSalt: z.string().regex(/^[0-9a-f]{32}$/),
  /** The re-encrypted copy's file name, in the vault's folder. */
  temp: z.string().regex(/^\.[^/\\]+\.rekey$/),
  /** The process doing the rekey: while it runs, nobody else settles it. */
  pid: z.int().positive().optional(),
  at: z.iso.datetime(),
});

const keyringV1Schema = z.strictObject({
  format: z.literal('closeout-keyring'),
  version: z.literal(1),
  vaultId: z.string().min(1),
  keyCheck: b64,
  slots: z.array(slotV1Schema),
});

const keyringV2Schema = z.strictObject({
  format: z.literal('closeout-keyring'),
  version: z.literal(2),
  vaultId: z.string().min(1),
  generation: z.int().positive(),
  keyCheck: b64,
  pending: pendingSchema.nullable(),
  slots: z.array(z.union([slotV2Schema, slotV1Schema])),
});

type KeySlotV1 = z.infer<typeof slotV1Schema>;
export type KeySlotV2 = z.infer<typeof slotV2Schema>;
export type KeySlot = KeySlotV1 | KeySlotV2;
export type Keyring = z.infer<typeof keyringV2Schema>;

export const isV2 = (slot: KeySlot): slot is KeySlotV2 => 'secrets' in slot;

const aad = {
  v1: (vaultId: string, slot: Pick<KeySlot, 'id' | 'userId'>) =>
    `closeout-keyring:v1:${vaultId}:${slot.id}:${slot.userId}`,
  secrets: (vaultId: string, slot: Pick<KeySlot, 'id' | 'userId'>) =>
    `closeout-keyring:v2:secrets:${vaultId}:${slot.id}:${slot.userId}`,
  vaultKey: (vaultId: string, slotId: string, generation: number) =>
    `closeout-keyring:v2:vault-key:${vaultId}:${slotId}:${generation}`,
  companyKek: (vaultId: string, slotId: string, ckekId: string) =>
    `closeout-keyring:v2:company-kek:${vaultId}:${slotId}:${ckekId}`,
};

/** HMAC of a constant under the vault key: tells a wrong key from a damaged database. Reveals nothing. */
export function keyCheckFor(vaultId: string, vaultKey: Buffer): string {
  return createHmac('sha256', vaultKey).update(`closeout-key-check:v1:${vaultId}`).digest('base64');
}

function checkEquals(expected: string, vaultId: string, vaultKey: Buffer): boolean {
  const a = Buffer.from(expected, 'base64');
  const b = Buffer.from(keyCheckFor(vaultId, vaultKey), 'base64');
  return a.length === b.length && timingSafeEqual(a, b);
}

export const keyMatches = (keyring: Keyring, vaultKey: Buffer): boolean =>
  checkEquals(keyring.keyCheck, keyring.vaultId, vaultKey);

export function newKeyring(vaultId: string, vaultKey: Buffer, generation = 1): Keyring {
  return {
    format: 'closeout-keyring',
    version: 2,
    vaultId,
    generation,
    keyCheck: keyCheckFor(vaultId, vaultKey),
    pending: null,
    slots: [],
  };
}

/** What a slot's passphrase opens: its box key and the user's signing key. */
export interface SlotKeys {
  box: KeyObject;
  signing: KeyObject;
}

/** The company key-encryption key, with the id that names it in envelopes and in the vault. */
export interface CompanyKek {
  id: string;
  key: Buffer;
}

export function newSlotKeys(signing: KeyObject): SlotKeys {
  return { box: newBoxKey().privateKey, signing };
}

function sealSecrets(kek: Buffer, vaultId: string, slot: Pick<KeySlot, 'id' | 'userId'>, keys: SlotKeys) {
  const plain = Buffer.from(
    JSON.stringify({
      box: privateDer(keys.box).toString('base64'),
      sign: privateDer(keys.signing).toString('base64'),
    }),
    'utf8',
  );
  try {
    return seal(kek, plain, aad.secrets(vaultId, slot));
  } finally {
    plain.fill(0);
  }
}

const boxPublicOf = (box: KeyObject): Buffer =>
  Buffer.from(String(box.export({ format: 'jwk' }).x ?? ''), 'base64url');

/** Seals `vaultKey` of `generation` to a slot's box key. */
export function vaultKeyEnvelopeFor(keyring: Keyring, slot: KeySlotV2, vaultKey: Buffer, generation: number) {
  return {
    generation,
    ...sealTo(
      Buffer.from(slot.boxPublicKey, 'base64'),
      vaultKey,
      aad.vaultKey(keyring.vaultId, slot.id, generation),
    ),
  };
}

export function companyKekEnvelopeFor(keyring: Keyring, slot: KeySlotV2, ckek: CompanyKek) {
  return {
    ckekId: ckek.id,
    ...sealTo(
      Buffer.from(slot.boxPublicKey, 'base64'),
      ckek.key,
      aad.companyKek(keyring.vaultId, slot.id, ckek.id),
    ),
  };
}

/**
 * A version 2 slot for a user: the keys sealed under their passphrase, the vault key of the keyring's
 * generation as an envelope, and (for owners) the company KEK.
 */
export async function makeSlot(
  keyring: Keyring,
  vaultKey: Buffer,
  user: { id: string; name: string },
  passphrase: string,
  keys: SlotKeys,
  ckek: CompanyKek | null,
  params: Argon2idParams = DEFAULT_KDF,
): Promise<KeySlotV2> {
  const salt = randomBytes(16);
  const kek = await deriveKey(passphrase, salt, params);
  const id = randomUUID();
  try {
    const base = {
      id,
      userId: user.id,
      userName: user.name,
      kdf: { ...params, salt: salt.toString('base64') },
      secrets: sealSecrets(kek, keyring.vaultId, { id, userId: user.id }, keys),
      boxPublicKey: boxPublicOf(keys.box).toString('base64'),
      signingPublicKey: (keys.signing.type === 'public' ? keys.signing : createPublicKey(keys.signing))
        .export({ format: 'der', type: 'spki' })
        .toString('base64'),
    };
    const partial = { ...base, vaultKey: { generation: 1, epk: '', iv: '', ciphertext: '', tag: '' } };
    const slot: KeySlotV2 = {
      ...partial,
      vaultKey: vaultKeyEnvelopeFor(keyring, partial, vaultKey, keyring.generation),
    };
    if (ckek) slot.companyKek = companyKekEnvelopeFor(keyring, slot, ckek);
    return slot;
  } finally {
    kek.fill(0);
  }
}

/** What one slot opens with a passphrase (null: wrong passphrase). */
export interface OpenedSlot {
  slot: KeySlot;
  /** The vault key of the keyring's generation; null when the slot holds no envelope of it. */
  vaultKey: Buffer | null;
  /** The vault key a pending rekey is moving to, when this slot has been given it. */
  pendingVaultKey: Buffer | null;
  /** Null for a version 1 slot. */
  keys: SlotKeys | null;
}

export async function openSlot(
  keyring: Keyring,
  slot: KeySlot,
  passphrase: string,
): Promise<OpenedSlot | null> {
  const { salt, ...params } = slot.kdf;
  const kek = await deriveKey(passphrase, Buffer.from(salt, 'base64'), params);
  try {
    if (!isV2(slot)) {
      const key = unseal(
        kek,
        { iv: slot.wrap.iv, ciphertext: slot.wrap.ciphertext, tag: slot.wrap.tag },
        aad.v1(keyring.vaultId, slot),
      );
      return key ? { slot, vaultKey: key, pendingVaultKey: null, keys: null } : null;
    }
    const plain = unseal(kek, slot.secrets, aad.secrets(keyring.vaultId, slot));
    if (!plain) return null;
    let keys: SlotKeys;
    try {
      const parsed = JSON.parse(plain.toString('utf8')) as { box: string; sign: string };
      keys = {
        box: privateFromDer(Buffer.from(parsed.box, 'base64')),
        signing: privateFromDer(Buffer.from(parsed.sign, 'base64')),
      };
    } catch {
      return null;
    } finally {
      plain.fill(0);
    }
    const envelopeKey = (envelope: KeySlotV2['vaultKey'] | undefined, generation: number | undefined) =>
      envelope && envelope.generation === generation
        ? openEnvelope(keys.box, envelope, aad.vaultKey(keyring.vaultId, slot.id, envelope.generation))
        : null;
    return {
      slot,
      keys,
      vaultKey: envelopeKey(slot.vaultKey, keyring.generation),
      pendingVaultKey: envelopeKey(slot.pendingVaultKey, keyring.pending?.generation),
    };
  } finally {
    kek.fill(0);
  }
}

/** The company KEK from an owner's slot (current, or the one a pending rekey moves to). */
export function openCompanyKek(
  keyring: Keyring,
  slot: KeySlotV2,
  box: KeyObject,
  pending = false,
): CompanyKek | null {
  const envelope = pending ? slot.pendingCompanyKek : slot.companyKek;
  if (!envelope) return null;
  const key = openEnvelope(box, envelope, aad.companyKek(keyring.vaultId, slot.id, envelope.ckekId));
  return key ? { id: envelope.ckekId, key } : null;
}

function parseKeyring(json: unknown): Keyring | { problem: string } {
  const version = (json as { version?: unknown } | null)?.version;
  if (version === 1) {
    const v1 = keyringV1Schema.safeParse(json);
    if (!v1.success) return { problem: describeZodError(v1.error) };
    return { ...v1.data, version: 2, generation: 1, pending: null };
  }
  const v2 = keyringV2Schema.safeParse(json);
  return v2.success ? v2.data : { problem: describeZodError(v2.error) };
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
  const parsed = parseKeyring(json);
  if ('problem' in parsed) throw new EngineError('KEYRING_CORRUPT', { path: file, reason: parsed.problem });
  return parsed;
}

/** Always written as version 2 (a version 1 keyring is upgraded on its next write). */
export function writeKeyring(vaultFile: string, keyring: Keyring): void {
  writeFileAtomic(keyringPathFor(vaultFile), JSON.stringify(keyringV2Schema.parse(keyring), null, 2) + '\n');
}
