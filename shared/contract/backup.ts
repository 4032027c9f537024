// backup.*: encrypted snapshots on another disk, their verification, drills, restores and retention.
import { z } from 'zod';
import { backupRefSchema, fileRef, none, op, ROLES, type OpSpec } from './op';
import type { SessionInfo } from './vault';

/** One named check of a backup; a failure is a value with `ok: false`, never silent. */
export interface BackupCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface BackupManifestSummary {
  backupId: string;
  vaultId: string;
  clientName: string;
  schemaVersion: number;
  appVersion: string;
  operator: string;
  createdAt: string;
  file: string;
  size: number;
  sha256: string;
  rowCounts: Record<string, number>;
  /** Version 1 manifests always; version 2 leave it out (the restore drill computes it). */
  contentDigest: string | null;
  auditHead: { seq: number; hash: string };
}

export interface BackupSigner {
  subject: string;
  fingerprintSha256: string;
  /** What the certificate was pinned to: the open vault's identity, the identity inside the backup, or nothing. */
  pinnedTo: 'vault' | 'backup' | null;
}

export interface BackupVerification {
  ok: boolean;
  path: string;
  checks: BackupCheck[];
  manifest: BackupManifestSummary | null;
  signer: BackupSigner | null;
  /** True when the result was recorded in the open vault's backups table. */
  recorded: boolean;
}

export interface BackupCreated {
  backupId: string;
  path: string;
  manifestPath: string;
  signaturePath: string;
  size: number;
  sha256: string;
  createdAt: string;
  rowCounts: Record<string, number>;
  /**
   * The new file read back from the destination and checked: every page's HMAC, the SHA-256, the pages
   * against the ones copied, the signed manifest. The structure and the records are the drill's to check.
   */
  verification: BackupVerification;
}

export interface BackupRestored {
  path: string;
  vaultId: string;
  /** 'copied': the open vault's keyring (same passphrases); 'recovery-only': no slots, recovery key only. */
  keyring: 'copied' | 'recovery-only';
  /** The restored vault, when it was unlocked as the session (restored with the recovery key). */
  session: SessionInfo | null;
  registered: boolean;
}

export interface BackupDrill {
  at: string;
  ok: boolean;
  by: string;
  failed: string[];
  /** The content digest the drill computed from the restored copy (absent in drills recorded before). */
  contentDigest?: string;
}

export interface BackupDrillResult {
  ok: boolean;
  backupId: string | null;
  at: string;
  checks: BackupCheck[];
  /** The content digest computed from the restored copy (null when the drill did not get that far). */
  contentDigest: string | null;
  /** The signed restore-drill certificate, when a folder was given and the drill passed. */
  certificate: { pdf: string; json: string; signature: string } | null;
}

/** What retention decided for one backup copy (backup.prune). */
export interface BackupPruneItem {
  id: string;
  createdAt: string;
  path: string;
  present: boolean;
  lastVerifyOk: boolean | null;
  action: 'keep' | 'delete';
  /** Why it is kept: 'last', 'daily', 'monthly', 'last-verified'. */
  reasons: Array<'last' | 'daily' | 'monthly' | 'last-verified'>;
  /** After a real run: whether its files were deleted; absent disks are not ('absent'). */
  deleted: boolean;
  note: 'absent' | 'failed' | null;
}

export interface BackupPrunePlan {
  dryRun: boolean;
  at: string;
  policy: { keepLast: number; keepDaily: number; keepMonthly: number };
  items: BackupPruneItem[];
  kept: number;
  deleted: number;
  /** To delete, but their disk is not here: left registered, to delete when it is. */
  absent: number;
}

export interface BackupRecord {
  id: string;
  createdAt: string;
  path: string;
  volume: string | null;
  sha256: string;
  size: number;
  manifestSha256: string;
  lastVerifiedAt: string | null;
  lastVerifyOk: boolean | null;
  drills: BackupDrill[];
  /** False when the file is no longer where it was written. */
  present: boolean;
  /** When retention (backup.prune) deleted this copy's files; null while it is kept. */
  deletedAt: string | null;
}

export const backupOps = {
  'backup.create': op<BackupCreated>()({
    input: z.strictObject({ dir: fileRef('backup-destination', 'folder') }),
    access: ['owner', 'operator'],
    job: true,
    writes: true,
    summary: 'Write an encrypted snapshot of the vault with a signed manifest to a folder on another disk',
  }),
  'backup.verify': op<BackupVerification>()({
    input: z.strictObject({ backup: backupRefSchema, recoveryKey: z.string().min(1).max(200).optional() }),
    // Reading a copy back is everyone's to do; what it writes is that copy's verification record.
    access: ROLES,
    orRecoveryKey: true,
    job: true,
    writes: true,
    summary: 'Read a backup back: hash, signature, every page and every record against its manifest',
  }),
  'backup.restore': op<BackupRestored>()({
    input: z.strictObject({
      backup: backupRefSchema,
      to: fileRef('vault', 'save'),
      recoveryKey: z.string().min(1).max(200).optional(),
    }),
    // The restored file becomes the registered file of its vault: an owner's decision.
    access: ['owner'],
    orRecoveryKey: true,
    job: true,
    writes: true,
    summary: 'Verify a backup, then restore it as a new vault file (never over an existing one)',
  }),
  'backup.drill': op<BackupDrillResult>()({
    input: z.strictObject({
      backup: backupRefSchema,
      certificateDir: fileRef('drill-certificate', 'folder').optional(),
    }),
    access: ['owner', 'operator'],
    job: true,
    writes: true,
    summary: 'Restore a backup into a scratch folder, compare every record, delete it, record the drill',
  }),
  'backup.list': op<BackupRecord[]>()({
    input: none,
    access: ROLES,
    job: false,
    writes: false,
    summary: 'Every backup copy of the open vault, with its last verification and drills',
  }),
  'backup.prune': op<BackupPrunePlan>()({
    input: z.strictObject({
      keepLast: z.int().min(1).max(10_000),
      keepDaily: z.int().min(0).max(10_000).default(0),
      keepMonthly: z.int().min(0).max(10_000).default(0),
      dryRun: z.boolean().default(false),
    }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: 'Retention: keep the last N, the newest per day and per month; never the last verified copy',
  }),
} as const satisfies Record<string, OpSpec>;
