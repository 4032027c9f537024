// Cryptographic erase (NIST SP 800-88): the vault's pages were encrypted from their first write, so
// destroying every copy of the key leaves only ciphertext. This is the one module that knows where the
// copies are and destroys them: the keyring file (one wrapped copy per user's slot, plus its key check),
// any file beside it that belongs to it, and the open session's key in memory (zeroed when the session
// closes, with SQLite's own copy freed as the connections close). What it cannot destroy it lists: the
// paper recovery sheet (its destruction is logged in the paper log, or it still exists), and the company
// key, which lives only inside the vault, encrypted under the vault key, and goes with it.
// Backups carry no key slot (a backup folder holds the snapshot, its manifest and signature), so a copy
// on a disk that is not attached opens with no key once these are gone — except the recovery key.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { KeyCopy } from '../../../shared/contract';
import { certificateInfo } from '../vault/identity';
import { loadIdentity } from '../vault/identity-store';
import { keyringPathFor, readKeyring } from '../vault/keyring';
import type { OpenVault } from '../vault/open-vault';
import type { Journal } from './journal';
import { overwriteAndDelete, type OverwriteOutcome } from './overwrite';

/** The keyring and every file that belongs to it: side files (`.keys.*`) and atomic-write leftovers. */
export function keyringFiles(vaultFile: string): string[] {
  const keyring = keyringPathFor(vaultFile);
  const dir = dirname(keyring);
  const name = basename(keyring);
  const siblings = existsSync(dir) ? readdirSync(dir) : [];
  return [
    keyring,
    ...siblings
      .filter((f) => f.startsWith(`${name}.`) || (f.startsWith(`.${name}.`) && f.endsWith('.tmp')))
      .map((f) => join(dir, f)),
  ];
}

/** Every key copy the erase knows of, with what it does about each. */
export function listKeyCopies(vault: OpenVault, recoverySheetLogged: boolean): KeyCopy[] {
  const keyring = keyringPathFor(vault.file);
  const slots = existsSync(keyring) ? readKeyring(vault.file).slots : [];
  const identity = loadIdentity(vault.db);
  return [
    ...slots.map((slot): KeyCopy => ({
      kind: 'keyring-slot',
      label: slot.userName,
      where: keyring,
      action: 'destroy',
      done: false,
    })),
    ...keyringFiles(vault.file)
      .filter((f) => f !== keyring && existsSync(f))
      .map((f): KeyCopy => ({
        kind: 'keyring-file',
        label: basename(f),
        where: f,
        action: 'destroy',
        done: false,
      })),
    { kind: 'session-key', label: vault.actor.userName, where: 'memory', action: 'destroy', done: false },
    ...(identity
      ? [
          {
            kind: 'company-key',
            label: certificateInfo(identity.certificatePem).subject,
            where: 'vault',
            action: 'destroy',
            done: false,
          } satisfies KeyCopy,
        ]
      : []),
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
 * then closes the session, which zeroes its key. Idempotent: a rerun finds the files gone.
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
