// users.*: who may open the vault and with which role. Each user has one key slot in the keyring;
// the keyring is rewritten (atomically) before the database records the change, and a failure to
// record it restores the previous keyring, so the two never disagree.
import { randomUUID } from 'node:crypto';
import type { OpParsedInput, Role, UserInfo } from '../../../shared/contract';
import { EngineError } from '../kernel/engine-error';
import { requireStrongPassphrase } from '../vault/create-vault';
import { makeSlot, newKeyring, readKeyring, writeKeyring, type Keyring } from '../vault/keyring';
import type { OpenVault } from '../vault/open-vault';

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

const view = (row: UserRow, keyring: Keyring | null): UserInfo => ({
  id: row.id,
  name: row.name,
  role: row.role,
  createdAt: row.created_at,
  hasPassphrase: keyring?.slots.some((s) => s.userId === row.id) ?? false,
});

function readKeyringOrNull(vault: OpenVault): Keyring | null {
  try {
    return readKeyring(vault.file);
  } catch {
    return null;
  }
}

export function listUsers(vault: OpenVault): UserInfo[] {
  const keyring = readKeyringOrNull(vault);
  const rows = vault.db
    .prepare(
      'SELECT id, name, role, created_at FROM users WHERE removed_at IS NULL ORDER BY created_at, name',
    )
    .all() as UserRow[];
  return rows.map((row) => view(row, keyring));
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
  const previous = readKeyringOrNull(vault);
  const keyring = currentKeyring(vault);
  const user: UserRow = {
    id: randomUUID(),
    name: input.name,
    role: input.role,
    created_at: now.toISOString(),
  };
  const key = vault.vaultKey();
  try {
    keyring.slots.push(await makeSlot(keyring, key, user, input.passphrase));
  } finally {
    key.fill(0);
  }
  withKeyring(vault, previous, keyring, () =>
    vault.change(
      () => ({ op: 'users.add', params: { userId: user.id, role: user.role }, outcome: 'ok' }),
      () =>
        vault.db
          .prepare('INSERT INTO users (id, name, role, created_at) VALUES (?, ?, ?, ?)')
          .run(user.id, user.name, user.role, user.created_at),
    ),
  );
  return view(user, keyring);
}

export function removeUser(
  vault: OpenVault,
  input: OpParsedInput<'users.remove'>,
  now = new Date(),
): { removed: true } {
  const user = activeUser(vault, input.name);
  if (user.role === 'owner' && owners(vault) <= 1) throw new EngineError('LAST_OWNER');
  const previous = readKeyring(vault.file);
  const next: Keyring = { ...previous, slots: previous.slots.filter((s) => s.userId !== user.id) };
  withKeyring(vault, previous, next, () =>
    vault.change(
      () => ({ op: 'users.remove', params: { userId: user.id }, outcome: 'ok' }),
      () => vault.db.prepare('UPDATE users SET removed_at = ? WHERE id = ?').run(now.toISOString(), user.id),
    ),
  );
  return { removed: true };
}

export function setRole(vault: OpenVault, input: OpParsedInput<'users.setRole'>): UserInfo {
  const user = activeUser(vault, input.name);
  if (user.role === 'owner' && input.role !== 'owner' && owners(vault) <= 1)
    throw new EngineError('LAST_OWNER');
  vault.change(
    () => ({
      op: 'users.setRole',
      params: { userId: user.id, from: user.role, to: input.role },
      outcome: 'ok',
    }),
    () => vault.db.prepare('UPDATE users SET role = ? WHERE id = ?').run(input.role, user.id),
  );
  return view({ ...user, role: input.role }, readKeyringOrNull(vault));
}

export async function setPassphrase(
  vault: OpenVault,
  input: OpParsedInput<'users.setPassphrase'>,
): Promise<{ changed: true }> {
  const user = activeUser(vault, input.name);
  if (vault.actor.role !== 'owner' && vault.actor.userId !== user.id)
    throw new EngineError('NOT_ALLOWED', { role: vault.actor.role, op: 'users.setPassphrase' });
  requireStrongPassphrase(input.passphrase);
  const previous = readKeyringOrNull(vault);
  const keyring = currentKeyring(vault);
  const key = vault.vaultKey();
  let slot;
  try {
    slot = await makeSlot(keyring, key, user, input.passphrase);
  } finally {
    key.fill(0);
  }
  const next: Keyring = { ...keyring, slots: [...keyring.slots.filter((s) => s.userId !== user.id), slot] };
  withKeyring(vault, previous, next, () =>
    vault.change(
      () => ({
        op: 'users.setPassphrase',
        params: { userId: user.id, rebuiltKeyring: previous === null },
        outcome: 'ok',
      }),
      () => undefined,
    ),
  );
  return { changed: true };
}
