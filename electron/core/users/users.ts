// users.*: who may open the vault, with which role, and with which certified key. Each user has one key
// slot in the keyring (keyring.ts) and one current certificate issued by the company CA; the keyring is
// rewritten (atomically) before the database records the change, and a failure to record it restores
// the previous keyring, so the two never disagree. Removing a user re-encrypts the vault (rekey.ts).
import { X509Certificate, createPublicKey, randomUUID } from 'node:crypto';
import type { OpParsedInput, Role, UserInfo } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import {
  certifyUserKey,
  currentUserCertificate,
  revokeUser,
  storeUserCertificate,
  userCertificates,
  type CertificateRow,
} from '../vault/certificates';
import { requireStrongPassphrase } from '../vault/create-vault';
import {
  companyKekEnvelopeFor,
  isV2,
  makeSlot,
  newKeyring,
  newSlotKeys,
  readKeyring,
  writeKeyring,
  type KeySlotV2,
  type Keyring,
} from '../vault/keyring';
import type { OpenVault } from '../vault/open-vault';
import { rekeyVault, type RekeyResult } from '../vault/rekey';
import { newSigningKey, userSigner } from '../vault/session-keys';

interface UserRow {
  id: string;
  name: string;
  role: Role;
  created_at: string;
}

function activeUser(vault: OpenVault, name: string): UserRow {
  const row = vault.db
    .prepare('SELECT id, name, role, created_at FROM users WHERE name = ? AND removed_at IS NULL')
    .get(name) as UserRow | undefined;
  if (!row) throw new EngineError('USER_NOT_FOUND', { name });
  return row;
}

function owners(vault: OpenVault): number {
  return (
    vault.db.prepare("SELECT count(*) AS n FROM users WHERE role = 'owner' AND removed_at IS NULL").get() as {
      n: number;
    }
  ).n;
}

/** The keyring, or a fresh one when a recovery-key session is rebuilding a lost keyring. */
function currentKeyring(vault: OpenVault): Keyring {
  try {
    return readKeyring(vault.file);
  } catch (error) {
    if (
      vault.actor.viaRecoveryKey &&
      error instanceof EngineError &&
      ['KEYRING_MISSING', 'KEYRING_CORRUPT'].includes(error.code)
    ) {
      const key = vault.vaultKey();
      try {
        return newKeyring(vault.vaultId, key);
      } finally {
        key.fill(0);
      }
    }
    throw error;
  }
}

/** Writes the new keyring, runs the database change; puts the old keyring back if that fails. */
function withKeyring<T>(vault: OpenVault, previous: Keyring | null, next: Keyring, change: () => T): T {
  writeKeyring(vault.file, next);
  try {
    return change();
  } catch (error) {
    if (previous) writeKeyring(vault.file, previous);
    throw error;
  }
}

function readKeyringOrNull(vault: OpenVault): Keyring | null {
  try {
    return readKeyring(vault.file);
  } catch {
    return null;
  }
}

const certificateView = (c: CertificateRow | null): UserInfo['certificate'] =>
  c
    ? {
        status: c.status,
        keyFingerprint: c.keyFingerprint,
        fingerprint: c.fingerprint,
        serial: c.serial,
        revokedAt: c.revokedAt,
      }
    : null;

function view(vault: OpenVault, row: UserRow, keyring: Keyring | null): UserInfo {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    hasPassphrase: keyring?.slots.some((s) => s.userId === row.id) ?? false,
    certificate: certificateView(
      currentUserCertificate(vault.db, row.id) ?? userCertificates(vault.db, row.id).at(-1) ?? null,
    ),
  };
}

export function listUsers(vault: OpenVault): UserInfo[] {
  const keyring = readKeyringOrNull(vault);
  const rows = vault.db
    .prepare(
      'SELECT id, name, role, created_at FROM users WHERE removed_at IS NULL ORDER BY created_at, name',
    )
    .all() as UserRow[];
  return rows.map((row) => view(vault, row, keyring));
}

function requireCompany(vault: OpenVault) {
  const company = vault.company;
  if (!company) throw new EngineError('COMPANY_KEY_NEEDED');
  return company;
}

