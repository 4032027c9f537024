// Opens a vault file: SQLCipher 4 through better-sqlite3-multiple-ciphers. `cipher='sqlcipher'` AND
// `legacy=4` on every open (without legacy=4 the file is SQLite3MultipleCiphers' own variant, which no
// SQLCipher client opens), the raw 256-bit key (no PBKDF2 on top: the key is random, not a passphrase),
// temp files in memory, freed pages zeroed. The PRAGMAs are listed in docs/FORMATS.md.
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { EngineError } from '../kernel/engine-error';

export type VaultDb = Database.Database;

export const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function rawKeyLiteral(vaultKey: Buffer): Buffer {
  return Buffer.from(`x'${vaultKey.toString('hex')}'`, 'latin1');
}

/** Looks at a file before handing it to SQLite, so a plain or foreign file gets its own clear error. */
export function inspectVaultFile(file: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new EngineError('VAULT_NOT_FOUND', { path: file, reason: (error as NodeJS.ErrnoException).code });
  }
  if (size === 0 || size % 512 !== 0)
    throw new EngineError('VAULT_DAMAGED', { path: file, reason: `size ${size}` });
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.equals(SQLITE_PLAIN_HEADER))
    throw new EngineError('NOT_A_VAULT', { path: file, reason: 'unencrypted SQLite' });
}

function applyCipher(db: VaultDb, vaultKey: Buffer, hmacCheck = true): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  if (!hmacCheck) db.pragma('hmac_check = 0'); // read before the key: the codec takes it when keyed
  db.key(rawKeyLiteral(vaultKey));
}

function applySessionPragmas(db: VaultDb): void {
  db.pragma('temp_store = MEMORY'); // no plaintext temp files
  db.pragma('secure_delete = ON'); // freed pages are zeroed before they are reused or left behind
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
}

export function createVaultDatabase(file: string, vaultKey: Buffer): VaultDb {
  const db = new Database(file, { fileMustExist: false });
  try {
    applyCipher(db, vaultKey);
    applySessionPragmas(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export interface OpenOptions {
  /**
   * Every page of this very file has just been checked against its SQLCipher HMAC (docs/FORMATS.md §9: a
   * restored copy whose SHA-256 equals that of the file checked page by page), so SQLite does not check
   * each page's HMAC again as it reads it (SQLite3 Multiple Ciphers' `hmac_check`); pages are still
   * decrypted, and the HMACs of pages it writes are still computed.
   */
  pagesAuthenticated?: boolean;
}

/**
 * Opens an existing vault with a key the keyring has already confirmed. A read failure now means the
 * file itself is damaged (the key is right), which is reported as such. Nothing is written until the
 * first read has succeeded.
 */
export function openVaultDatabase(file: string, vaultKey: Buffer, options: OpenOptions = {}): VaultDb {
  inspectVaultFile(file);
  let db: VaultDb;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new EngineError('VAULT_NOT_FOUND', { path: file, reason: (error as Error).message });
  }
  try {
    applyCipher(db, vaultKey, !options.pagesAuthenticated);
    db.pragma('temp_store = MEMORY');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    applySessionPragmas(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof EngineError) throw error;
    throw new EngineError('VAULT_DAMAGED', { path: file, reason: (error as Error).message });
  }
}

/**
 * A second, read-only connection to an open vault, for the views (records, stats, clusters). WAL gives
 * it the last committed state: while an import's one long transaction is still running on the main
 * connection, the window sees the vault as it was, never rows that a cancel may yet roll back.
 */
export function openVaultReader(file: string, vaultKey: Buffer): VaultDb {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    applyCipher(db, vaultKey);
    db.pragma('temp_store = MEMORY'); // sorts and big GROUP BYs stay off the disk, as on the main one
    db.pragma('busy_timeout = 5000');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw new EngineError('VAULT_DAMAGED', { path: file, reason: (error as Error).message });
  }
}
