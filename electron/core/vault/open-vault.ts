// An unlocked vault: the database connection, the key (kept only while open, zeroed on lock), who
// opened it and what they sign with (their own key; for owners and recovery sessions also the company
// key, dropped on lock). Every change goes through `change()`, which writes the change and its signed
// audit entry in one transaction: if the audit entry cannot be written, the change does not happen.
import type { Role, SessionInfo } from '../../../shared/contract';
import type { CompanyCa } from '../pki';
import { appendAudit, type AuditEntry, type AuditInput } from './audit';
import { checkpointReason, requiresCheckpoint, writeCheckpoint } from './checkpoints';
import { openVaultReader, type VaultDb } from './database';
import type { CompanyKek } from './keyring';
import { readMeta } from './meta';
import { NO_SIGNER, type SessionSigner } from './signer';

export interface Actor {
  userId: string | null;
  userName: string;
  role: Role;
  viaRecoveryKey: boolean;
}

/** What a session signs and certifies with; `company` and `ckek` only for owners and recovery sessions. */
export interface SessionKeys {
  signer: SessionSigner;
  company: CompanyCa | null;
  ckek: CompanyKek | null;
  /** The keyring slot the session opened (null for recovery-key sessions). */
  slotId: string | null;
}

export class OpenVault {
  private key: Buffer | null;
  private readerDb: VaultDb | null = null;
  private keys: SessionKeys;
  /** A version 2 recovery key this session made (create, rotation), for its sheet; never stored. */
  freshRecoveryKey: string | null = null;

  constructor(
    readonly file: string,
    readonly vaultId: string,
    public db: VaultDb,
    key: Buffer,
    readonly actor: Actor,
    keys: SessionKeys = { signer: NO_SIGNER, company: null, ckek: null, slotId: null },
  ) {
    this.key = Buffer.from(key);
    this.keys = { ...keys, ckek: keys.ckek ? { id: keys.ckek.id, key: Buffer.from(keys.ckek.key) } : null };
  }

  get signer(): SessionSigner {
    return this.keys.signer;
  }

  /** The company CA with its key: owners' and recovery sessions only; null otherwise. */
  get company(): CompanyCa | null {
    return this.key ? this.keys.company : null;
  }

  /** A copy of the company KEK (owners, recovery sessions); zero it after use. */
  companyKek(): CompanyKek | null {
    const ckek = this.key ? this.keys.ckek : null;
    return ckek ? { id: ckek.id, key: Buffer.from(ckek.key) } : null;
  }

  get slotId(): string | null {
    return this.keys.slotId;
  }

  /** Replaces what the session signs with (after an upgrade gave the user a key, or a certification). */
  setKeys(keys: Partial<SessionKeys>): void {
    if (keys.ckek !== undefined) this.keys.ckek?.key.fill(0);
    this.keys = {
      ...this.keys,
      ...keys,
      ...(keys.ckek !== undefined
        ? { ckek: keys.ckek && { id: keys.ckek.id, key: Buffer.from(keys.ckek.key) } }
        : {}),
    };
  }

  /** After a rekey: the connection to the re-encrypted file and its key replace the old ones. */
  replaceDatabase(db: VaultDb, key: Buffer): void {
    this.readerDb?.close();
    this.readerDb = null;
    this.db = db;
    this.key?.fill(0);
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
    const entry = appendAudit(
      this.db,
      { userId: this.actor.userId, userName: this.actor.userName },
      input,
      new Date(),
      { vaultId: this.vaultId, signer: this.keys.signer },
    );
    if (irreversible || requiresCheckpoint(entry))
      writeCheckpoint(
        this.db,
        this.vaultId,
        this.keys.signer,
        irreversible ? input.op : checkpointReason(entry),
      );
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
    this.keys.ckek?.key.fill(0);
    // KeyObjects cannot be overwritten from JavaScript; dropping them leaves them to the collector.
    this.keys = { signer: NO_SIGNER, company: null, ckek: null, slotId: null };
    this.freshRecoveryKey = null;
  }
}
