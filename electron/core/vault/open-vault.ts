// An unlocked vault: the database connection, the key (kept only while open, zeroed on lock) and who
// opened it. Every change goes through `change()`, which writes the change and its audit entry in one
// transaction: if the audit entry cannot be written, the change does not happen.
import type { Role, SessionInfo } from '../../../shared/contract';
import { appendAudit, type AuditEntry, type AuditInput } from './audit';
import { shouldCheckpoint, writeCheckpoint } from './checkpoints';
import { openVaultReader, type VaultDb } from './database';
import { loadIdentity } from './identity-store';
import { readMeta } from './meta';

export interface Actor {
  userId: string | null;
  userName: string;
  role: Role;
  viaRecoveryKey: boolean;
}

export class OpenVault {
  private key: Buffer | null;
  private readerDb: VaultDb | null = null;

  constructor(
    readonly file: string,
    readonly vaultId: string,
    readonly db: VaultDb,
    key: Buffer,
    readonly actor: Actor,
  ) {
    this.key = Buffer.from(key);
  }

  get isOpen(): boolean {
    return this.key !== null;
  }

  /** A copy of the vault key, for wrapping it into a new key slot. Zero it after use. */
  vaultKey(): Buffer {
    if (!this.key) throw new Error('vault is locked');
    return Buffer.from(this.key);
  }

  session(): SessionInfo {
    const meta = readMeta(this.db);
    return {
      vaultId: this.vaultId,
      path: this.file,
      clientName: meta.clientName,
      userName: this.actor.userName,
      role: this.actor.role,
      viaRecoveryKey: this.actor.viaRecoveryKey,
      idleTimeoutMinutes: meta.idleTimeoutMinutes,
    };
  }

  /** Appends an audit entry on its own (for reads worth recording), checkpointing when due. */
  audit(input: AuditInput, irreversible = false): AuditEntry {
    return this.db.transaction(() => this.appendWithCheckpoint(input, irreversible))();
  }

  /** Runs `work` and records it, atomically. `describe` builds the entry from the work's result. */
  change<T>(describe: (result: T) => AuditInput, work: () => T, irreversible = false): T {
    return this.db.transaction(() => {
      const result = work();
      this.appendWithCheckpoint(describe(result), irreversible);
      return result;
    })();
  }

  private appendWithCheckpoint(input: AuditInput, irreversible: boolean): AuditEntry {
    const entry = appendAudit(this.db, { userId: this.actor.userId, userName: this.actor.userName }, input);
    if (irreversible || shouldCheckpoint(this.db)) {
      const identity = loadIdentity(this.db);
      if (identity) writeCheckpoint(this.db, this.vaultId, identity, irreversible ? input.op : 'periodic');
    }
    return entry;
  }

  /**
   * The read-only connection for views (opened on first use, closed with the vault): it sees only
   * committed data, so a view during a running import shows the vault as it was before it.
   */
  reader(): VaultDb {
    if (!this.key) throw new Error('vault is locked');
    this.readerDb ??= openVaultReader(this.file, this.key);
    return this.readerDb;
  }

  close(): void {
    if (!this.key) return;
    this.readerDb?.close();
    this.readerDb = null;
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      /* closing must always succeed; the WAL is replayed on the next open */
    }
    this.db.close();
    this.key.fill(0);
    this.key = null;
  }
}