/** A fresh slot for `user` (new box key; the signing key given, or a new one), CKEK for owners. */
async function freshSlot(
  vault: OpenVault,
  keyring: Keyring,
  user: UserRow,
  passphrase: string,
  signing = newSigningKey(),
) {
  const keys = newSlotKeys(signing);
  const key = vault.vaultKey();
  const ckek = user.role === 'owner' ? vault.companyKek() : null;
  if (user.role === 'owner' && !ckek) throw new EngineError('COMPANY_KEY_NEEDED');
  try {
    return { slot: await makeSlot(keyring, key, user, passphrase, keys, ckek), keys };
  } finally {
    key.fill(0);
    ckek?.key.fill(0);
  }
}

export async function addUser(
  vault: OpenVault,
  input: OpParsedInput<'users.add'>,
  now = new Date(),
): Promise<UserInfo> {
  const exists = vault.db
    .prepare('SELECT 1 FROM users WHERE name = ? AND removed_at IS NULL')
    .get(input.name);
  if (exists) throw new EngineError('USER_EXISTS', { name: input.name });
  requireStrongPassphrase(input.passphrase);
  const company = requireCompany(vault);
  const previous = readKeyringOrNull(vault);
  const keyring = currentKeyring(vault);
  const user: UserRow = {
    id: randomUUID(),
    name: input.name,
    role: input.role,
    created_at: now.toISOString(),
  };
  const { slot, keys } = await freshSlot(vault, keyring, user, input.passphrase);
  const certificate = await certifyUserKey(company, user, keys.signing, now);
  const next: Keyring = { ...keyring, slots: [...keyring.slots, slot] };
  withKeyring(vault, previous, next, () =>
    vault.change(
      () => ({
        op: 'users.add',
        params: { userId: user.id, role: user.role, serial: serialOf(certificate) },
        outcome: 'ok',
      }),
      () => {
        vault.db
          .prepare('INSERT INTO users (id, name, role, created_at) VALUES (?, ?, ?, ?)')
          .run(user.id, user.name, user.role, user.created_at);
        storeUserCertificate(vault.db, user, certificate, now);
      },
    ),
  );
  return view(vault, user, next);
}

const serialOf = (pem: string) => new X509Certificate(pem).serialNumber.toUpperCase();

/** Removes a person and re-encrypts the vault under a new key: their old keyring copy opens nothing. */
export async function removeUser(
  vault: OpenVault,
  input: OpParsedInput<'users.remove'>,
  job: JobContext,
  now = new Date(),
): Promise<{ removed: true } & RekeyResult> {
  const user = activeUser(vault, input.name);
  if (user.role === 'owner' && owners(vault) <= 1) throw new EngineError('LAST_OWNER');
  const result = await rekeyVault(
    vault,
    {
      entry: { op: 'users.remove', params: { userId: user.id }, outcome: 'ok' },
      removeUserId: user.id,
      apply: (db) => {
        db.prepare('UPDATE users SET removed_at = ? WHERE id = ?').run(now.toISOString(), user.id);
        revokeUser(db, user.id, now);
      },
    },
    job,
    now,
  );
  return { removed: true, ...result };
}

export async function rotateKeys(vault: OpenVault, job: JobContext, now = new Date()): Promise<RekeyResult> {
  return rekeyVault(vault, { entry: { op: 'vault.rotateKeys', params: {}, outcome: 'ok' } }, job, now);
}

/** A new certificate for the user's current key with their (new) role; the old one is superseded. */
async function reissue(vault: OpenVault, user: UserRow, role: Role, now: Date): Promise<string | null> {
  const current = currentUserCertificate(vault.db, user.id);
  if (!current || current.status !== 'certified' || !current.pem) return null;
  return certifyUserKey(requireCompany(vault), { ...user, role }, createPublicKey(current.pem), now);
}

