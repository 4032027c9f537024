// A consistent, frozen view of an open vault's file, for backup.create to copy its encrypted pages as
// they are (a snapshot of an already-encrypted file needs no re-encryption).
//
// The vault runs in WAL mode: committed pages may still sit in the -wal file, and a checkpoint may write
// them into the main file at any time. So, with the vault's own connection holding the write lock (no one,
// in any process, can commit meanwhile), a second connection checkpoints the WAL completely and then opens
// a read transaction. A reader that starts while every WAL frame is already in the main file reads the
// main file alone, and while it stays open no checkpoint may write into that file (SQLite's WAL read lock
// 0); writers go on appending to the WAL. Then the write lock is let go: the main file stays exactly the
// snapshot, byte for byte, until the read transaction ends, and the second connection's queries (row
// counts, audit head) see that same snapshot. A reader on an older snapshot can keep the checkpoint from
// finishing: then the attempt is given up and tried again shortly after.
import { setTimeout as sleep } from 'node:timers/promises';
import { EngineError } from '../kernel/engine-error';
import type { JobContext } from '../kernel/job';
import { openVaultDatabase, type VaultDb } from '../vault/database';
import type { OpenVault } from '../vault/open-vault';

const ATTEMPTS = 100;
const WAIT_MS = 50;

export interface FrozenVault {
  /** A connection inside a read transaction on the snapshot the main file holds. */
  readonly db: VaultDb;
  /** Ends the read transaction (checkpoints may write into the file again) and closes the connection. */
  release(): void;
}

const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code));

/** One attempt: true when `snapshot` now reads the main file alone, complete. */
function tryFreeze(writer: VaultDb, snapshot: VaultDb): boolean {
  try {
    writer.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if (isBusy(error)) return false; // another process is writing: try again shortly
    throw error;
  }
  try {
    const [state] = snapshot.pragma('wal_checkpoint(PASSIVE)') as Array<{
      log: number;
      checkpointed: number;
    }>;
    if (state.log !== state.checkpointed) return false;
    snapshot.exec('BEGIN');
    snapshot.prepare('SELECT count(*) FROM sqlite_schema').get(); // the read transaction starts here
    return true;
  } catch (error) {
    if (snapshot.inTransaction) snapshot.exec('ROLLBACK');
    if (isBusy(error)) return false;
    throw error;
  } finally {
    writer.exec('ROLLBACK');
  }
}

export async function freezeVault(vault: OpenVault, job: JobContext): Promise<FrozenVault> {
  if (vault.db.inTransaction) throw new Error('freezeVault inside a transaction');
  const key = vault.vaultKey();
  let db: VaultDb;
  try {
    db = openVaultDatabase(vault.file, key);
  } finally {
    key.fill(0);
  }
  try {
    for (let attempt = 1; !tryFreeze(vault.db, db); attempt++) {
      if (attempt === ATTEMPTS)
        throw new EngineError('BACKUP_VAULT_BUSY', { seconds: Math.round((ATTEMPTS * WAIT_MS) / 1000) });
      await sleep(WAIT_MS);
      await job.checkpoint();
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    db,
    release: () => {
      if (db.inTransaction) db.exec('COMMIT');
      db.close();
    },
  };
}
