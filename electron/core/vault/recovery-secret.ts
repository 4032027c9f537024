// The recovery key as keys: a version 1 key is the vault key itself; a version 2 key is a secret R from
// which the vault key and the key that opens the vault's copy of the company key-encryption key are
// derived with HKDF-SHA256 (no salt). Anyone with R reaches the data with openssl and any SQLCipher 4
// client (docs/FORMATS.md, "Recovery key").
import { randomBytes } from 'node:crypto';
import {
  checkRecoveryKey,
  decodeVersionedRecoveryKey,
  encodeRecoveryKey,
  type RecoveryKeyVersion,
} from '../../../shared/recovery-key';
import { EngineError } from '../kernel/engine-error';
import { hkdf32 } from './sealing';

const VAULT_KEY_INFO = 'closeout-vault-key/v2';
const COMPANY_KEK_INFO = 'closeout-company-kek/v2';

export interface RecoveryMaterial {
  version: RecoveryKeyVersion;
  vaultKey: Buffer;
  /** Opens the company KEK's recovery copy inside the vault; null for version 1 keys. */
  companyKekKey: Buffer | null;
}

function materialOf(version: RecoveryKeyVersion, bytes: Buffer): RecoveryMaterial {
  if (version === 1) return { version, vaultKey: Buffer.from(bytes), companyKekKey: null };
  return { version, vaultKey: hkdf32(bytes, VAULT_KEY_INFO), companyKekKey: hkdf32(bytes, COMPANY_KEK_INFO) };
}

/** What a typed recovery key opens; RECOVERY_KEY_MALFORMED (naming the group) when it is mistyped. */
export function recoveryMaterial(text: string): RecoveryMaterial {
  const problem = checkRecoveryKey(text);
  if (problem)
    throw new EngineError('RECOVERY_KEY_MALFORMED', {
      group: problem.kind === 'length' ? '—' : problem.group,
    });
  let decoded;
  try {
    decoded = decodeVersionedRecoveryKey(text);
  } catch {
    throw new EngineError('RECOVERY_KEY_MALFORMED', { group: '13' }); // the version bits live in the last group
  }
  const bytes = Buffer.from(decoded.bytes);
  try {
    return materialOf(decoded.version, bytes);
  } finally {
    bytes.fill(0);
  }
}

/** The SQLCipher key a recovery key stands for (what `closeout recovery-key decode` prints). */
export function recoveryVaultKey(text: string): Buffer {
  const material = recoveryMaterial(text);
  material.companyKekKey?.fill(0);
  return material.vaultKey;
}

/** A fresh version 2 recovery key and what it derives. Show `text` once; zero the buffers after use. */
export function newRecoveryKey(): RecoveryMaterial & { text: string } {
  const secret = randomBytes(32);
  try {
    return { text: encodeRecoveryKey(secret, 2), ...materialOf(2, secret) };
  } finally {
    secret.fill(0);
  }
}
