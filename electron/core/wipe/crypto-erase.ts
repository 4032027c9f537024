// Cryptographic erase (NIST SP 800-88): the vault's pages were encrypted from their first write, so
// destroying every copy of the key leaves only ciphertext. This is the one module that knows where the
// copies are (docs/FORMATS.md §1–§3) and destroys them:
// - the keyring file: per slot, the vault key sealed to the slot's X25519 box key, the slot's own box and
//   signing keys under its passphrase, for owners the company KEK sealed the same way, and during a
//   rekey the pending envelopes of the next key; every file beside it that belongs to it (the unlock
//   throttle's `.keys.state`, stray copies, atomic-write leftovers);
// - the open session's keys in memory (the vault key, the company KEK, the signing key), dropped when
//   the session closes, with SQLite's own copy freed as the connections close.
// Inside the vault, encrypted under the vault key, are the company CA key (sealed under the company KEK)
// and the recovery copy of that KEK (sealed under a key derived from the recovery secret): they go with
// the vault. What the erase cannot destroy it lists: the paper recovery sheet (its destruction is logged
// in the paper log, or it still exists). Backups carry no key slot (a backup folder holds the snapshot,
// its manifest and signature), so a copy on a disk that is not attached opens with no key once these
// are gone — except the recovery key.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { KeyCopy } from '../../../shared/contract';
import { certificateInfo } from '../pki';
import { activeCompanyCertificate } from '../vault/certificates';
import { isV2, keyringPathFor, readKeyring } from '../vault/keyring';
import type { OpenVault } from '../vault/open-vault';
import { throttleKeyFor } from '../vault/unlock-throttle';
import type { Journal } from './journal';
import { overwriteAndDelete, type OverwriteOutcome } from '../util/wipe-file';

/** Files in `dir` named `<name>.…`, or `.<name>.….tmp` (an atomic write's leftover). */
function belongingTo(file: string): string[] {
  const dir = dirname(file);
  const name = basename(file);
  return (existsSync(dir) ? readdirSync(dir) : [])
    .filter((f) => f.startsWith(`${name}.`) || (f.startsWith(`.${name}.`) && f.endsWith('.tmp')))
    .map((f) => join(dir, f));
}

/**
 * The keyring and every file that belongs to it: side files (`.keys.*`, among them the unlock throttle's
 * state beside the vault's real path) and atomic-write leftovers.
 */
export function keyringFiles(vaultFile: string): string[] {
  const keyring = keyringPathFor(vaultFile);
  const state = throttleKeyFor(vaultFile, null).stateFile;
  const realKeyring = state ? state.replace(/\.state$/, '') : keyring;
  return [
    ...new Set([
      keyring,
      ...belongingTo(keyring),
      ...(realKeyring !== keyring ? belongingTo(realKeyring) : []),
      ...(state && existsSync(state) ? [state] : []),
    ]),
  ];
}

const copy = (kind: KeyCopy['kind'], label: string, where: string): KeyCopy => ({
  kind,
  label,
  where,
  action: 'destroy',
  done: false,
});

/** The copies the keyring file holds: each slot's, each owner's company KEK, each pending envelope. */
function keyringCopies(vaultFile: string): KeyCopy[] {
  const path = keyringPathFor(vaultFile);
  if (!existsSync(path)) return [];
  return readKeyring(vaultFile).slots.flatMap((slot) => [
    copy('keyring-slot', slot.userName, path),
    ...(isV2(slot) && slot.companyKek ? [copy('company-kek-envelope', slot.userName, path)] : []),
    ...(isV2(slot) && (slot.pendingVaultKey || slot.pendingCompanyKek)
      ? [copy('pending-envelope', slot.userName, path)]
      : []),
  ]);
}

/** Every key copy the erase knows of, with what it does about each. */
export function listKeyCopies(vault: OpenVault, recoverySheetLogged: boolean): KeyCopy[] {
  const keyring = keyringPathFor(vault.file);
  const company = activeCompanyCertificate(vault.db);
  const sealed = vault.db
    .prepare('SELECT count(*) AS n, count(recovery) AS recovery FROM company_keys')
    .get() as { n: number; recovery: number };
  const companyName = company?.pem ? certificateInfo(company.pem).subject : 'company CA';
  return [
    ...keyringCopies(vault.file),
    ...keyringFiles(vault.file)
      .filter((f) => f !== keyring && existsSync(f))
      .map((f) => copy('keyring-file', basename(f), f)),
    copy('session-key', vault.actor.userName, 'memory'),
    ...(sealed.n > 0 ? [copy('company-key', companyName, 'vault')] : []),
    ...(sealed.recovery > 0 ? [copy('recovery-copy', 'company KEK under the recovery key', 'vault')] : []),
    {
      kind: 'recovery-sheet',
      label: 'recovery key',
      where: 'paper',
      action: recoverySheetLogged ? 'logged' : 'exists',
      done: recoverySheetLogged,
    },
  ];
}

export interface EraseReport {
  keyring: OverwriteOutcome[];
  /** Every file of the keyring is gone. */
  keyringGone: boolean;
  sessionClosed: boolean;
}

/**
 * Destroys the keyring (each file overwritten, flushed and deleted, journalled before it is touched),
 * then closes the session, which zeroes its keys. Idempotent: a rerun finds the files gone.
 */
export function cryptoErase(vaultFile: string, journal: Journal, closeSession: () => boolean): EraseReport {
  const keyring: OverwriteOutcome[] = [];
  for (const file of keyringFiles(vaultFile)) {
    if (journal.fileDone(file)) continue;
    journal.fileBegin(file);
    const outcome = overwriteAndDelete(file);
    journal.fileEnd(file, outcome.result);
    keyring.push(outcome);
  }
  const sessionClosed = closeSession();
  const keyringGone = keyringFiles(vaultFile).every((f) => !existsSync(f));
  return { keyring, keyringGone, sessionClosed };
}
