// Finishing or undoing a rekey that a crash interrupted, before anything opens the vault. The keyring's
// `pending` record names the vault file's first 16 bytes (SQLCipher's random salt) from before the
// rekey: if the file still starts with them, the re-encrypted copy never replaced it, and the rekey is
// undone (the copy deleted, the pending envelopes dropped); if not, the rename happened and the rekey is
// finished (each slot's pending envelopes become its current ones). Needs no key: only the two files.
import { closeSync, existsSync, openSync, readSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isV2, readKeyring, writeKeyring, type Keyring } from './keyring';

export function fileSalt(file: string): string {
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString('hex');
}

function alive(pid: number | undefined): boolean {
  if (!pid || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The keyring once the rekey it records is complete: pending envelopes promoted, removed slots gone. */
export function promotePending(keyring: Keyring): Keyring {
  const pending = keyring.pending;
  if (!pending) return keyring;
  return {
    ...keyring,
    generation: pending.generation,
    keyCheck: pending.keyCheck,
    pending: null,
    slots: keyring.slots.flatMap((slot) => {
      if (!isV2(slot) || !slot.pendingVaultKey) return []; // a slot not given the new key opens nothing now
      const { pendingVaultKey, pendingCompanyKek, companyKek: _old, ...rest } = slot;
      return [
        {
          ...rest,
          vaultKey: pendingVaultKey,
          ...(pendingCompanyKek ? { companyKek: pendingCompanyKek } : {}),
        },
      ];
    }),
  };
}

export function dropPending(keyring: Keyring): Keyring {
  return {
    ...keyring,
    pending: null,
    slots: keyring.slots.map((slot) => {
      if (!isV2(slot)) return slot;
      const { pendingVaultKey: _v, pendingCompanyKek: _k, ...rest } = slot;
      return rest;
    }),
  };
}

/** Settles an interrupted rekey of `file`, unless the process that started it is still running. */
export function settlePendingRekey(file: string): 'none' | 'finished' | 'undone' | 'in-progress' {
  let keyring: Keyring;
  try {
    keyring = readKeyring(file);
  } catch {
    return 'none'; // the caller reports a missing or damaged keyring in its own words
  }
  const pending = keyring.pending;
  if (!pending) return 'none';
  if (alive(pending.pid)) return 'in-progress';
  const temp = join(dirname(file), pending.temp);
  if (existsSync(file) && fileSalt(file) === pending.oldSalt) {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) rmSync(f, { force: true });
    writeKeyring(file, dropPending(keyring));
    return 'undone';
  }
  writeKeyring(file, promotePending(keyring));
  return 'finished';
}