export async function setRole(
  vault: OpenVault,
  input: OpParsedInput<'users.setRole'>,
  now = new Date(),
): Promise<UserInfo> {
  const user = activeUser(vault, input.name);
  if (user.role === 'owner' && input.role !== 'owner' && owners(vault) <= 1)
    throw new EngineError('LAST_OWNER');
  const previous = readKeyringOrNull(vault);
  const keyring = currentKeyring(vault);
  let next = keyring;
  if ((input.role === 'owner') !== (user.role === 'owner')) {
    // Owners' slots hold the company KEK; an operator's or auditor's never does.
    const ckek = input.role === 'owner' ? vault.companyKek() : null;
    if (input.role === 'owner' && !ckek) throw new EngineError('COMPANY_KEY_NEEDED');
    next = {
      ...keyring,
      slots: keyring.slots.map((s) => {
        if (s.userId !== user.id || !isV2(s)) return s;
        const { companyKek: _dropped, ...rest } = s;
        return ckek ? { ...rest, companyKek: companyKekEnvelopeFor(keyring, s, ckek) } : rest;
      }),
    };
    ckek?.key.fill(0);
  }
  const certificate = await reissue(vault, user, input.role, now);
  withKeyring(vault, previous, next, () =>
    vault.change(
      () => ({
        op: 'users.setRole',
        params: { userId: user.id, from: user.role, to: input.role },
        outcome: 'ok',
      }),
      () => {
        vault.db.prepare('UPDATE users SET role = ? WHERE id = ?').run(input.role, user.id);
        if (certificate) storeUserCertificate(vault.db, { id: user.id, role: input.role }, certificate, now);
      },
    ),
  );
  return view(vault, { ...user, role: input.role }, next);
}

export async function setPassphrase(
  vault: OpenVault,
  input: OpParsedInput<'users.setPassphrase'>,
  now = new Date(),
): Promise<{ changed: true }> {
  const user = activeUser(vault, input.name);
  const own = vault.actor.userId === user.id;
  if (vault.actor.role !== 'owner' && !own)
    throw new EngineError('NOT_ALLOWED', { role: vault.actor.role, op: 'users.setPassphrase' });
  requireStrongPassphrase(input.passphrase);
  const previous = readKeyringOrNull(vault);
  const keyring = currentKeyring(vault);
  // Your own passphrase keeps your signing key; anyone else's gets a new key and certificate (their old
  // private key is sealed under a passphrase this session does not know).
  const ownKey = own && vault.signer.key ? vault.signer.key : undefined;
  const { slot, keys } = await freshSlot(vault, keyring, user, input.passphrase, ownKey);
  const certificate = ownKey ? null : await certifyUserKey(requireCompany(vault), user, keys.signing, now);
  const next: Keyring = { ...keyring, slots: [...keyring.slots.filter((s) => s.userId !== user.id), slot] };
  withKeyring(vault, previous, next, () =>
    vault.change(
      () => ({
        op: 'users.setPassphrase',
        params: { userId: user.id, rebuiltKeyring: previous === null, newKey: certificate !== null },
        outcome: 'ok',
      }),
      () => {
        if (certificate) storeUserCertificate(vault.db, user, certificate, now);
      },
    ),
  );
  return { changed: true };
}

/** An owner certifies a key awaiting certification (shown to both as its SHA-256 fingerprint). */
export async function certifyUser(
  vault: OpenVault,
  input: OpParsedInput<'users.certify'>,
  now = new Date(),
): Promise<UserInfo> {
  const user = activeUser(vault, input.name);
  const pending = currentUserCertificate(vault.db, user.id);
  if (!pending || pending.status !== 'pending')
    throw new EngineError('NOTHING_TO_CERTIFY', { name: user.name });
  if (pending.keyFingerprint !== input.keyFingerprint)
    throw new EngineError('KEY_FINGERPRINT_MISMATCH', {
      name: user.name,
      fingerprint: pending.keyFingerprint,
    });
  const company = requireCompany(vault);
  const certificate = await certifyUserKey(company, user, createPublicKey(pending.publicKey), now);
  const previous = readKeyringOrNull(vault);
  const keyring = currentKeyring(vault);
  let next = keyring;
  if (user.role === 'owner') {
    const ckek = vault.companyKek();
    const slot = keyring.slots.find((s): s is KeySlotV2 => s.userId === user.id && isV2(s));
    if (ckek && slot)
      next = {
        ...keyring,
        slots: keyring.slots.map((s) =>
          s === slot ? { ...slot, companyKek: companyKekEnvelopeFor(keyring, slot, ckek) } : s,
        ),
      };
    ckek?.key.fill(0);
  }
  withKeyring(vault, previous, next, () =>
    vault.change(
      () => ({
        op: 'users.certify',
        params: { userId: user.id, serial: serialOf(certificate), key: pending.keyFingerprint },
        outcome: 'ok',
      }),
      () => storeUserCertificate(vault.db, user, certificate, now),
    ),
  );
  // The certified user, if it is this session's, signs with the certificate from now on.
  if (vault.actor.userId === user.id && vault.signer.key)
    vault.setKeys({ signer: userSigner(vault.db, user.id, vault.signer.key) });
  return view(vault, user, next);
}
